// Exposes window.vetbench: exactly one function per API method, plus onProgress. The renderer
// never sees ipcRenderer itself. Sandboxed preloads may only require 'electron', so this
// imports the method list from shared/apiMethods.ts, which has no dependencies.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { API_METHODS, ipcChannel, PROGRESS_CHANNEL } from '../../shared/apiMethods';
import type { VetbenchApi } from '../../shared/api';
import type { ProgressEvent } from '../../shared/types';

const methods = Object.fromEntries(
  API_METHODS.map((method) => [method, (input?: unknown) => ipcRenderer.invoke(ipcChannel(method), input ?? {})]),
);

const api = {
  ...methods,
  onProgress(listener: (event: ProgressEvent) => void): () => void {
    const handler = (_event: IpcRendererEvent, progress: ProgressEvent) => listener(progress);
    ipcRenderer.on(PROGRESS_CHANNEL, handler);
    return () => ipcRenderer.removeListener(PROGRESS_CHANNEL, handler);
  },
} as unknown as VetbenchApi;

contextBridge.exposeInMainWorld('vetbench', api);
