import type { VaultStatus } from '../../../shared/types';
import { shortVaultId } from '../format';
import { Logo } from './Logo';

interface HeaderProps {
  status: VaultStatus;
  notice: { text: string; alert: boolean } | null;
  onDismissNotice: () => void;
  onLock: () => void;
  onChangePassphrase: () => void;
}

export function Header({ status, notice, onDismissNotice, onLock, onChangePassphrase }: HeaderProps) {
  return (
    <header className="topbar">
      <div className="brand">
        <Logo />
        <span className="brand-name">Vetbench</span>
      </div>
      <dl className="session" aria-label="Session">
        <div>
          <dt>Reviewer</dt>
          <dd data-testid="reviewer">{status.reviewer ?? '—'}</dd>
        </div>
        <div>
          <dt>Vault</dt>
          <dd>
            <code title={`Vault ${status.vaultId ?? ''} in ${status.location}`}>
              {status.vaultId ? shortVaultId(status.vaultId) : '—'}
            </code>
          </dd>
        </div>
      </dl>
      <div className="topbar-notice" role="status">
        {notice && !notice.alert && (
          <span className="notice">
            {notice.text}
            <button type="button" className="link-button" onClick={onDismissNotice}>
              Dismiss
            </button>
          </span>
        )}
      </div>
      {notice?.alert && (
        <div className="topbar-alert" role="alert">
          {notice.text}
          <button type="button" className="link-button" onClick={onDismissNotice}>
            Dismiss
          </button>
        </div>
      )}
      <div className="topbar-actions">
        <button type="button" className="button button-quiet" onClick={onChangePassphrase}>
          Change passphrase
        </button>
        <button type="button" className="button button-secondary" onClick={onLock}>
          <LockIcon />
          Lock vault
        </button>
      </div>
    </header>
  );
}

function LockIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect x="3" y="7" width="10" height="7.5" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}
