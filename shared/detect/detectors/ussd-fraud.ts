/** Behavioural: USSD on behalf of a home subscriber from outside its serving node, or network USSD from abroad. */
import type { Detector } from '../types.js';
import { isInvoke, mapOp, opName } from '../ops.js';
import { attackerOf, fromServingNetwork, isForeign, senderLabel, subLabel, victimOf } from './common.js';

export const detector: Detector = {
  meta: {
    id: 'ussd-fraud',
    title: 'USSD fraud / manipulation',
    description:
      'processUnstructuredSS-Request for a home subscriber from a VLR that does not serve it (USSD balance transfer, top-up or service changes executed in the victim’s name), or unstructuredSS-Request/Notify pushed to a home subscriber from outside the home network (phishing prompts).',
    severity: 'high',
    category: 'behavioural',
    techniques: ['T1430.002', 'T1582'],
    references: ['GSMA FS.11 (USSD)', '3GPP TS 29.002 §11.9 (USSD)', '3GPP TS 22.090'],
    falsePositives: ['A subscriber roaming at a VLR whose updateLocation was not captured'],
    tunables: {},
    needsProfile: true,
  },
  create(ctx) {
    return {
      row(r) {
        if (!isInvoke(r)) return;
        const op = mapOp(r);
        if (op !== 59 && op !== 60 && op !== 61) return;
        const o = ctx.net.senderOf(r);
        if (!isForeign(o) || !ctx.net.towardHome(r)) return;
        const sub = ctx.state.subscriber(r);
        if (!ctx.net.isHomeSubscriber(sub.imsi, sub.msisdn) && !(sub.msisdn && ctx.net.isHomeMsisdn(sub.msisdn))) {
          if (op === 59 || sub.imsi || sub.msisdn) return;
        }
        let why: string;
        if (op === 59) {
          const s = ctx.state.servingOf(sub.imsi);
          if (s && fromServingNetwork(ctx.net, r, s)) return;
          // No location evidence: a partner's VLR (or, with no partner list in the profile, any visited VLR) may serve the subscriber.
          if (!s && (o.kind === 'partner' || !ctx.net.hasPartners)) return;
          why = s ? `the subscriber is served by VLR ${s.node}` : 'no location update places the subscriber at that VLR and the sender is not a roaming partner';
        } else why = 'network-initiated USSD for a home subscriber may only come from the home network';
        ctx.emit({
          key: `${r.calling_gt}|${sub.imsi ?? sub.msisdn ?? ''}|${op}`,
          rows: [r],
          attacker: attackerOf(r, o),
          victim: victimOf(sub),
          explanation: `${opName(op)}${r.ussd ? ` "${r.ussd}"` : ''} for ${subLabel(ctx.net, sub)} from ${senderLabel(r, o)}: ${why}.`,
        });
      },
    };
  },
};
