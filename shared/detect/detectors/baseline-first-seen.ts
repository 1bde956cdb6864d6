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
    /** Per calling GT: its message times (capped) and the first message of each watched operation. */
    interface Peer { times: number[]; first: Map<number, { r: DetectRow; sub: { imsi?: string; msisdn?: string } }> | undefined }
    const peers = new Map<string, Peer>();
    return {
      row(r) {
        if (t0 === undefined) t0 = r.ts;
        t1 = r.ts;
        if (!isInvoke(r) || !r.calling_gt) return;
        const op = mapOp(r);
        if (op === undefined) return;
        let p = peers.get(r.calling_gt);
        if (!p) peers.set(r.calling_gt, (p = { times: [], first: undefined }));
        if (p.times.length < 5000) p.times.push(r.ts);
        // One entry per (GT, operation); the subscriber is resolved now, while the row's request is linked.
        if (!ops.has(op)) return;
        const first = (p.first ??= new Map());
        if (!first.has(op)) first.set(op, { r, sub: ctx.state.subscriber(r) });
      },
      finish() {
        if (t0 === undefined) return;
        const cut = t0 + (t1 - t0) * frac;
        for (const [gt, p] of peers) for (const [op, { r, sub }] of p.first ?? []) {
          if (r.ts <= cut) continue;
          const o = ctx.net.senderOf(r);
          if (!isForeign(o) || !ctx.net.towardHome(r)) continue;
          const before = p.times.filter((t) => t <= cut).length;
          if (before < minMsgs) continue;
          // A partner's HLR managing its own roamers (ISD/CL/PRN for its IMSIs) is its normal role.
          if (sub.imsi && !ctx.net.isHomeImsi(sub.imsi) && ctx.net.gtBelongsToImsiHome(r.calling_gt, sub.imsi).ok) continue;
          ctx.emit({
            key: `${gt}|${op}`,
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
