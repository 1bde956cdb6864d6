/** Behavioural: call forwarding set for a home subscriber by a node that does not serve it. */
import type { Detector } from '../types.js';
import { isForwardingSs, isInvoke, mapOp, opName } from '../ops.js';
import { attackerOf, fromServingNetwork, isForeign, senderLabel, subLabel, victimOf } from './common.js';
import { countryOfE164 } from '../geo.js';

export const detector: Detector = {
  meta: {
    id: 'call-forward-hijack',
    title: 'Call-forwarding hijack',
    description:
      'registerSS/activateSS for a forwarding service, anyTimeModification, or insertSubscriberData carrying a forwarded-to number, for a home subscriber, sent from outside the home network by a node that is not the subscriber’s serving VLR: incoming calls are diverted (often to a premium-rate or attacker number).',
    severity: 'critical',
    category: 'behavioural',
    techniques: ['T1449', 'T1616', 'T1430.002'],
    references: ['GSMA FS.11 (registerSS, anyTimeModification)', '3GPP TS 29.002 §11 (supplementary services)', '3GPP TS 22.082 (call forwarding)'],
    falsePositives: ['A subscriber roaming at a partner VLR that was not seen registering (capture gap) setting forwarding from the handset'],
    tunables: {},
    needsProfile: true,
  },
  create(ctx) {
    return {
      row(r) {
        if (!isInvoke(r)) return;
        const op = mapOp(r);
        if (op !== 10 && op !== 12 && op !== 65 && op !== 7) return;
        const fwd = r.fwd_to;
        if (op === 7 && !fwd) return;
        if ((op === 10 || op === 12) && !(isForwardingSs(r.ss_code) || fwd)) return;
        if (op === 65 && !(fwd || isForwardingSs(r.ss_code))) return;
        const o = ctx.net.senderOf(r);
        if (!isForeign(o) || !ctx.net.towardHome(r)) return;
        const sub = ctx.state.subscriber(r);
        // registerSS/activateSS name the subscriber only in the MAP-OPEN destination reference; addressed to a
        // home HLR they are necessarily about a home subscriber.
        const anonymous = !sub.imsi && !sub.msisdn;
        if (anonymous ? !ctx.net.isHomeGt(r.called_gt) && !ctx.net.isHomePc(r.dpc) : !ctx.net.isHomeSubscriber(sub.imsi, sub.msisdn) && !(sub.msisdn && ctx.net.isHomeMsisdn(sub.msisdn))) return;
        const s = ctx.state.servingOf(sub.imsi);
        const fromServing = s && fromServingNetwork(ctx.net, r, s);
        const fc0 = countryOfE164(fwd);
        const foreignTarget = !!fc0 && fc0.cc !== ctx.profile?.home.cc;
        if (op === 10 || op === 12) {
          if (fromServing) return;
          // No location evidence: a roaming partner's VLR may relay the subscriber's own request, unless it
          // forwards calls abroad (to a number outside the home country), the usual toll-fraud / hijack target.
          // With no partner list in the profile, any visited network's VLR may.
          if (!s && (o.kind === 'partner' || !ctx.net.hasPartners) && !foreignTarget) return;
        }
        const fc = countryOfE164(fwd);
        ctx.emit({
          key: `${r.calling_gt}|${sub.imsi ?? sub.msisdn}|${op}`,
          rows: s ? [r, s.row] : [r],
          start: r.ts,
          end: r.ts,
          attacker: attackerOf(r, o),
          victim: victimOf(sub),
          explanation: `${opName(op)}${r.ss_code != null ? ` (SS-Code 0x${r.ss_code.toString(16)})` : ''} for ${subLabel(ctx.net, sub)} from ${senderLabel(r, o)}${fwd ? ` sets forwarding to ${fwd}${fc ? ` (${fc.name})` : ''}` : ''}; ${op === 65 || op === 7 ? 'only the home HLR/gsmSCF may change subscription data' : s ? `the subscriber is served by ${s.node}` : o.kind === 'partner' ? `no location update places the subscriber at that VLR and calls would be forwarded abroad` : 'no location update places the subscriber at that VLR and the sender is not a roaming partner'}: incoming calls would be diverted.`,
        });
      },
    };
  },
};
