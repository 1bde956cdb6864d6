/** Behavioural: repeated location-revealing queries against one subscriber (bursts, and low-and-slow over hours). */
import type { Detector, DetectRow } from '../types.js';
import { isInvoke, mapOp, opName, opSet } from '../ops.js';
import { attackerOf, fmtDur, isForeign, parseOps, senderLabel, subLabel, victimOf } from './common.js';

export const detector: Detector = {
  meta: {
    id: 'location-tracking',
    title: 'Location tracking of a subscriber',
    description:
      'Counts location-revealing queries (anyTimeInterrogation, provideSubscriberInfo, sendRoutingInfo, provideSubscriberLocation, sendRoutingInfoForLCS, sendRoutingInfoForGprs, sendIMSI, S6a IDR) from outside the home network against one subscriber: a burst within minutes, or a low-and-slow series spread over hours.',
    severity: 'high',
    category: 'behavioural',
    techniques: ['T1430', 'T1430.002', 'FGT1430'],
    references: ['GSMA FS.11 (location tracking scenarios)', 'ATT&CK Mobile T1430 Location Tracking'],
    falsePositives: ['A partner with a legitimate location-based service agreement (suppress it by attacker)'],
    tunables: {
      ops: {
        default: ['anyTimeInterrogation', 'provideSubscriberInfo', 'sendRoutingInfo', 'provideSubscriberLocation', 'sendRoutingInfoForLCS', 'sendRoutingInfoForGprs', 'sendIMSI'],
        description: 'MAP queries that reveal location',
      },
      burstCount: { default: 3, description: 'queries within burstWindowSec that make a burst' },
      burstWindowSec: { default: 900, description: 'burst window' },
      slowCount: { default: 3, description: 'queries within slowWindowSec, spread over at least slowMinSpanSec, that make low-and-slow tracking' },
      slowWindowSec: { default: 86400, description: 'low-and-slow window' },
      slowMinSpanSec: { default: 3600, description: 'minimum span of a low-and-slow series' },
    },
    needsProfile: true,
  },
  create(ctx) {
    const ops = parseOps(ctx.list('ops'), 'location-tracking', opSet);
    const bN = ctx.num('burstCount'), bW = ctx.num('burstWindowSec');
    const sN = ctx.num('slowCount'), sW = ctx.num('slowWindowSec'), sSpan = ctx.num('slowMinSpanSec');
    const seen = new Map<string, DetectRow[]>();
    return {
      row(r) {
        let isQ = false;
        if (r.family === 'diameter') isQ = r.diam_request === true && r.diam_cmd === 319 && r.idr_flags != null && (r.idr_flags & 0x4) !== 0; // IDR-Flags bit 2: Current Location Request (TS 29.272 §7.3.103)
        else if (isInvoke(r)) {
          const op = mapOp(r);
          isQ = op !== undefined && ops.has(op);
        }
        if (!isQ) return;
        const o = ctx.net.senderOf(r);
        if (!isForeign(o)) return;
        const sub = ctx.state.subscriber(r);
        if (!ctx.net.towardHome(r) && !ctx.net.isHomeImsi(sub.imsi)) return;
        const v = sub.imsi ?? ctx.state.imsiOf(sub.msisdn) ?? sub.msisdn;
        if (!v) return;
        // A series started under the MSISDN continues under the IMSI once the two are linked.
        const alias = sub.imsi ? ctx.state.msisdnOf(sub.imsi) : undefined;
        if (alias && seen.has(alias)) {
          const old = seen.get(alias)!;
          seen.delete(alias);
          seen.set(v, [...old, ...(seen.get(v) ?? [])].sort((x, y) => x.ts - y.ts));
        }
        let a = seen.get(v);
        if (!a) seen.set(v, (a = []));
        a.push(r);
        while (a.length && r.ts - a[0]!.ts > sW) a.shift();
        const burst = a.filter((x) => r.ts - x.ts <= bW);
        const span = a.length ? r.ts - a[0]!.ts : 0;
        const mode = burst.length >= bN ? 'burst' : a.length >= sN && span >= sSpan ? 'low-and-slow' : undefined;
        if (!mode) return;
        const rows = mode === 'burst' ? burst : a;
        const srcs = [...new Set(rows.map((x) => x.calling_gt ?? x.origin_host ?? String(x.opc)))];
        const opsUsed = [...new Set(rows.map((x) => (x.family === 'diameter' ? 'IDR' : opName(mapOp(x)))))];
        ctx.emit({
          key: `${v}|${mode}`,
          rows,
          attacker: attackerOf(rows[0]!, ctx.net.senderOf(rows[0]!)),
          victim: victimOf(sub),
          severity: 'high',
          explanation: `${rows.length} location queries (${opsUsed.join(', ')}) for ${subLabel(ctx.net, sub)} from ${srcs.length === 1 ? senderLabel(rows[0]!, ctx.net.senderOf(rows[0]!)) : srcs.length + ' foreign sources'} within ${fmtDur(rows[rows.length - 1]!.ts - rows[0]!.ts)}: ${mode} tracking of one subscriber.`,
          facts: { queries: rows.length, mode },
          merge: mode === 'burst' ? bW : sW,
        });
      },
    };
  },
};
