import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ApiError } from '../../../shared/api';
import type { CaseSummary } from '../../../shared/types';
import { call } from '../api';
import { useApiQuery } from '../useApiQuery';
import { EvidenceTable } from './EvidenceTable';
import { ImportPanel } from './ImportPanel';
import { LogPanel } from './LogPanel';
import { StatusBadge } from './StatusBadge';
import { When } from './When';

interface CasePageProps {
  caseId: string;
  revision: number;
  maxImportBytes: number;
  onChanged: () => void;
}

export function CasePage({ caseId, revision, maxImportBytes, onChanged }: CasePageProps) {
  const detail = useApiQuery('getCase', { caseId }, revision);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [renaming, setRenaming] = useState(false);
  const loaded = detail.value !== null;

  // Opening a case moves focus to its title, as a page change would.
  useEffect(() => {
    if (loaded) headingRef.current?.focus();
  }, [loaded]);

  if (detail.error) {
    return (
      <div className="page">
        <p className="message message-error" role="alert">
          {detail.error.message}
        </p>
      </div>
    );
  }
  if (!detail.value) return <div className="page" aria-busy="true" />;

  const { case: summary, evidence } = detail.value;
  return (
    <div className="page">
      <header className="page-head">
        <div className="page-title">
          <p className="eyebrow">Case</p>
          {renaming ? (
            <RenameForm
              summary={summary}
              onDone={(renamed) => {
                setRenaming(false);
                if (renamed) onChanged();
                requestAnimationFrame(() => headingRef.current?.focus());
              }}
            />
          ) : (
            <h1 ref={headingRef} tabIndex={-1}>
              {summary.name}
            </h1>
          )}
          <p className="page-meta">
            <StatusBadge status={summary.status} />
            <span>
              Created <When iso={summary.createdAt} />
            </span>
            <span>
              Updated <When iso={summary.updatedAt} />
            </span>
          </p>
        </div>
        {!renaming && (
          <div className="page-actions">
            <button type="button" className="button button-secondary" onClick={() => setRenaming(true)}>
              Rename
            </button>
          </div>
        )}
      </header>

      <ImportPanel caseId={caseId} maxImportBytes={maxImportBytes} onSettled={onChanged} />
      <EvidenceTable evidence={evidence} />
      <LogPanel caseId={caseId} caseName={summary.name} revision={revision} />
    </div>
  );
}

function RenameForm({ summary, onDone }: { summary: CaseSummary; onDone: (renamed: boolean) => void }) {
  const ids = { input: useId(), error: useId() };
  const [name, setName] = useState(summary.name);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next = name.trim();
    if (next === summary.name) return onDone(false);
    if (!next) {
      setError({ code: 'BAD_INPUT', message: 'A case needs a name.' });
      return;
    }
    setBusy(true);
    const result = await call('renameCase', { caseId: summary.id, name: next });
    setBusy(false);
    if (result.ok) onDone(true);
    else setError(result.error);
  };

  return (
    <form
      className="rename-form"
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onDone(false);
        }
      }}
      noValidate
    >
      <label htmlFor={ids.input} className="visually-hidden">
        Case name
      </label>
      <div className="input-row">
        <input
          id={ids.input}
          className="rename-input"
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={200}
          autoComplete="off"
          autoFocus
          onFocus={(e) => e.target.select()}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? ids.error : undefined}
        />
        <button type="submit" className="button button-primary" disabled={busy}>
          Save
        </button>
        <button type="button" className="button button-quiet" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
      {error && (
        <p id={ids.error} className="message message-error" role="alert">
          {error.message}
        </p>
      )}
    </form>
  );
}
