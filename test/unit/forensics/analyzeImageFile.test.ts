import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeImageFile } from '../../../electron/engine/forensics/analyzeImageFile';
import { IDENTITY_DIR, readIdentityManifest } from '../../fixtures/ensureFixtures';

const manifest = readIdentityManifest();
const REAL = join('test', 'fixtures', 'real', 'exif');
const mediaTypeOf = (file: string) => (file.endsWith('.png') ? 'image/png' : 'image/jpeg');
const codes = (findings: Array<{ code: string }>) => findings.map((f) => f.code).sort();

describe('image forensics on the generated set', () => {
  it.each(manifest.fixtures.map((f) => [f.file, f] as const))(
    '%s raises exactly its expected image findings',
    async (file, fixture) => {
      const result = await analyzeImageFile(readFileSync(join(IDENTITY_DIR, file)), file, mediaTypeOf(file));
      expect(codes(result.findings)).toEqual(fixture.expectedFindings.filter((c) => c.startsWith('IMG_')));
      for (const finding of result.findings) expect(finding.document).toBe(file);
    },
  );

  it('puts the spliced region where it was pasted', async () => {
    const fixture = manifest.fixtures.find((f) => f.file.startsWith('spliced-portrait'))!;
    const result = await analyzeImageFile(readFileSync(join(IDENTITY_DIR, fixture.file)), fixture.file, 'image/jpeg');
    const box = result.findings.find((f) => f.code === 'IMG_ELA_ANOMALY')!.evidence['box'] as {
      left: number;
      top: number;
      width: number;
      height: number;
    };
    const truth = fixture.region!;
    const overlap =
      Math.max(0, Math.min(box.left + box.width, truth.left + truth.width) - Math.max(box.left, truth.left)) *
      Math.max(0, Math.min(box.top + box.height, truth.top + truth.height) - Math.max(box.top, truth.top));
    const union = box.width * box.height + truth.width * truth.height - overlap;
    expect(overlap / union).toBeGreaterThan(0.7);
    expect(result.findings.find((f) => f.code === 'IMG_ELA_ANOMALY')!.evidence['ghostQuality']).toBe(60);
  });

  it('reports the earlier quality of a re-saved photo and produces an ELA heat map for JPEGs', async () => {
    const file = manifest.fixtures.find((f) => f.file.startsWith('recompressed'))!.file;
    const result = await analyzeImageFile(readFileSync(join(IDENTITY_DIR, file)), file, 'image/jpeg');
    expect(result.jpegQuality).toEqual({ quality: 95, standardTables: true });
    expect(result.findings[0]!.evidence).toMatchObject({ fileQuality: 95, earlierQuality: 88 });
    expect(result.elaHeatMap!.subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});

describe('image forensics on real camera files (CC BY-SA 4.0, see test/fixtures/real/exif/README.md)', () => {
  const analyse = (file: string) =>
    analyzeImageFile(readFileSync(join(REAL, file)), file, 'image/jpeg', new Date('2026-11-22T12:00:00Z'));

  it('flags the GIMP re-save and the years between capture and modification, with the dates as written', async () => {
    const result = await analyse('Canon_40D.jpg');
    expect(codes(result.findings)).toEqual(['IMG_DATES_INCONSISTENT', 'IMG_EDITING_SOFTWARE']);
    const dates = result.findings.find((f) => f.code === 'IMG_DATES_INCONSISTENT')!;
    expect(dates.evidence).toMatchObject({
      taken: result.metadata.taken!.local,
      modified: result.metadata.modified!.local,
    });
    expect(result.metadata.make).toBe('Canon');
    expect(result.thumbnail!.meanDifference).toBeLessThan(10);
  });

  it('raises nothing on an unedited camera file with a matching thumbnail', async () => {
    const result = await analyse('Canon_PowerShot_S40.jpg');
    expect(result.findings).toEqual([]);
    expect(result.metadata.hasThumbnail).toBe(true);
  });

  it('survives damaged image data, says which checks it skipped, and still reads the metadata', async () => {
    const result = await analyse('corrupted.jpg');
    expect(result.pixelChecksSkipped).toMatch(
      /^the image data is damaged \(.+\), so error level and compression-history checks were skipped$/,
    );
    expect(result.metadata.make).toBe('OLYMPUS IMAGING CORP.');
  });

  it('marks a JPEG without any EXIF as stripped (info only)', async () => {
    const result = await analyse('image01551.jpg');
    expect(result.findings.map((f) => [f.code, f.severity])).toEqual([['IMG_METADATA_STRIPPED', 'info']]);
  });

  it('reads malformed metadata without throwing', async () => {
    await expect(analyse('87_OSError.jpg')).resolves.toBeDefined();
  });
});
