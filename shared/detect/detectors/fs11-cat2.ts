/** FS.11 Category 2: operations for our subscribers / inbound roamers that must come from the subscriber's home network. */
import type { Detector } from '../types.js';
import { DIAM, DIAM_NAMES, isDiamRequest, mapInvokeOf, opName, opSet } from '../ops.js';
import { attackerOf, isForeign, parseOps, senderLabel, subLabel, victimOf } from './common.js';

export const detector: Detector = {
  meta: {
    id: 'fs11-cat2',
    title: 'FS.11 Category 2 operation not from the subscriber’s home network',
    description:
      'HLR-originated MAP operations (provideSubscriberInfo, insertSubscriberData, deleteSubscriberData, cancelLocation, provideRoamingNumber, unstructuredSS-Request/Notify) and S6a IDR/CLR/DSR are only legitimate from the subscriber’s own home network: for home subscribers that is the home network itself, for inbound roamers their home operator.',
    severity: 'high',
    category: 'FS.11 Cat 2',
    techniques: ['T1430', 'T1430.002', 'T1464', 'FGT1430'],
    references: ['GSMA FS.11 Category 2', 'GSMA FS.19 (Diameter interconnect security)', '3GPP TS 29.002', '3GPP TS 29.272 (S6a IDR/CLR/DSR)'],
    falsePositives: ['Inbound roamers whose home operator uses GTs outside its country code (hubbing): add the partner with its gtPrefixes to the profile.'],
    tunables: {
      ops: {
        default: ['provideSubscriberInfo', 'insertSubscriberData', 'deleteSubscriberData', 'cancelLocation', 'provideRoamingNumber', 'unstructuredSS-Request', 'unstructuredSS-Notify'],
        description: 'MAP operations that only the subscriber’s home network may send',
      },
      diameter: { default: true, description: 'also screen S6a IDR/CLR/DSR by origin realm' },
    },
    needsProfile: true,
  },
  create(ctx) {
    const ops = parseOps(ctx.list('ops'), 'fs11-cat2', opSet);
    const diam = ctx.bool('diameter');
    const dcmds = new Set<number>([DIAM.IDR, DIAM.CLR, DIAM.DSR]);
    return {
      row(r) {
        if (diam && r.family === 'diameter') {
          if (!isDiamRequest(r) || r.diam_cmd == null || !dcmds.has(r.diam_cmd)) return;
          const o = ctx.net.senderOf(r);
          if (!isForeign(o)) return;
          const imsi = r.imsi;
          if (imsi && ctx.net.diameterBelongsToImsiHome(r.origin_host, r.origin_realm, imsi)) return;
          if (!imsi && o.kind === 'partner') return;
          const sub = ctx.state.subscriber(r);
          const name = DIAM_NAMES[r.diam_cmd] ?? String(r.diam_cmd);
          ctx.emit({
            key: `${r.origin_host}|${r.diam_cmd}|${imsi ?? ''}`,
            rows: [r],
            attacker: attackerOf(r, o),
            victim: victimOf(sub),
            explanation: `${name}-Request for ${subLabel(ctx.net, sub)} from ${senderLabel(r, o)}; FS.19/FS.11 Cat 2: only the subscriber's home HSS may send it.`,
            facts: { op: name },
          });
          return;
        }
        const op = mapInvokeOf(r, ops);
        if (op === undefined) return;
        const o = ctx.net.senderOf(r);
        if (!isForeign(o)) return;
        const sub = ctx.state.subscriber(r);
        // Addressed into the home network, or about a home subscriber wherever it is sent (a visited VLR
        // reached through the home network): only the home HLR sends these for its own subscribers.
        if (!ctx.net.towardHome(r) && !ctx.net.isHomeImsi(sub.imsi)) return;
        let why: string;
        if (sub.imsi && !ctx.net.isHomeImsi(sub.imsi)) {
          const b = ctx.net.gtBelongsToImsiHome(r.calling_gt, sub.imsi);
          if (b.ok) return;
          why = `the roamer's home network is ${b.why}, the sender is not`;
        } else if (sub.imsi || (sub.msisdn && ctx.net.isHomeMsisdn(sub.msisdn))) {
          why = `only the subscriber's home HLR may send it`;
        } else {
          if (o.kind === 'partner') return;
          why = `no subscriber identity to check and the sender is not a known partner`;
        }
        ctx.emit({
          key: `${r.calling_gt ?? r.opc}|${op}|${sub.imsi ?? sub.msisdn ?? ''}`,
          rows: [r],
          attacker: attackerOf(r, o),
          victim: victimOf(sub),
          explanation: `${opName(op)} for ${subLabel(ctx.net, sub)} from ${senderLabel(r, o)}; FS.11 Cat 2: ${why}.`,
          facts: { op: opName(op) },
        });
      },
    };
  },
};
