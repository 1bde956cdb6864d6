/** FS.11 Category 1: operations that must never arrive from interconnect. */
import type { Detector } from '../types.js';
import { mapInvokeOf, opName, opSet } from '../ops.js';
import { attackerOf, isForeign, parseOps, senderLabel, subLabel, victimOf } from './common.js';

export const detector: Detector = {
  meta: {
    id: 'fs11-cat1',
    title: 'FS.11 Category 1 operation from interconnect',
    description:
      'MAP operations that are only ever exchanged inside one network (HLR↔gsmSCF/GMSC/GMLC) arriving from a GT or point code outside the home network. GSMA FS.11 Category 1: screen by operation alone.',
    severity: 'high',
    category: 'FS.11 Cat 1',
    techniques: ['T1430', 'T1430.002', 'FGT1430'],
    references: ['GSMA FS.11 (SS7 Interconnect Security Monitoring and Firewall Guidelines), Category 1', '3GPP TS 29.002 (MAP operations)', 'ITU-T Q.713 (SCCP addressing)'],
    falsePositives: [
      'Bilateral agreements that allow e.g. sendRoutingInfo for optimal routing or sendIdentification between border VLRs: remove those operations from the list or suppress the partner.',
      'A home node missing from the profile (its GT looks foreign): add its GT prefix to home.gtPrefixes.',
    ],
    tunables: {
      ops: {
        default: ['anyTimeInterrogation', 'sendIMSI', 'sendIdentification', 'sendRoutingInfo', 'sendRoutingInfoForGprs', 'sendRoutingInfoForLCS', 'provideSubscriberLocation', 'anyTimeModification', 'anyTimeSubscriptionInterrogation'],
        description: 'MAP operations (names or codes) never accepted from outside the home network',
      },
    },
    needsProfile: true,
  },
  create(ctx) {
    const ops = parseOps(ctx.list('ops'), 'fs11-cat1', opSet);
    return {
      row(r) {
        const op = mapInvokeOf(r, ops);
        if (op === undefined) return;
        const o = ctx.net.senderOf(r);
        if (!isForeign(o) || !ctx.net.towardHome(r)) return;
        const sub = ctx.state.subscriber(r);
        ctx.emit({
          key: `${r.calling_gt ?? r.opc}|${op}|${sub.imsi ?? sub.msisdn ?? ''}`,
          rows: [r],
          attacker: attackerOf(r, o),
          victim: victimOf(sub),
          explanation: `${opName(op)} for ${subLabel(ctx.net, sub)} from ${senderLabel(r, o)}; FS.11 Cat 1: ${opName(op)} is only used inside the home network and must never arrive from interconnect.`,
          facts: { op: opName(op) },
        });
      },
    };
  },
};
