/**
 * `sigtrail web [--case CASE] [--port N]`: serves the workbench (built
 * renderer + the backend API) to a browser on 127.0.0.1 only. The first line on
 * stdout is the URL to open, token included. Builds the renderer first when
 * out/renderer is missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from './args.js';
import { createApiService } from '../../shared/node/api/service.js';
import { startWebHost, type WebHost } from '../../shared/node/api/web-server.js';

/** The repository / app root: the nearest folder up from this file whose package.json is sigtrail's. */
export function appRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  let d = from;
  for (let i = 0; i < 8; i++) {
    const p = join(d, 'package.json');
    if (existsSync(p)) {
      try {
        if ((JSON.parse(readFileSync(p, 'utf8')) as { name?: string }).name === 'sigtrail') return d;
      } catch {
        /* keep walking */
      }
    }
    const up = dirname(d);
    if (up === d) break;
    d = up;
  }
  return process.cwd();
}

/** Builds the renderer into out/renderer with Vite when it is missing (or when `force`). */
export async function ensureRenderer(root: string, force = false, log: (s: string) => void = (s) => process.stderr.write(s + '\n'), out = join(root, 'out', 'renderer')): Promise<string> {
  if (!force && existsSync(join(out, 'index.html')) && existsSync(join(out, 'bench.html'))) return out;
  log(`sigtrail: building the renderer into ${out}…`);
  const vite = await import('vite');
  const react = (await import('@vitejs/plugin-react')).default;
  await vite.build({
    configFile: false,
    root: join(root, 'renderer'),
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    build: {
      outDir: out,
      emptyOutDir: true,
      chunkSizeWarningLimit: 4096,
      rollupOptions: { input: { index: join(root, 'renderer', 'index.html'), bench: join(root, 'renderer', 'bench.html') } },
    },
  });
  if (!existsSync(join(out, 'index.html'))) throw new Error('renderer build produced no index.html');
  return out;
}

export interface RunningWeb {
  host: WebHost;
  close(): Promise<void>;
}

export async function startWeb(o: { casePath?: string; port?: number; root?: string; token?: string; stateDir?: string; casesDir?: string; rendererDir?: string }): Promise<RunningWeb> {
  const root = o.root ?? appRoot();
  const rendererDir = o.rendererDir ?? (await ensureRenderer(root));
  let host: WebHost | null = null;
  const service = createApiService({ host: 'web', stateDir: o.stateDir, casesDir: o.casesDir, onEvent: (e) => host?.broadcast(e) });
  if (o.casePath) await service.caseOpen({ path: resolve(o.casePath) });
  const casesDir = (await service.appInfo({})).casesDir;
  host = await startWebHost({ service, rendererDir, port: o.port, token: o.token, uploadsDir: join(casesDir, 'uploads') });
  const h = host;
  return {
    host: h,
    async close() {
      await h.close();
      await service.close();
    },
  };
}

export async function run(args: string[]): Promise<number> {
  const a = parseArgs(args, { values: ['case', 'port'], flags: ['help'] });
  if (a.opts.help) {
    console.log('usage: sigtrail web [--case CASE.duckdb] [--port N]\nServes the workbench on 127.0.0.1; open the printed URL (it carries the access token).');
    return 0;
  }
  const port = a.opts.port === undefined ? 0 : Number(a.opts.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: expected 0–65535, got ${String(a.opts.port)}`);
  const casePath = typeof a.opts.case === 'string' ? a.opts.case : a.positional[0];
  if (casePath && !existsSync(casePath)) throw new Error(`case not found: ${casePath}`);
  const web = await startWeb({ casePath, port });
  console.log(web.host.url);
  process.stderr.write(`sigtrail web: serving on 127.0.0.1:${web.host.port}${casePath ? ` with case ${resolve(casePath)}` : ''} (Ctrl+C to stop)\n`);
  await new Promise<void>((done) => {
    const stop = () => {
      web.close().finally(done);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
