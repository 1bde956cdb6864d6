/**
 * Behavioural: a foreign source whose subscriber queries are mostly answered "unknown subscriber":
 * it is walking a number range to find which numbers exist, however slowly it goes.
 */
import type { Detector, DetectRow } from '../types.js';
import { DIAM, isError, isInvoke, isResult, mapOp, opName, opSet } from '../ops.js';
import { attackerOf, fmtDur, isForeign, parseOps, senderLabel, victimOf } from './common.js';
import type { Owner } from '../net.js';

/** MAP unknownSubscriber (TS 29.002 §17.6.2, error code 1): no subscription for this number or IMSI. */
const MAP_UNKNOWN_SUBSCRIBER = 1;
/** DIAMETER_ERROR_USER_UNKNOWN (TS 29.272 §7.4.3, Experimental-Result-Code 5001). */
const DIAMETER_ERROR_USER_UNKNOWN = 5001;

interface Probe {
  req: DetectRow;
  ans: DetectRow | undefined;
  /** The number or IMSI asked about. */
  v: string;
  unknown: boolean;
}

interface Source {
  /** Answered probes in time order; [head, length) are inside the window. */
  q: Probe[];
  head: number;
  answered: Map<string, number>;
  unknown: Map<string, number>;
  owner: Owner;
}

export const detector: Detector = {
  meta: {
    id: 'number-enumeration',
    title: 'Number-range enumeration (queries for numbers that do not exist)',
    description:
      'A GT (or Diameter host) outside the home network sends routing or subscriber queries (sendRoutingInfoForSM, sendRoutingInfo, anyTimeInterrogation, …; S6a AIR/ULR) for home subscribers, and the home network answers most of them with unknownSubscriber (MAP error 1) or DIAMETER_ERROR_USER_UNKNOWN (5001): the sender walks a number range to learn which numbers exist, with their IMSIs and serving nodes. Senders of real traffic query numbers somebody dialled or wrote to, which exist; a scanner does not know which do. A slow walk of a few numbers an hour, from a GT that also carries real SMS traffic, stays under any per-hour scanning threshold but not under this one.',
    severity: 'high',
    category: 'behavioural',
    techniques: ['T1430.002', 'T1422'],
    references: ['GSMA FS.11 (reconnaissance: SRI-for-SM / SRI scanning)', '3GPP TS 29.002 §17.6.2 (unknownSubscriber)', '3GPP TS 29.272 §7.4.3 (DIAMETER_ERROR_USER_UNKNOWN)'],
    falsePositives: [
      'A2P bulk messaging to a badly stale number list (most numbers of a real list still exist, so the unknown share stays low)',
      'A partner that keeps querying numbers ported out of or withdrawn from the home network',
    ],
    tunables: {
      ops: {
        default: ['sendRoutingInfoForSM', 'sendRoutingInfo', 'anyTimeInterrogation', 'provideSubscriberInfo', 'sendIMSI', 'sendRoutingInfoForGprs', 'sendRoutingInfoForLCS', 'provideSubscriberLocation', 'anyTimeSubscriptionInterrogation'],
        description: 'MAP operations counted as queries (Diameter AIR and ULR are always counted)',
      },
      windowSec: { default: 86400, description: 'window over which a source’s queries are counted' },
      minUnknown: { default: 10, description: 'distinct non-existent subscribers queried that make an enumeration' },
      minUnknownShare: { default: 0.5, description: 'share of the queried subscribers that do not exist' },
    },
    needsProfile: true,
  },
  create(ctx) {
    const ops = parseOps(ctx.list('ops'), 'number-enumeration', opSet);
    const win = ctx.num('windowSec');
    const minUnknown = ctx.num('minUnknown');
    const minShare = ctx.num('minUnknownShare');
    /** Queries waiting for their answer, by request row. */
    const pending = new Map<DetectRow, Probe>();
    let lastPrune = 0;
    const bySrc = new Map<string, Source>();
    const reported = new Set<string>();
    const inc = (m: Map<string, number>, k: string, d: number): void => {
      const n = (m.get(k) ?? 0) + d;
      if (n <= 0) m.delete(k);
      else m.set(k, n);
    };
    const sourceOf = (r: DetectRow): string | undefined => (r.family === 'diameter' ? r.origin_host ?? undefined : r.calling_gt ?? (r.opc != null ? `pc${r.opc}` : undefined));

    const answered = (p: Probe, now: number): void => {
      const src = sourceOf(p.req)!;
      const s = bySrc.get(src);
      if (!s) return;
      s.q.push(p);
      inc(s.answered, p.v, 1);
      if (p.unknown) inc(s.unknown, p.v, 1);
      while (s.head < s.q.length && now - s.q[s.head]!.req.ts > win) {
        const x = s.q[s.head++]!;
        inc(s.answered, x.v, -1);
        if (x.unknown) inc(s.unknown, x.v, -1);
      }
      if (s.head > 1024 && s.head * 2 > s.q.length) {
        s.q = s.q.slice(s.head);
        s.head = 0;
      }
      if (!p.unknown || s.unknown.size < minUnknown || s.unknown.size < minShare * s.answered.size) return;
      const first = !reported.has(src);
      reported.add(src);
      const live = first ? s.q.slice(s.head).filter((x) => x.unknown) : [p];
      const cited = live.length > 100 ? live.slice(live.length - 100) : live;
      const rows: DetectRow[] = [];
      for (const x of cited) rows.push(x.req, x.ans!);
      // operations and number block of the latest 200 queries: an episode of a large scan emits per new unknown number
      const inWin = s.q.slice(Math.max(s.head, s.q.length - 200));
      const opsUsed = [...new Set(inWin.map((x) => (x.req.family === 'diameter' ? x.req.diam_cmd_name ?? 'Diameter' : opName(mapOp(x.req)))))];
      const share = Math.round((100 * s.unknown.size) / s.answered.size);
      ctx.emit({
        key: `${src}|enum`,
        rows,
        merge: win,
        attacker: attackerOf(p.req, s.owner),
        victim: victimOf({}),
        explanation: `${senderLabel(p.req, s.owner)} queried ${s.answered.size} distinct home subscribers (${opsUsed.join(', ')}) within ${fmtDur(p.req.ts - s.q[s.head]!.req.ts)}, and ${s.unknown.size} of them (${share}%) do not exist (unknown subscriber)${blockOf(inWin)}: senders of real traffic ask for numbers that exist; this one is walking a number range to find live subscribers.`,
        facts: { subscribers: s.answered.size, unknown: s.unknown.size, unknownShare: share / 100 },
      });
    };

    return {
      row(r) {
        const diam = r.family === 'diameter';
        if (diam ? r.diam_request : isInvoke(r)) {
          if (diam ? r.diam_cmd !== DIAM.AIR && r.diam_cmd !== DIAM.ULR : !ops.has(mapOp(r) ?? -1)) return;
          const v = diam ? r.imsi : r.msisdn ?? r.imsi;
          if (!v) return;
          const o = ctx.net.senderOf(r);
          if (!isForeign(o) || !ctx.net.towardHome(r)) return;
          const src = sourceOf(r);
          if (!src) return;
          if (!bySrc.has(src)) bySrc.set(src, { q: [], head: 0, answered: new Map(), unknown: new Map(), owner: o });
          pending.set(r, { req: r, ans: undefined, v, unknown: false });
          if (r.ts - lastPrune > 600) {
            lastPrune = r.ts;
            for (const [k, p] of pending) if (r.ts - p.req.ts > 600) pending.delete(k);
          }
          return;
        }
        if (diam ? r.diam_request !== false : !isResult(r) && !isError(r)) return;
        const req = ctx.state.requestOf();
        const p = req ? pending.get(req) : undefined;
        if (!p) return;
        pending.delete(req!);
        // A home subscriber's number or IMSI, or (when the profile does not say) one the home network answered for.
        if (!ctx.net.isHomeImsi(req!.imsi) && !ctx.net.isHomeMsisdn(req!.msisdn) && ctx.net.senderOf(r).kind !== 'home') return;
        p.ans = r;
        p.unknown = diam ? r.exp_result === DIAMETER_ERROR_USER_UNKNOWN || r.result_code === DIAMETER_ERROR_USER_UNKNOWN : isError(r) && r.error_code === MAP_UNKNOWN_SUBSCRIBER;
        answered(p, r.ts);
      },
    };
  },
};

/** ", all within a block of N consecutive numbers" when the queried numbers are close together. */
function blockOf(probes: Probe[]): string {
  let lo: bigint | undefined, hi: bigint | undefined;
  const seen = new Set<string>();
  for (const p of probes) {
    if (seen.has(p.v) || !/^\d{1,18}$/.test(p.v)) continue;
    seen.add(p.v);
    const n = BigInt(p.v);
    if (lo === undefined || n < lo) lo = n;
    if (hi === undefined || n > hi) hi = n;
  }
  if (lo === undefined || hi === undefined || seen.size < 2) return '';
  const width = hi - lo + 1n;
  return width <= BigInt(seen.size) * 10n ? `, all within a block of ${width} consecutive numbers (${lo}…${hi})` : '';
}
