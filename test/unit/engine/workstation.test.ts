import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/engine/api/dispatch';
import { VetbenchError } from '../../../electron/engine/errors';
import { Workstation } from '../../../electron/engine/workstation';
import type { ProgressEvent } from '../../../shared/types';
import { makePng } from '../../helpers/sampleFiles';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();
const PASS = 'granite lantern orbit velvet';

describe('Workstation.dispatch', () => {
  it('answers every call with a result, never a throw', async () => {
    const ws = new Workstation({ vaultDir: tempDir(), kdfCost: 'test' });
    expect(await ws.dispatch('dropTables', {})).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_METHOD', message: 'Unknown method "dropTables".' },
    });
    expect(await ws.dispatch('toString', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await ws.dispatch('createCase', { name: '' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringMatching(/^createCase: name: /) },
    });
    expect(await ws.dispatch('createCase', { name: 'x', extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    expect(await ws.dispatch('listCases', {})).toEqual({
      ok: false,
      error: { code: 'VAULT_LOCKED', message: 'The vault is locked; unlock it first.' },
    });
    expect(await ws.dispatch('unlockVault', { passphrase: PASS })).toMatchObject({
      ok: false,
      error: { code: 'VAULT_NOT_FOUND' },
    });
  });

  it('runs the foundation walk through the same entry point the UI uses', async () => {
    const ws = new Workstation({ vaultDir: tempDir(), kdfCost: 'test', maxImportBytes: 1000 });
    const created = await ws.dispatch('createVault', { passphrase: PASS, reviewer: 'Dana Reviewer' });
    expect(created).toMatchObject({
      ok: true,
      value: { exists: true, unlocked: true, reviewer: 'Dana Reviewer', maxImportBytes: 1000 },
    });
    const theCase = await ws.dispatch('createCase', { name: '  Candidate B  ' });
    expect(theCase).toMatchObject({ ok: true, value: { name: 'Candidate B', evidenceCount: 0 } });
    const caseId = (theCase as { value: { id: string } }).value.id;
    const progress: ProgressEvent[] = [];
    const unsubscribe = ws.onProgress((e) => progress.push(e));
    const png = makePng(8, 8);
    const imported = await ws.dispatch('importFiles', {
      caseId,
      files: [
        { name: 'photo.png', sizeBytes: png.length, bytes: new Uint8Array(png) },
        { name: 'huge.tiff', sizeBytes: 5_000_000 },
      ],
    });
    expect(imported).toMatchObject({
      ok: true,
      value: [
        { status: 'imported' },
        { status: 'rejected', reason: expect.stringContaining('huge.tiff: 4.8 MB is over the import limit') },
      ],
    });
    expect(progress.map((p) => `${p.current}/${p.total} ${p.label}${p.done ? ' done' : ''}`)).toEqual([
      '1/2 photo.png',
      '2/2 huge.tiff',
      '2/2 done done',
    ]);
    unsubscribe();
    await ws.dispatch('listCases', {});
    expect(progress).toHaveLength(3);
    expect(await ws.dispatch('getCase', { caseId })).toMatchObject({
      ok: true,
      value: { case: { evidenceCount: 1 }, evidence: [{ originalName: 'photo.png' }] },
    });
    expect(await ws.dispatch('verifyLog', {})).toMatchObject({ ok: true, value: { ok: true, eventCount: 4 } });
    expect(await ws.dispatch('lockVault', {})).toMatchObject({
      ok: true,
      value: { unlocked: false, vaultId: null, reviewer: null },
    });
    expect(await ws.dispatch('getCase', { caseId })).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
  });

  it('opens the vault once even when two unlocks race', async () => {
    const dir = tempDir();
    const ws = new Workstation({ vaultDir: dir, kdfCost: 'test' });
    await ws.dispatch('createVault', { passphrase: PASS, reviewer: 'Dana' });
    await ws.dispatch('lockVault', {});
    const [a, b] = await Promise.all([
      ws.dispatch('unlockVault', { passphrase: PASS }),
      ws.dispatch('unlockVault', { passphrase: PASS }),
    ]);
    expect(a.ok && b.ok).toBe(true);
    const log = await ws.dispatch('listLog', {});
    expect((log as { value: Array<{ type: string }> }).value.filter((e) => e.type === 'vault.unlocked')).toHaveLength(
      1,
    );
    // Being unlocked already does not make any passphrase right.
    expect(await ws.dispatch('unlockVault', { passphrase: 'somebody else entirely' })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE' },
    });
    ws.close();
  });

  it('ends the progress of an import that fails, so no progress bar is left spinning', async () => {
    const ws = new Workstation({ vaultDir: tempDir(), kdfCost: 'test' });
    await ws.dispatch('createVault', { passphrase: PASS, reviewer: 'Dana' });
    const progress: ProgressEvent[] = [];
    ws.onProgress((e) => progress.push(e));
    const result = await ws.dispatch('importFiles', {
      caseId: 'no-such-case',
      files: [{ name: 'a.txt', sizeBytes: 1, bytes: new Uint8Array([65]) }],
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(progress.at(-1)).toMatchObject({ done: true, caseId: 'no-such-case' });
    ws.close();
  });
});

describe('createDispatcher', () => {
  it('maps engine errors to their code and hides unexpected ones', async () => {
    const seen: string[] = [];
    const handlers = {
      getVaultStatus: () => {
        throw new VetbenchError('NOT_FOUND', 'No case "x".');
      },
      lockVault: () => {
        throw new Error('/home/dana/secret/path exploded');
      },
    } as unknown as Parameters<typeof createDispatcher>[0];
    const dispatch = createDispatcher(handlers, (method, error) => seen.push(`${method}: ${(error as Error).message}`));
    expect(await dispatch('getVaultStatus', {})).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No case "x".' },
    });
    const internal = await dispatch('lockVault', {});
    expect(internal).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'lockVault failed unexpectedly; see the application log.' },
    });
    expect(JSON.stringify(internal)).not.toContain('/home/dana');
    expect(seen).toEqual(['lockVault: /home/dana/secret/path exploded']);
  });
});
