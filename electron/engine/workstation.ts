import type { AnalysisRecord, ReportDocument } from '../../shared/report';
import { scoreRisk, type Finding } from '../../shared/findings';
import type { ProgressEvent, VaultStatus } from '../../shared/types';
import { analyzeDocument, TOOL } from './analysis/analyzeDocuments';
import { createDispatcher, type ApiHandlers, type Dispatch } from './api/dispatch';
import { REPORT_SCHEMA } from '../../shared/report';
import { OcrPool } from './ocr/ocrPool';
import { VetbenchError } from './errors';
import { DEFAULT_MAX_IMPORT_BYTES, importEvidence } from './evidence/importEvidence';
import type { KdfCost } from './store/keyring';
import { Vault, vaultExists } from './store/vault';

export interface WorkstationOptions {
  /** Folder holding vault.db and keyring.json. */
  vaultDir: string;
  maxImportBytes?: number;
  kdfCost?: KdfCost;
  /** Where unexpected errors are reported (never shown to the renderer). */
  onInternalError?: (method: string, error: unknown) => void;
  /** Folder of @tesseract.js-data/eng; the packaged app passes its unpacked copy. */
  ocrLanguageRoot?: string;
}

/** Methods that open, close or re-key the vault, or run long on it: one at a time. */
const SERIALISED = new Set(['createVault', 'unlockVault', 'lockVault', 'changePassphrase', 'analyzeCase']);

/**
 * The engine as one object: it owns the vault connection and implements every API method.
 * Electron's main process, the CLI and the UI test bridge all drive it through `dispatch`
 * (or `handlers` directly, in-process), so there is one implementation of each behaviour.
 */
export class Workstation {
  readonly handlers: ApiHandlers;
  readonly dispatch: Dispatch;
  private vault: Vault | null = null;
  private readonly listeners = new Set<(event: ProgressEvent) => void>();
  private readonly maxImportBytes: number;
  private readonly kdfCost: KdfCost;
  // Calls run one at a time: unlock/create await the KDF, and two of them interleaving must
  // not open the database twice.
  private queue: Promise<unknown> = Promise.resolve();
  private ocr: Promise<OcrPool> | null = null;

  constructor(private readonly options: WorkstationOptions) {
    this.maxImportBytes = options.maxImportBytes ?? DEFAULT_MAX_IMPORT_BYTES;
    this.kdfCost = options.kdfCost ?? 'interactive';
    this.handlers = this.createHandlers();
    const dispatch = createDispatcher(this.handlers, options.onInternalError);
    // Plain reads and writes are synchronous on the database and need no queue; they must not
    // wait behind a minute-long analysis.
    this.dispatch = (method, input) =>
      SERIALISED.has(method) ? this.serialised(() => dispatch(method, input)) : dispatch(method, input);
  }

  onProgress(listener: (event: ProgressEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The unlocked vault, for in-process callers such as the CLI. */
  requireVault(): Vault {
    if (!this.vault) throw new VetbenchError('VAULT_LOCKED', 'The vault is locked; unlock it first.');
    return this.vault;
  }

  close(): void {
    this.vault?.close();
    this.vault = null;
  }

  /** Locks the vault and stops the OCR workers. */
  async shutdown(): Promise<void> {
    this.close();
    const pool = this.ocr;
    this.ocr = null;
    if (pool) await (await pool).terminate();
  }

  /** OCR workers start on first use and stay warm for later documents. */
  private ocrPool(): Promise<OcrPool> {
    this.ocr ??= OcrPool.create({ languageRoot: this.options.ocrLanguageRoot });
    return this.ocr;
  }

  private async analyzeCase(caseId: string): Promise<AnalysisRecord> {
    const vault = this.requireVault();
    const startedAt = new Date();
    const evidence = vault.evidence.listForCase(caseId);
    vault.cases.get(caseId);
    const pool = await this.ocrPool();
    const documents: ReportDocument[] = [];
    const findings: Finding[] = [];
    const heatMaps = new Map<string, Buffer>();
    try {
      for (const [i, file] of evidence.entries()) {
        this.emit({
          task: 'analysis',
          caseId,
          current: i + 1,
          total: evidence.length,
          label: file.originalName,
          done: false,
        });
        const bytes = vault.evidence.readBytes(file.sha256);
        try {
          const result = await analyzeDocument({ name: file.originalName, bytes }, { pool, today: startedAt });
          documents.push({
            ...result.document,
            evidenceId: file.id,
            mrzBox: result.extras.mrzBox,
            imageSize: result.extras.imageSize,
            ocrText: result.extras.ocrText,
          });
          findings.push(...result.findings);
          if (result.extras.elaHeatMap) heatMaps.set(file.id, result.extras.elaHeatMap);
        } catch (error) {
          // One unreadable file is a note on that file, never the end of the case's analysis.
          documents.push({
            file: file.originalName,
            evidenceId: file.id,
            sha256: file.sha256,
            mediaType: file.mediaType,
            kind: 'other',
            fields: {},
            mrz: null,
            notes: [(error as Error).message],
          });
        }
      }
    } finally {
      this.emit({
        task: 'analysis',
        caseId,
        current: evidence.length,
        total: evidence.length,
        label: 'done',
        done: true,
      });
    }
    const report = {
      schema: REPORT_SCHEMA,
      generatedAt: new Date().toISOString(),
      tool: TOOL,
      documents,
      findings,
      risk: scoreRisk(findings),
    } as const;
    // The vault may have been locked (and reopened) by a queued call only after this method
    // returns, because analyzeCase itself holds the queue.
    return vault.db.transaction(() => {
      const record = vault.analyses.insert({
        caseId,
        startedAt: startedAt.toISOString(),
        finishedAt: new Date().toISOString(),
        engineVersion: TOOL.version,
        report,
        heatMaps,
      });
      vault.cases.touch(caseId);
      vault.log.append({
        actor: vault.meta.reviewer,
        caseId,
        type: 'analysis.completed',
        payload: {
          analysisId: record.id,
          engineVersion: TOOL.version,
          files: documents.map((d) => ({ name: d.file, sha256: d.sha256, kind: d.kind })),
          findingCodes: findings.map((f) => f.code),
          risk: report.risk,
        },
      });
      return record;
    })();
  }

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private emit(event: ProgressEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private status(): VaultStatus {
    return {
      exists: vaultExists(this.options.vaultDir),
      unlocked: this.vault !== null,
      location: this.options.vaultDir,
      vaultId: this.vault?.meta.vaultId ?? null,
      reviewer: this.vault?.meta.reviewer ?? null,
      maxImportBytes: this.maxImportBytes,
    };
  }

  private createHandlers(): ApiHandlers {
    const actor = () => this.requireVault().meta.reviewer;
    return {
      getVaultStatus: () => this.status(),
      createVault: async ({ passphrase, reviewer }) => {
        this.close();
        this.vault = await Vault.create(this.options.vaultDir, { passphrase, reviewer, kdfCost: this.kdfCost });
        return this.status();
      },
      unlockVault: async ({ passphrase, reviewer }) => {
        if (this.vault) {
          // Already open (a double submit, or a second window): still prove the passphrase.
          await this.vault.checkPassphrase(passphrase);
        } else {
          this.vault = await Vault.unlock(this.options.vaultDir, { passphrase, reviewer });
        }
        return this.status();
      },
      lockVault: () => {
        this.close();
        return this.status();
      },
      changePassphrase: async ({ current, next }) => {
        await this.requireVault().changePassphrase(current, next, this.kdfCost);
        return this.status();
      },
      listCases: ({ search }) => this.requireVault().cases.list(search),
      createCase: ({ name }) => {
        const vault = this.requireVault();
        return vault.db.transaction(() => {
          const created = vault.cases.create(name);
          vault.log.append({ actor: actor(), caseId: created.id, type: 'case.created', payload: { name } });
          return created;
        })();
      },
      renameCase: ({ caseId, name }) => {
        const vault = this.requireVault();
        return vault.db.transaction(() => {
          const before = vault.cases.get(caseId);
          const renamed = vault.cases.rename(caseId, name);
          vault.log.append({ actor: actor(), caseId, type: 'case.renamed', payload: { from: before.name, to: name } });
          return renamed;
        })();
      },
      getCase: ({ caseId }) => {
        const vault = this.requireVault();
        return { case: vault.cases.get(caseId), evidence: vault.evidence.listForCase(caseId) };
      },
      importFiles: ({ caseId, files }) => {
        const vault = this.requireVault();
        const sources = files.map((file) => ({ name: file.name, sizeBytes: file.sizeBytes, read: () => file.bytes }));
        try {
          return importEvidence(vault, caseId, sources, {
            actor: actor(),
            maxImportBytes: this.maxImportBytes,
            onFile: (current, total, label) =>
              this.emit({ task: 'import', caseId, current, total, label, done: false }),
          });
        } finally {
          this.emit({ task: 'import', caseId, current: files.length, total: files.length, label: 'done', done: true });
        }
      },
      listLog: ({ caseId, limit }) => this.requireVault().log.list({ caseId, limit }),
      verifyLog: () => this.requireVault().log.verify(),
      analyzeCase: ({ caseId }) => this.analyzeCase(caseId),
      getLatestAnalysis: ({ caseId }) => this.requireVault().analyses.latest(caseId),
      getEvidenceContent: ({ evidenceId }) => {
        const vault = this.requireVault();
        const file = vault.evidence.get(evidenceId);
        return { mediaType: file.mediaType, bytes: new Uint8Array(vault.evidence.readBytes(file.sha256)) };
      },
      getHeatMap: ({ analysisId, evidenceId }) => {
        const map = this.requireVault().analyses.heatMap(analysisId, evidenceId);
        return { mediaType: map.mediaType, bytes: new Uint8Array(map.bytes) };
      },
    };
  }
}
