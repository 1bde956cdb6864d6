/**
 * Whole-decoder throughput (`npm run bench decode`):
 *  1. the performance capture (146,533 frames, gzip) through decodeCaptureFile:
 *     frames/s, messages/s, MB/s, peak RSS, and tshark on the same file in the
 *     same run (`-T fields` with the oracle's fields) for the ratio;
 *  2. a larger MAP-rich capture: $SIGTRAIL_BENCH_CAPTURE if set, else one made
 *     by the scenario generator (shared/generator) when it is available, else
 *     the performance capture concatenated 4 times;
 *  3. the network layers alone (capture parser + NetDecoder) on (1);
 *  4. a fuzz run: ≥ 1 M mutated frames of every corpus capture (bit flips,
 *     truncations, length-field corruption; fixed seed) through
 *     FrameDecoder.decode, which must never throw; decoder faults are counted.
 * Environment: BENCH_FUZZ_FRAMES (default 1,000,000), BENCH_SKIP_TSHARK=1.
 */
import { createWriteStream, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { spawn, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { decodeCaptureFile } from '../../shared/node/capture-file.js';
import { createCaptureParser, type RawPacket } from '../../shared/decoder/capture/index.js';
import { NetDecoder } from '../../shared/decoder/net/index.js';
import { FrameDecoder } from '../../shared/decoder/pipeline.js';
import { StateBag, defaultDecodeOptions } from '../../shared/decoder/context.js';
import { CAPTURES } from '../helpers/shared-dir.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const PERF = join(CAPTURES, 'sigtran.net__performance-20260724T093659Z.pcap.gz');

/** The oracle's fields (shared/oracle/tshark-fields.sh). */
export const ORACLE_FIELDS = [
  'frame.number', 'frame.time_epoch', 'm3ua.message_class', 'm3ua.message_type', 'm3ua.protocol_data_opc', 'm3ua.protocol_data_dpc',
  'm3ua.protocol_data_si', 'mtp3.opc', 'mtp3.dpc', 'sccp.message_type', 'sccp.called.ssn', 'sccp.calling.ssn', 'sccp.called.digits',
  'sccp.calling.digits', 'tcap.otid', 'tcap.dtid', 'tcap.begin_element', 'tcap.continue_element', 'tcap.end_element', 'tcap.abort_element',
  'gsm_map.old.Component', 'gsm_old.invokeID', 'gsm_old.localValue', 'camel.opcode', 'e212.imsi', 'e164.msisdn', 'isup.message_type',
  'isup.cic', 'isup.called', 'isup.calling', 'diameter.cmd.code', 'diameter.flags.request', 'diameter.applicationId',
  'diameter.hopbyhopid', 'diameter.endtoendid', 'diameter.Session-Id', 'diameter.User-Name', 'diameter.Result-Code',
];

// ------------------------------------------------------------------ fuzzing (shared with test/decoder/net-fuzz.test.ts)

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Offsets of length-like fields in a frame (IP lengths, SCTP chunk lengths, TCP data offset, upper-layer length fields). */
export function lengthFields(p: RawPacket): number[] {
  const b = p.data;
  const out: number[] = [];
  let o = -1;
  let t = 0;
  if (p.linkType === 1 && b.length >= 14) {
    o = 14;
    t = (b[12]! << 8) | b[13]!;
    while ((t === 0x8100 || t === 0x88a8) && o + 4 <= b.length) {
      t = (b[o + 2]! << 8) | b[o + 3]!;
      o += 4;
    }
  } else if (p.linkType === 113 && b.length >= 16) {
    o = 16;
    t = (b[14]! << 8) | b[15]!;
  } else if (p.linkType === 276 && b.length >= 20) {
    o = 20;
    t = (b[0]! << 8) | b[1]!;
  } else if ((p.linkType === 0 || p.linkType === 108) && b.length >= 4) {
    o = 4;
    t = (b[o]! >> 4) === 6 ? 0x86dd : 0x0800;
  }
  if (o < 0) return out;
  let l4 = -1;
  let proto = 0;
  if (t === 0x0800 && o + 20 <= b.length) {
    out.push(o, o + 2, o + 3, o + 6);
    proto = b[o + 9]!;
    l4 = o + ((b[o]! & 15) << 2);
  } else if (t === 0x86dd && o + 40 <= b.length) {
    out.push(o + 4, o + 5);
    proto = b[o + 6]!;
    l4 = o + 40;
  }
  if (l4 < 0 || l4 >= b.length) return out;
  if (proto === 132) {
    let c = l4 + 12;
    for (let i = 0; i < 16 && c + 4 <= b.length; i++) {
      const len = (b[c + 2]! << 8) | b[c + 3]!;
      out.push(c + 2, c + 3);
      if (b[c] === 0 && c + 24 <= b.length) out.push(c + 1, c + 16 + 4, c + 16 + 5, c + 16 + 6, c + 16 + 7, c + 16 + 1, c + 16 + 3); // flags; M3UA / Diameter length bytes
      if (len < 4) break;
      c += (len + 3) & ~3;
    }
  } else if (proto === 6 && l4 + 20 <= b.length) {
    out.push(l4 + 12, l4 + 13);
    const s = l4 + ((b[l4 + 12]! >> 4) << 2);
    if (s + 8 <= b.length) out.push(s + 1, s + 2, s + 3, s + 4, s + 5, s + 6, s + 7);
  }
  return out.filter((x) => x < b.length);
}

const INTERESTING = [0, 1, 2, 3, 4, 7, 8, 0x0f, 0x10, 0x7f, 0x80, 0xfe, 0xff];

/** Yields `count` mutated copies of `frames` (bit flips, truncations, length-field corruption, mixes). */
export function* mutatedFrames(frames: RawPacket[], count: number, seed: number): Generator<RawPacket> {
  const r = rng(seed);
  const fields = frames.map(lengthFields);
  for (let i = 0; i < count; i++) {
    const k = (r() * frames.length) | 0;
    const base = frames[k]!;
    let d = base.data.slice();
    const kind = (r() * 5) | 0;
    if (kind === 0 || kind === 4) {
      const flips = 1 + ((r() * 8) | 0);
      for (let j = 0; j < flips && d.length > 0; j++) d[(r() * d.length) | 0]! ^= 1 << ((r() * 8) | 0);
    }
    if (kind === 1 || kind === 4) d = d.subarray(0, (r() * (d.length + 1)) | 0);
    if (kind === 2 || kind === 3) {
      const f = fields[k]!;
      const n = 1 + ((r() * 3) | 0);
      for (let j = 0; j < n; j++) {
        const at = f.length > 0 && r() < 0.85 ? f[(r() * f.length) | 0]! : (r() * d.length) | 0;
        if (at < d.length) d[at] = r() < 0.6 ? INTERESTING[(r() * INTERESTING.length) | 0]! : (r() * 256) | 0;
      }
      if (kind === 3) d = d.subarray(0, Math.max(0, d.length - ((r() * 64) | 0)));
    }
    yield { ...base, frame: i + 1, data: d, capLen: d.length };
  }
}

/** First `max` frames of every corpus capture (copied). */
export function corpusFrames(max = Infinity): RawPacket[] {
  const out: RawPacket[] = [];
  if (!existsSync(CAPTURES)) return out;
  for (const n of readdirSync(CAPTURES).filter((f) => /\.(pcap|pcapng)(\.gz)?$/.test(f)).sort()) {
    let b = readFileSync(join(CAPTURES, n));
    if (n.endsWith('.gz')) b = gunzipSync(b);
    let k = 0;
    const p = createCaptureParser((pk) => {
      if (k++ < max) out.push({ ...pk, data: pk.data.slice() });
    }, () => {});
    p.push(new Uint8Array(b.buffer, b.byteOffset, b.length));
    p.end();
  }
  return out;
}

export interface FuzzResult {
  frames: number;
  thrown: string[];
  netFaults: string[];
  layerFaults: string[];
  records: number;
  errors: number;
}

/** Runs mutated frames through FrameDecoder.decode (one decoder per run, state carried across frames). */
export function fuzz(frames: RawPacket[], count: number, seed: number): FuzzResult {
  const res: FuzzResult = { frames: 0, thrown: [], netFaults: [], layerFaults: [], records: 0, errors: 0 };
  let dec = new FrameDecoder();
  for (const p of mutatedFrames(frames, count, seed)) {
    res.frames++;
    if (res.frames % 100000 === 0) dec = new FrameDecoder(); // fresh state now and then
    try {
      const r = dec.decode(p);
      res.records += r.records.length;
      res.errors += r.errors.length;
      for (const e of r.errors) if (e.reason.startsWith('decoder fault')) res.netFaults.push(`frame ${p.frame} (${p.data.length} B): ${e.layer}: ${e.reason}`);
      for (const rec of r.records) if (rec.stop?.reason.startsWith('decoder fault')) res.layerFaults.push(`frame ${p.frame}: ${rec.stop.layer}: ${rec.stop.reason}`);
    } catch (e) {
      res.thrown.push(`frame ${p.frame}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    }
  }
  return res;
}

// ------------------------------------------------------------------ helpers

export function hasTshark(): boolean {
  return !process.env.BENCH_SKIP_TSHARK && spawnSync('tshark', ['--version'], { stdio: 'ignore' }).status === 0;
}

function uncompressedSize(path: string): number {
  if (!path.endsWith('.gz')) return statSync(path).size;
  return gunzipSync(readFileSync(path)).length;
}

async function runDecoder(path: string): Promise<{ ms: number; frames: number; records: number; errors: number }> {
  const t0 = performance.now();
  let frames = 0, records = 0, errors = 0;
  for await (const b of decodeCaptureFile(path)) {
    frames = b.framesSeen;
    records += b.records.length;
    errors += b.errors.length;
  }
  return { ms: performance.now() - t0, frames, records, errors };
}

/**
 * tshark -T fields with the oracle's fields on `path`, its output counted as it streams (a
 * large capture's output is not held in memory): wall time and rows (one per frame).
 */
export function runTshark(path: string): Promise<{ ms: number; frames: number } | undefined> {
  const args = ['-n', '-r', path, '-T', 'fields', '-E', 'occurrence=a'];
  for (const f of ORACLE_FIELDS) args.push('-e', f);
  return new Promise((res) => {
    const t0 = performance.now();
    const child = spawn('tshark', args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let frames = 0;
    child.stdout.on('data', (c: Buffer) => {
      for (let i = c.indexOf(10); i >= 0; i = c.indexOf(10, i + 1)) frames++;
    });
    child.on('error', () => res(undefined));
    child.on('close', (code) => res(code === 0 ? { ms: performance.now() - t0, frames } : undefined));
  });
}

function peakRssMB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

const k = (x: number): string => `${(x / 1000).toFixed(1)}k`;

async function reportFile(label: string, path: string, runs: number): Promise<void> {
  const bytes = uncompressedSize(path);
  const res: Awaited<ReturnType<typeof runDecoder>>[] = [];
  for (let i = 0; i < runs; i++) res.push(await runDecoder(path));
  const first = res[0]!;
  res.sort((a, b) => a.ms - b.ms);
  const best = res[0]!;
  const med = res[res.length >> 1]!;
  const fps = (best.frames / best.ms) * 1000;
  console.log(
    `${label}: ${best.frames} frames, ${best.records} messages, ${best.errors} frame errors; best of ${runs} ${best.ms.toFixed(0)} ms (median ${med.ms.toFixed(0)} ms): ` +
      `${k(fps)} frames/s, ${k((best.records / best.ms) * 1000)} messages/s, ${((bytes / 1e6 / best.ms) * 1000).toFixed(1)} MB/s (uncompressed); peak RSS ${peakRssMB().toFixed(0)} MB`,
  );
  if (hasTshark()) {
    const t = await runTshark(path);
    if (t) {
      const tfps = (t.frames / t.ms) * 1000;
      const firstFps = (first.frames / first.ms) * 1000;
      console.log(`  tshark -T fields (${ORACLE_FIELDS.length} fields), same file, same run: ${t.frames} frames in ${t.ms.toFixed(0)} ms = ${k(tfps)} frames/s → Sigtrail/tshark = ${(fps / tfps).toFixed(1)}× (best of ${runs}; first pass alone ${k(firstFps)} frames/s = ${(firstFps / tfps).toFixed(1)}×)`);
    } else console.log('  tshark failed on this file');
  } else console.log('  tshark not available: no ratio');
}

/** Makes the large capture: env file, generator, or the perf capture ×4. */
async function largeCapture(dir: string): Promise<{ path: string; how: string }> {
  const env = process.env.SIGTRAIL_BENCH_CAPTURE;
  if (env && existsSync(env)) return { path: env, how: `$SIGTRAIL_BENCH_CAPTURE (${env})` };
  const out = join(dir, 'large.pcap');
  // in a child process when the CLI is built: the generator's heap would otherwise slow this
  // process's first decoding pass (a user's decode runs in a fresh process)
  const cli = join(ROOT, 'dist/sigtrail.mjs');
  if (existsSync(cli)) {
    const t0 = performance.now();
    const g = spawnSync(process.execPath, [cli, 'generate', '--out', join(dir, 'gen'), '--seed', '7', '--messages', '600000'], { encoding: 'utf8' });
    if (g.status === 0 && existsSync(join(dir, 'gen', 'capture.pcap'))) return { path: join(dir, 'gen', 'capture.pcap'), how: `generator (600k messages, seed 7, every scenario; made by the CLI in a child process in ${(performance.now() - t0).toFixed(0)} ms)` };
  }
  try {
    const gen = (await import('../../shared/generator/index.js')) as {
      generateToSink?: (o: { seed?: number; messages?: number; scenarios?: 'all' | 'none' }, sink: (c: Uint8Array) => void | Promise<void>) => Promise<unknown>;
    };
    if (typeof gen.generateToSink === 'function') {
      const ws = createWriteStream(out);
      const t0 = performance.now();
      await gen.generateToSink({ seed: 7, messages: 600_000, scenarios: 'all' }, (c) => {
        if (!ws.write(c)) return new Promise<void>((res) => ws.once('drain', () => res()));
      });
      await new Promise<void>((res) => ws.end(() => res()));
      return { path: out, how: `generator (600k messages, seed 7, made in ${(performance.now() - t0).toFixed(0)} ms)` };
    }
  } catch (e) {
    console.log(`  (generator not usable: ${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
  }
  const raw = gunzipSync(readFileSync(PERF));
  const ws = createWriteStream(out);
  ws.write(raw);
  for (let i = 1; i < 4; i++) ws.write(raw.subarray(24));
  await new Promise<void>((res) => ws.end(() => res()));
  return { path: out, how: 'performance capture concatenated 4× (repeated TSNs are flagged as retransmissions, still decoded)' };
}

function netOnly(path: string): void {
  const buf = path.endsWith('.gz') ? gunzipSync(readFileSync(path)) : readFileSync(path);
  const u8 = new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
  let best = Infinity, frames = 0, pdus = 0;
  for (let r = 0; r < 5; r++) {
    const nd = new NetDecoder(defaultDecodeOptions, new StateBag());
    frames = 0;
    pdus = 0;
    const onPdu = (): void => {
      pdus++;
    };
    const onErr = (): void => {};
    const t0 = performance.now();
    const p = createCaptureParser((pk) => {
      frames++;
      nd.decode(pk, onPdu, onErr);
    }, () => {});
    for (let i = 0; i < u8.length; i += 1 << 20) p.push(u8.subarray(i, i + (1 << 20)));
    p.end();
    best = Math.min(best, performance.now() - t0);
  }
  console.log(`network layers only (capture parser + NetDecoder, in memory): ${frames} frames, ${pdus} PDUs, best of 5 ${best.toFixed(0)} ms = ${k((frames / best) * 1000)} frames/s (${((best * 1e6) / frames).toFixed(0)} ns/frame)`);
}

export async function bench(): Promise<void> {
  if (!existsSync(PERF)) {
    console.log(`skipped: ${PERF} not found`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'sigtrail-bench-'));
  try {
    await reportFile('performance capture (.pcap.gz)', PERF, 3);
    const big = await largeCapture(dir);
    console.log(`large capture: ${big.how}`);
    await reportFile('large capture', big.path, 3);
    netOnly(PERF);

    const n = Number(process.env.BENCH_FUZZ_FRAMES ?? 1_000_000);
    const frames = corpusFrames(2000);
    const t0 = performance.now();
    const f = fuzz(frames, n, 0x5eed);
    const ms = performance.now() - t0;
    console.log(
      `fuzz: ${f.frames} mutated frames from ${frames.length} corpus frames (seed 0x5eed) in ${(ms / 1000).toFixed(1)} s: ` +
        `${f.thrown.length} thrown, ${f.netFaults.length} network-layer faults, ${f.layerFaults.length} upper-layer faults, ${f.records} records, ${f.errors} frame errors`,
    );
    for (const x of [...f.thrown, ...f.netFaults].slice(0, 5)) console.log(`  ${x}`);
    const byReason = new Map<string, number>();
    for (const x of f.layerFaults) {
      const key = x.replace(/^frame \d+: /, '');
      byReason.set(key, (byReason.get(key) ?? 0) + 1);
    }
    for (const [r, c] of [...byReason].sort((a, b) => b[1] - a[1]).slice(0, 5)) console.log(`  ${c}× ${r}`);
    if (f.thrown.length > 0) throw new Error(`fuzz: FrameDecoder.decode threw ${f.thrown.length} time(s)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Allow `node --import tsx test/bench/decode.bench.ts` directly.
if (process.argv[1] && resolve(process.argv[1]) === new URL(import.meta.url).pathname) {
  await bench();
}
