/**
 * FS.11 Category 3: operations that must come from where the subscriber is. Location state is
 * rebuilt from the evidence (updateLocation / ULR); a location-dependent operation from a node
 * that is not the serving one, or a location update that is implausible, is reported.
 */
import type { Detector, DetectRow } from '../types.js';
import { DIAM, DIAM_NAMES, isInvoke, mapOp, opName, opSet, smDirection } from '../ops.js';
import { attackerOf, fromServingNetwork, isForeign, locationUpdateDoubts, parseOps, senderLabel, subLabel, victimOf } from './common.js';

export const detector: Detector = {
  meta: {
    id: 'fs11-cat3',
    title: 'FS.11 Category 3: operation not from where the subscriber is',
    description:
      'updateLocation/updateGprsLocation that is implausible (sender not a roaming partner, VLR number and GT in different countries, impossible travel), and purgeMS, registerSS/activateSS/eraseSS/deactivateSS, processUnstructuredSS-Request or MO-ForwardSM for a home subscriber from a node other than the one serving it; Diameter ULR/PUR/NOR likewise.',
    severity: 'high',
    category: 'FS.11 Cat 3',
    techniques: ['T1430.002', 'T1449', 'FGT1430'],
    references: ['GSMA FS.11 Category 3', 'GSMA FS.19', '3GPP TS 29.002', '3GPP TS 29.272', '3GPP TS 23.012 (location management)'],
    falsePositives: ['A roaming partner missing from the profile', 'Capture gaps: the location update that moved the subscriber was not captured'],
    tunables: {
      locationOps: { default: ['updateLocation', 'updateGprsLocation'], description: 'MAP location updates checked for plausibility' },
      servingOps: {
        default: ['purgeMS', 'registerSS', 'activateSS', 'eraseSS', 'deactivateSS', 'processUnstructuredSS-Request', 'mo-forwardSM'],
        description: 'MAP operations that must come from the serving VLR/MSC',
      },
      maxSpeedKmh: { default: 1000, description: 'travel speed between serving countries above which a move is impossible' },
      minDistanceKm: { default: 300, description: 'moves shorter than this are never judged by speed (reference coordinates are capitals)' },
      afterPurgeSec: { default: 1800, description: 'activity from a node this soon after it purged the subscriber (without a new location update) is reported' },
    },
    needsProfile: true,
  },
  create(ctx) {
    const locOps = parseOps(ctx.list('locationOps'), 'fs11-cat3', opSet);
    const servOps = parseOps(ctx.list('servingOps'), 'fs11-cat3', opSet);
    const maxKmh = ctx.num('maxSpeedKmh');
    const minKm = ctx.num('minDistanceKm');
    const afterPurge = ctx.num('afterPurgeSec');
    /** Subscribers purged by a node (purgeMS / PUR): that node holds no data for them until a new location update. */
    const purged = new Map<string, { node: string; row: DetectRow }>();
    return {
      row(r) {
        const isDiam = r.family === 'diameter';
        if (isDiam) {
          if (!r.diam_request || (r.diam_cmd !== DIAM.ULR && r.diam_cmd !== DIAM.PUR && r.diam_cmd !== DIAM.NOR)) return;
        } else if (!isInvoke(r)) return;
        const op = isDiam ? undefined : mapOp(r);
        if (!isDiam && (op === undefined || (!locOps.has(op) && !servOps.has(op)))) return;
        if (op === 46 && smDirection(r) !== 'mo') return;
        const o = ctx.net.senderOf(r);
        if (!isForeign(o) || !ctx.net.towardHome(r)) return;
        const sub = ctx.state.subscriber(r);
        if (!sub.imsi && !(sub.msisdn && ctx.net.isHomeMsisdn(sub.msisdn))) return;
        if (sub.imsi && !ctx.net.isHomeImsi(sub.imsi)) return;
        const senderId = (isDiam ? r.origin_host : r.calling_gt) ?? '';
        const isPurge = isDiam ? r.diam_cmd === DIAM.PUR : op === 67;
        const isUpd = isDiam ? r.diam_cmd === DIAM.ULR : op === 2 || op === 23;
        const pk = sub.imsi ?? sub.msisdn ?? '';
        const p0 = purged.get(pk);
        if (isUpd) purged.delete(pk);
        else if (p0 && !isPurge && p0.node === senderId && r.ts - p0.row.ts <= afterPurge) {
          const label = isDiam ? `${DIAM_NAMES[r.diam_cmd ?? 0] ?? r.diam_cmd}-Request` : opName(op);
          ctx.emit({
            key: `${senderId}|after-purge|${pk}`,
            rows: [r, p0.row],
            start: r.ts,
            end: r.ts,
            attacker: attackerOf(r, o),
            victim: victimOf(sub),
            explanation: `${label} for ${subLabel(ctx.net, sub)} from ${senderLabel(r, o)} after that node purged the subscriber (frame ${p0.row.frame}) without a new location update; FS.11 Cat 3: a node that purged a subscriber no longer serves it.`,
          });
          return;
        }
        if (isPurge && senderId) purged.set(pk, { node: senderId, row: r });
        const opLabel = isDiam ? `${DIAM_NAMES[r.diam_cmd ?? 0] ?? r.diam_cmd}-Request` : opName(op);
        const isLoc = isDiam ? r.diam_cmd === DIAM.ULR : locOps.has(op!);
        if (isLoc) {
          const d = locationUpdateDoubts(r, ctx.net, ctx.state, maxKmh, minKm);
          if (!d.reasons.length) return;
          ctx.emit({
            key: `${r.calling_gt ?? r.origin_host}|loc|${sub.imsi ?? sub.msisdn}`,
            rows: d.prevRow ? [r, d.prevRow] : [r],
            start: r.ts,
            end: r.ts,
            attacker: attackerOf(r, o),
            victim: victimOf(sub),
            explanation: `${opLabel} for ${subLabel(ctx.net, sub)} from ${senderLabel(r, o)}; FS.11 Cat 3 / Visited-PLMN plausibility: ${d.reasons.join('; ')}.`,
            facts: { op: opLabel, ...(d.speed !== undefined ? { speedKmh: d.speed } : {}), ...(d.km !== undefined ? { km: d.km } : {}) },
          });
          return;
        }
        // Serving-node operations: the sender must be the node that serves the subscriber.
        const s = ctx.state.servingOf(sub.imsi);
        let why: string | undefined;
        if (s) {
          if (!fromServingNetwork(ctx.net, r, s)) why = `the subscriber is served by ${s.node}${s.realm ? ` (${s.realm})` : ''} since the location update at frame ${s.row.frame}`;
        } else if (o.kind === 'foreign' && ctx.net.hasPartners) {
          why = `no location update places the subscriber there and the sender is not a roaming partner`;
        }
        if (!why) return;
        ctx.emit({
          key: `${r.calling_gt ?? r.origin_host}|${opLabel}|${sub.imsi ?? sub.msisdn}`,
          rows: s ? [r, s.row] : [r],
          start: r.ts,
          end: r.ts,
          attacker: attackerOf(r, o),
          victim: victimOf(sub),
          explanation: `${opLabel} for ${subLabel(ctx.net, sub)} from ${senderLabel(r, o)}; FS.11 Cat 3: it must come from the serving node, but ${why}.`,
          facts: { op: opLabel },
        });
      },
    };
  },
};
