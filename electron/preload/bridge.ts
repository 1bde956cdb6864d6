/**
 * Builds the object the preload exposes as window.sigtrail: one function per
 * contract method (ipcRenderer.invoke on 'sigtrail:<method>'), an event
 * subscription, the path of a dropped File, and the native dialogs. Kept free
 * of the 'electron' import so it is testable under plain Node.
 */
import { CHANNEL_PREFIX, EVENT_CHANNEL, METHOD_NAMES, type ApiEvent } from '../../shared/ipc/contract.js';

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}
export interface ContextBridgeLike {
  exposeInMainWorld(key: string, api: unknown): void;
}
export interface WebUtilsLike {
  getPathForFile(file: unknown): string;
}

export const DIALOG_CHANNELS = {
  openCase: 'sigtrail:dialog:openCase',
  newCase: 'sigtrail:dialog:newCase',
  importFiles: 'sigtrail:dialog:importFiles',
  saveText: 'sigtrail:dialog:saveText',
} as const;

export function buildBridge(ipc: IpcRendererLike, webUtils: WebUtilsLike): Record<string, unknown> {
  const api: Record<string, unknown> = {};
  for (const m of METHOD_NAMES) {
    // Only plain data crosses: the argument object is structured-cloned by Electron.
    api[m] = (args: unknown) => ipc.invoke(CHANNEL_PREFIX + m, args ?? {});
  }
  api.onEvent = (cb: (e: ApiEvent) => void) => {
    const l = (_e: unknown, payload: unknown) => cb(payload as ApiEvent);
    ipc.on(EVENT_CHANNEL, l);
    return () => {
      ipc.removeListener(EVENT_CHANNEL, l);
    };
  };
  api.pathForFile = (file: unknown) => webUtils.getPathForFile(file);
  api.dialogs = {
    openCase: () => ipc.invoke(DIALOG_CHANNELS.openCase),
    newCase: () => ipc.invoke(DIALOG_CHANNELS.newCase),
    importFiles: () => ipc.invoke(DIALOG_CHANNELS.importFiles),
    saveText: (name: string, text: string) => ipc.invoke(DIALOG_CHANNELS.saveText, String(name), String(text)),
  };
  return api;
}

export function exposeBridge(cb: ContextBridgeLike, ipc: IpcRendererLike, webUtils: WebUtilsLike): void {
  cb.exposeInMainWorld('sigtrail', buildBridge(ipc, webUtils));
}
