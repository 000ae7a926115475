import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { VaultStatus } from '../../../shared/types';
import { call } from '../api';
import { Field } from './Field';

interface ChangePassphraseDialogProps {
  onClose: () => void;
  onChanged: (status: VaultStatus) => void;
}

type Problem = { field: 'current' | 'next' | 'confirm'; message: string };

/**
 * A modal <dialog>: the browser traps focus inside it, closes it on Escape and gives focus
 * back to the button that opened it.
 */
export function ChangePassphraseDialog({ onClose, onChanged }: ChangePassphraseDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const ids = { title: useId(), error: useId() };
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const currentRef = useRef<HTMLInputElement>(null);
  const nextRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    // Removing the element on unmount ends the modal state; closing it here as well would
    // fire 'close' and, under StrictMode's double effects, dismiss the dialog at once.
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const fail = (p: Problem) => {
    setProblem(p);
    const input = { current: currentRef, next: nextRef, confirm: confirmRef }[p.field].current;
    input?.focus();
    input?.select();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!current) return fail({ field: 'current', message: 'Enter the passphrase you use now.' });
    if (next !== confirm) {
      return fail({ field: 'confirm', message: 'The new passphrases differ. Type the same one in both fields.' });
    }
    if (next === current) return fail({ field: 'next', message: 'The new passphrase is the same as the current one.' });
    setBusy(true);
    setProblem(null);
    const result = await call('changePassphrase', { current, next });
    setBusy(false);
    if (result.ok) {
      onChanged(result.value);
      return;
    }
    fail({ field: result.error.code === 'WRONG_PASSPHRASE' ? 'current' : 'next', message: result.error.message });
  };

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={ids.title}
      onClose={onClose}
      onCancel={(event) => {
        if (busy) event.preventDefault();
      }}
    >
      <form className="dialog-form" onSubmit={(e) => void submit(e)} noValidate>
        <h2 id={ids.title} className="dialog-title">
          Change passphrase
        </h2>
        <p className="muted">
          The vault’s key is re-wrapped under the new passphrase; your cases and files stay as they are. Keep the new
          passphrase somewhere safe: it cannot be recovered.
        </p>
        <Field
          label="Current passphrase"
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          inputRef={currentRef}
          invalid={problem?.field === 'current'}
          errorId={ids.error}
          autoFocus
        />
        <Field
          label="New passphrase"
          hint="At least 12 characters. Four or five unrelated words work well."
          type="password"
          autoComplete="new-password"
          value={next}
          onChange={(e) => setNext(e.target.value)}
          inputRef={nextRef}
          invalid={problem?.field === 'next'}
          errorId={ids.error}
        />
        <Field
          label="Confirm new passphrase"
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          inputRef={confirmRef}
          invalid={problem?.field === 'confirm'}
          errorId={ids.error}
        />
        {problem && (
          <p id={ids.error} className="message message-error" role="alert">
            {problem.message}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button button-quiet" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Changing…' : 'Change passphrase'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
