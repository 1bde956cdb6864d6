/**
 * The detection engine: pure, row-driven. It owns the shared state (transaction linking,
 * location state), tunables, deduplication (stable alert ids), suppression and allow-lists.
 *
 *   runDetectors(rows, { profile, config }) → Alert[]
 *
 * Rows must arrive in time order (ts, frame, msg_idx, comp_idx), as the case store yields them.
 */
import type { Alert, EvidenceRef, Severity } from '../model/alert.js';
import type { NetworkProfile } from '../model/profile.js';
import type { AlertDraft, DetectConfig, Detector, DetectorContext, DetectorInstance, DetectRow, TunableValue } from './types.js';
import { NetView } from './net.js';
import { CaseState } from './state.js';
import { defaultRegistry } from './detectors/index.js';
import type { DetectorRegistry } from './registry.js';

export interface RunOptions {
  profile: NetworkProfile | null;
  config?: DetectConfig;
  registry?: DetectorRegistry;
}

const SEV_ORDER: Severity[] = ['info', 'low', 'medium', 'high', 'critical'];
export const severityRank = (s: Severity): number => SEV_ORDER.indexOf(s);

/** 64-bit FNV-1a as 16 hex chars (pure TS; stable across runs and platforms). */
export function stableHash(s: string): string {
  let h1 = 0x811c9dc5, h2 = 0xcbf29ce4;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c ^ (h1 >>> 7), 0x01000193) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

function evidenceOf(r: DetectRow, fallback: string): string {
  return r.evidence_id == null ? fallback : String(r.evidence_id);
}

function attackerMatches(a: Alert['attacker'], pattern: string): boolean {
  if (a.gt && a.gt.startsWith(pattern)) return true;
  if (a.pc !== undefined && String(a.pc) === pattern) return true;
  if (a.host && a.host.toLowerCase() === pattern.toLowerCase()) return true;
  if (a.realm && a.realm.toLowerCase() === pattern.toLowerCase()) return true;
  return false;
}

export class Engine {
  readonly alerts = new Map<string, Alert>();
  private readonly insts: Array<{ d: Detector; inst: DetectorInstance }> = [];
  readonly state: CaseState;
  readonly net: NetView;
  private readonly config: DetectConfig;
  private readonly skippedForProfile: Detector[] = [];
  private firstRow: DetectRow | undefined;
  private readonly episodes = new Map<string, string>();
  private lastRow: DetectRow | undefined;
  /** Errors raised by detectors (a faulty detector never stops the others). */
  readonly errors: string[] = [];

  constructor(opts: RunOptions) {
    this.config = opts.config ?? {};
    this.net = new NetView(opts.profile);
    this.state = new CaseState((gt) => this.net.isHomeGt(gt));
    const reg = opts.registry ?? defaultRegistry();
    const only = this.config.only ? new Set(this.config.only) : undefined;
    const disabled = new Set(this.config.disable ?? []);
    for (const id of [...(this.config.only ?? []), ...disabled]) if (!reg.get(id)) throw new Error(`unknown detector '${id}' (known: ${reg.ids().join(', ')})`);
    for (const d of reg.all()) {
      if (only && !only.has(d.meta.id)) continue;
      if (disabled.has(d.meta.id)) continue;
      if (d.meta.needsProfile && !opts.profile) {
        this.skippedForProfile.push(d);
        continue;
      }
      const overrides = this.config.tunables?.[d.meta.id] ?? {};
      for (const k of Object.keys(overrides)) if (!(k in d.meta.tunables)) throw new Error(`detector '${d.meta.id}' has no tunable '${k}' (has: ${Object.keys(d.meta.tunables).join(', ')})`);
      const val = (name: string): TunableValue => {
        const t = d.meta.tunables[name];
        if (!t) throw new Error(`detector '${d.meta.id}' reads undeclared tunable '${name}'`);
        return overrides[name] ?? t.default;
      };
      const ctx: DetectorContext = {
        profile: opts.profile,
        net: this.net,
        state: this.state,
        num: (n) => Number(val(n)),
        list: (n) => {
          const v = val(n);
          return Array.isArray(v) ? v.map(String) : String(v).split(',').map((s) => s.trim()).filter(Boolean);
        },
        bool: (n) => val(n) === true || val(n) === 'true',
        emit: (draft) => this.accept(d, draft),
      };
      this.insts.push({ d, inst: d.create(ctx) });
    }
  }

  private accept(d: Detector, draft: AlertDraft): void {
    if (draft.rows.length === 0) return;
    const fb = this.config.evidence ?? '';
    const rows = [...draft.rows].sort((a, b) => a.ts - b.ts || a.frame - b.frame);
    const first = rows[0]!;
    const seen = new Set<string>();
    const frames: EvidenceRef[] = [];
    for (const r of rows) {
      const ev = evidenceOf(r, fb);
      const k = `${ev}#${r.frame}`;
      if (seen.has(k)) continue;
      seen.add(k);
      frames.push({ evidence: ev, frame: r.frame });
    }
    const start = draft.start ?? first.ts;
    const end = draft.end ?? rows[rows.length - 1]!.ts;
    const epKey = `${d.meta.id}|${draft.key}`;
    let id = stableHash(`${d.meta.id}|${draft.key}|${evidenceOf(first, fb)}#${first.frame}`);
    if (draft.merge !== undefined) {
      const openId = this.episodes.get(epKey);
      const open = openId ? this.alerts.get(openId) : undefined;
      if (open && start - open.end <= draft.merge) id = open.id;
      else this.episodes.set(epKey, id);
    }
    const prev = this.alerts.get(id);
    if (prev) {
      const have = new Set(prev.frames.map((f) => `${f.evidence}#${f.frame}`));
      for (const f of frames) if (!have.has(`${f.evidence}#${f.frame}`)) prev.frames.push(f);
      prev.start = Math.min(prev.start, start);
      prev.end = Math.max(prev.end, end);
      if (draft.merge !== undefined) {
        prev.explanation = draft.explanation;
        if (draft.facts) prev.facts = draft.facts;
      }
      return;
    }
    const alert: Alert = {
      id,
      detector: d.meta.id,
      title: draft.title ?? d.meta.title,
      severity: draft.severity ?? d.meta.severity,
      category: d.meta.category,
      techniques: draft.techniques ?? d.meta.techniques,
      start,
      end,
      attacker: draft.attacker,
      victim: draft.victim,
      frames,
      explanation: draft.explanation,
      ...(draft.facts ? { facts: draft.facts } : {}),
    };
    if (this.suppressed(alert)) return;
    this.alerts.set(id, alert);
  }

  private suppressed(a: Alert): boolean {
    for (const p of this.config.allowList ?? []) if (attackerMatches(a.attacker, p)) return true;
    for (const s of this.config.suppress ?? []) {
      if (s.detector && s.detector !== a.detector) continue;
      if (s.attacker && !attackerMatches(a.attacker, s.attacker)) continue;
      return true;
    }
    return false;
  }

  push(r: DetectRow): void {
    if (!this.firstRow) this.firstRow = r;
    this.lastRow = r;
    this.state.pre(r);
    for (const { d, inst } of this.insts) {
      try {
        inst.row(r);
      } catch (e) {
        if (this.errors.length < 100) this.errors.push(`${d.meta.id} at frame ${r.frame}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    this.state.post(r);
  }

  finish(): Alert[] {
    this.state.end();
    for (const { d, inst } of this.insts) {
      try {
        inst.finish?.();
      } catch (e) {
        this.errors.push(`${d.meta.id} at end: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    if (this.skippedForProfile.length && this.firstRow) {
      const ids = this.skippedForProfile.map((d) => d.meta.id);
      const r = this.firstRow;
      const fb = this.config.evidence ?? '';
      this.alerts.set(stableHash(`no-profile|${ids.join(',')}`), {
        id: stableHash(`no-profile|${ids.join(',')}`),
        detector: 'engine',
        title: 'Network profile missing: profile-based detectors not run',
        severity: 'info',
        category: 'engine',
        techniques: [],
        start: r.ts,
        end: this.lastRow?.ts ?? r.ts,
        attacker: {},
        victim: {},
        frames: [{ evidence: evidenceOf(r, fb), frame: r.frame }],
        explanation: `No network profile was given, so Sigtrail cannot tell home from foreign nodes and did not run: ${ids.join(', ')}. Pass --profile with the home network's MCC/MNC, GT prefixes and point codes.`,
        facts: { skipped: ids.length },
      });
    }
    return [...this.alerts.values()].sort((a, b) => a.start - b.start || severityRank(b.severity) - severityRank(a.severity) || a.id.localeCompare(b.id));
  }
}

/** Runs every registered detector over rows (sync or async iterable) and returns the alerts. */
export async function runDetectors(rows: Iterable<DetectRow> | AsyncIterable<DetectRow>, opts: RunOptions): Promise<Alert[]> {
  const e = new Engine(opts);
  for await (const r of rows as AsyncIterable<DetectRow>) e.push(r);
  return e.finish();
}

/** Synchronous variant for plain arrays (fixtures, the benchmark). */
export function runDetectorsSync(rows: Iterable<DetectRow>, opts: RunOptions): Alert[] {
  const e = new Engine(opts);
  for (const r of rows) e.push(r);
  return e.finish();
}

/** Time-bucketed sliding window of events per key (the engine-provided window helper for detectors). */
export class KeyedWindow<T> {
  private readonly m = new Map<string, Array<{ ts: number; v: T }>>();
  constructor(readonly seconds: number) {}
  add(key: string, ts: number, v: T): Array<{ ts: number; v: T }> {
    let a = this.m.get(key);
    if (!a) this.m.set(key, (a = []));
    a.push({ ts, v });
    let i = 0;
    while (i < a.length && ts - a[i]!.ts > this.seconds) i++;
    if (i) a.splice(0, i);
    return a;
  }
  clear(key: string): void {
    this.m.delete(key);
  }
}
