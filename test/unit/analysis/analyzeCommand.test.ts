import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/runCli';
import { IDENTITY_DIR } from '../../fixtures/ensureFixtures';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();

async function cli(args: string[], cwd: string) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  const code = await runCli(args, {
    stdin: Object.assign(new PassThrough(), { isTTY: false }),
    stdout,
    stderr,
    cwd,
    env: {},
  });
  return { code, out, err };
}

describe('vetbench analyze', () => {
  it('prints the report contract as JSON on stdout, progress on stderr, and exits 0 whatever it finds', async () => {
    const cwd = tempDir();
    copyFileSync(join(IDENTITY_DIR, 'forged-viz-surname.jpg'), join(cwd, 'passport.jpg'));
    writeFileSync(join(cwd, 'cv.txt'), 'Anna Maria Eriksson\nAustin, TX\n');
    const { code, out, err } = await cli(['analyze', '--json', 'passport.jpg', 'cv.txt'], cwd);
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report).toMatchObject({ schema: 'vetbench.report/1', tool: { name: 'vetbench', version: '0.1.0' } });
    expect(report.generatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const [passport, cv] = report.documents;
    expect(passport).toMatchObject({
      file: 'passport.jpg',
      mediaType: 'image/jpeg',
      kind: 'identity',
      mrz: { format: 'TD3', valid: true },
    });
    expect(passport.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(passport.fields.surname).toEqual({ value: 'ERIKSSON', source: 'mrz', confidence: 0.98 });
    expect(passport.fields.dateOfBirth.value).toBe('1974-08-12');
    expect(cv).toMatchObject({ file: 'cv.txt', kind: 'cv', mediaType: 'text/plain' });
    expect(report.findings).toEqual([
      expect.objectContaining({
        code: 'MRZ_VIZ_MISMATCH',
        severity: 'high',
        document: 'passport.jpg',
        evidence: { field: 'surname', mrz: 'ERIKSSON', viz: 'ERIKSON' },
      }),
    ]);
    expect(report.risk).toEqual({ level: 'high', score: 30 });
    expect(err).toContain('[1/2] passport.jpg: reading text and MRZ');
  }, 60_000);

  it('exits 2 naming each unreadable file, and still reports the readable ones', async () => {
    const cwd = tempDir();
    copyFileSync(join(IDENTITY_DIR, 'genuine-td3-kim-clean.png'), join(cwd, 'id.png'));
    writeFileSync(join(cwd, 'setup.exe'), Buffer.from('MZ\x90\x00', 'latin1'));
    const { code, out, err } = await cli(['analyze', 'id.png', 'setup.exe', 'missing.jpg'], cwd);
    expect(code).toBe(2);
    expect(err).toContain('vetbench analyze: missing.jpg: no such file');
    expect(err).toContain('vetbench analyze: setup.exe: not a file Vetbench can analyse: it is a Windows executable.');
    expect(out).toContain('id.png  (identity, image/png');
    expect(out).toContain('surname         KIM  [mrz 98%]');
    expect(out).toContain('No findings.');
    expect(out).toContain('Risk: none (score 0/100)');
  }, 60_000);

  it('refuses contract options this version does not implement yet, instead of ignoring them', async () => {
    const { code, err } = await cli(['analyze', '--profile', 'p.json', 'a.jpg'], tempDir());
    expect(code).toBe(2);
    expect(err).toBe('vetbench analyze: --profile (profile comparison) is not available in this version yet.\n');
  });
});
