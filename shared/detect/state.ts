/**
 * Shared state the engine maintains for all detectors while rows stream by:
 * - TCAP transaction linking: a result/error row → the invoke it answers (by transaction id,
 *   the requester's GT and the invoke id); Diameter answers → their request (hop-by-hop + end-to-end).
 * - Subscriber identities: IMSI ↔ MSISDN learnt from any row or linked pair.
 * - Location state rebuilt from the evidence: the serving VLR/MSC (MAP updateLocation) or the
 *   serving MME/SGSN (Diameter ULR) per IMSI, updated after detectors have seen the row.
 */
import type { DetectRow } from './types.js';
import { mapOp, isInvoke, DIAM } from './ops.js';

export interface Serving {
  /** VLR/MSC/SGSN number or Diameter origin host. */
  node: string;
  /** The GT (or host) that sent the update. */
  sender: string;
  /** Country iso/name resolved by the caller (set by detectors when known). */
  ts: number;
  row: DetectRow;
  kind: 'map-ul' | 'map-ugl' | 'diameter-ulr' | 'hlr-answer';
  realm?: string;
  visitedPlmn?: string;
}

interface Pending {
  rows: DetectRow[];
  ts: number;
  answered: boolean;
  /** The transaction id and the per-peer table the entry lives in (to unlink it). */
  tid: string;
  table: Map<string, Pending>;
  alive: boolean;
}

/** A subscriber as `subscriber()` resolves it; shared by all detectors for one row, so never mutated. */
export type Subscriber = Readonly<{ imsi?: string; msisdn?: string }>;

const NO_SUBSCRIBER: Subscriber = Object.freeze({});

export class CaseState {
  /**
   * @param isHomeGt tells home GTs apart, so that answers of the home HLR (sendRoutingInfoForSM's
   *   serving MSC) count as location evidence even when the location update itself was not captured.
   */
  constructor(private readonly isHomeGt: (gt: string | null | undefined) => boolean = () => false) {}

  /**
   * Open TCAP transactions: requester (calling GT, else OPC) → transaction id → entry, plus the entries in
   * creation order (sweeps and the end of the case report unanswered dialogues in that order).
   */
  private readonly tx = new Map<string, Map<string, Pending>>();
  private txOrder: Pending[] = [];
  /** Open Diameter requests: hop-by-hop id → end-to-end id → request. */
  private readonly diam = new Map<number, Map<number | null | undefined, DetectRow>>();
  private readonly imsiToMsisdn = new Map<string, string>();
  private readonly msisdnToImsi = new Map<string, string>();
  private readonly serving = new Map<string, Serving>();
  private lastSweep = 0;
  /** Count of request dialogues never answered (for the unanswered-ratio detector). */
  unanswered: Array<{ row: DetectRow }> = [];
  /** Current row's linked request (set by pre()). */
  current: DetectRow | undefined;
  /** The row pre() was last called for, and its subscriber once resolved. */
  private row: DetectRow | undefined;
  private rowSub: Subscriber | undefined;
  private lastImsi: string | undefined;
  private lastMsisdn: string | undefined;
  /** Whether any response at all was seen in the case (one-directional captures have none). */
  sawResponses = false;

  /** Links the row to its request; called before detectors. */
  pre(r: DetectRow): void {
    this.current = undefined;
    this.row = r;
    this.rowSub = undefined;
    if (r.family === 'diameter') {
      if (r.hbh == null) return;
      // Request ↔ answer by (hop-by-hop, end-to-end) id: nested maps, no key string per message.
      const byE2e = this.diam.get(r.hbh);
      if (r.diam_request) {
        if (byE2e) byE2e.set(r.e2e, r);
        else this.diam.set(r.hbh, new Map([[r.e2e, r]]));
      } else {
        this.current = byE2e?.get(r.e2e);
        this.sawResponses = true;
        if (this.current) {
          byE2e!.delete(r.e2e);
          if (!byE2e!.size) this.diam.delete(r.hbh);
        }
      }
      this.learn(r.imsi, r.msisdn);
      if (this.current) this.learn(this.current.imsi ?? r.imsi, this.current.msisdn ?? r.msisdn);
    } else if (r.tcap_type) {
      const t = r.tcap_type;
      if ((t === 'begin' || t === 'continue') && r.otid && isInvoke(r)) {
        const peer = r.calling_gt ?? (r.opc != null ? String(r.opc) : '');
        let table = this.tx.get(peer);
        if (!table) this.tx.set(peer, (table = new Map()));
        let p = table.get(r.otid);
        if (!p) {
          p = { rows: [r], ts: r.ts, answered: false, tid: r.otid, table, alive: true };
          table.set(r.otid, p);
          this.txOrder.push(p);
        } else p.rows.push(r);
      }
      if ((t === 'end' || t === 'continue' || t === 'abort') && r.dtid) {
        const p = this.tx.get(r.called_gt ?? (r.dpc != null ? String(r.dpc) : ''))?.get(r.dtid);
        this.sawResponses = true;
        if (p) {
          p.answered = true;
          this.current = p.rows.find((x) => x.invoke_id === (r.invoke_id ?? x.invoke_id)) ?? p.rows[0];
          if (t === 'end' || t === 'abort') this.drop(p);
        }
      }
      this.learn(r.imsi, r.msisdn);
      if (this.current) this.learn(this.current.imsi ?? r.imsi, this.current.msisdn ?? r.msisdn);
    }
    if (r.ts - this.lastSweep > 60) this.sweep(r.ts);
  }

  private drop(p: Pending): void {
    p.alive = false;
    p.table.delete(p.tid);
  }

  private sweep(now: number): void {
    this.lastSweep = now;
    const keep: Pending[] = [];
    for (const p of this.txOrder) {
      if (!p.alive) continue;
      if (now - p.ts > 300) {
        if (!p.answered && p.rows[0]) this.unanswered.push({ row: p.rows[0] });
        this.drop(p);
      } else keep.push(p);
    }
    this.txOrder = keep;
    for (const [h, byE2e] of this.diam) {
      for (const [k, r] of byE2e) if (now - r.ts > 300) byE2e.delete(k);
      if (!byE2e.size) this.diam.delete(h);
    }
  }

  /** Flushes open transactions at the end of the case. */
  end(): void {
    for (const p of this.txOrder) if (p.alive && !p.answered && p.rows[0]) this.unanswered.push({ row: p.rows[0] });
    this.tx.clear();
    this.txOrder = [];
  }

  /** The invoke/request this row answers (only valid during the row's processing). */
  requestOf(): DetectRow | undefined {
    return this.current;
  }

  private learn(imsi: string | null | undefined, msisdn: string | null | undefined): void {
    if (!imsi || !msisdn) return;
    // Consecutive rows mostly carry the pair just learnt.
    if (imsi === this.lastImsi && msisdn === this.lastMsisdn) return;
    this.lastImsi = imsi;
    this.lastMsisdn = msisdn;
    if (this.imsiToMsisdn.get(imsi) !== msisdn) this.imsiToMsisdn.set(imsi, msisdn);
    if (this.msisdnToImsi.get(msisdn) !== imsi) this.msisdnToImsi.set(msisdn, imsi);
  }

  msisdnOf(imsi: string | null | undefined): string | undefined {
    return imsi ? this.imsiToMsisdn.get(imsi) : undefined;
  }

  imsiOf(msisdn: string | null | undefined): string | undefined {
    return msisdn ? this.msisdnToImsi.get(msisdn) : undefined;
  }

  /**
   * Subscriber of a row: its own IMSI/MSISDN, else those of the request it answers, else learnt ones.
   * For the row being processed the object is resolved once and shared by all detectors: do not mutate it.
   */
  subscriber(r: DetectRow): Subscriber {
    if (r === this.row && this.rowSub) return this.rowSub;
    const req = this.current;
    const imsi = r.imsi ?? destRefImsi(r) ?? req?.imsi ?? this.imsiOf(r.msisdn ?? req?.msisdn) ?? undefined;
    const msisdn = r.msisdn ?? req?.msisdn ?? this.msisdnOf(imsi) ?? undefined;
    const s: Subscriber = imsi ? (msisdn ? Object.freeze({ imsi, msisdn }) : Object.freeze({ imsi })) : msisdn ? Object.freeze({ msisdn }) : NO_SUBSCRIBER;
    if (r === this.row) this.rowSub = s;
    return s;
  }

  /** Where the subscriber is served according to the evidence so far (before the current row). */
  servingOf(imsi: string | null | undefined): Serving | undefined {
    return imsi ? this.serving.get(imsi) : undefined;
  }

  /** Updates the location state; called after detectors. */
  post(r: DetectRow): void {
    let s: Serving | undefined;
    if (r.family === 'diameter') {
      if (r.diam_request && r.diam_cmd === DIAM.ULR && r.imsi && r.origin_host)
        s = { node: r.origin_host, sender: r.origin_host, ts: r.ts, row: r, kind: 'diameter-ulr', ...(r.origin_realm ? { realm: r.origin_realm } : {}), ...(r.visited_plmn ? { visitedPlmn: r.visited_plmn } : {}) };
    } else if (isInvoke(r) && r.imsi) {
      const op = mapOp(r);
      if (op === 2 && (r.vlr || r.msc || r.calling_gt))
        s = { node: r.vlr ?? r.msc ?? r.calling_gt ?? '', sender: r.calling_gt ?? r.vlr ?? '', ts: r.ts, row: r, kind: 'map-ul' };
      else if (op === 23 && (r.sgsn || r.calling_gt))
        s = { node: r.sgsn ?? r.calling_gt ?? '', sender: r.calling_gt ?? r.sgsn ?? '', ts: r.ts, row: r, kind: 'map-ugl' };
    }
    // The home HLR's answer to sendRoutingInfoForSM names the node serving the subscriber. A home node there
    // may be an SMS router (SMS home routing), not the serving MSC, so only foreign nodes are learnt.
    if (!s && (r.comp_kind === 2 || r.comp_kind === 7) && mapOp(r) === 45 && r.msc && this.isHomeGt(r.calling_gt) && !this.isHomeGt(r.msc)) {
      const imsi = r.imsi ?? this.current?.imsi ?? this.imsiOf(this.current?.msisdn);
      const cur = imsi ? this.serving.get(imsi) : undefined;
      if (imsi && (!cur || (cur.node !== r.msc && cur.row.msc !== r.msc))) {
        const e: Serving = { node: r.msc, sender: r.msc, ts: r.ts, row: r, kind: 'hlr-answer' };
        this.serving.set(imsi, e);
      }
      return;
    }
    if (s && r.imsi) this.serving.set(r.imsi, s);
  }
}

/**
 * SS and USSD procedures (registerSS … interrogateSS, passwords, USSD): TS 29.002 carries the
 * subscriber's IMSI in the MAP-OPEN destination reference, not in the component.
 */
const DEST_REF_IMSI_OPS = new Set([10, 11, 12, 13, 14, 17, 18, 19, 59, 60, 61]);

function destRefImsi(r: DetectRow): string | undefined {
  const ref = r.dest_ref;
  if (!ref || ref.length < 6 || ref.length > 15 || !/^\d+$/.test(ref)) return undefined;
  const op = mapOp(r);
  return op !== undefined && DEST_REF_IMSI_OPS.has(op) ? ref : undefined;
}
