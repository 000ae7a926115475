import { describe, expect, it } from 'vitest';
import { handleInvocation } from '../../../electron/main/ipc';
import { isTrustedSender } from '../../../electron/main/security';
import { Workstation } from '../../../electron/engine/workstation';
import { useTempDirs } from '../../helpers/tempDir';

const tempDir = useTempDirs();
const appFrame = { url: 'app://vetbench/index.html', parent: null };

describe('handleInvocation', () => {
  it('refuses foreign senders before the engine sees the call', async () => {
    const calls: string[] = [];
    const dispatch = async (method: string) => {
      calls.push(method);
      return { ok: true as const, value: null };
    };
    for (const frame of [
      { url: 'https://evil.example/', parent: null },
      { url: 'app://vetbench/index.html', parent: {} },
      null,
    ]) {
      expect(await handleInvocation('listCases', frame, {}, dispatch, isTrustedSender)).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', message: 'listCases: refused a call from outside the app window.' },
      });
    }
    expect(calls).toEqual([]);
  });

  it('passes trusted calls to the real engine, which refuses unknown methods and bad input and maps its errors', async () => {
    const ws = new Workstation({ vaultDir: tempDir(), kdfCost: 'test' });
    const call = (method: string, input: unknown) =>
      handleInvocation(method, appFrame, input, ws.dispatch, isTrustedSender);
    expect(await call('deleteEverything', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await call('createVault', { passphrase: 42 })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await call('listCases', {})).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
    expect(await call('createVault', { passphrase: 'granite lantern orbit velvet', reviewer: 'Dana' })).toMatchObject({
      ok: true,
      value: { unlocked: true },
    });
    ws.close();
  });
});
