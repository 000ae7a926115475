import { LogPanel } from './LogPanel';

/** What the main area shows before a case is chosen: where to start, and the vault's log. */
export function Overview({ revision }: { revision: number }) {
  return (
    <div className="page">
      <header className="page-head">
        <div className="page-title">
          <p className="eyebrow">Vault</p>
          <h1>Choose a case</h1>
          <p className="muted page-lede">
            Pick a case on the left, or create one with the name of the person you are vetting. Evidence, findings and
            every step you take are recorded in the vetting log below.
          </p>
        </div>
      </header>
      <LogPanel caseId={null} caseName={null} revision={revision} />
    </div>
  );
}
