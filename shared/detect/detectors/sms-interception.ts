/** Behavioural: the SMS interception chain — implausible location update, then short messages routed to the new node. */
import type { Detector, DetectRow } from '../types.js';
import { DIAM, isInvoke, isResult, mapOp, smDirection } from '../ops.js';
import { attackerOf, fmtDur, isForeign, locationUpdateDoubts, senderLabel, subLabel, victimOf } from './common.js';
import type { Owner } from '../net.js';

export const detector: Detector = {
  meta: {
    id: 'sms-interception',
    title: 'SMS interception chain (fake location update → MT-ForwardSM to the new node)',
    description:
      'A location update for a home subscriber that fails plausibility (not a roaming partner, VLR/GT country mismatch, impossible travel) or that is contradicted by the old VLR still serving the subscriber, followed by short messages (sendRoutingInfoForSM answered with, or MT-ForwardSM sent to, the new node): incoming SMS (e.g. one-time passwords) are being diverted.',
    severity: 'critical',
    category: 'behavioural',
    techniques: ['T1430.002', 'T1449', 'T1582'],
    references: ['GSMA FS.11 Category 3 (updateLocation)', '3GPP TS 29.002 §8.1.2, §12'],
    falsePositives: ['A genuine move to a network missing from the profile’s partner list, immediately followed by SMS'],
    tunables: {
      windowSec: { default: 3600, description: 'how long after the location update SMS are attributed to it' },
      maxSpeedKmh: { default: 1000, description: 'impossible-travel speed' },
      minDistanceKm: { default: 300, description: 'minimum distance for the speed test' },
    },
    needsProfile: true,
  },
  create(ctx) {
    const win = ctx.num('windowSec');
    const maxKmh = ctx.num('maxSpeedKmh'), minKm = ctx.num('minDistanceKm');
    interface Susp { ul: DetectRow; o: Owner; node: string; gt: string | null; reasons: string[]; prevNode?: string | undefined; prevRow?: DetectRow | undefined; imsi: string }
    const byImsi = new Map<string, Susp>();
    const byNode = new Map<string, Susp>();
    const report = (s: Susp, r: DetectRow, how: string): void => {
      ctx.emit({
        key: `${s.imsi}|${s.ul.frame}`,
        rows: [s.ul, r],
        attacker: attackerOf(s.ul, s.o),
        victim: victimOf({ imsi: s.imsi, msisdn: ctx.state.msisdnOf(s.imsi) }),
        explanation: `updateLocation for ${subLabel(ctx.net, { imsi: s.imsi })} from ${senderLabel(s.ul, s.o)} registered node ${s.node} (${s.reasons.join('; ')}); ${fmtDur(r.ts - s.ul.ts)} later ${how}: short messages for the victim are routed to the attacker's node.`,
      });
    };
    return {
      row(r) {
        // 1. Location updates.
        const isUl = (isInvoke(r) && (mapOp(r) === 2 || mapOp(r) === 23)) || (r.family === 'diameter' && r.diam_request === true && r.diam_cmd === DIAM.ULR);
        if (isUl && r.imsi && ctx.net.isHomeImsi(r.imsi)) {
          const o = ctx.net.senderOf(r);
          if (!isForeign(o)) {
            byImsi.delete(r.imsi);
            return;
          }
          const prev = ctx.state.servingOf(r.imsi);
          const d = locationUpdateDoubts(r, ctx.net, ctx.state, maxKmh, minKm);
          const node = r.family === 'diameter' ? r.origin_host ?? '' : r.msc ?? r.vlr ?? r.sgsn ?? r.calling_gt ?? '';
          const s: Susp = { ul: r, o, node, gt: r.calling_gt, reasons: d.reasons, prevNode: prev?.node, prevRow: prev?.row, imsi: r.imsi };
          byImsi.set(r.imsi, s);
          for (const n of [r.msc, r.vlr, r.sgsn, r.calling_gt, r.origin_host]) if (n) byNode.set(n, s);
          return;
        }
        // 2. The old VLR keeps serving the subscriber after the update → the update was not a real move.
        if (isInvoke(r) && r.imsi) {
          const s = byImsi.get(r.imsi);
          if (s && s.prevNode && r.ts - s.ul.ts <= win && (r.calling_gt === s.prevNode || r.msc === s.prevNode || r.vlr === s.prevNode) && r.calling_gt !== s.gt) {
            if (!s.reasons.some((x) => x.startsWith('old VLR'))) s.reasons.push(`old VLR ${s.prevNode} still active for the subscriber at frame ${r.frame}`);
          }
        }
        // 3. SMS toward the new node.
        if (isResult(r) && mapOp(r) === 45) {
          const req = ctx.state.requestOf();
          const imsi = r.imsi ?? req?.imsi ?? ctx.state.imsiOf(req?.msisdn);
          const s = imsi ? byImsi.get(imsi) : undefined;
          const nodeHit = (r.msc && byNode.get(r.msc)) || (r.vlr && byNode.get(r.vlr));
          const t = s ?? (nodeHit || undefined);
          if (t && t.reasons.length && r.ts - t.ul.ts <= win && (!r.msc || r.msc === t.node || r.msc === t.gt || r.vlr === t.node)) report(t, r, `sendRoutingInfoForSM was answered with serving node ${r.msc ?? r.vlr ?? t.node}`);
          return;
        }
        if (isInvoke(r) && smDirection(r) === 'mt') {
          const s = (r.called_gt && byNode.get(r.called_gt)) || (r.imsi && byImsi.get(r.imsi)) || (r.sm_rp_da && byImsi.get(r.sm_rp_da)) || undefined;
          if (!s || !s.reasons.length || r.ts - s.ul.ts > win) return;
          if (r.called_gt && r.called_gt !== s.node && r.called_gt !== s.gt && !byNode.get(r.called_gt)) return;
          report(s, r, `MT-ForwardSM was sent to ${r.called_gt ?? s.node}`);
        }
      },
    };
  },
};
