// The names of the API methods and the IPC channels, without their schemas: the sandboxed
// preload needs only these, and must not bundle zod. shared/api.ts checks at compile time
// that this list and its schemas name the same methods.

export const API_METHODS = [
  'getVaultStatus',
  'createVault',
  'unlockVault',
  'lockVault',
  'changePassphrase',
  'listCases',
  'createCase',
  'renameCase',
  'getCase',
  'importFiles',
  'listLog',
  'verifyLog',
  'analyzeCase',
  'getLatestAnalysis',
  'getEvidenceContent',
  'getHeatMap',
] as const;

export type ApiMethodName = (typeof API_METHODS)[number];

/** IPC channel names: one per method, plus the main → renderer progress channel. */
export const ipcChannel = (method: ApiMethodName): string => `vetbench:${method}`;
export const PROGRESS_CHANNEL = 'vetbench:progress';
