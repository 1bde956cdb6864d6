/**
 * Launches the real Electron app with Playwright's Electron support, on a
 * small case, and checks the window shows the workbench through the preload
 * bridge. Runs where the Electron binary exists (node_modules/electron/dist or
 * ELECTRON_OVERRIDE_DIST_PATH) and skips with the reason where it does not.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;

function electronBinary(): string | null {
  const dir = join(root, 'node_modules', 'electron');
  const rel = existsSync(join(dir, 'path.txt')) ? readFileSync(join(dir, 'path.txt'), 'utf8').trim() : '';
  const p = process.env.ELECTRON_OVERRIDE_DIST_PATH ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, rel || 'electron') : rel ? join(dir, 'dist', rel) : '';
  return p && existsSync(p) ? p : null;
}

const bin = electronBinary();
const built = existsSync(join(root, 'out/main/index.js')) && existsSync(join(root, 'out/preload/index.cjs')) && existsSync(join(root, 'out/renderer/index.html'));
const skip = !bin
  ? 'the Electron binary is not installed here (node_modules/electron has no dist and ELECTRON_OVERRIDE_DIST_PATH is unset); the web-host E2E covers the renderer'
  : !built
    ? 'the app is not built (run `npx electron-vite build` first)'
    : false;

test('Electron app starts, shows the workbench and answers through the preload bridge', { skip, timeout: 120_000 }, async () => {
  const { _electron } = await import('playwright-core');
  const dir = mkdtempSync(join(tmpdir(), 'sigtrail-electron-'));
  const app = await _electron.launch({
    executablePath: bin!,
    args: [root, '--no-sandbox'],
    env: { ...process.env, SIGTRAIL_STATE_DIR: join(dir, 'state'), SIGTRAIL_CASES_DIR: join(dir, 'cases') },
  });
  try {
    const win = await app.firstWindow();
    await win.waitForSelector('[data-view=cases]', { timeout: 30_000 });
    // No Node in the page (sandbox + contextIsolation + no nodeIntegration).
    assert.equal(await win.evaluate(() => typeof (globalThis as { require?: unknown }).require), 'undefined');
    assert.equal(await win.evaluate(() => typeof (globalThis as { process?: unknown }).process), 'undefined');
    const info = await win.evaluate(() => (globalThis as unknown as { sigtrail: { appInfo(a: object): Promise<{ host: string }> } }).sigtrail.appInfo({}));
    assert.equal(info.host, 'electron');
    await win.fill('[data-testid=new-name]', 'electron-e2e');
    await win.click('[data-testid=create-btn]');
    await win.waitForSelector('[data-testid=case-badge]');
    await win.screenshot({ path: join(root, 'test/artifacts/electron-cases.png') });
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
