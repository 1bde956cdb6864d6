/** Behavioural: CAMEL subscription or dialogue pointing a home subscriber at a gsmSCF outside the home network. */
import type { Detector } from '../types.js';
import { isInvoke, mapOp } from '../ops.js';
import { attackerOf, senderLabel, subLabel, victimOf } from './common.js';

export const detector: Detector = {
  meta: {
    id: 'camel-redirection',
    title: 'CAMEL redirection to a foreign gsmSCF',
    description:
      'A home subscriber’s CAMEL subscription (O-CSI/T-CSI in insertSubscriberData, or any component carrying a gsmSCF address) names a gsmSCF outside the home network, or a CAP dialogue for a home subscriber is opened with / answered by a gsmSCF outside the home network: every call of the victim is then controlled (and can be re-routed) by the attacker.',
    severity: 'critical',
    category: 'behavioural',
    techniques: ['T1449', 'T1616'],
    references: ['3GPP TS 23.078 / 29.078 (CAMEL)', '3GPP TS 29.002 (O-CSI gsmSCF-Address)', 'GSMA FS.11'],
    falsePositives: ['A home gsmSCF hosted by a vendor under a foreign GT: add it to home.gtPrefixes or home.nodes'],
    tunables: {},
    needsProfile: true,
  },
  create(ctx) {
    return {
      row(r) {
        // MAP: a gsmSCF address for a home subscriber that is not home.
        if (r.gsmscf) {
          const sub = ctx.state.subscriber(r);
          if (!ctx.net.isHomeSubscriber(sub.imsi, sub.msisdn)) return;
          if (ctx.net.isHomeGt(r.gsmscf)) return;
          const scf = ctx.net.ownerOfGt(r.gsmscf);
          const snd = ctx.net.senderOf(r);
          ctx.emit({
            key: `${r.gsmscf}|${sub.imsi ?? sub.msisdn}`,
            rows: [r],
            attacker: { gt: r.gsmscf, network: scf.label, ...(r.calling_gt ? {} : {}) },
            victim: victimOf(sub),
            explanation: `${mapOp(r) === 7 ? 'insertSubscriberData' : r.op_name ?? 'a MAP component'} for ${subLabel(ctx.net, sub)} from ${senderLabel(r, snd)} sets the gsmSCF address to ${r.gsmscf} (${scf.label}); a home subscriber's CAMEL service must point to a home gsmSCF.`,
          });
          return;
        }
        // CAP: initial DP (opcode 0) from our gsmSSF to a foreign gsmSCF for a home subscriber, or CAP connect from a foreign SCF.
        if (r.family !== 'cap' || !isInvoke(r)) return;
        const sub = ctx.state.subscriber(r);
        if (!sub.imsi || !ctx.net.isHomeImsi(sub.imsi)) return;
        const scfGt = r.opcode === 0 ? r.called_gt : r.calling_gt;
        if (!scfGt || ctx.net.isHomeGt(scfGt)) return;
        if (r.opcode === 0 && !ctx.net.isHomeGt(r.calling_gt)) return;
        const o = ctx.net.ownerOfGt(scfGt);
        ctx.emit({
          key: `${scfGt}|${sub.imsi}|cap`,
          rows: [r],
          attacker: { ...attackerOf(r, o), gt: scfGt },
          victim: victimOf(sub),
          explanation: `CAP ${r.op_name ?? 'operation ' + r.opcode} for ${subLabel(ctx.net, sub)} exchanged with gsmSCF ${scfGt} (${o.label}); a home subscriber's calls must be controlled by a home gsmSCF.`,
        });
      },
    };
  },
};
