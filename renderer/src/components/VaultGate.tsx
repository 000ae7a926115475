import { useId, useRef, useState, type FormEvent } from 'react';
import type { ApiError } from '../../../shared/api';
import type { VaultStatus } from '../../../shared/types';
import { call } from '../api';
import { Field } from './Field';
import { Logo } from './Logo';

// The engine enforces the real rule (WEAK_PASSPHRASE, with its own message); this only
// tells people the rule before they try.
const PASSPHRASE_HINT = 'At least 12 characters. Four or five unrelated words work well.';

interface VaultGateProps {
  status: VaultStatus;
  lastReviewer: string;
  onOpened: (status: VaultStatus) => void;
}

/** Create the vault on first run, unlock it afterwards. Nothing else is reachable until then. */
export function VaultGate({ status, lastReviewer, onOpened }: VaultGateProps) {
  return (
    <main className="gate">
      <div className="gate-card">
        <div className="gate-brand">
          <Logo size={32} />
          <span>Vetbench</span>
        </div>
        {status.exists ? (
          <UnlockForm status={status} lastReviewer={lastReviewer} onOpened={onOpened} />
        ) : (
          <CreateForm onOpened={onOpened} />
        )}
      </div>
      <p className="gate-footer">
        Vault folder: <code>{status.location}</code>
      </p>
    </main>
  );
}

type Problem = { field: 'reviewer' | 'passphrase' | 'confirm' | null; message: string };

function problemFrom(error: ApiError): Problem {
  const field =
    error.code === 'WRONG_PASSPHRASE' || error.code === 'WEAK_PASSPHRASE'
      ? 'passphrase'
      : error.code === 'BAD_INPUT' && /reviewer/.test(error.message)
        ? 'reviewer'
        : null;
  return { field, message: error.message };
}

function CreateForm({ onOpened }: { onOpened: (status: VaultStatus) => void }) {
  const errorId = useId();
  const [reviewer, setReviewer] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const reviewerRef = useRef<HTMLInputElement>(null);
  const passphraseRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);

  const fail = (next: Problem) => {
    setProblem(next);
    const input = next.field && { reviewer: reviewerRef, passphrase: passphraseRef, confirm: confirmRef }[next.field];
    input?.current?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reviewer.trim())
      return fail({ field: 'reviewer', message: 'Enter the reviewer’s name: it is recorded on every log event.' });
    if (passphrase !== confirm) {
      return fail({
        field: 'confirm',
        message: 'The two passphrases differ. Type the same passphrase in both fields.',
      });
    }
    setBusy(true);
    setProblem(null);
    const result = await call('createVault', { reviewer: reviewer.trim(), passphrase });
    setBusy(false);
    if (result.ok) onOpened(result.value);
    else fail(problemFrom(result.error));
  };

  return (
    <form className="gate-form" onSubmit={(e) => void submit(e)} noValidate>
      <h1 className="gate-title">Create your vault</h1>
      <p className="muted">
        Cases, evidence files and the vetting log are kept encrypted on this computer. The passphrase is the only way
        in: there is no recovery, so store it somewhere safe.
      </p>
      <Field
        label="Reviewer name"
        hint="Recorded as the actor of every event in the vetting log."
        autoComplete="name"
        value={reviewer}
        onChange={(e) => setReviewer(e.target.value)}
        inputRef={reviewerRef}
        invalid={problem?.field === 'reviewer'}
        errorId={errorId}
        maxLength={120}
        autoFocus
      />
      <Field
        label="Passphrase"
        hint={PASSPHRASE_HINT}
        type="password"
        autoComplete="new-password"
        value={passphrase}
        onChange={(e) => setPassphrase(e.target.value)}
        inputRef={passphraseRef}
        invalid={problem?.field === 'passphrase'}
        errorId={errorId}
      />
      <Field
        label="Confirm passphrase"
        type="password"
        autoComplete="new-password"
        value={confirm}
        onChange={(e) => setConfirm(e.target.value)}
        inputRef={confirmRef}
        invalid={problem?.field === 'confirm'}
        errorId={errorId}
      />
      {problem && (
        <p id={errorId} className="message message-error" role="alert">
          {problem.message}
        </p>
      )}
      <button type="submit" className="button button-primary button-block" disabled={busy}>
        {busy ? 'Creating vault…' : 'Create vault'}
      </button>
    </form>
  );
}

function UnlockForm({ status, lastReviewer, onOpened }: VaultGateProps) {
  const errorId = useId();
  const [reviewer, setReviewer] = useState(status.reviewer ?? lastReviewer);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const passphraseRef = useRef<HTMLInputElement>(null);
  const reviewerRef = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!passphrase) {
      setProblem({ field: 'passphrase', message: 'Enter the vault’s passphrase.' });
      passphraseRef.current?.focus();
      return;
    }
    setBusy(true);
    setProblem(null);
    // An empty name keeps the reviewer stored in the vault.
    const result = await call(
      'unlockVault',
      reviewer.trim() ? { passphrase, reviewer: reviewer.trim() } : { passphrase },
    );
    setBusy(false);
    if (result.ok) {
      onOpened(result.value);
      return;
    }
    const next = problemFrom(result.error);
    setProblem(next);
    const target = next.field === 'reviewer' ? reviewerRef.current : passphraseRef.current;
    target?.focus();
    target?.select();
  };

  return (
    <form className="gate-form" onSubmit={(e) => void submit(e)} noValidate>
      <h1 className="gate-title">Unlock your vault</h1>
      <p className="muted">Enter the passphrase to open your cases and the vetting log.</p>
      <Field
        label="Passphrase"
        type="password"
        autoComplete="current-password"
        value={passphrase}
        onChange={(e) => setPassphrase(e.target.value)}
        inputRef={passphraseRef}
        invalid={problem?.field === 'passphrase'}
        errorId={errorId}
        autoFocus
      />
      <Field
        label="Reviewer name"
        hint="Recorded as the actor of this session’s log events. Leave empty to use the vault’s reviewer."
        autoComplete="name"
        value={reviewer}
        onChange={(e) => setReviewer(e.target.value)}
        inputRef={reviewerRef}
        invalid={problem?.field === 'reviewer'}
        errorId={errorId}
        maxLength={120}
      />
      {problem && (
        <p id={errorId} className="message message-error" role="alert">
          {problem.message}
        </p>
      )}
      <button type="submit" className="button button-primary button-block" disabled={busy}>
        {busy ? 'Unlocking…' : 'Unlock'}
      </button>
    </form>
  );
}
