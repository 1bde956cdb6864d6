/**
 * Retrains the learned model (shared/detect/model/weights.json):
 *
 *   node build/build-cli.mjs && node --import tsx shared/node/detect/train-model.ts [--seeds 101,102,103,104] [--messages 20000]
 *
 * Generates labelled captures with `sigtrail generate` (seeds disjoint from `npm run eval`'s),
 * decodes them, extracts one feature vector per location update (shared/detect/model/features.ts),
 * labels a vector 1 when its updateLocation/ULR frame belongs to an attack instance, trains a
 * logistic regression on all seeds but the last and reports precision/recall on the last.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeCaptureFile } from '../capture-file.js';
import { flattenRecord } from '../../model/row.js';
import { Engine } from '../../detect/engine.js';
import { DetectorRegistry } from '../../detect/registry.js';
import { FEATURES, UlFeatureTracker, type UlSample } from '../../detect/model/features.js';
import { train, score, type LogisticModel } from '../../detect/model/logistic.js';
import { parseProfile } from '../../detect/profile-schema.js';
import type { Detector, DetectRow } from '../../detect/types.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));

export async function samplesOf(capture: string, profileText: string): Promise<UlSample[]> {
  const profile = parseProfile(profileText, 'profile.json');
  let out: UlSample[] = [];
  const collector: Detector = {
    meta: { id: 'collect', title: 'collect', description: 'collects model features', severity: 'info', category: 'model', techniques: [], references: [], falsePositives: [], tunables: {}, needsProfile: true },
    create(ctx) {
      const t = new UlFeatureTracker(ctx.net, ctx.state);
      return { row: (r) => t.row(r), finish: () => void (out = t.finish()) };
    },
  };
  const engine = new Engine({ profile, registry: new DetectorRegistry().register(collector) });
  const rows: DetectRow[] = [];
  for await (const b of decodeCaptureFile(capture)) for (const r of b.records) rows.push(flattenRecord(r));
  rows.sort((a, b) => a.ts - b.ts || a.frame - b.frame || a.msg_idx - b.msg_idx || a.comp_idx - b.comp_idx);
  for (const r of rows) engine.push(r);
  engine.finish();
  return out;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const opt = (n: string, d: string): string => {
    const i = argv.indexOf(`--${n}`);
    return i >= 0 && argv[i + 1] ? argv[i + 1]! : d;
  };
  const seeds = opt('seeds', '101,102,103,104').split(',').map(Number);
  const messages = opt('messages', '20000');
  const base = mkdtempSync(join(tmpdir(), 'sigtrail-train-'));
  const sets: Array<{ seed: number; X: number[][]; y: number[] }> = [];
  try {
    for (const seed of seeds) {
      const dir = join(base, String(seed));
      const g = spawnSync(process.execPath, [join(root, 'dist/sigtrail.mjs'), 'generate', '--out', dir, '--seed', String(seed), '--messages', messages], { encoding: 'utf8' });
      if (g.status !== 0) throw new Error(`generate seed ${seed}: ${g.stderr}`);
      const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as { instances: Array<{ benign: boolean; frames: number[] }> };
      const attackFrames = new Set(labels.instances.filter((i) => !i.benign).flatMap((i) => i.frames));
      const cap = join(dir, readdirSync(dir).find((n) => /\.pcap(ng)?(\.gz)?$/.test(n))!);
      const s = await samplesOf(cap, readFileSync(join(dir, 'profile.json'), 'utf8'));
      const y = s.map((x) => (attackFrames.has(x.row.frame) ? 1 : 0));
      sets.push({ seed, X: s.map((x) => x.x), y });
      console.log(`seed ${seed}: ${s.length} location updates, ${y.filter((v) => v).length} from attacks`);
    }
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
  const trainSets = sets.slice(0, -1), test = sets[sets.length - 1]!;
  const X = trainSets.flatMap((s) => s.X), y = trainSets.flatMap((s) => s.y);
  const m = train([...FEATURES], X, y, { epochs: 3000, lr: 0.2, l2: 0.01 });
  // Threshold: above every training negative (no false alarm on the training worlds), at least 0.5.
  const negMax = Math.max(0, ...X.filter((_, i) => y[i] === 0).map((x) => score(m, x).p));
  m.threshold = Math.min(0.99, Math.max(0.5, Number((negMax + 0.01).toFixed(3))));
  const evalOn = (Xs: number[][], ys: number[]): Record<string, number> => {
    let tp = 0, fp = 0, fn = 0;
    Xs.forEach((x, i) => {
      const p = score(m, x).p >= m.threshold;
      if (p && ys[i] === 1) tp++;
      else if (p) fp++;
      else if (ys[i] === 1) fn++;
    });
    return { tp, fp, fn, precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1 };
  };
  const full: LogisticModel = {
    ...m,
    trainedOn: `sigtrail generate seeds ${trainSets.map((s) => s.seed).join(',')} (${messages} messages each); held-out seed ${test.seed}`,
    metrics: Object.fromEntries([...Object.entries(evalOn(X, y)).map(([k, v]) => [`train_${k}`, v]), ...Object.entries(evalOn(test.X, test.y)).map(([k, v]) => [`heldout_${k}`, v])]),
  };
  console.log('weights:', FEATURES.map((f, i) => `${f}=${m.weights[i]!.toFixed(2)}`).join(' '));
  console.log('metrics:', full.metrics);
  const out = join(root, 'shared/detect/model/weights.json');
  writeFileSync(out, JSON.stringify(full, null, 1) + '\n');
  console.log(`wrote ${out}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
