import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  estimateQuality,
  readQuantisationTables,
  scaledAnnexKTable,
} from '../../../electron/engine/forensics/jpegQuantisation';

describe('JPEG quantisation tables', () => {
  it('scales Annex K like libjpeg: quality 50 is the table itself, 100 is all ones', () => {
    expect(scaledAnnexKTable(50, false).slice(0, 8)).toEqual([16, 11, 10, 16, 24, 40, 51, 61]);
    expect(new Set(scaledAnnexKTable(100, true))).toEqual(new Set([1]));
  });

  it.each([35, 62, 75, 88, 97])(
    'reads the tables of a libjpeg file written at quality %i and estimates it exactly',
    async (quality) => {
      const jpeg = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#808080' } })
        .jpeg({ quality })
        .toBuffer();
      const tables = readQuantisationTables(jpeg)!;
      expect(tables.map((t) => t.id)).toEqual([0, 1]);
      expect(estimateQuality(tables)).toEqual({ quality, standardTables: true });
    },
  );

  it('recognises tables that are not a scaled Annex K pair', () => {
    const custom = [{ id: 0, values: Array.from({ length: 64 }, (_, i) => 2 + (i % 5)) }];
    expect(estimateQuality(custom)!.standardTables).toBe(false);
  });

  it('returns null for bytes that are not a JPEG or are cut off before any table', () => {
    expect(readQuantisationTables(Buffer.from('GIF89a'))).toBeNull();
    expect(readQuantisationTables(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00]))).toBeNull();
  });
});
