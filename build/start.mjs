#!/usr/bin/env node
// `npm start`: builds Sigtrail, makes the bundled demo case on first start
// (a generated capture with every scenario, ingested and run through the
// detectors), then launches Electron on it. Where the Electron binary is not
// available it says so in one line and starts the local web host instead.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, copyFileSync, rmSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const node = process.execPath;
const cli = join(root, 'dist/sigtrail.mjs');
const casesDir = process.env.SIGTRAIL_CASES_DIR ?? join(homedir(), '.local', 'share', 'sigtrail', 'cases');
const demo = join(casesDir, 'demo.duckdb');
const args = process.argv.slice(2);
const noBuild = args.includes('--no-build');

function step(cmd, argv, what, quiet = false) {
  const r = spawnSync(cmd, argv, { cwd: root, stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'] });
  if (r.status !== 0) {
    console.error(`sigtrail start: ${what} failed (exit ${r.status ?? r.signal})`);
    return false;
  }
  return true;
}

if (!noBuild) {
  if (!step(node, [join(root, 'build/build-cli.mjs')], 'building the CLI')) process.exit(1);
  const { build } = await import('electron-vite');
  await build({ configFile: join(root, 'electron.vite.config.ts'), logLevel: 'warn' });
  console.log('sigtrail start: app built (out/)');
}

if (!existsSync(demo)) {
  mkdirSync(casesDir, { recursive: true });
  const work = join(casesDir, 'demo.capture');
  rmSync(work, { recursive: true, force: true });
  console.log(`sigtrail start: creating the demo case (every scenario) at ${demo}`);
  const ok =
    step(node, [cli, 'generate', '--out', work, '--seed', '2026', '--messages', '30000', '--scenarios', 'all'], 'generating the demo capture') &&
    step(node, [cli, 'ingest', join(work, 'capture.pcap'), '--case', demo, '--profile', join(work, 'profile.json')], 'ingesting the demo capture') &&
    step(node, [cli, 'detect', '--case', demo, '--profile', join(work, 'profile.json')], 'running the detectors on the demo case', true);
  if (ok && existsSync(join(work, 'labels.json'))) copyFileSync(join(work, 'labels.json'), join(casesDir, 'demo.labels.json'));
  if (!ok) {
    rmSync(demo, { force: true });
    rmSync(`${demo}.wal`, { force: true });
    console.error('sigtrail start: no demo case; the workbench opens without one');
  }
}
const caseArgs = existsSync(demo) ? ['--case', demo] : [];

// Find the Electron executable without require('electron'), which would try to download it.
function electronBinary() {
  const dir = join(root, 'node_modules', 'electron');
  const rel = existsSync(join(dir, 'path.txt')) ? readFileSync(join(dir, 'path.txt'), 'utf8').trim() : '';
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const p = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, rel || 'electron');
    return existsSync(p) ? p : null;
  }
  const p = rel ? join(dir, 'dist', rel) : null;
  return p && existsSync(p) ? p : null;
}
const electronPath = electronBinary();

if (!electronPath) {
  console.log(`sigtrail start: the Electron binary is not available here (node_modules/electron has no dist); use the web host: npm run web${caseArgs.length ? ` -- --case ${demo}` : ''} (starting it now)`);
  const web = spawn(node, [cli, 'web', ...caseArgs], { cwd: root, stdio: 'inherit' });
  web.on('exit', (code) => process.exit(code ?? 0));
  for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => web.kill(s));
} else {
  const app = spawn(electronPath, [root, ...caseArgs], { cwd: root, stdio: 'inherit' });
  app.on('exit', (code) => process.exit(code ?? 0));
}
