import type { ProgressEvent, VaultStatus } from '../../shared/types';
import { createDispatcher, type ApiHandlers, type Dispatch } from './api/dispatch';
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
}

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

  constructor(private readonly options: WorkstationOptions) {
    this.maxImportBytes = options.maxImportBytes ?? DEFAULT_MAX_IMPORT_BYTES;
    this.kdfCost = options.kdfCost ?? 'interactive';
    this.handlers = this.createHandlers();
    const dispatch = createDispatcher(this.handlers, options.onInternalError);
    this.dispatch = (method, input) => this.serialised(() => dispatch(method, input));
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
    };
  }
}
