import type { Database } from 'better-sqlite3-multiple-ciphers';

// The vetting log is append-only: the triggers stop the application (and anyone using the
// vault through SQL) from rewriting history; the hash chain catches whoever drops them.
export function migrate0030(db: Database): void {
  db.exec(`
    CREATE TABLE log_events (
      sequence INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      case_id TEXT,
      type TEXT NOT NULL,
      payload TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    ) STRICT;
    CREATE INDEX log_events_by_case ON log_events(case_id, sequence);
    CREATE TRIGGER log_events_no_update BEFORE UPDATE ON log_events
      BEGIN SELECT RAISE(ABORT, 'the vetting log is append-only: events cannot be changed'); END;
    CREATE TRIGGER log_events_no_delete BEFORE DELETE ON log_events
      BEGIN SELECT RAISE(ABORT, 'the vetting log is append-only: events cannot be deleted'); END;
  `);
}
