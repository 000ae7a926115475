// The one API contract between the renderer and the Node side. Every method has a zod
// schema for its input and a result type; main registers each one through a single helper
// (electron/main/ipc.ts), the preload exposes exactly these, and the test bridge serves the
// same dispatcher over loopback.
import { z } from 'zod';
import { API_METHODS, type ApiMethodName } from './apiMethods';
import type { AnalysisRecord } from './report';
import type {
  CaseDetail,
  EvidenceContent,
  CaseSummary,
  ImportOutcome,
  LogEvent,
  LogVerification,
  ProgressEvent,
  VaultStatus,
} from './types';

const caseId = z.string().min(1).max(100);
const passphrase = z.string().min(1).max(1024);
const reviewer = z.string().trim().min(1).max(120);

export const apiSchemas = {
  getVaultStatus: z.object({}).strict(),
  createVault: z.object({ passphrase, reviewer }).strict(),
  unlockVault: z.object({ passphrase, reviewer: reviewer.optional() }).strict(),
  lockVault: z.object({}).strict(),
  changePassphrase: z.object({ current: passphrase, next: passphrase }).strict(),
  listCases: z.object({ search: z.string().max(200).optional() }).strict(),
  createCase: z.object({ name: z.string().trim().min(1).max(200) }).strict(),
  renameCase: z.object({ caseId, name: z.string().trim().min(1).max(200) }).strict(),
  getCase: z.object({ caseId }).strict(),
  importFiles: z
    .object({
      caseId,
      files: z
        .array(
          z
            .object({
              name: z.string().min(1).max(1024),
              /** The size the sender saw; bytes may be omitted when it already exceeds the limit. */
              sizeBytes: z.number().int().nonnegative(),
              bytes: z.instanceof(Uint8Array).optional(),
            })
            .strict(),
        )
        .min(1)
        .max(500),
    })
    .strict(),
  listLog: z.object({ caseId: caseId.optional(), limit: z.number().int().min(1).max(10_000).optional() }).strict(),
  verifyLog: z.object({}).strict(),
  analyzeCase: z.object({ caseId }).strict(),
  getLatestAnalysis: z.object({ caseId }).strict(),
  getEvidenceContent: z.object({ evidenceId: z.string().min(1).max(100) }).strict(),
  getHeatMap: z.object({ analysisId: z.string().min(1).max(100), evidenceId: z.string().min(1).max(100) }).strict(),
} as const;

export type ApiMethod = keyof typeof apiSchemas;
export const apiMethods: readonly ApiMethod[] = API_METHODS;

// Compile-time check that shared/apiMethods.ts lists exactly the methods that have schemas.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const methodListMatchesSchemas: Same<ApiMethod, ApiMethodName> = true;
void methodListMatchesSchemas;

export type ApiInput<M extends ApiMethod> = z.input<(typeof apiSchemas)[M]>;
export type ApiParsedInput<M extends ApiMethod> = z.output<(typeof apiSchemas)[M]>;

export interface ApiResults {
  getVaultStatus: VaultStatus;
  createVault: VaultStatus;
  unlockVault: VaultStatus;
  lockVault: VaultStatus;
  changePassphrase: VaultStatus;
  listCases: CaseSummary[];
  createCase: CaseSummary;
  renameCase: CaseSummary;
  getCase: CaseDetail;
  importFiles: ImportOutcome[];
  listLog: LogEvent[];
  verifyLog: LogVerification;
  analyzeCase: AnalysisRecord;
  getLatestAnalysis: AnalysisRecord | null;
  getEvidenceContent: EvidenceContent;
  getHeatMap: EvidenceContent;
}

/** Stable error codes; the message is for people. */
export type ApiErrorCode =
  | 'BAD_INPUT'
  | 'UNKNOWN_METHOD'
  | 'FORBIDDEN'
  | 'VAULT_NOT_FOUND'
  | 'VAULT_EXISTS'
  | 'VAULT_LOCKED'
  | 'VAULT_TOO_NEW'
  | 'VAULT_CORRUPT'
  | 'WRONG_PASSPHRASE'
  | 'WEAK_PASSPHRASE'
  | 'NOT_FOUND'
  | 'INTERNAL';

export interface ApiError {
  code: ApiErrorCode;
  message: string;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** The shape of window.vetbench: one async function per method, plus event subscriptions. */
export type VetbenchApi = {
  [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiResult<ApiResults[M]>>;
} & {
  /** Subscribe to progress of long work; returns the unsubscribe function. */
  onProgress(listener: (event: ProgressEvent) => void): () => void;
};

export { ipcChannel, PROGRESS_CHANNEL } from './apiMethods';
