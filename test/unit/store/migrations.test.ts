import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, migrate, migrations, schemaVersion } from '../../../electron/engine/store/migrations';

const open = () => {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  return db;
};

describe('migrations', () => {
  it('are numbered in steps of 10 and end at LATEST_VERSION', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => (i + 1) * 10));
    expect(
      schemaVersion(
        (() => {
          const db = open();
          migrate(db);
          return db;
        })(),
      ),
    ).toBe(LATEST_VERSION);
  });

  it('0020 adds evidence to a vault that already has cases', () => {
    const db = open();
    migrate(db, 10);
    db.prepare("INSERT INTO cases (id, name, created_at, updated_at) VALUES ('c1', 'Existing case', 'x', 'x')").run();
    migrate(db, 20);
    db.prepare("INSERT INTO evidence_blobs VALUES ('h', 1, x'00')").run();
    db.prepare("INSERT INTO evidence VALUES ('e1', 'c1', 'h', 'a.txt', 'text/plain', 1, 'x')").run();
    expect(db.prepare('SELECT name FROM cases').get()).toEqual({ name: 'Existing case' });
    expect(() =>
      db.prepare("INSERT INTO evidence VALUES ('e2', 'missing-case', 'h', 'a.txt', 'text/plain', 1, 'x')").run(),
    ).toThrow(/FOREIGN KEY/);
    expect(schemaVersion(db)).toBe(20);
  });

  it('0030 adds an append-only log next to existing evidence', () => {
    const db = open();
    migrate(db, 20);
    db.prepare("INSERT INTO cases (id, name, created_at, updated_at) VALUES ('c1', 'Existing', 'x', 'x')").run();
    migrate(db);
    db.prepare("INSERT INTO log_events VALUES (1, 't', 'a', 'c1', 'case.created', '{}', 'p', 'h')").run();
    expect(() => db.prepare("UPDATE log_events SET actor = 'b'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM log_events').run()).toThrow(/append-only/);
    expect(db.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 1 });
  });

  it('rolls back every pending step when one fails', () => {
    const db = open();
    migrate(db, 10);
    db.exec('CREATE TABLE evidence_blobs (sha256 TEXT)'); // makes 0020 fail part-way
    expect(() => migrate(db)).toThrow(/already exists/);
    expect(schemaVersion(db)).toBe(10);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'log_events'").get()).toEqual({ n: 0 });
  });
});

describe('migration 0040', () => {
  it('adds analyses to a vault that already has cases, evidence and a log', () => {
    const db = open();
    migrate(db, 30);
    db.prepare("INSERT INTO cases (id, name, created_at, updated_at) VALUES ('c1', 'Existing', 'x', 'x')").run();
    db.prepare("INSERT INTO evidence_blobs VALUES ('h', 1, x'00')").run();
    db.prepare("INSERT INTO evidence VALUES ('e1', 'c1', 'h', 'a.jpg', 'image/jpeg', 1, 'x')").run();
    migrate(db);
    expect(schemaVersion(db)).toBe(40);
    db.prepare("INSERT INTO analyses VALUES ('a1', 'c1', 's', 'f', '0.1.0', '{}')").run();
    db.prepare("INSERT INTO analysis_artifacts VALUES ('a1', 'e1', 'ela_heat_map', 'image/png', x'89')").run();
    expect(() =>
      db.prepare("INSERT INTO analysis_artifacts VALUES ('a1', 'e1', 'thumbnail', 'image/png', x'89')").run(),
    ).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO analyses VALUES ('a2', 'nope', 's', 'f', '0.1.0', '{}')").run()).toThrow(
      /FOREIGN KEY/,
    );
  });
});
