/**
 * Per-location-update feature vectors for the learned model. One sample per MAP updateLocation /
 * updateGprsLocation or S6a ULR for a home subscriber from outside the home network.
 *
 * Every feature is computed from the case's evidence and the profile (never from generator
 * labels or constants): where the subscriber was last located and how long ago (countries
 * resolved through the profile's partner MCCs, so shared +1/+7 numbering does not invent
 * moves), whether the sender is a partner and its GT/VLR numbers agree, whether the same node
 * fetched authentication vectors first, the queries seen for the subscriber between updates,
 * and what follows the update within AFTER_SEC (MT-SMS sent to the new node, the old VLR or the
 * new node still acting for the subscriber). At the end of the case each sample also gets the
 * number of distinct home subscribers its node registered (a real visited VLR serves many; a
 * node set up for an attack registers its few victims).
 */
import type { NetView } from '../net.js';
import type { CaseState, Serving } from '../state.js';
import type { Detector, DetectRow } from '../types.js';
import { DIAM, isInvoke, mapOp, smDirection } from '../ops.js';
import { countryOfE164, countryOfMcc, distanceKm, plmnOfRealm, plmnOfVisited, type Country } from '../geo.js';
import { isForeign, locationUpdateDoubts } from '../detectors/common.js';

export const FEATURES = [
  'log_distance_km',
  'log_hours_since_prev',
  'log_speed_kmh',
  'no_prev_location',
  'not_partner',
  'gt_node_country_mismatch',
  'non_geographic_gt',
  'no_sai_before',
  'log_sai_ul_gap_s',
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
  'new_node_active_after',
  'log_node_subscribers',
] as const;

export type FeatureName = (typeof FEATURES)[number];
export const IX = Object.fromEntries(FEATURES.map((f, i) => [f, i])) as Record<FeatureName, number>;

export interface UlSample {
  row: DetectRow;
  imsi: string;
  x: number[];
  /** Rows that explain the sample: the update and the previous location evidence. */
  context: DetectRow[];
  /** MT-SMS sent to the new node after the update (evidence when that feature counts). */
  mtRows: DetectRow[];
  /** Human-readable facts behind the numbers (countries, hours, km/h) for the explanation. */
  facts: { from?: string; to?: string; km?: number; hours?: number; speed?: number; node: string };
}

interface Between { cl: number; psi: number; sri: number; srism: number; ussd: number; mo: number; mt: number; ati: number }
const zero = (): Between => ({ cl: 0, psi: 0, sri: 0, srism: 0, ussd: 0, mo: 0, mt: 0, ati: 0 });

interface Pending {
  s: UlSample;
  /** Identities of the new node (VLR/MSC/SGSN number, sender GT, Diameter host). */
  ids: Set<string>;
  prevNode?: string | undefined;
  mtAfter: number;
  oldActive: number;
  newActive: number;
  closed: boolean;
}

/** How long after an update its follow-up traffic is attributed to it. */
export const AFTER_SEC = 3600;
/** Hours since the previous location evidence are capped here (and used when there is none). */
const MAX_HOURS = 72;
const l1p = (v: number): number => Math.log1p(Math.max(0, v));
/** MAP operations that belong to the location-update procedure itself (not later activity). */
const UL_PROCEDURE = new Set([2, 3, 7, 23, 56]);

export class UlFeatureTracker {
  private readonly between = new Map<string, Between>();
  private readonly lastSai = new Map<string, { ts: number; from: string }>();
  private readonly pending: Pending[] = [];
  private head = 0;
  /** Time of the oldest pending update (the head of the queue), +∞ when none: one comparison per row. */
  private headTs = Number.POSITIVE_INFINITY;
  private readonly byNode = new Map<string, Pending[]>();
  private readonly byImsi = new Map<string, Pending[]>();
  /** Distinct home subscribers registered per node (sender GT or Diameter host). */
  private readonly nodeSubs = new Map<string, Set<string>>();
  readonly samples: UlSample[] = [];

  /**
   * `keep` (optional) sees a completed sample's features before the case-wide node feature is
   * known and may drop it: the detector drops samples that cannot reach its threshold whatever
   * that feature turns out to be, so memory holds only candidates (training keeps every sample).
   */
  constructor(private readonly net: NetView, private readonly state: CaseState, private readonly keep?: (x: number[]) => boolean) {}

  private readonly nodeCountry = new Map<string, Country | undefined>();

  /** Country of a node: the partner's MCC when the profile knows the node, else its E.164 number (cached per GT). */
  private countryOfNode(gt: string | null | undefined): Country | undefined {
    if (!gt) return undefined;
    if (this.nodeCountry.has(gt)) return this.nodeCountry.get(gt);
    const o = this.net.ownerOfGt(gt);
    let c: Country | undefined;
    if (o.kind === 'partner' && o.partner.mcc) c = countryOfMcc(o.partner.mcc) ?? countryOfE164(gt);
    else if (o.kind === 'home' && this.net.profile) c = countryOfMcc(this.net.profile.home.mcc) ?? countryOfE164(gt);
    else c = countryOfE164(gt);
    if (this.nodeCountry.size > 100_000) this.nodeCountry.clear();
    this.nodeCountry.set(gt, c);
    return c;
  }

  private countryOfDiameter(visited: string | null | undefined, realm: string | null | undefined): Country | undefined {
    const p = plmnOfVisited(visited) ?? plmnOfRealm(realm);
    return p ? countryOfMcc(p.mcc) : undefined;
  }

  private countryOfServing(s: Serving): Country | undefined {
    if (s.kind === 'diameter-ulr') return this.countryOfDiameter(s.visitedPlmn, s.realm);
    return this.countryOfNode(s.node) ?? this.countryOfNode(s.sender);
  }

  row(r: DetectRow): void {
    const invoke = isInvoke(r);
    const op = invoke ? mapOp(r) : undefined;
    const dReq = r.family === 'diameter' && r.diam_request === true;
    // Follow-up observations for recent updates: expire from the front of the queue, then look up by node / IMSI.
    if (r.ts - this.headTs > AFTER_SEC) {
      while (this.head < this.pending.length && r.ts - this.pending[this.head]!.s.row.ts > AFTER_SEC) this.done(this.pending[this.head++]!);
      if (this.head > 4096 && this.head * 2 > this.pending.length) {
        this.pending.splice(0, this.head);
        this.head = 0;
      }
      this.headTs = this.head < this.pending.length ? this.pending[this.head]!.s.row.ts : Number.POSITIVE_INFINITY;
    }
    // Only invokes and Diameter requests count (follow-ups, SAI/UL, queries between updates).
    if (!invoke && !dReq) return;
    const imsi = r.imsi ?? this.state.subscriber(r).imsi;
    if (this.head < this.pending.length) this.followUp(r, imsi, op);
    if (!imsi || !this.net.isHomeImsi(imsi)) return;
    const isUl = (invoke && (op === 2 || op === 23)) || (dReq && r.diam_cmd === DIAM.ULR);
    const isSai = (invoke && op === 56) || (dReq && r.diam_cmd === DIAM.AIR);
    if (isSai) {
      this.lastSai.set(imsi, { ts: r.ts, from: (r.family === 'diameter' ? r.origin_host : r.calling_gt) ?? '' });
      return;
    }
    if (isUl) {
      this.update(r, imsi);
      return;
    }
    if (!invoke) return;
    if (!isForeign(this.net.senderOf(r))) return;
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

  private followUp(r: DetectRow, imsi: string | undefined, op: number | undefined): void {
    if (r.called_gt && smDirection(r) === 'mt') {
      for (const p of this.byNode.get(r.called_gt) ?? []) {
        if (p.closed) continue;
        p.mtAfter++;
        if (p.s.mtRows.length < 4) p.s.mtRows.push(r);
      }
    }
    if (!imsi) return;
    const list = this.byImsi.get(imsi);
    if (!list) return;
    const from = r.family === 'diameter' ? r.origin_host : r.calling_gt;
    if (!from) return;
    for (const p of list) {
      if (p.closed || r.ts - p.s.row.ts < 30) continue;
      if (p.ids.has(from)) {
        if (op === undefined ? r.diam_cmd !== DIAM.ULR && r.diam_cmd !== DIAM.AIR : !UL_PROCEDURE.has(op)) p.newActive++;
      } else if (p.prevNode && (from === p.prevNode || r.vlr === p.prevNode || r.msc === p.prevNode)) p.oldActive++;
    }
  }

  private update(r: DetectRow, imsi: string): void {
    const b = this.between.get(imsi) ?? zero();
    this.between.set(imsi, zero());
    const o = this.net.senderOf(r);
    if (!isForeign(o)) return;
    const diameter = r.family === 'diameter';
    const sender = (diameter ? r.origin_host : r.calling_gt) ?? '';
    const node = diameter ? sender : r.vlr ?? r.sgsn ?? r.msc ?? sender;
    if (sender) {
      let subs = this.nodeSubs.get(sender);
      if (!subs) this.nodeSubs.set(sender, (subs = new Set()));
      subs.add(imsi);
    }
    // Protocol and profile doubts (partner status, GT/VLR-number and PLMN/realm consistency); no speed limit here.
    const d = locationUpdateDoubts(r, this.net, this.state, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY);
    const gtC = diameter ? undefined : countryOfE164(r.calling_gt);
    const to = diameter ? this.countryOfDiameter(r.visited_plmn, r.origin_realm) : this.countryOfNode(node) ?? this.countryOfNode(sender);
    const prev = this.state.servingOf(imsi);
    const from = prev ? this.countryOfServing(prev) : undefined;
    const hours = prev ? Math.min(MAX_HOURS, Math.max(r.ts - prev.ts, 1) / 3600) : MAX_HOURS;
    const km = from && to ? distanceKm(from, to) ?? 0 : 0;
    const speed = km / Math.max(hours, 1 / 60);
    const sai = this.lastSai.get(imsi);
    const saiOk = sai !== undefined && r.ts - sai.ts <= 3600 && (sai.from === sender || !sai.from);
    const x = new Array<number>(FEATURES.length).fill(0);
    x[IX.log_distance_km] = l1p(km);
    x[IX.log_hours_since_prev] = l1p(hours);
    x[IX.log_speed_kmh] = l1p(speed);
    x[IX.no_prev_location] = prev ? 0 : 1;
    x[IX.not_partner] = d.reasons.some((s) => s.includes('not a roaming partner')) ? 1 : 0;
    x[IX.gt_node_country_mismatch] = d.reasons.some((s) => s.includes('but the message came from') || s.includes('does not match the origin realm')) ? 1 : 0;
    x[IX.non_geographic_gt] = gtC && gtC.lat === undefined ? 1 : 0;
    x[IX.no_sai_before] = saiOk ? 0 : 1;
    x[IX.log_sai_ul_gap_s] = l1p(saiOk ? r.ts - sai.ts : 3600);
    x[IX.n_cl] = l1p(b.cl);
    x[IX.n_psi] = l1p(b.psi);
    x[IX.n_sri] = l1p(b.sri);
    x[IX.n_srism] = l1p(b.srism);
    x[IX.n_ussd] = l1p(b.ussd);
    x[IX.n_mo] = l1p(b.mo);
    x[IX.n_mt] = l1p(b.mt);
    x[IX.n_ati] = l1p(b.ati);
    const context = prev && prev.row !== r ? [r, prev.row] : [r];
    const s: UlSample = {
      row: r,
      imsi,
      x,
      context,
      mtRows: [],
      facts: { node, ...(from ? { from: from.name } : {}), ...(to ? { to: to.name } : {}), ...(prev ? { hours, km: Math.round(km), speed: Math.round(speed) } : {}) },
    };
    const ids = new Set([r.msc, r.vlr, r.sgsn, r.calling_gt, r.origin_host].filter((v): v is string => !!v));
    const p: Pending = { s, ids, prevNode: prev?.node, mtAfter: 0, oldActive: 0, newActive: 0, closed: false };
    this.pending.push(p);
    if (this.head === this.pending.length - 1) this.headTs = r.ts;
    for (const k of ids) this.index(this.byNode, k, p);
    this.index(this.byImsi, imsi, p);
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
    p.s.x[IX.mt_to_new_node_after] = l1p(p.mtAfter);
    p.s.x[IX.old_vlr_active_after] = l1p(p.oldActive);
    p.s.x[IX.new_node_active_after] = l1p(p.newActive);
    if (!this.keep || this.keep(p.s.x)) this.samples.push(p.s);
  }

  /** Closes the remaining updates and fills the case-wide node feature; returns every sample. */
  finish(): UlSample[] {
    for (let i = this.head; i < this.pending.length; i++) this.done(this.pending[i]!);
    this.pending.length = 0;
    this.head = 0;
    this.headTs = Number.POSITIVE_INFINITY;
    this.byNode.clear();
    this.byImsi.clear();
    for (const s of this.samples) {
      const k = (s.row.family === 'diameter' ? s.row.origin_host : s.row.calling_gt) ?? '';
      s.x[IX.log_node_subscribers] = l1p((this.nodeSubs.get(k)?.size ?? 1) - 1);
    }
    return this.samples;
  }
}

/**
 * A detector that raises nothing and hands every location-update sample of a run to `onDone`
 * (the tracker as model-ul runs it, inside the engine, for training and tests).
 */
export function sampleCollector(onDone: (samples: UlSample[]) => void): Detector {
  return {
    meta: { id: 'collect', title: 'collect', description: 'collects model features', severity: 'info', category: 'model', techniques: [], references: [], falsePositives: [], tunables: {}, needsProfile: true },
    create(ctx) {
      const t = new UlFeatureTracker(ctx.net, ctx.state);
      return { row: (r) => t.row(r), finish: () => onDone(t.finish()) };
    },
  };
}
