/**
 * Binds the backend service to IPC: one ipcMain.handle per contract method.
 * Every call is checked (sender must be our own renderer page) and its
 * argument validated against the contract before the service sees it. Errors
 * cross as Error('[code] message') so the renderer client can recover the code.
 * Plain module (no 'electron' import) so it is testable under Node.
 */
import { ApiError, CHANNEL_PREFIX, METHOD_NAMES, validateArgs, type MethodName } from '../../shared/ipc/contract.js';

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}
export interface IpcEventLike {
  senderFrame?: { url: string } | null;
}
export interface ServiceLike {
  dispatch(method: MethodName, args: unknown): Promise<unknown>;
}

/** True for the app's own pages: file:// renderer bundle (or the dev server URL given). */
export function trustedSender(e: IpcEventLike, devUrl?: string): boolean {
  const url = e.senderFrame?.url ?? '';
  if (url.startsWith('file://')) return true;
  return !!devUrl && url.startsWith(devUrl);
}

export function registerIpc(ipc: IpcMainLike, service: ServiceLike, o: { devUrl?: string } = {}): () => void {
  for (const m of METHOD_NAMES) {
    ipc.handle(CHANNEL_PREFIX + m, async (event, args) => {
      if (!trustedSender(event, o.devUrl)) throw new Error('[failed] IPC refused: untrusted sender');
      try {
        const a = validateArgs(m, args ?? {});
        return await service.dispatch(m, a);
      } catch (e) {
        const code = e instanceof ApiError ? e.code : 'failed';
        throw new Error(`[${code}] ${e instanceof Error ? e.message : String(e)}`);
      }
    });
  }
  return () => {
    for (const m of METHOD_NAMES) ipc.removeHandler(CHANNEL_PREFIX + m);
  };
}
