import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workstation } from '../../../electron/engine/workstation';
import type { ProgressEvent } from '../../../shared/types';
import { IDENTITY_DIR } from '../../fixtures/ensureFixtures';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();

describe('analysing a case in the vault', () => {
  it('stores the report and heat maps, logs the run with hashes and codes, and reports progress', async () => {
    const ws = new Workstation({ vaultDir: tempDir(), kdfCost: 'test' });
    try {
      await ws.dispatch('createVault', { passphrase: 'granite lantern orbit velvet', reviewer: 'Dana Reviewer' });
      const created = (await ws.dispatch('createCase', { name: 'Candidate A. Eriksson' })) as {
        ok: true;
        value: { id: string };
      };
      const caseId = created.value.id;
      const files = ['forged-viz-surname.jpg', 'genuine-td1-eriksson-clean.png'].map((name) => {
        const bytes = readFileSync(join(IDENTITY_DIR, name));
        return { name, sizeBytes: bytes.length, bytes: new Uint8Array(bytes) };
      });
      await ws.dispatch('importFiles', { caseId, files });
      expect(await ws.dispatch('getLatestAnalysis', { caseId })).toEqual({ ok: true, value: null });

      const progress: ProgressEvent[] = [];
      ws.onProgress((e) => progress.push(e));
      const result = await ws.dispatch('analyzeCase', { caseId });
      expect(result.ok).toBe(true);
      const record = (
        result as {
          ok: true;
          value: {
            id: string;
            report: {
              documents: Array<{ file: string; kind: string; evidenceId: string; mrzBox: unknown }>;
              findings: Array<{ code: string }>;
              risk: unknown;
            };
            heatMaps: string[];
          };
        }
      ).value;
      expect(record.report.documents.map((d) => [d.file, d.kind])).toEqual([
        ['forged-viz-surname.jpg', 'identity'],
        ['genuine-td1-eriksson-clean.png', 'identity'],
      ]);
      expect(record.report.documents[0]!.mrzBox).toEqual({
        x0: expect.any(Number),
        y0: expect.any(Number),
        x1: expect.any(Number),
        y1: expect.any(Number),
      });
      expect(record.report.findings.map((f) => f.code)).toEqual(['MRZ_VIZ_MISMATCH']);
      expect(progress.map((p) => `${p.task} ${p.current}/${p.total} ${p.label}`)).toEqual([
        'analysis 1/2 forged-viz-surname.jpg',
        'analysis 2/2 genuine-td1-eriksson-clean.png',
        'analysis 2/2 done',
      ]);

      // Only the JPEG has a heat map; it is a PNG.
      const jpegId = record.report.documents[0]!.evidenceId;
      expect(record.heatMaps).toEqual([jpegId]);
      const heat = (await ws.dispatch('getHeatMap', { analysisId: record.id, evidenceId: jpegId })) as {
        ok: true;
        value: { mediaType: string; bytes: Uint8Array };
      };
      expect(heat.value.mediaType).toBe('image/png');
      expect(Buffer.from(heat.value.bytes.subarray(1, 4)).toString('latin1')).toBe('PNG');
      const content = (await ws.dispatch('getEvidenceContent', { evidenceId: jpegId })) as {
        ok: true;
        value: { bytes: Uint8Array };
      };
      expect(Buffer.from(content.value.bytes).equals(readFileSync(join(IDENTITY_DIR, 'forged-viz-surname.jpg')))).toBe(
        true,
      );

      expect(await ws.dispatch('getLatestAnalysis', { caseId })).toMatchObject({
        ok: true,
        value: { id: record.id, report: { risk: { level: 'high', score: 30 } } },
      });
      const log = (await ws.dispatch('listLog', { caseId, limit: 1 })) as {
        ok: true;
        value: Array<{ type: string; payload: Record<string, unknown> }>;
      };
      expect(log.value[0]).toMatchObject({
        type: 'analysis.completed',
        payload: {
          analysisId: record.id,
          engineVersion: '0.1.0',
          findingCodes: ['MRZ_VIZ_MISMATCH'],
          files: [
            expect.objectContaining({
              name: 'forged-viz-surname.jpg',
              sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
            }),
            expect.anything(),
          ],
        },
      });
      expect(await ws.dispatch('verifyLog', {})).toMatchObject({ ok: true, value: { ok: true } });
    } finally {
      await ws.shutdown();
    }
  }, 90_000);

  it('answers other calls while an analysis runs', async () => {
    const ws = new Workstation({ vaultDir: tempDir(), kdfCost: 'test' });
    try {
      await ws.dispatch('createVault', { passphrase: 'granite lantern orbit velvet', reviewer: 'Dana Reviewer' });
      const created = (await ws.dispatch('createCase', { name: 'Busy' })) as { ok: true; value: { id: string } };
      const bytes = readFileSync(join(IDENTITY_DIR, 'genuine-td3-kim-camera.jpg'));
      await ws.dispatch('importFiles', {
        caseId: created.value.id,
        files: [{ name: 'kim.jpg', sizeBytes: bytes.length, bytes: new Uint8Array(bytes) }],
      });
      const order: string[] = [];
      const analysis = ws.dispatch('analyzeCase', { caseId: created.value.id }).then(() => order.push('analysis'));
      const listed = ws.dispatch('listCases', {}).then(() => order.push('listCases'));
      await Promise.all([analysis, listed]);
      expect(order).toEqual(['listCases', 'analysis']);
    } finally {
      await ws.shutdown();
    }
  }, 90_000);
});
