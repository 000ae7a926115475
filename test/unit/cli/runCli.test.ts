import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/runCli';
import { Vault } from '../../../electron/engine/store/vault';
import { useTempDirs } from '../../helpers/tempDir';
import { makePng } from '../../helpers/sampleFiles';

const tempDir = useTempDirs();
const PASS = 'granite lantern orbit velvet';

async function cli(args: string[], options: { env?: Record<string, string>; cwd: string }) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { out: '', err: '' };
  stdout.on('data', (c) => (chunks.out += c));
  stderr.on('data', (c) => (chunks.err += c));
  const stdin = Object.assign(new PassThrough(), { isTTY: false });
  const code = await runCli(args, {
    stdin,
    stdout,
    stderr,
    cwd: options.cwd,
    env: { VETBENCH_KDF: 'test', VETBENCH_PASSPHRASE: PASS, VETBENCH_REVIEWER: 'Dana Reviewer', ...options.env },
  });
  return { code, ...chunks };
}

async function setup() {
  const cwd = tempDir();
  const vault = ['--vault', join(cwd, 'vault')];
  expect((await cli(['vault', 'init', ...vault], { cwd })).code).toBe(0);
  return { cwd, vault };
}

describe('vetbench CLI', () => {
  it('walks init → case create → import → show → log verify, with JSON on stdout only', async () => {
    const { cwd, vault } = await setup();
    const created = await cli(['case', 'create', 'Candidate A. Eriksson', '--json', ...vault], { cwd });
    expect(created.code).toBe(0);
    const theCase = JSON.parse(created.out);
    expect(theCase).toMatchObject({ name: 'Candidate A. Eriksson', status: 'open', evidenceCount: 0 });
    expect(theCase.id).toMatch(/^[0-9a-f-]{36}$/);

    mkdirSync(join(cwd, 'in'));
    writeFileSync(join(cwd, 'in', 'photo.png'), makePng(20, 20, 9));
    writeFileSync(join(cwd, 'in', 'cv.txt'), 'Anna Maria Eriksson\nAustin, TX\n');
    writeFileSync(join(cwd, 'in', 'fake.pdf'), Buffer.from('PK\x05\x06' + '\0'.repeat(18), 'latin1'));
    const imported = await cli(
      [
        'case',
        'import',
        theCase.id.slice(0, 8),
        'in/photo.png',
        'in/cv.txt',
        'in/fake.pdf',
        'in/missing.jpg',
        '--json',
        ...vault,
      ],
      { cwd },
    );
    expect(imported.code).toBe(2); // some files were rejected
    const result = JSON.parse(imported.out);
    expect(result.outcomes.map((o: { status: string; name: string }) => `${o.status} ${o.name}`)).toEqual([
      'imported photo.png',
      'imported cv.txt',
      'rejected fake.pdf',
      'rejected missing.jpg',
    ]);
    expect(result.outcomes[2].reason).toMatch(
      /^fake\.pdf: not a supported file: it is a ZIP archive \(starts with 'PK'\), although its name says PDF/,
    );
    expect(result.outcomes[3].reason).toBe('missing.jpg: cannot be read (no such file).');
    expect(imported.err).toContain('[1/4] photo.png');

    const shown = await cli(['case', 'show', 'Candidate A. Eriksson', ...vault], { cwd });
    expect(shown.code).toBe(0);
    expect(shown.out).toMatch(/photo\.png\s+image\/png/);
    expect(shown.out).toMatch(/cv\.txt\s+text\/plain/);

    const log = await cli(['log', 'show', '--case', theCase.id, '--json', ...vault], { cwd });
    expect(
      JSON.parse(log.out)
        .map((e: { type: string }) => e.type)
        .reverse(),
    ).toEqual(['case.created', 'evidence.imported', 'evidence.imported', 'evidence.rejected', 'evidence.rejected']);
    const verified = await cli(['log', 'verify', ...vault], { cwd });
    expect(verified.code).toBe(0);
    expect(verified.out).toMatch(/^Log intact: \d+ events, head #\d+ [0-9a-f]{64}\n$/);
  });

  it('exits 2 with one clear line for a wrong passphrase, and changes nothing', async () => {
    const { cwd, vault } = await setup();
    const wrong = await cli(['case', 'list', ...vault], {
      cwd,
      env: { VETBENCH_PASSPHRASE: 'not the right one at all' },
    });
    expect(wrong).toMatchObject({ code: 2, out: '' });
    expect(wrong.err).toBe('vetbench: Wrong passphrase: the vault was not unlocked and nothing was changed.\n');
  });

  it('exits 1 and names the broken event when the log was tampered with', async () => {
    const { cwd, vault } = await setup();
    await cli(['case', 'create', 'Someone', ...vault], { cwd });
    const opened = await Vault.unlock(join(cwd, 'vault'), { passphrase: PASS });
    const db: Database.Database = opened.db;
    db.exec('DROP TRIGGER log_events_no_update');
    db.prepare(`UPDATE log_events SET payload = '{"name":"Someone Else"}' WHERE type = 'case.created'`).run();
    opened.close();
    const verified = await cli(['log', 'verify', '--json', ...vault], { cwd });
    expect(verified.code).toBe(1);
    expect(JSON.parse(verified.out)).toMatchObject({
      ok: false,
      firstBroken: { sequence: 3, problem: 'hash_mismatch' },
    });
  });

  it('refuses bad usage with exit 2 and a pointer to help', async () => {
    const cwd = tempDir();
    expect(await cli(['frobnicate'], { cwd })).toMatchObject({
      code: 2,
      err: expect.stringContaining('unknown command "frobnicate"'),
    });
    expect(await cli(['case', 'create'], { cwd })).toMatchObject({
      code: 2,
      err: 'vetbench: usage: vetbench case create NAME\n',
    });
    expect(await cli(['--bogus'], { cwd })).toMatchObject({
      code: 2,
      err: expect.stringContaining("Unknown option '--bogus'"),
    });
    expect(await cli(['case', 'list', '--vault', join(cwd, 'none')], { cwd })).toMatchObject({
      code: 2,
      err: expect.stringContaining('No vault in'),
    });
    const noSecret = await cli(['vault', 'init', '--vault', join(cwd, 'v')], { cwd, env: { VETBENCH_PASSPHRASE: '' } });
    expect(noSecret).toMatchObject({ code: 2, err: expect.stringContaining('no passphrase: set VETBENCH_PASSPHRASE') });
    expect((await cli(['--help'], { cwd })).out).toContain('vetbench case import CASE FILE...');
  });

  it('changes the passphrase so only the new one unlocks', async () => {
    const { cwd, vault } = await setup();
    const next = 'copper meadow tundra falcon';
    expect(
      (await cli(['vault', 'change-passphrase', ...vault], { cwd, env: { VETBENCH_NEW_PASSPHRASE: next } })).code,
    ).toBe(0);
    expect((await cli(['case', 'list', ...vault], { cwd })).code).toBe(2);
    expect((await cli(['case', 'list', ...vault], { cwd, env: { VETBENCH_PASSPHRASE: next } })).code).toBe(0);
  });

  it('honours --max-import-mb', async () => {
    const { cwd, vault } = await setup();
    await cli(['case', 'create', 'Big', ...vault], { cwd });
    writeFileSync(join(cwd, 'big.txt'), 'x'.repeat(300 * 1024));
    const result = await cli(['case', 'import', 'Big', 'big.txt', '--max-import-mb', '0.25', ...vault], { cwd });
    expect(result.code).toBe(2);
    expect(result.out).toContain('big.txt: 300 KB is over the import limit of 256 KB');
  });
});
