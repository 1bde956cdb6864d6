/**
 * Decoder memory on a large capture (`npm run bench -- rss`): issue 2 asks for RSS flat in
 * capture size, a 1 GB capture under 300 MB. Generates a MAP-rich capture of about
 * SIGTRAIL_BENCH_RSS_MB (default 1024) MiB with the scenario generator, then decodes it in
 * a fresh child process (one core, the bundled decoder with the options the CLI and the
 * import use) and samples the child's RSS at every quarter of the file: flat means the last
 * quarter is not above the first by more than noise. The child also reports the peak (maxRSS) and frames/s.
 * tshark then reads the same file (`-T fields`, the oracle's fields) for the ratio of a
 * single pass in a fresh process, the way a user decodes a large capture: the JIT's
 * warm-up is part of the time, as it is of a user's (BENCH_SKIP_TSHARK=1 skips it).
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasTshark, runTshark } from './decode.bench.js';

const root = new URL('../..', import.meta.url).pathname;

/** Runs inside the child: decode every frame, print RSS at each quarter and the peak. */
const CHILD = `
const { decodeCaptureFile } = await import(process.argv[1]);
const cap = process.argv[2];
const marks = [];
let next = 0.25, frames = 0, records = 0, errors = 0;
const t0 = performance.now();
for await (const b of decodeCaptureFile(cap)) {
  frames = b.framesSeen; records += b.records.length; errors += b.errors.length;
  while (b.bytesRead >= next * b.totalBytes && next <= 1) { marks.push([next, process.memoryUsage().rss]); next += 0.25; }
}
const s = (performance.now() - t0) / 1000;
console.log(JSON.stringify({ frames, records, errors, seconds: s, marks, maxRss: process.resourceUsage().maxRSS * 1024 }));
`;

export async function bench(): Promise<void> {
  const mb = Number(process.env.SIGTRAIL_BENCH_RSS_MB ?? 1024);
  const lib = join(root, 'dist/capture-file.mjs');
  const cli = join(root, 'dist/sigtrail.mjs');
  if (!existsSync(cli)) {
    console.log('dist/ not built (npm run bench builds it): skipping');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'sigtrail-bench-rss-'));
  try {
    // ~208 bytes per generated message on the wire (measured: 1 M messages = 208.6 MiB)
    const messages = Math.round((mb * 1024 * 1024) / 218);
    const t = performance.now();
    const gen = spawnSync(process.execPath, [cli, 'generate', '--out', dir, '--seed', '7', '--messages', String(messages)], { encoding: 'utf8' });
    const cap = join(dir, 'capture.pcap');
    if (gen.status !== 0 || !existsSync(cap)) {
      console.log(`generate failed: ${(gen.stderr || '').trim().split('\n')[0]}`);
      return;
    }
    const size = statSync(cap).size;
    console.log(`capture: ${(size / 2 ** 20).toFixed(0)} MiB, ${messages.toLocaleString('en')} messages generated in ${((performance.now() - t) / 1000).toFixed(0)} s`);
    // the library entry the CLI bundles; fall back to the TypeScript sources through tsx
    const entry = existsSync(lib) ? lib : join(root, 'shared/node/capture-file.ts');
    const args = existsSync(lib) ? ['--input-type=module', '-e', CHILD, entry, cap] : ['--import', 'tsx', '--input-type=module', '-e', CHILD, entry, cap];
    const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (r.status !== 0) {
      console.log(`decode child failed: ${(r.stderr || '').trim().split('\n').slice(0, 3).join(' | ')}`);
      return;
    }
    const o = JSON.parse(r.stdout.trim().split('\n').pop()!) as { frames: number; records: number; errors: number; seconds: number; marks: [number, number][]; maxRss: number };
    const m = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
    console.log(`decode (one core, fresh process): ${o.frames.toLocaleString('en')} frames, ${o.records.toLocaleString('en')} records, ${o.errors} errors in ${o.seconds.toFixed(1)} s = ${Math.round(o.frames / o.seconds).toLocaleString('en')} frames/s, ${(size / 2 ** 20 / o.seconds).toFixed(1)} MiB/s`);
    console.log(`RSS at 25/50/75/100% of the file: ${o.marks.map(([, v]) => m(v)).join(' / ')}; peak ${m(o.maxRss)} (target: under 300 MiB for a 1 GiB capture, flat in size) ${o.maxRss < 300 * 2 ** 20 ? 'OK' : 'OVER'}`);
    if (hasTshark()) {
      const ts = await runTshark(cap);
      if (ts) {
        const fps = o.frames / o.seconds, tfps = (ts.frames / ts.ms) * 1000;
        console.log(`  tshark -T fields, same file, same run: ${ts.frames.toLocaleString('en')} frames in ${(ts.ms / 1000).toFixed(1)} s = ${Math.round(tfps).toLocaleString('en')} frames/s → Sigtrail/tshark = ${(fps / tfps).toFixed(1)}× (one pass each, fresh processes)`);
      } else console.log('  tshark failed on this file');
    } else console.log('  tshark not available: no ratio');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
