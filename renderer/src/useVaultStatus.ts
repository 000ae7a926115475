import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../../shared/api';
import type { VaultStatus } from '../../shared/types';
import { call, onVaultLocked } from './api';

export interface VaultSession {
  status: VaultStatus | null;
  error: ApiError | null;
  /** The reviewer of the last unlocked session, to prefill the unlock form after a lock. */
  lastReviewer: string;
  /** Replace the status with one an API call just returned (create, unlock, lock…). */
  update: (status: VaultStatus) => void;
  refresh: () => void;
}

export function useVaultStatus(): VaultSession {
  const [status, setStatus] = useState<VaultStatus | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [lastReviewer, setLastReviewer] = useState('');
  const [revision, setRevision] = useState(0);

  const update = useCallback((next: VaultStatus) => {
    setStatus(next);
    setError(null);
    if (next.reviewer) setLastReviewer(next.reviewer);
  }, []);

  const refresh = useCallback(() => setRevision((r) => r + 1), []);

  useEffect(() => {
    let live = true;
    void call('getVaultStatus', {}).then((result) => {
      if (!live) return;
      if (result.ok) update(result.value);
      else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [revision, update]);

  useEffect(() => onVaultLocked(refresh), [refresh]);

  return { status, error, lastReviewer, update, refresh };
}
