import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { Vault, vaultPaths } from '../../../electron/engine/store/vault';
import { readKeyring, unlockKeyring } from '../../../electron/engine/store/keyring';
import { LATEST_VERSION } from '../../../electron/engine/store/migrations';
import { importEvidence } from '../../../electron/engine/evidence/importEvidence';
import { useTempDirs } from '../../helpers/tempDir';
import { makePng } from '../../helpers/sampleFiles';

const PASS = 'granite lantern orbit velvet';
const tempDir = useTempDirs();

const fileDigests = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir).map((f) => [
      f,
      createHash('sha256')
        .update(readFileSync(join(dir, f)))
        .digest('hex'),
    ]),
  );

async function createVault() {
  const dir = tempDir();
  const vault = await Vault.create(dir, { passphrase: PASS, reviewer: 'Dana Reviewer', kdfCost: 'test' });
  return { dir, vault };
}

describe('vault', () => {
  it('creates a standard SQLCipher 4 database that only its data key opens', async () => {
    const { dir, vault } = await createVault();
    vault.close();
    const header = readFileSync(vaultPaths(dir).db).subarray(0, 16);
    expect(header.toString('latin1')).not.toBe('SQLite format 3\0');
    // Opened as plain SQLite (no key) the file is noise.
    const plain = new Database(vaultPaths(dir).db);
    expect(() => plain.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database|encrypted/i);
    plain.close();
  });

  it('unlocks with the right passphrase and keeps the reviewer as the log actor', async () => {
    const { dir, vault } = await createVault();
    vault.close();
    const again = await Vault.unlock(dir, { passphrase: PASS });
    expect(again.meta.reviewer).toBe('Dana Reviewer');
    const types = again.log.list().map((e) => e.type);
    expect(types).toEqual(['vault.unlocked', 'vault.created']);
    expect(again.log.list()[0]!.actor).toBe('Dana Reviewer');
    again.close();
  });

  it('refuses a wrong passphrase with a clear error and changes nothing on disk', async () => {
    const { dir, vault } = await createVault();
    vault.close();
    const before = fileDigests(dir);
    await expect(Vault.unlock(dir, { passphrase: 'wrong passphrase entirely' })).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
      message: expect.stringMatching(/wrong passphrase.*nothing was changed/i),
    });
    expect(fileDigests(dir)).toEqual(before);
  });

  it('refuses weak passphrases with a message that says what to change', async () => {
    const dir = tempDir();
    await expect(Vault.create(dir, { passphrase: 'short', reviewer: 'Dana', kdfCost: 'test' })).rejects.toMatchObject({
      code: 'WEAK_PASSPHRASE',
      message: expect.stringMatching(/5 characters; use at least 12/),
    });
    await expect(
      Vault.create(dir, { passphrase: 'aaaaaaaaaaaaaaaa', reviewer: 'Dana', kdfCost: 'test' }),
    ).rejects.toMatchObject({ code: 'WEAK_PASSPHRASE' });
    await expect(
      Vault.create(dir, { passphrase: 'dana reviewer 2026!', reviewer: 'Dana Reviewer', kdfCost: 'test' }),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/reviewer name/),
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses to create a second vault over an existing one', async () => {
    const { dir, vault } = await createVault();
    vault.close();
    await expect(Vault.create(dir, { passphrase: PASS, reviewer: 'X', kdfCost: 'test' })).rejects.toMatchObject({
      code: 'VAULT_EXISTS',
    });
  });

  it('changes the passphrase by re-wrapping the key, leaving the database bytes alone', async () => {
    const { dir, vault } = await createVault();
    const keyringBefore = readKeyring(vaultPaths(dir).keyring);
    await expect(
      vault.changePassphrase('not the passphrase', 'copper meadow tundra falcon', 'test'),
    ).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    await vault.changePassphrase(PASS, 'copper meadow tundra falcon', 'test');
    vault.close();
    const keyringAfter = readKeyring(vaultPaths(dir).keyring);
    expect(keyringAfter.kdf.salt).not.toBe(keyringBefore.kdf.salt);
    expect(keyringAfter.vaultId).toBe(keyringBefore.vaultId);
    await expect(Vault.unlock(dir, { passphrase: PASS })).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    const reopened = await Vault.unlock(dir, { passphrase: 'copper meadow tundra falcon' });
    expect(reopened.log.list().map((e) => e.type)).toContain('vault.passphrase_changed');
    expect(reopened.log.verify().ok).toBe(true);
    reopened.close();
    // The same data key is inside both keyrings: the database was never re-encrypted.
    const keyBefore = await unlockKeyring(keyringBefore, PASS);
    const keyAfter = await unlockKeyring(keyringAfter, 'copper meadow tundra falcon');
    expect(keyAfter.equals(keyBefore)).toBe(true);
  });

  it('refuses a vault written by a newer version, by name, without changing it', async () => {
    const { dir, vault } = await createVault();
    vault.db.pragma(`user_version = ${LATEST_VERSION + 10}`);
    vault.close();
    await expect(Vault.unlock(dir, { passphrase: PASS })).rejects.toMatchObject({
      code: 'VAULT_TOO_NEW',
      message: expect.stringMatching(/newer Vetbench/),
    });
  });

  it('refuses a keyring that belongs to another vault', async () => {
    const a = await createVault();
    const b = await createVault();
    a.vault.close();
    b.vault.close();
    writeFileSync(vaultPaths(a.dir).keyring, readFileSync(vaultPaths(b.dir).keyring));
    await expect(Vault.unlock(a.dir, { passphrase: PASS })).rejects.toMatchObject({ code: 'VAULT_CORRUPT' });
  });

  it('stores no imported bytes, file names or case names in plain text anywhere in the vault folder', async () => {
    const { dir, vault } = await createVault();
    const caseName = 'Candidate Zebulon Quartermaine';
    const created = vault.cases.create(caseName);
    const marker = 'UNIQUE-PLAINTEXT-MARKER-7f3a9c';
    const cv = Buffer.from(`Curriculum vitae\n${marker}\nZebulon Quartermaine\n`, 'utf8');
    const png = makePng(64, 64, 3);
    const outcomes = importEvidence(
      vault,
      created.id,
      [
        { name: 'zebulon-cv.txt', sizeBytes: cv.length, read: () => cv },
        { name: 'zebulon-photo.png', sizeBytes: png.length, read: () => png },
      ],
      { actor: 'Dana Reviewer', maxImportBytes: 1e6 },
    );
    expect(outcomes.map((o) => o.status)).toEqual(['imported', 'imported']);
    const needles = [
      marker,
      caseName,
      'Zebulon',
      'zebulon-cv.txt',
      'Dana Reviewer',
      png.subarray(16, 48).toString('latin1'),
    ];
    const scan = () => {
      for (const file of readdirSync(dir)) {
        const content = readFileSync(join(dir, file)).toString('latin1');
        for (const needle of needles) expect(content.includes(needle), `${needle} in ${file}`).toBe(false);
      }
    };
    scan(); // while open (WAL files present)
    vault.close();
    scan(); // after close
  });
});
