/**
 * `npm run eval [-- --seeds 1,2,3 --messages 20000 --keep DIR --strip-profile minimal|partial-pcs|partners|home.FIELD,partners.FIELD,…]`
 *
 * Generates scenario captures with `sigtrail generate` for several seeds, runs
 * `sigtrail analyze CAPTURE --profile profile.json --format ndjson` on each, and scores the
 * alerts against labels.json: per scenario and difficulty detected / missed, every alert that
 * touches no attack frame (a false alarm), look-alikes that drew an alert, recall and precision,
 * and the learned model next to the rules. Seeds used to train the model (train-model.ts) are
 * different from the default evaluation seeds.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkStripField, stripProfile, type ProfileJson } from '../helpers/sparse-profile.js';

interface Inst {
  id: string;
  scenario: string;
  attack: string;
  category: string;
  difficulty: string;
  benign: boolean;
  frames: number[];
  victims: Array<{ imsi: string; msisdn: string }>;
}
interface AlertLine {
  /** Seed the alert came from (set by this script). */
  tag?: string;
  id: string;
  detector: string;
  severity: string;
  category: string;
  frames: Array<{ evidence: string; frame: number }>;
  explanation: string;
  attacker: Record<string, unknown>;
  victim: Record<string, unknown>;
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const argv = process.argv.slice(2);
const opt = (name: string, def: string): string => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1]! : def;
};
const seeds = opt('seeds', '1,2,3').split(',').map(Number);
const messages = Number(opt('messages', '20000'));
const keep = argv.includes('--keep') ? opt('keep', '') : '';
/**
 * --strip-profile home.nodes,partners.pointCodes,… | minimal | partial-pcs: drop these optional fields from every generated
 * profile before analysing, to see what the detectors still find with the sparser profile a real
 * deployment may have ('minimal': no home nodes, point codes, MSISDN ranges or realms; partners without
 * point codes or IPX; partners keep their MCC/MNC, realms and GT prefixes, which Diameter and SS7 peers are known by).
 */
const MINIMAL = 'home.nodes,home.pointCodes,home.msisdnPrefixes,home.realms,partners.pointCodes,partners.via';
const stripArg = opt('strip-profile', '');
/** 'partial-pcs': the home network lists one point code and its nodes none (an incomplete list, not an absent one). */
const partialPcs = stripArg === 'partial-pcs';
const strip = (stripArg === 'minimal' ? MINIMAL : partialPcs ? '' : stripArg).split(',').filter(Boolean);
for (const f of strip) {
  try {
    checkStripField(f);
  } catch (e) {
    throw new Error(`--strip-profile: ${(e as Error).message}`);
  }
}
const cli = join(root, 'dist/sigtrail.mjs');

execFileSync(process.execPath, [join(root, 'build/build-cli.mjs')], { stdio: 'inherit' });

export function findCapture(dir: string): string {
  const f = readdirSync(dir).find((n) => /\.(pcapng|pcap)(\.gz)?$/.test(n));
  if (!f) throw new Error(`no capture written in ${dir} (${readdirSync(dir).join(', ')})`);
  return join(dir, f);
}

interface Score {
  attacks: Map<string, { total: number; hit: number }>;
  alerts: number;
  onAttack: number;
  falseAlarms: AlertLine[];
  lookalikeHits: Array<{ inst: Inst; alert: AlertLine }>;
  detectedIds: Set<string>;
}
const newScore = (): Score => ({ attacks: new Map(), alerts: 0, onAttack: 0, falseAlarms: [], lookalikeHits: [], detectedIds: new Set() });

function scoreRun(insts: Inst[], alerts: AlertLine[], s: Score, tag: string): void {
  const frameOwner = new Map<number, Inst[]>();
  for (const i of insts) for (const f of i.frames) (frameOwner.get(f) ?? frameOwner.set(f, []).get(f)!).push(i);
  const hitInst = new Set<string>();
  for (const a of alerts) {
    if (a.severity === 'info' && a.detector === 'engine') continue;
    s.alerts++;
    const touched = new Set<Inst>();
    for (const f of a.frames) for (const i of frameOwner.get(f.frame) ?? []) touched.add(i);
    const atk = [...touched].filter((i) => !i.benign);
    const look = [...touched].filter((i) => i.benign);
    if (atk.length) {
      s.onAttack++;
      for (const i of atk) hitInst.add(i.id);
    } else s.falseAlarms.push(a);
    for (const i of look) s.lookalikeHits.push({ inst: i, alert: a });
  }
  for (const i of insts) {
    if (i.benign) continue;
    const k = `${i.scenario} / ${i.difficulty}`;
    const e = s.attacks.get(k) ?? { total: 0, hit: 0 };
    e.total++;
    if (hitInst.has(i.id)) {
      e.hit++;
      s.detectedIds.add(`${tag}:${i.id}`);
    }
    s.attacks.set(k, e);
  }
}

function report(name: string, s: Score, verbose: boolean): { recall: number; precision: number } {
  let tot = 0, hit = 0;
  for (const v of s.attacks.values()) {
    tot += v.total;
    hit += v.hit;
  }
  const recall = tot ? hit / tot : 1;
  const precision = s.alerts ? s.onAttack / s.alerts : 1;
  console.log(`\n== ${name}`);
  if (verbose) {
    for (const [k, v] of [...s.attacks].sort()) console.log(`  ${v.hit === v.total ? 'detected' : v.hit ? 'partial ' : 'MISSED  '}  ${k.padEnd(48)} ${v.hit}/${v.total}`);
  }
  console.log(`  attack instances detected ${hit}/${tot}  recall ${recall.toFixed(3)}`);
  console.log(`  alerts ${s.alerts}, on attack frames ${s.onAttack}, false alarms ${s.falseAlarms.length}  precision ${precision.toFixed(3)}`);
  console.log(`  look-alike instances that drew an alert: ${new Set(s.lookalikeHits.map((x) => x.inst.id)).size}`);
  if (verbose) {
    const byDetector = new Map<string, number>();
    for (const a of s.falseAlarms) byDetector.set(a.detector, (byDetector.get(a.detector) ?? 0) + 1);
    if (byDetector.size) console.log(`  false alarms by detector: ${[...byDetector].sort((a, b) => b[1] - a[1]).map(([d, n]) => `${d} ${n}`).join(', ')}`);
    for (const a of s.falseAlarms.slice(0, 30)) console.log(`  FALSE ALARM [${a.detector}] frames ${a.frames.slice(0, 3).map((f) => f.frame).join(',')}: ${a.explanation}`);
    if (s.falseAlarms.length > 30) console.log(`  … ${s.falseAlarms.length - 30} more false alarms`);
    for (const x of s.lookalikeHits.slice(0, 20)) console.log(`  LOOK-ALIKE HIT ${x.inst.scenario} (${x.inst.id}) by [${x.alert.detector}]: ${x.alert.explanation}`);
  }
  return { recall, precision };
}

const all = newScore(), rules = newScore(), model = newScore();
/** "seed:instance id" → "scenario / difficulty". */
const instKey = new Map<string, string>();
/** "seed:frame" of every rule alert that touches no attack frame. */
const ruleFalseFrames = new Set<string>();
const base = keep || mkdtempSync(join(tmpdir(), 'sigtrail-eval-'));
if (keep) mkdirSync(base, { recursive: true });
const t0 = performance.now();
let totalMsgs = 0;
for (const seed of seeds) {
  const dir = join(base, `seed-${seed}`);
  mkdirSync(dir, { recursive: true });
  const g = spawnSync(process.execPath, [cli, 'generate', '--out', dir, '--seed', String(seed), '--messages', String(messages)], { encoding: 'utf8' });
  if (g.status !== 0) {
    console.error(`generate failed for seed ${seed}:\n${g.stderr}`);
    process.exit(1);
  }
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as { instances: Inst[]; messages?: number };
  totalMsgs += labels.messages ?? 0;
  const cap = findCapture(dir);
  let profile = join(dir, 'profile.json');
  if (!existsSync(profile)) throw new Error(`generator wrote no profile.json in ${dir}`);
  if (strip.length || partialPcs) {
    const pj = stripProfile(JSON.parse(readFileSync(profile, 'utf8')) as ProfileJson & { home: { pointCodes?: number[]; nodes?: Array<Record<string, unknown>> } }, strip);
    if (partialPcs) {
      pj.home.pointCodes = (pj.home.pointCodes ?? []).slice(0, 1);
      for (const n of pj.home.nodes ?? []) delete n.pc;
    }
    profile = join(dir, 'profile-stripped.json');
    writeFileSync(profile, JSON.stringify(pj, null, 2));
  }
  const r = spawnSync(process.execPath, [cli, 'analyze', cap, '--profile', profile, '--format', 'ndjson'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) {
    console.error(`analyze failed for seed ${seed}:\n${r.stderr}`);
    process.exit(1);
  }
  const alerts = r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as AlertLine);
  console.log(`seed ${seed}: ${labels.instances.filter((i) => !i.benign).length} attack and ${labels.instances.filter((i) => i.benign).length} look-alike instances, ${alerts.length} alerts (${r.stderr.trim().split('\n').pop()})`);
  for (const a of alerts) a.tag = String(seed);
  for (const i of labels.instances) instKey.set(`${seed}:${i.id}`, `${i.scenario} / ${i.difficulty}`);
  scoreRun(labels.instances, alerts, all, String(seed));
  const nFalse = rules.falseAlarms.length;
  scoreRun(labels.instances, alerts.filter((a) => a.category !== 'model'), rules, String(seed));
  for (const a of rules.falseAlarms.slice(nFalse)) for (const f of a.frames) ruleFalseFrames.add(`${seed}:${f.frame}`);
  scoreRun(labels.instances, alerts.filter((a) => a.category === 'model'), model, String(seed));
}
const overall = report('all detectors (rules + model), per scenario / difficulty', all, true);
report('rules only', rules, false);
report('learned model only (model-ul)', model, false);

// Rules vs model, per scenario / difficulty: what the rules caught, what the model caught, what only the model caught.
const perScenario = (ids: Set<string>): Map<string, number> => {
  const m = new Map<string, number>();
  for (const id of ids) {
    const k = instKey.get(id);
    if (k) m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
};
const modelOnly = new Set([...model.detectedIds].filter((x) => !rules.detectedIds.has(x)));
const rBy = perScenario(rules.detectedIds), mBy = perScenario(model.detectedIds), oBy = perScenario(modelOnly);
console.log('\n== rules vs learned model, per scenario / difficulty');
console.log(`  ${'scenario / difficulty'.padEnd(48)} ${'total'.padStart(5)} ${'rules'.padStart(5)} ${'model'.padStart(5)} ${'model-only'.padStart(10)}`);
for (const [k, v] of [...rules.attacks].sort()) {
  const o = oBy.get(k) ?? 0;
  if (!mBy.get(k) && (rBy.get(k) ?? 0) === v.total) continue;
  console.log(`  ${k.padEnd(48)} ${String(v.total).padStart(5)} ${String(rBy.get(k) ?? 0).padStart(5)} ${String(mBy.get(k) ?? 0).padStart(5)} ${String(o).padStart(10)}${o ? '  ← found only by the model' : ''}`);
}
console.log('  (scenarios the rules catch fully and the model does not score are left out)');
const modelLook = new Set(model.lookalikeHits.map((x) => x.inst.id)).size;
console.log(`\n  model finds ${modelOnly.size} attack instance(s) the rules miss${modelOnly.size ? ': ' + [...modelOnly].join(', ') : ''}`);
for (const a of model.falseAlarms) console.log(`  MODEL FALSE ALARM (seed ${a.tag}) frames ${a.frames.slice(0, 3).map((f) => f.frame).join(',')}: ${a.explanation}`);
for (const x of model.lookalikeHits) console.log(`  MODEL LOOK-ALIKE HIT ${x.inst.scenario} (${x.inst.id}): ${x.alert.explanation}`);
console.log(`  model false alarms: ${model.falseAlarms.length} (of which on frames the rules also alarm on: ${model.falseAlarms.filter((a) => a.frames.some((f) => ruleFalseFrames.has(`${a.tag}:${f.frame}`))).length}); look-alike instances the model alarmed on: ${modelLook} (target 0)`);
console.log(`\n${seeds.length} seed(s), ${totalMsgs} messages, ${((performance.now() - t0) / 1000).toFixed(1)} s. recall ${overall.recall.toFixed(3)} (target ≥ 0.95), precision ${overall.precision.toFixed(3)}, look-alike false alarms ${new Set(all.lookalikeHits.map((x) => x.inst.id)).size} (target 0)`);
if (!keep) rmSync(base, { recursive: true, force: true });
