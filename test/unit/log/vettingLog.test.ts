import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../electron/engine/log/canonicalJson';
import { GENESIS_HASH, hashEvent, VettingLog } from '../../../electron/engine/log/vettingLog';
import { Vault } from '../../../electron/engine/store/vault';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();

/** A real vault with events #1..#8 (vault.created, then seven case events). */
async function vaultWithEvents() {
  const vault = await Vault.create(tempDir(), {
    passphrase: 'granite lantern orbit velvet',
    reviewer: 'Dana',
    kdfCost: 'test',
  });
  for (let i = 1; i <= 7; i++) {
    vault.log.append({
      actor: 'Dana',
      caseId: 'case-1',
      type: 'case.renamed',
      payload: { from: `name ${i}`, to: `name ${i + 1}` },
    });
  }
  return vault;
}

// What an attacker holding the database key can do: drop the triggers and rewrite rows.
const dropTriggers = (db: Database.Database) =>
  db.exec('DROP TRIGGER log_events_no_update; DROP TRIGGER log_events_no_delete;');

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: 'x' }, u: undefined })).toBe(
      '{"a":{"c":"x","d":[2,{"y":null,"z":1}]},"b":1}',
    );
  });
});

describe('vetting log', () => {
  it('chains each event to the previous one from a zero genesis hash', async () => {
    const vault = await vaultWithEvents();
    const events = vault.log.list().reverse();
    expect(events.map((e) => e.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(events[0]!.prevHash).toBe(GENESIS_HASH);
    events.forEach((e, i) => {
      if (i > 0) expect(e.prevHash).toBe(events[i - 1]!.hash);
      const { hash, ...rest } = e;
      expect(hashEvent(rest)).toBe(hash);
    });
    expect(vault.log.verify()).toEqual({
      ok: true,
      eventCount: 8,
      headSequence: 8,
      headHash: events[7]!.hash,
      firstBroken: null,
    });
    vault.close();
  });

  it('refuses UPDATE and DELETE through its triggers', async () => {
    const vault = await vaultWithEvents();
    expect(() => vault.db.prepare("UPDATE log_events SET actor = 'Mallory' WHERE sequence = 3").run()).toThrow(
      /append-only/,
    );
    expect(() => vault.db.prepare('DELETE FROM log_events WHERE sequence = 3').run()).toThrow(/append-only/);
    expect(vault.log.verify().ok).toBe(true);
    vault.close();
  });

  it('names an edited payload as the first broken event', async () => {
    const vault = await vaultWithEvents();
    dropTriggers(vault.db);
    vault.db
      .prepare(`UPDATE log_events SET payload = '{"from":"name 4","to":"Someone Else"}' WHERE sequence = 5`)
      .run();
    expect(vault.log.verify()).toMatchObject({
      ok: false,
      eventCount: 4,
      firstBroken: { sequence: 5, problem: 'hash_mismatch' },
    });
    vault.close();
  });

  it('catches an edit whose hash was recomputed at the next event', async () => {
    const vault = await vaultWithEvents();
    dropTriggers(vault.db);
    const row = vault.log.list().find((e) => e.sequence === 5)!;
    const forged = { ...row, payload: { from: 'name 4', to: 'Someone Else' } };
    const { hash: _old, ...unhashed } = forged;
    vault.db
      .prepare('UPDATE log_events SET payload = ?, hash = ? WHERE sequence = 5')
      .run(JSON.stringify(forged.payload), hashEvent(unhashed));
    expect(vault.log.verify().firstBroken).toMatchObject({ sequence: 6, problem: 'chain_mismatch' });
    vault.close();
  });

  it('names a removed event', async () => {
    const vault = await vaultWithEvents();
    dropTriggers(vault.db);
    vault.db.prepare('DELETE FROM log_events WHERE sequence = 4').run();
    expect(vault.log.verify()).toMatchObject({
      ok: false,
      eventCount: 3,
      firstBroken: { sequence: 4, problem: 'sequence_gap' },
    });
    vault.close();
  });

  it('names a removal hidden by renumbering the rest', async () => {
    const vault = await vaultWithEvents();
    dropTriggers(vault.db);
    vault.db.prepare('DELETE FROM log_events WHERE sequence = 4').run();
    for (let s = 5; s <= 8; s++)
      vault.db.prepare('UPDATE log_events SET sequence = ? WHERE sequence = ?').run(s - 1, s);
    expect(vault.log.verify().firstBroken).toMatchObject({ sequence: 4, problem: 'hash_mismatch' });
    vault.close();
  });

  it('names the first of two swapped events', async () => {
    const vault = await vaultWithEvents();
    dropTriggers(vault.db);
    const swap = vault.db.transaction(() => {
      vault.db.prepare('UPDATE log_events SET sequence = -1 WHERE sequence = 6').run();
      vault.db.prepare('UPDATE log_events SET sequence = 6 WHERE sequence = 3').run();
      vault.db.prepare('UPDATE log_events SET sequence = 3 WHERE sequence = -1').run();
    });
    swap();
    expect(vault.log.verify().firstBroken).toMatchObject({ sequence: 3, problem: 'hash_mismatch' });
    vault.close();
  });

  it('names an event inserted with a valid hash at the event that follows it', async () => {
    const vault = await vaultWithEvents();
    dropTriggers(vault.db);
    for (let s = 8; s >= 4; s--)
      vault.db.prepare('UPDATE log_events SET sequence = ? WHERE sequence = ?').run(s + 1, s);
    const before = vault.db.prepare('SELECT hash FROM log_events WHERE sequence = 3').get() as { hash: string };
    const inserted = {
      sequence: 4,
      at: new Date().toISOString(),
      actor: 'Mallory',
      caseId: 'case-1',
      type: 'case.renamed' as const,
      payload: { from: 'x', to: 'y' },
      prevHash: before.hash,
    };
    vault.db
      .prepare('INSERT INTO log_events VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(
        4,
        inserted.at,
        inserted.actor,
        inserted.caseId,
        inserted.type,
        JSON.stringify(inserted.payload),
        inserted.prevHash,
        hashEvent(inserted),
      );
    // The forged event itself is well-formed; the chain breaks where the genuine #4 (now #5) was.
    expect(vault.log.verify().firstBroken).toMatchObject({ sequence: 5, problem: 'hash_mismatch' });
    vault.close();
  });

  it('keeps the chain across lock and unlock', async () => {
    const dir = tempDir();
    const vault = await Vault.create(dir, {
      passphrase: 'granite lantern orbit velvet',
      reviewer: 'Dana',
      kdfCost: 'test',
    });
    vault.close();
    const again = await Vault.unlock(dir, { passphrase: 'granite lantern orbit velvet', reviewer: 'Sam Second' });
    expect(again.log.list()[0]).toMatchObject({ sequence: 2, type: 'vault.unlocked', actor: 'Sam Second' });
    expect(again.log.verify()).toMatchObject({ ok: true, eventCount: 2 });
    again.close();
  });
});

describe('VettingLog on a bare schema', () => {
  it('starts from genesis on an empty log', () => {
    const db = new Database(':memory:');
    db.exec(
      'CREATE TABLE log_events (sequence INTEGER PRIMARY KEY, at TEXT, actor TEXT, case_id TEXT, type TEXT, payload TEXT, prev_hash TEXT, hash TEXT)',
    );
    const log = new VettingLog(db);
    expect(log.verify()).toEqual({
      ok: true,
      eventCount: 0,
      headSequence: 0,
      headHash: GENESIS_HASH,
      firstBroken: null,
    });
  });
});
