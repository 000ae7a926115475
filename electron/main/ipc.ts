// One helper registers every API method on ipcMain: the sender is checked before anything
// else, then the dispatcher validates the input with the method's zod schema. Nothing throws
// across IPC: every call resolves to { ok, value } or { ok: false, error }.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { apiMethods, ipcChannel, type ApiResult } from '../../shared/api';
import type { Dispatch } from '../engine/api/dispatch';
import type { FrameLike } from './security';

export type SenderCheck = (frame: FrameLike | null | undefined) => boolean;

export async function handleInvocation(
  method: string,
  senderFrame: FrameLike | null | undefined,
  input: unknown,
  dispatch: Dispatch,
  isTrusted: SenderCheck,
): Promise<ApiResult<unknown>> {
  if (!isTrusted(senderFrame)) {
    return {
      ok: false,
      error: { code: 'FORBIDDEN', message: `${method}: refused a call from outside the app window.` },
    };
  }
  return dispatch(method, input);
}

export function registerApi(ipcMain: IpcMain, dispatch: Dispatch, isTrusted: SenderCheck): void {
  for (const method of apiMethods) {
    ipcMain.handle(ipcChannel(method), (event: IpcMainInvokeEvent, input: unknown) =>
      handleInvocation(method, event.senderFrame, input, dispatch, isTrusted),
    );
  }
}
