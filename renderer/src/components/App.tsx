import { useCallback, useState, type ReactNode } from 'react';
import type { VaultStatus } from '../../../shared/types';
import { call, hasApi } from '../api';
import { useVaultStatus } from '../useVaultStatus';
import { CaseList } from './CaseList';
import { CasePage } from './CasePage';
import { ChangePassphraseDialog } from './ChangePassphraseDialog';
import { Header } from './Header';
import { Overview } from './Overview';
import { VaultGate } from './VaultGate';

export function App() {
  const session = useVaultStatus();
  // Kept across a lock, so unlocking returns the reviewer to the case they were on.
  const [selectedCaseId, setSelectedCaseId] = useState<string | null>(null);

  if (!hasApi()) {
    return (
      <CenteredMessage title="Vetbench is not connected">
        This page only works inside the Vetbench app, which connects it to your vault.
      </CenteredMessage>
    );
  }
  if (!session.status) {
    return session.error ? (
      <CenteredMessage title="The vault could not be reached" alert>
        {session.error.message}
      </CenteredMessage>
    ) : (
      <CenteredMessage title="Opening Vetbench…" />
    );
  }
  if (!session.status.unlocked) {
    return <VaultGate status={session.status} lastReviewer={session.lastReviewer} onOpened={session.update} />;
  }
  return (
    <Workspace
      status={session.status}
      onStatus={session.update}
      selectedCaseId={selectedCaseId}
      onSelectCase={setSelectedCaseId}
    />
  );
}

interface WorkspaceProps {
  status: VaultStatus;
  onStatus: (status: VaultStatus) => void;
  selectedCaseId: string | null;
  onSelectCase: (caseId: string | null) => void;
}

function Workspace({ status, onStatus, selectedCaseId, onSelectCase }: WorkspaceProps) {
  // Bumped after anything that changes the vault, so lists, the case and the log re-read it.
  const [revision, setRevision] = useState(0);
  const [changingPassphrase, setChangingPassphrase] = useState(false);
  const [notice, setNotice] = useState<{ text: string; alert: boolean } | null>(null);

  const changed = useCallback(() => setRevision((r) => r + 1), []);

  const lock = async () => {
    const result = await call('lockVault', {});
    if (result.ok) onStatus(result.value);
    else setNotice({ text: result.error.message, alert: true });
  };

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <Header
        status={status}
        notice={notice}
        onDismissNotice={() => setNotice(null)}
        onLock={() => void lock()}
        onChangePassphrase={() => setChangingPassphrase(true)}
      />
      <div className="workspace">
        <CaseList
          selectedId={selectedCaseId}
          revision={revision}
          onSelect={onSelectCase}
          onCreated={(created) => {
            changed();
            onSelectCase(created.id);
          }}
        />
        <main className="main" id="main" tabIndex={-1}>
          {selectedCaseId ? (
            <CasePage
              key={selectedCaseId}
              caseId={selectedCaseId}
              revision={revision}
              maxImportBytes={status.maxImportBytes}
              onChanged={changed}
            />
          ) : (
            <Overview revision={revision} />
          )}
        </main>
      </div>
      {changingPassphrase && (
        <ChangePassphraseDialog
          onClose={() => setChangingPassphrase(false)}
          onChanged={(next) => {
            setChangingPassphrase(false);
            onStatus(next);
            changed();
            setNotice({ text: 'Passphrase changed. Use the new one from now on.', alert: false });
          }}
        />
      )}
    </div>
  );
}

function CenteredMessage({ title, alert = false, children }: { title: string; alert?: boolean; children?: ReactNode }) {
  return (
    <main className="gate">
      <div className="gate-card">
        <h1 className="gate-title">{title}</h1>
        {children && (
          <p className={alert ? 'message message-error' : 'muted'} role={alert ? 'alert' : undefined}>
            {children}
          </p>
        )}
      </div>
    </main>
  );
}
