import type { Database } from 'better-sqlite3-multiple-ciphers';
import { VetbenchError } from '../../errors';
import { migrate0010 } from './0010-cases';
import { migrate0020 } from './0020-evidence';
import { migrate0030 } from './0030-log';
import { migrate0040 } from './0040-analyses';

export interface Migration {
  version: number;
  name: string;
  up: (db: Database) => void;
}

/** Numbered in steps of 10 so a fix can slot in between; the version is PRAGMA user_version. */
export const migrations: readonly Migration[] = [
  { version: 10, name: 'cases', up: migrate0010 },
  { version: 20, name: 'evidence', up: migrate0020 },
  { version: 30, name: 'log', up: migrate0030 },
  { version: 40, name: 'analyses', up: migrate0040 },
];

export const LATEST_VERSION = migrations.at(-1)!.version;

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the schema up to `target` (default: latest) in one transaction: either every
 * pending step lands or none does. A vault written by a newer Vetbench is refused rather
 * than opened with a schema this version does not understand.
 */
export function migrate(db: Database, target: number = LATEST_VERSION): void {
  const current = schemaVersion(db);
  if (current > LATEST_VERSION) {
    throw new VetbenchError(
      'VAULT_TOO_NEW',
      `This vault was written by a newer Vetbench (schema ${current}; this version knows up to ${LATEST_VERSION}). Update Vetbench to open it; the vault was not changed.`,
    );
  }
  const pending = migrations.filter((m) => m.version > current && m.version <= target);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const migration of pending) {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }
  })();
}
