import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHANNEL_PREFIX, EVENT_CHANNEL, METHOD_NAMES, type ApiEvent } from '../../shared/ipc/contract.js';
import { registerIpc, type IpcEventLike } from '../../electron/main/ipc.js';
import { buildBridge, exposeBridge, DIALOG_CHANNELS } from '../../electron/preload/bridge.js';
import { createApiService } from '../../shared/node/api/service.js';

type Handler = (e: IpcEventLike, ...a: unknown[]) => unknown;
function mockIpcMain() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle(ch: string, fn: Handler) {
      if (handlers.has(ch)) throw new Error(`second handler for ${ch}`);
      handlers.set(ch, fn);
    },
    removeHandler(ch: string) {
      handlers.delete(ch);
    },
  };
}
const trusted: IpcEventLike = { senderFrame: { url: 'file:///app/out/renderer/index.html' } };

test('main registers one validated handler per contract method and refuses untrusted senders', async () => {
  const ipc = mockIpcMain();
  const calls: [string, unknown][] = [];
  const off = registerIpc(ipc, { dispatch: async (m, a) => (calls.push([m, a]), { ok: m }) });
  assert.deepEqual([...ipc.handlers.keys()].sort(), METHOD_NAMES.map((m) => CHANNEL_PREFIX + m).sort());
  const h = ipc.handlers.get(CHANNEL_PREFIX + 'caseOpen')!;
  assert.deepEqual(await h(trusted, { path: '/tmp/x.duckdb' }), { ok: 'caseOpen' });
  assert.deepEqual(calls, [['caseOpen', { path: '/tmp/x.duckdb' }]]);
  await assert.rejects(async () => h(trusted, { path: 42 }), /^Error: \[bad-args\] caseOpen\.path: expected non-empty string/);
  await assert.rejects(async () => h({ senderFrame: { url: 'https://evil.example/' } }, { path: '/x' }), /untrusted sender/);
  await assert.rejects(async () => h({ senderFrame: null }, { path: '/x' }), /untrusted sender/);
  assert.equal(calls.length, 1, 'rejected calls never reach the service');
  off();
  assert.equal(ipc.handlers.size, 0);
});

test('IPC handlers drive the real backend service: create a case, query it, errors keep their code', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sigtrail-ipc-'));
  const events: ApiEvent[] = [];
  const service = createApiService({ host: 'electron', stateDir: join(dir, 'state'), casesDir: join(dir, 'cases'), onEvent: (e) => events.push(e) });
  const ipc = mockIpcMain();
  registerIpc(ipc, service);
  const call = (m: string, a: unknown) => ipc.handlers.get(CHANNEL_PREFIX + m)!(trusted, a);
  try {
    await assert.rejects(async () => call('overview', {}), /^Error: \[no-case\] no case is open/);
    const info = (await call('caseCreate', { path: 'ipc-test' })) as { path: string; messages: number };
    assert.equal(info.path, join(dir, 'cases', 'ipc-test.duckdb'));
    assert.equal(info.messages, 0);
    assert.equal(events.at(-1)?.type, 'case');
    const sql = (await call('sql', { sql: 'SELECT count(*) AS n FROM messages' })) as { rows: unknown[][] };
    assert.deepEqual(sql.rows, [[0]]);
    await assert.rejects(async () => call('sql', { sql: 'DROP TABLE messages' }), /\[bad-args\] sql: the console is read-only/);
    await assert.rejects(async () => call('sql', { sql: 'SELECT 1; SELECT 2' }), /one statement/);
    await assert.rejects(async () => call('caseOpen', { path: join(dir, 'missing.duckdb') }), /\[not-found\] case not found/);
    const recent = (await call('caseRecent', {})) as { path: string }[];
    assert.equal(recent[0]?.path, info.path);
  } finally {
    await service.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('preload exposes exactly one invoke per method plus events, file paths and dialogs', async () => {
  const invoked: [string, unknown[]][] = [];
  const listeners = new Map<string, Set<(e: unknown, ...a: unknown[]) => void>>();
  const ipc = {
    invoke: async (ch: string, ...a: unknown[]) => (invoked.push([ch, a]), `r:${ch}`),
    on: (ch: string, l: (e: unknown, ...a: unknown[]) => void) => (listeners.get(ch) ?? listeners.set(ch, new Set()).get(ch)!).add(l),
    removeListener: (ch: string, l: (e: unknown, ...a: unknown[]) => void) => listeners.get(ch)?.delete(l),
  };
  const exposed: Record<string, unknown> = {};
  exposeBridge({ exposeInMainWorld: (k, v) => (exposed[k] = v) }, ipc, { getPathForFile: (f) => `/abs/${(f as { name: string }).name}` });
  assert.deepEqual(Object.keys(exposed), ['sigtrail']);
  const b = exposed.sigtrail as Record<string, unknown>;
  for (const m of METHOD_NAMES) assert.equal(typeof b[m], 'function', m);
  assert.deepEqual(Object.keys(b).filter((k) => !METHOD_NAMES.includes(k as never)).sort(), ['dialogs', 'onEvent', 'pathForFile']);
  assert.equal(await (b.overview as (a: unknown) => Promise<unknown>)({ buckets: 10 }), 'r:sigtrail:overview');
  assert.deepEqual(invoked.at(-1), ['sigtrail:overview', [{ buckets: 10 }]]);
  await (b.caseCurrent as (a?: unknown) => Promise<unknown>)();
  assert.deepEqual(invoked.at(-1), ['sigtrail:caseCurrent', [{}]]);
  const got: unknown[] = [];
  const off = (b.onEvent as (cb: (e: unknown) => void) => () => void)((e) => got.push(e));
  for (const l of listeners.get(EVENT_CHANNEL) ?? []) l({}, { type: 'case', info: null });
  off();
  assert.equal(listeners.get(EVENT_CHANNEL)?.size, 0);
  assert.deepEqual(got, [{ type: 'case', info: null }]);
  assert.equal((b.pathForFile as (f: unknown) => string)({ name: 'cap.pcap' }), '/abs/cap.pcap');
  const d = b.dialogs as Record<string, (...a: unknown[]) => Promise<unknown>>;
  await d.saveText!('x.csv', 'a,b');
  assert.deepEqual(invoked.at(-1), [DIALOG_CHANNELS.saveText, ['x.csv', 'a,b']]);
  // The bridge holds functions and plain objects only (nothing from Node leaks through).
  assert.ok(Object.values(buildBridge(ipc, { getPathForFile: () => '' })).every((v) => typeof v === 'function' || (typeof v === 'object' && v !== null)));
});
