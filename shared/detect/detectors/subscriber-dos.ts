/** Behavioural: operations that cut a subscriber off, from a node that has no business sending them. */
import type { Detector } from '../types.js';
import { DIAM, DIAM_NAMES, isInvoke, mapOp, opName } from '../ops.js';
import { attackerOf, fromServingNetwork, isForeign, senderLabel, subLabel, victimOf } from './common.js';

export const detector: Detector = {
  meta: {
    id: 'subscriber-dos',
    title: 'Subscriber denial of service',
    description:
      'cancelLocation, deleteSubscriberData or purgeMS (MAP) and CLR/DSR/PUR (S6a) for a subscriber, from a node that is neither the subscriber’s home HLR/HSS (for cancel/delete) nor its serving VLR/MME (for purge): the victim is detached or loses services and becomes unreachable.',
    severity: 'high',
    category: 'behavioural',
    techniques: ['T1464'],
    references: ['GSMA FS.11 (cancelLocation, purgeMS)', 'GSMA FS.19 (CLR, PUR)', '3GPP TS 29.002 §8.1.3, §8.1.6'],
    falsePositives: ['Inbound roamer’s home HLR under a GT range missing from the profile'],
    tunables: {},
    needsProfile: true,
  },
  create(ctx) {
    return {
      row(r) {
        let label: string | undefined;
        let kind: 'hlr' | 'vlr' | undefined;
        if (r.family === 'diameter') {
          if (!r.diam_request) return;
          if (r.diam_cmd === DIAM.CLR || r.diam_cmd === DIAM.DSR) kind = 'hlr';
          else if (r.diam_cmd === DIAM.PUR) kind = 'vlr';
          label = `${DIAM_NAMES[r.diam_cmd ?? 0] ?? ''}-Request`;
        } else if (isInvoke(r)) {
          const op = mapOp(r);
          if (op === 3 || op === 8) kind = 'hlr';
          else if (op === 67) kind = 'vlr';
          label = opName(op);
        }
        if (!kind) return;
        const o = ctx.net.senderOf(r);
        if (!isForeign(o) || !ctx.net.towardHome(r)) return;
        const sub = ctx.state.subscriber(r);
        if (!sub.imsi && !sub.msisdn) return;
        let why: string | undefined;
        if (kind === 'hlr') {
          if (sub.imsi && !ctx.net.isHomeImsi(sub.imsi)) {
            const ok = r.family === 'diameter' ? ctx.net.diameterBelongsToImsiHome(r.origin_host, r.origin_realm, sub.imsi) : ctx.net.gtBelongsToImsiHome(r.calling_gt, sub.imsi).ok;
            if (ok) return;
            why = `it does not come from the roamer's home network`;
          } else why = `only the home ${r.family === 'diameter' ? 'HSS' : 'HLR'} may cancel or delete a home subscriber`;
        } else {
          if (sub.imsi && !ctx.net.isHomeImsi(sub.imsi)) return;
          const s = ctx.state.servingOf(sub.imsi);
          if (s && fromServingNetwork(ctx.net, r, s)) return;
          // Without location evidence a purge from a roaming partner is routine (the update predates the capture).
          if (!s && (o.kind === 'partner' || !ctx.net.hasPartners)) return;
          why = s ? `the subscriber is served by ${s.node} since the location update at frame ${s.row.frame}` : `no location update places the subscriber there and the sender is not a roaming partner`;
        }
        ctx.emit({
          key: `${r.calling_gt ?? r.origin_host}|${sub.imsi ?? sub.msisdn}|dos`,
          rows: [r],
          attacker: attackerOf(r, o),
          victim: victimOf(sub),
          explanation: `${label} for ${subLabel(ctx.net, sub)} from ${senderLabel(r, o)}: ${why}; the subscriber would be detached or lose service.`,
        });
      },
    };
  },
};
