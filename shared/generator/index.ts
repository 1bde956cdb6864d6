/**
 * Scenario generator: world → benign traffic + attack scenario instances →
 * a pcap stream, labels.json and profile.json. Pure (no Node APIs): the capture
 * is handed to a sink chunk by chunk, so memory stays flat at any size.
 */
import { ChunkBuffer } from '../encode/bytes.js';
import { pcapGlobalHeader } from '../encode/pcap.js';
import type { NetworkProfile } from '../model/profile.js';
import { Rng } from './prng.js';
import { buildWorld, type World } from './world.js';
import { Wire, type FrameTruth } from './wire.js';
import { Benign } from './traffic.js';
import { Instance, type Difficulty, type Labels } from './labels.js';
import { SCENARIOS, scenarioById, type ScenarioDef } from './scenarios/index.js';
import type { ScenarioCtx } from './scenarios/types.js';
import { profileOf } from './profile.js';

export interface GenerateOptions {
  seed?: number;
  /** Target number of signaling messages (SCTP DATA chunks) in the capture. */
  messages?: number;
  /** 'all', 'none', or a list of catalogue ids (optionally id:variant). */
  scenarios?: 'all' | 'none' | string[];
  /** Capture length in hours (default 24). */
  hours?: number;
  homeSubscribers?: number;
  inboundRoamers?: number;
  /** Truth tap: called for every signaling DATA frame written (tests). */
  onFrame?: (f: FrameTruth) => void;
}

export interface GenerateResult {
  labels: Labels;
  profile: NetworkProfile;
  world: World;
}

export type ChunkSink = (chunk: Uint8Array) => void | Promise<void>;

/** Day/night rhythm: relative activity by local hour (minimum ~04:00, peak ~16:00). */
export function rhythm(localHour: number): number {
  return 0.55 - 0.45 * Math.cos((2 * Math.PI * (localHour - 4)) / 24);
}

export async function generateToSink(opts: GenerateOptions, sink: ChunkSink): Promise<GenerateResult> {
  const seed = (opts.seed ?? 1) >>> 0;
  const target = Math.max(0, Math.floor(opts.messages ?? 20000));
  const hours = opts.hours ?? 24;
  const world = buildWorld({ seed, ...(opts.homeSubscribers ? { homeSubscribers: opts.homeSubscribers } : {}), ...(opts.inboundRoamers ? { inboundRoamers: opts.inboundRoamers } : {}) });
  const queue: Uint8Array[] = [pcapGlobalHeader()];
  const out = new ChunkBuffer(1 << 20, (c) => queue.push(c));
  const wire = new Wire(world, out);
  if (opts.onFrame) wire.onFrame = opts.onFrame;
  const rng = new Rng(seed ^ 0x6e6e);
  const ctx = { world, wire, rng, counters: { tid: 0x1000, session: 1 } };
  const benign = new Benign(ctx);
  const start = world.startSec * 1e6;
  const end = start + hours * 3600e6;
  const sc: ScenarioCtx = { ...ctx, benign, start, end };

  // --- Scenario instances, scheduled up front (they are small) ---
  const instances: Instance[] = [];
  const plan = planScenarios(opts.scenarios ?? 'all');
  const srng = rng.fork('scenarios');
  let k = 0;
  for (const [def, variant] of plan) {
    const span = (def.spanHours?.(variant) ?? 1) * 3600e6;
    const room = Math.max(1, end - start - span - 2 * 3600e6);
    let t = start + 3600e6 + srng.next() * room;
    // Blended instances hide in busy hours: accept a start time with the probability of the day/night rhythm.
    for (let i = 0; variant === 'blended' && i < 50; i++) {
      const h = ((((t / 3600e6 + world.home.country.utc) % 24) + 24) % 24);
      if (srng.next() < rhythm(h)) break;
      t = start + 3600e6 + srng.next() * room;
    }
    const inst = new Instance(`${def.meta.id}-${variant}-${++k}`, def.meta.id, def.meta.attack, def.meta.category, variant);
    def.build({ ...sc, rng: srng }, variant, t, inst);
    instances.push(inst);
  }
  const scenarioMsgs = wire.pending;

  // --- Benign traffic: non-homogeneous Poisson arrivals following the rhythm ---
  const budget = Math.max(0, target - scenarioMsgs);
  const utc = world.home.country.utc;
  const binUs = 60e6;
  const bins = Math.ceil((end - start) / binUs);
  const cum = new Float64Array(bins + 1);
  for (let i = 0; i < bins; i++) {
    const h = ((((start + i * binUs) / 3600e6 + utc) % 24) + 24) % 24;
    cum[i + 1] = cum[i]! + rhythm(h);
  }
  const remainingWeight = (t: number): number => {
    const x = Math.min(bins, Math.max(0, (t - start) / binUs));
    const i = Math.floor(x);
    return cum[bins]! - (cum[i]! + (x - i) * (cum[Math.min(bins, i + 1)]! - cum[i]!));
  };
  let produced = 0;
  let dialogues = 0;
  let t = start;
  const brng = rng.fork('benign');
  ctx.rng = brng;
  sc.rng = brng;
  let iter = 0;
  while (produced < budget) {
    const avg = dialogues > 20 ? produced / dialogues : 6;
    const remainingDialogues = Math.max(1, (budget - produced) / avg);
    const h = ((((t / 3600e6 + utc) % 24) + 24) % 24);
    const w = remainingWeight(t);
    const rate = w > 1 ? (rhythm(h) * remainingDialogues) / (w * binUs) : remainingDialogues / 600e6;
    t += brng.exp(1 / rate);
    wire.drain(t);
    produced += benign.run(t);
    dialogues++;
    if ((++iter & 255) === 0 && queue.length) await flushQueue(queue, sink);
  }
  wire.finish();
  await flushQueue(queue, sink);

  const labels: Labels = {
    generator: 'sigtrail',
    version: 1,
    seed,
    messages: wire.messages,
    frames: wire.frames,
    start: Math.floor(Math.max(0, wire.firstUs) / 1e6),
    end: Math.ceil(wire.lastUs / 1e6),
    instances: instances.map((i) => i.toJSON()),
  };
  return { labels, profile: profileOf(world), world };
}

async function flushQueue(q: Uint8Array[], sink: ChunkSink): Promise<void> {
  while (q.length) {
    const c = q.shift()!;
    const r = sink(c);
    if (r) await r;
  }
}

/** Expands the --scenarios selection into (scenario, variant) pairs. */
export function planScenarios(sel: 'all' | 'none' | string[]): [ScenarioDef, Difficulty][] {
  if (sel === 'none') return [];
  const out: [ScenarioDef, Difficulty][] = [];
  const list = sel === 'all' ? SCENARIOS.map((s) => s.meta.id) : sel;
  for (const item of list) {
    const [id, variant] = item.split(':') as [string, string | undefined];
    const def = scenarioById(id);
    if (!def) throw new Error(`unknown scenario '${id}' (see 'sigtrail scenarios')`);
    if (variant) {
      if (!def.meta.variants.includes(variant as Difficulty)) throw new Error(`scenario '${id}' has no variant '${variant}' (${def.meta.variants.join(', ')})`);
      out.push([def, variant as Difficulty]);
    } else for (const v of def.meta.variants) out.push([def, v]);
  }
  return out;
}

/** Generates everything in memory (small captures: tests, the workbench's "new demo case"). */
export async function generateFiles(opts: GenerateOptions): Promise<{ pcap: Uint8Array; labels: Labels; profile: NetworkProfile; labelsJson: string; profileJson: string }> {
  const parts: Uint8Array[] = [];
  let n = 0;
  const r = await generateToSink(opts, (c) => {
    parts.push(c);
    n += c.length;
  });
  const pcap = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    pcap.set(p, o);
    o += p.length;
  }
  return { pcap, labels: r.labels, profile: r.profile, labelsJson: JSON.stringify(r.labels, null, 1) + '\n', profileJson: JSON.stringify(r.profile, null, 2) + '\n' };
}

export { catalogue, SCENARIOS } from './scenarios/index.js';
export type { CatalogueEntry } from './scenarios/types.js';
export type { Labels, LabelInstance, Difficulty } from './labels.js';
export type { FrameTruth } from './wire.js';
