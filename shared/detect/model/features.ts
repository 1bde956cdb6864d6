/**
 * Per-location-update feature vectors for the learned model. One sample per MAP updateLocation /
 * updateGprsLocation or S6a ULR for a home subscriber from outside the home network. Features
 * look at the subscriber's traffic between the previous update and this one, and at the hour
 * after it (the model runs offline over a whole case).
 */
import type { NetView } from '../net.js';
import type { CaseState } from '../state.js';
import type { DetectRow } from '../types.js';
import { DIAM, isInvoke, mapOp, smDirection } from '../ops.js';
import { isForeign, locationUpdateDoubts } from '../detectors/common.js';

export const FEATURES = [
  'log_speed_kmh',
  'log_distance_km',
  'not_partner',
  'gt_node_country_mismatch',
  'non_geographic_gt',
  'no_sai_before',
  'log_sai_ul_gap_s',
  'log_hours_since_prev_ul',
  'n_cl',
  'n_psi',
  'n_sri',
  'n_srism',
  'n_ussd',
  'n_mo',
  'n_mt',
  'n_ati',
  'mt_to_new_node_after',
  'old_vlr_active_after',
] as const;

export interface UlSample {
  row: DetectRow;
  imsi: string;
  x: number[];
  /** Rows that explain the sample (the UL and the traffic it was compared with). */
  context: DetectRow[];
}

interface Between { cl: number; psi: number; sri: number; srism: number; ussd: number; mo: number; mt: number; ati: number }
const zero = (): Between => ({ cl: 0, psi: 0, sri: 0, srism: 0, ussd: 0, mo: 0, mt: 0, ati: 0 });

interface Pending {
  s: UlSample;
  node: string;
  gt: string | null;
  prevNode?: string | undefined;
  mtAfter: number;
  oldActive: number;
  closed: boolean;
}

const AFTER_SEC = 3600;
const l1p = (v: number): number => Math.log1p(Math.max(0, v));

export class UlFeatureTracker {
  private readonly between = new Map<string, Between>();
  private readonly lastSai = new Map<string, number>();
  private readonly lastUl = new Map<string, number>();
  private readonly pending: Pending[] = [];
  private head = 0;
  private readonly byNode = new Map<string, Pending[]>();
  private readonly byImsi = new Map<string, Pending[]>();
  readonly samples: UlSample[] = [];

  constructor(private readonly net: NetView, private readonly state: CaseState) {}

  row(r: DetectRow): void {
    const imsi = r.imsi ?? this.state.subscriber(r).imsi;
    const isUl = (isInvoke(r) && (mapOp(r) === 2 || mapOp(r) === 23)) || (r.family === 'diameter' && r.diam_request === true && r.diam_cmd === DIAM.ULR);
    const isSai = (isInvoke(r) && mapOp(r) === 56) || (r.family === 'diameter' && r.diam_request === true && r.diam_cmd === DIAM.AIR);
    // After-UL observations: expire from the front of the queue, then look up by node / IMSI.
    while (this.head < this.pending.length && r.ts - this.pending[this.head]!.s.row.ts > AFTER_SEC) this.done(this.pending[this.head++]!);
    if (this.head > 4096 && this.head * 2 > this.pending.length) {
      this.pending.splice(0, this.head);
      this.head = 0;
    }
    if (this.head < this.pending.length && isInvoke(r)) {
      if (r.called_gt && smDirection(r) === 'mt') {
        for (const p of this.byNode.get(r.called_gt) ?? []) {
          if (p.closed) continue;
          p.mtAfter++;
          p.s.context.push(r);
        }
      }
      if (imsi && r.calling_gt) {
        for (const p of this.byImsi.get(imsi) ?? []) if (!p.closed && p.prevNode && r.calling_gt === p.prevNode && r.calling_gt !== p.gt) p.oldActive++;
      }
    }
    if (!imsi || !this.net.isHomeImsi(imsi)) return;
    if (isSai) {
      this.lastSai.set(imsi, r.ts);
      return;
    }
    if (isUl) {
      const o = this.net.senderOf(r);
      const prevUl = this.lastUl.get(imsi);
      this.lastUl.set(imsi, r.ts);
      const b = this.between.get(imsi) ?? zero();
      this.between.set(imsi, zero());
      if (!isForeign(o)) return;
      const d = locationUpdateDoubts(r, this.net, this.state, Number.POSITIVE_INFINITY, 0);
      const sai = this.lastSai.get(imsi);
      const gtC = this.net.countryOfGt(r.calling_gt);
      const x = [
        l1p(d.speed ?? 0),
        l1p(d.km ?? 0),
        d.reasons.some((s) => s.includes('not a roaming partner')) ? 1 : 0,
        d.reasons.some((s) => s.includes('but the message came from') || s.includes('does not match the origin realm')) ? 1 : 0,
        gtC && gtC.lat === undefined ? 1 : 0,
        sai === undefined || r.ts - sai > 3600 ? 1 : 0,
        sai === undefined ? l1p(3600) : l1p(r.ts - sai),
        prevUl === undefined ? 0 : l1p((r.ts - prevUl) / 3600),
        l1p(b.cl), l1p(b.psi), l1p(b.sri), l1p(b.srism), l1p(b.ussd), l1p(b.mo), l1p(b.mt), l1p(b.ati),
        0,
        0,
      ];
      const prev = this.state.servingOf(imsi);
      const s: UlSample = { row: r, imsi, x, context: [r] };
      const p: Pending = { s, node: r.msc ?? r.vlr ?? r.sgsn ?? r.origin_host ?? '', gt: r.calling_gt, prevNode: prev?.node, mtAfter: 0, oldActive: 0, closed: false };
      this.pending.push(p);
      for (const k of new Set([p.node, p.gt ?? ''])) if (k) this.index(this.byNode, k, p);
      this.index(this.byImsi, imsi, p);
      return;
    }
    if (!isInvoke(r)) return;
    const op = mapOp(r);
    const o = this.net.senderOf(r);
    if (!isForeign(o)) return;
    let b = this.between.get(imsi);
    if (!b) this.between.set(imsi, (b = zero()));
    if (op === 3) b.cl++;
    else if (op === 70) b.psi++;
    else if (op === 22) b.sri++;
    else if (op === 45) b.srism++;
    else if (op === 59 || op === 60 || op === 61) b.ussd++;
    else if (op === 71) b.ati++;
    else if (smDirection(r) === 'mo') b.mo++;
    else if (smDirection(r) === 'mt') b.mt++;
  }

  /** Appends to an index list, pruning closed entries when the list has doubled (amortised O(1)). */
  private index(m: Map<string, Pending[]>, k: string, p: Pending): void {
    let a = m.get(k);
    if (!a) m.set(k, (a = []));
    a.push(p);
    if (a.length >= 32 && (a.length & (a.length - 1)) === 0) {
      const live = a.filter((x) => !x.closed);
      if (live.length) m.set(k, live);
      else m.delete(k);
    }
  }

  private done(p: Pending): void {
    p.closed = true;
    const n = FEATURES.length;
    p.s.x[n - 2] = l1p(p.mtAfter);
    p.s.x[n - 1] = l1p(p.oldActive);
    this.samples.push(p.s);
  }

  finish(): UlSample[] {
    for (let i = this.head; i < this.pending.length; i++) this.done(this.pending[i]!);
    this.pending.length = 0;
    this.head = 0;
    this.byNode.clear();
    this.byImsi.clear();
    return this.samples;
  }
}
