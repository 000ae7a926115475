// Domain types shared by the engine, the CLI and the renderer. Plain data only:
// everything here crosses IPC (structured clone) and the test bridge (JSON).

export type CaseStatus = 'open' | 'in_review' | 'decided';

export interface CaseSummary {
  id: string;
  name: string;
  status: CaseStatus;
  createdAt: string;
  updatedAt: string;
  evidenceCount: number;
}

export type EvidenceMediaType =
  | 'image/jpeg'
  | 'image/png'
  | 'image/webp'
  | 'image/tiff'
  | 'application/pdf'
  | 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
  | 'text/plain';

export interface EvidenceFile {
  id: string;
  caseId: string;
  originalName: string;
  mediaType: EvidenceMediaType;
  sizeBytes: number;
  sha256: string;
  importedAt: string;
}

export interface CaseDetail {
  case: CaseSummary;
  evidence: EvidenceFile[];
}

/** What happened to one file of an import. One bad file never stops the others. */
export type ImportOutcome =
  | { status: 'imported'; name: string; evidence: EvidenceFile }
  | { status: 'duplicate'; name: string; evidence: EvidenceFile }
  | { status: 'rejected'; name: string; reason: string };

export interface LogEvent {
  sequence: number;
  at: string;
  actor: string;
  caseId: string | null;
  type: LogEventType;
  payload: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export type LogEventType =
  | 'vault.created'
  | 'vault.unlocked'
  | 'vault.passphrase_changed'
  | 'case.created'
  | 'case.renamed'
  | 'evidence.imported'
  | 'evidence.duplicate'
  | 'evidence.rejected'
  | 'analysis.completed';

export type LogBreakProblem =
  | 'hash_mismatch' // the event's content no longer matches its hash: edited
  | 'chain_mismatch' // the event does not point at the one before it: removed, inserted or reordered
  | 'sequence_gap'; // a sequence number is missing or out of order

export interface LogVerification {
  ok: boolean;
  eventCount: number;
  headSequence: number;
  headHash: string;
  firstBroken: { sequence: number; problem: LogBreakProblem; detail: string } | null;
}

export interface VaultStatus {
  exists: boolean;
  unlocked: boolean;
  location: string;
  vaultId: string | null;
  reviewer: string | null;
  maxImportBytes: number;
}

export interface ProgressEvent {
  task: 'import' | 'analysis';
  caseId: string;
  /** 1-based index of the item being worked on. */
  current: number;
  total: number;
  label: string;
  done: boolean;
}

export interface EvidenceContent {
  mediaType: string;
  bytes: Uint8Array;
}
