/** Baseline: a known foreign peer starts using a sensitive operation it never used during the case's baseline period. */
import type { Detector, DetectRow } from '../types.js';
import { isInvoke, mapOp, opName, opSet } from '../ops.js';
import { attackerOf, isForeign, senderLabel, parseOps, subLabel, victimOf } from './common.js';

export const detector: Detector = {
  meta: {
    id: 'baseline-first-seen',
    title: 'First-seen (GT, operation, partner) triple',
    description:
      'Learns which operations each foreign GT uses during the first part of the case (the baseline) and reports a sensitive operation that an already-known GT uses for the first time afterwards, e.g. a roaming partner that suddenly sends anyTimeInterrogation or insertSubscriberData.',
    severity: 'low',
    category: 'baseline',
    techniques: ['T1430.002'],
    references: ['GSMA FS.11 §5 (monitoring, anomaly detection)'],
    falsePositives: ['A partner enabling a new service mid-capture', 'A baseline period too short to contain a partner’s rarer operations'],
    tunables: {
      baselineFraction: { default: 0.5, description: 'share of the case duration (from its first message) used as baseline' },
      minBaselineMessages: { default: 20, description: 'messages a GT must have sent during the baseline to count as known' },
      ops: {
        default: ['anyTimeInterrogation', 'provideSubscriberInfo', 'sendRoutingInfo', 'sendIMSI', 'provideSubscriberLocation', 'sendRoutingInfoForLCS', 'anyTimeModification', 'insertSubscriberData', 'deleteSubscriberData', 'cancelLocation', 'provideRoamingNumber', 'unstructuredSS-Request', 'unstructuredSS-Notify'],
        description: 'operations whose first use is reported (HLR-side and Category 1 operations; a VLR’s own operations such as registerSS or purgeMS are routine for roaming partners)',
      },
    },
    needsProfile: true,
  },
  create(ctx) {
    const frac = ctx.num('baselineFraction'), minMsgs = ctx.num('minBaselineMessages');
    const ops = parseOps(ctx.list('ops'), 'baseline-first-seen', opSet);
    let t0: number | undefined, t1 = 0;
    const firstSeen = new Map<string, { r: DetectRow; sub: { imsi?: string; msisdn?: string } }>();
    const gtTimes = new Map<string, number[]>();
    return {
      row(r) {
        if (t0 === undefined) t0 = r.ts;
        t1 = r.ts;
        if (!isInvoke(r) || !r.calling_gt) return;
        const op = mapOp(r);
        if (op === undefined) return;
        let ts = gtTimes.get(r.calling_gt);
        if (!ts) gtTimes.set(r.calling_gt, (ts = []));
        if (ts.length < 5000) ts.push(r.ts);
        // One entry per (GT, operation); the subscriber is resolved now, while the row's request is linked.
        if (!ops.has(op)) return;
        const k = `${r.calling_gt}|${op}`;
        if (!firstSeen.has(k)) firstSeen.set(k, { r, sub: ctx.state.subscriber(r) });
      },
      finish() {
        if (t0 === undefined) return;
        const cut = t0 + (t1 - t0) * frac;
        for (const [k, { r, sub }] of firstSeen) {
          const op = mapOp(r)!;
          if (!ops.has(op) || r.ts <= cut) continue;
          const o = ctx.net.senderOf(r);
          if (!isForeign(o) || !ctx.net.towardHome(r)) continue;
          const before = (gtTimes.get(r.calling_gt!) ?? []).filter((t) => t <= cut).length;
          if (before < minMsgs) continue;
          // A partner's HLR managing its own roamers (ISD/CL/PRN for its IMSIs) is its normal role.
          if (sub.imsi && !ctx.net.isHomeImsi(sub.imsi) && ctx.net.gtBelongsToImsiHome(r.calling_gt, sub.imsi).ok) continue;
          ctx.emit({
            key: k,
            rows: [r],
            attacker: attackerOf(r, o),
            victim: victimOf(sub),
            explanation: `${senderLabel(r, o)} sent ${before} messages during the baseline but never ${opName(op)}; its first ${opName(op)} (for ${subLabel(ctx.net, sub)}) is a new behaviour for this peer.`,
          });
        }
      },
    };
  },
};
