// The whole reading path on the generated set: OCR of printed zone and MRZ, repair, cross-
// checks. Each fixture must give exactly its fields (genuine ones) and exactly its document
// findings (image-file findings are tested in test/unit/forensics).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareImage, readIdentityDocument } from '../../../electron/engine/identity/readIdentityDocument';
import { OcrPool } from '../../../electron/engine/ocr/ocrPool';
import { IDENTITY_DIR, readIdentityManifest } from '../../fixtures/ensureFixtures';

const manifest = readIdentityManifest();
let pool: OcrPool;
beforeAll(async () => {
  pool = await OcrPool.create();
}, 60_000);
afterAll(async () => {
  await pool.terminate();
});

const read = async (file: string) =>
  readIdentityDocument(
    await prepareImage(readFileSync(join(IDENTITY_DIR, file)), file),
    pool,
    file,
    new Date(`${manifest.today}T12:00:00Z`),
  );

describe('reading identity documents', () => {
  it.each(manifest.fixtures.map((f) => [f.file, f] as const))('%s', async (file, fixture) => {
    const reading = await read(file);
    expect(reading.findings.map((f) => f.code).sort()).toEqual(
      fixture.expectedFindings.filter((c) => !c.startsWith('IMG_')),
    );
    expect(reading.mrz?.format).toBe(fixture.format);
    if (fixture.genuine) {
      const values = Object.fromEntries(Object.keys(fixture.fields).map((k) => [k, reading.fields[k]?.value]));
      expect(values).toEqual(fixture.fields);
      expect(reading.mrz?.valid).toBe(true);
    }
  });

  it('explains a printed-zone mismatch with the field and both values', async () => {
    const reading = await read(manifest.fixtures.find((f) => f.file.startsWith('forged-viz-surname'))!.file);
    expect(reading.findings).toEqual([
      expect.objectContaining({
        code: 'MRZ_VIZ_MISMATCH',
        severity: 'high',
        message: 'Printed surname ERIKSON differs from MRZ surname ERIKSSON.',
        evidence: { field: 'surname', mrz: 'ERIKSSON', viz: 'ERIKSON' },
      }),
    ]);
  });

  it('refuses an image that cannot be decoded, naming the file', async () => {
    await expect(prepareImage(Buffer.from('\xff\xd8\xff\xe0 truncated', 'latin1'), 'passport.jpg')).rejects.toThrow(
      /^passport\.jpg: the image cannot be decoded/,
    );
  });
});
