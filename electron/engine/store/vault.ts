import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { VetbenchError } from '../errors';
import { VettingLog } from '../log/vettingLog';
import { AnalysisRepository } from './analysisRepository';
import { CaseRepository } from './caseRepository';
import { EvidenceRepository } from './evidenceRepository';
import { createKeyring, readKeyring, rewrapKeyring, unlockKeyring, writeKeyring, type KdfCost } from './keyring';
import { migrate } from './migrations';
import { assertPassphraseStrength } from './passphrase';

export const VAULT_DB_FILE = 'vault.db';
export const KEYRING_FILE = 'keyring.json';

export const vaultPaths = (dir: string) => ({ db: join(dir, VAULT_DB_FILE), keyring: join(dir, KEYRING_FILE) });

export const vaultExists = (dir: string): boolean => existsSync(vaultPaths(dir).keyring);

const PLAIN_SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * A plain-SQLite build would happily "key" a database and write it in clear text (Signal
 * Desktop shipped exactly that once). So we look at the file itself: an SQLCipher file
 * starts with a random salt, never with the SQLite magic string.
 */
function assertFileEncrypted(path: string): void {
  const header = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (header.equals(PLAIN_SQLITE_HEADER)) {
    throw new VetbenchError(
      'VAULT_CORRUPT',
      `${path} is a plain, unencrypted SQLite file; refusing to use it as a vault.`,
    );
  }
}

function openEncrypted(path: string, dataKey: Buffer, mustExist: boolean): Database.Database {
  const db = new Database(path, { fileMustExist: mustExist });
  try {
    // SQLCipher 4 defaults (legacy=4) make the file readable by any standard SQLCipher 4;
    // the raw-hex key skips SQLCipher's own KDF because ours already ran (scrypt).
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    db.pragma(`key = "x'${dataKey.toString('hex')}'"`);
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch {
      throw new VetbenchError(
        'VAULT_CORRUPT',
        `${path}: the database does not open with this vault's key; the keyring and the database do not belong together. Restore both from the same backup.`,
      );
    }
    if (db.pragma('cipher', { simple: true }) !== 'sqlcipher') {
      throw new VetbenchError('INTERNAL', 'The SQLCipher cipher is not active; refusing to store data unencrypted.');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('journal_mode = WAL');
    // Deleted content is overwritten, not left in free pages.
    db.pragma('secure_delete = ON');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export interface VaultMeta {
  vaultId: string;
  reviewer: string;
  createdAt: string;
}

/** An unlocked vault: the one owner of the database connection while it is open. */
export class Vault {
  readonly log: VettingLog;
  readonly cases: CaseRepository;
  readonly evidence: EvidenceRepository;
  readonly analyses: AnalysisRepository;

  private constructor(
    readonly dir: string,
    readonly db: Database.Database,
    readonly meta: VaultMeta,
  ) {
    this.log = new VettingLog(db);
    this.cases = new CaseRepository(db);
    this.evidence = new EvidenceRepository(db);
    this.analyses = new AnalysisRepository(db);
  }

  static async create(
    dir: string,
    options: { passphrase: string; reviewer: string; kdfCost: KdfCost },
  ): Promise<Vault> {
    const paths = vaultPaths(dir);
    if (existsSync(paths.keyring) || existsSync(paths.db)) {
      throw new VetbenchError('VAULT_EXISTS', `A vault already exists in ${dir}; unlock it, or choose another folder.`);
    }
    assertPassphraseStrength(options.passphrase, options.reviewer);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const vaultId = randomUUID();
    const { keyring, dataKey } = await createKeyring(options.passphrase, vaultId, options.kdfCost);
    const db = openEncrypted(paths.db, dataKey, false);
    try {
      migrate(db);
      const meta: VaultMeta = { vaultId, reviewer: options.reviewer, createdAt: keyring.createdAt };
      const insertMeta = db.prepare('INSERT INTO vault_meta (key, value) VALUES (?, ?)');
      const vault = new Vault(dir, db, meta);
      db.transaction(() => {
        for (const [key, value] of Object.entries(meta)) insertMeta.run(key, value);
        vault.log.append({ actor: meta.reviewer, caseId: null, type: 'vault.created', payload: { vaultId } });
      })();
      db.pragma('wal_checkpoint(TRUNCATE)');
      assertFileEncrypted(paths.db);
      // The keyring is written last: a vault "exists" only once its database is complete.
      writeKeyring(paths.keyring, keyring);
      return vault;
    } catch (error) {
      db.close();
      throw error;
    }
  }

  static async unlock(dir: string, options: { passphrase: string; reviewer?: string }): Promise<Vault> {
    const paths = vaultPaths(dir);
    if (!existsSync(paths.keyring)) {
      throw new VetbenchError('VAULT_NOT_FOUND', `No vault in ${dir}. Create one first (vetbench vault init).`);
    }
    if (!existsSync(paths.db)) {
      throw new VetbenchError(
        'VAULT_CORRUPT',
        `${paths.db} is missing but its keyring is there; restore the vault folder from a backup.`,
      );
    }
    const keyring = readKeyring(paths.keyring);
    // A wrong passphrase fails here, before the database file is even opened.
    const dataKey = await unlockKeyring(keyring, options.passphrase);
    assertFileEncrypted(paths.db);
    const db = openEncrypted(paths.db, dataKey, true);
    try {
      migrate(db);
      const rows = db.prepare('SELECT key, value FROM vault_meta').all() as Array<{ key: string; value: string }>;
      const stored = Object.fromEntries(rows.map((r) => [r.key, r.value])) as Partial<VaultMeta>;
      if (stored.vaultId !== keyring.vaultId) {
        throw new VetbenchError(
          'VAULT_CORRUPT',
          `${dir}: the keyring (vault ${keyring.vaultId}) belongs to another database (vault ${String(stored.vaultId)}).`,
        );
      }
      const meta: VaultMeta = {
        vaultId: keyring.vaultId,
        reviewer: options.reviewer?.trim() || stored.reviewer || 'reviewer',
        createdAt: stored.createdAt ?? keyring.createdAt,
      };
      const vault = new Vault(dir, db, meta);
      vault.log.append({ actor: meta.reviewer, caseId: null, type: 'vault.unlocked', payload: {} });
      return vault;
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** Throws WRONG_PASSPHRASE unless the passphrase unwraps this vault's key. */
  async checkPassphrase(passphrase: string): Promise<void> {
    await unlockKeyring(readKeyring(vaultPaths(this.dir).keyring), passphrase);
  }

  /** Re-wraps the database key under the new passphrase; the database itself is not rewritten. */
  async changePassphrase(current: string, next: string, kdfCost: KdfCost): Promise<void> {
    const path = vaultPaths(this.dir).keyring;
    assertPassphraseStrength(next, this.meta.reviewer);
    const rewrapped = await rewrapKeyring(readKeyring(path), current, next, kdfCost);
    writeKeyring(path, rewrapped);
    this.log.append({
      actor: this.meta.reviewer,
      caseId: null,
      type: 'vault.passphrase_changed',
      payload: { kdf: rewrapped.kdf.name, N: rewrapped.kdf.N },
    });
  }

  close(): void {
    if (!this.db.open) return;
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.close();
  }
}
