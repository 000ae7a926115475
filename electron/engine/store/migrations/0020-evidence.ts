import type { Database } from 'better-sqlite3-multiple-ciphers';

// Bytes live once per SHA-256 (evidence_blobs); each case refers to them through evidence
// rows, so the same file in two cases costs one copy and cross-case reuse is one index away.
export function migrate0020(db: Database): void {
  db.exec(`
    CREATE TABLE evidence_blobs (
      sha256 TEXT PRIMARY KEY,
      size_bytes INTEGER NOT NULL,
      bytes BLOB NOT NULL
    ) STRICT;
    CREATE TABLE evidence (
      id TEXT PRIMARY KEY,
      case_id TEXT NOT NULL REFERENCES cases(id),
      sha256 TEXT NOT NULL REFERENCES evidence_blobs(sha256),
      original_name TEXT NOT NULL,
      media_type TEXT NOT NULL,
      size_bytes INTEGER NOT NULL,
      imported_at TEXT NOT NULL,
      UNIQUE (case_id, sha256)
    ) STRICT;
    CREATE INDEX evidence_by_sha256 ON evidence(sha256);
  `);
}
