// The renderer's only door to the Node side: window.vetbench, exposed by the preload in the
// app and by the loopback bridge in the UI tests. Type-only imports keep zod out of the bundle.
import type { ApiError, ApiInput, ApiMethod, ApiResult, ApiResults, VetbenchApi } from '../../shared/api';

declare global {
  interface Window {
    vetbench?: VetbenchApi;
  }
}

export type { ApiError, ApiResult };

/** True when the page runs where window.vetbench exists (the app or the test bridge). */
export const hasApi = (): boolean => typeof window !== 'undefined' && window.vetbench !== undefined;

/**
 * Calls one API method. Never throws: a missing bridge or a failed transport becomes an
 * ApiResult error like any other, so every caller handles exactly one shape.
 */
export async function call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResult<ApiResults[M]>> {
  const api = window.vetbench;
  if (!api) {
    return { ok: false, error: { code: 'INTERNAL', message: 'Vetbench is not connected: open it from the app.' } };
  }
  let result: ApiResult<ApiResults[M]>;
  try {
    const fn = api[method] as (input: ApiInput<M>) => Promise<ApiResult<ApiResults[M]>>;
    result = await fn(input);
  } catch (error) {
    result = {
      ok: false,
      error: { code: 'INTERNAL', message: `${method} could not reach the vault (${(error as Error).message}).` },
    };
  }
  // The vault can be locked behind the UI's back (another window, the CLI, a restart of the
  // engine); whoever holds the session state hears about it from any call.
  if (!result.ok && result.error.code === 'VAULT_LOCKED') {
    for (const listener of lockedListeners) listener();
  }
  return result;
}

const lockedListeners = new Set<() => void>();

/** Called whenever any call finds the vault locked; returns the unsubscribe function. */
export function onVaultLocked(listener: () => void): () => void {
  lockedListeners.add(listener);
  return () => lockedListeners.delete(listener);
}
