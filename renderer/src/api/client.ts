/**
 * The renderer's only door to the backend. Under Electron it calls the
 * preload bridge (window.sigtrail, one function per contract method); in a
 * browser served by `sigtrail web` it POSTs to /api/<method> with the token
 * and listens to /api/events (Server-Sent Events).
 */
import type { ApiEvent, Args, MethodName, Result } from '../../../shared/ipc/contract.js';

export type { ApiEvent };

/** What the Electron preload exposes on window.sigtrail (see electron/preload/index.ts). */
export type Bridge = { [M in MethodName]: (args: Args<M>) => Promise<Result<M>> } & {
  onEvent(cb: (e: ApiEvent) => void): () => void;
  pathForFile(file: File): string;
  dialogs: {
    openCase(): Promise<string | null>;
    newCase(): Promise<string | null>;
    importFiles(): Promise<string[]>;
    saveText(name: string, text: string): Promise<string | null>;
  };
};

declare global {
  interface Window {
    sigtrail?: Bridge;
  }
}

export class ApiCallError extends Error {
  constructor(message: string, readonly code: string) {
    super(message);
    this.name = 'ApiCallError';
  }
}

const TOKEN_KEY = 'sigtrail.token';

function webToken(): string {
  const u = new URL(window.location.href);
  const t = u.searchParams.get('token');
  if (t) {
    sessionStorage.setItem(TOKEN_KEY, t);
    u.searchParams.delete('token');
    history.replaceState(null, '', u.pathname + u.search + u.hash);
    return t;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

const bridge = typeof window !== 'undefined' ? window.sigtrail : undefined;
const token = bridge ? '' : webToken();

export const host: 'electron' | 'web' = bridge ? 'electron' : 'web';

/** Unwraps Electron's "Error invoking remote method 'x': Error: msg" prefix. */
function cleanIpcError(e: unknown): ApiCallError {
  const m = e instanceof Error ? e.message : String(e);
  const inner = /Error invoking remote method '[^']+': (?:\w*Error: )?(.*)$/s.exec(m);
  const text = inner ? inner[1]! : m;
  const code = /^\[(\w[\w-]*)\] /.exec(text);
  return new ApiCallError(code ? text.slice(code[0].length) : text, code ? code[1]! : 'failed');
}

export async function call<M extends MethodName>(method: M, args: Args<M>): Promise<Result<M>> {
  if (bridge) {
    try {
      return await (bridge[method] as (a: Args<M>) => Promise<Result<M>>)(args);
    } catch (e) {
      throw cleanIpcError(e);
    }
  }
  let res: Response;
  try {
    res = await fetch(`/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-sigtrail-token': token }, body: JSON.stringify(args ?? {}) });
  } catch (e) {
    throw new ApiCallError(`backend unreachable: ${e instanceof Error ? e.message : String(e)}`, 'failed');
  }
  let body: { ok: boolean; result?: unknown; error?: string; code?: string };
  try {
    body = (await res.json()) as typeof body;
  } catch {
    throw new ApiCallError(`backend answered ${res.status} without JSON`, 'failed');
  }
  if (!body.ok) throw new ApiCallError(body.error ?? `HTTP ${res.status}`, body.code ?? 'failed');
  return body.result as Result<M>;
}

const listeners = new Set<(e: ApiEvent) => void>();
let source: EventSource | null = null;

/** Subscribes to backend events (job progress, case changes). */
export function onEvent(cb: (e: ApiEvent) => void): () => void {
  if (bridge) return bridge.onEvent(cb);
  listeners.add(cb);
  if (!source) {
    source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    source.onmessage = (m) => {
      try {
        const e = JSON.parse(String(m.data)) as ApiEvent;
        for (const l of listeners) l(e);
      } catch {
        /* ignore malformed event */
      }
    };
  }
  return () => listeners.delete(cb);
}

/** Makes a dropped/chosen File importable: its path under Electron, an upload under the web host. */
export async function fileToPath(file: File): Promise<string> {
  if (bridge) {
    const p = bridge.pathForFile(file);
    if (!p) throw new ApiCallError(`cannot read the path of ${file.name}`, 'bad-args');
    return p;
  }
  const res = await fetch(`/api/upload?name=${encodeURIComponent(file.name)}`, { method: 'POST', headers: { 'x-sigtrail-token': token, 'content-type': 'application/octet-stream' }, body: file });
  const body = (await res.json()) as { ok: boolean; result?: { path: string }; error?: string };
  if (!body.ok || !body.result) throw new ApiCallError(body.error ?? 'upload failed', 'failed');
  return body.result.path;
}

/** Saves text as a file: a save dialog under Electron, a download in a browser. */
export async function saveText(name: string, text: string, mime = 'text/csv'): Promise<void> {
  if (bridge) {
    await bridge.dialogs.saveText(name, text);
    return;
  }
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 5000);
}

export const dialogs = bridge?.dialogs ?? null;
