/** Behavioural: provideRoamingNumber answered with a roaming number that does not belong to the serving network. */
import type { Detector } from '../types.js';
import { isResult, mapOp } from '../ops.js';
import { attackerOf, sameNumberingZone, senderLabel, subLabel, victimOf } from './common.js';
import { countryOfE164 } from '../geo.js';

export const detector: Detector = {
  meta: {
    id: 'msrn-redirection',
    title: 'MSRN redirection',
    description:
      'The MSRN returned by provideRoamingNumber must be a number of the visited network that serves the subscriber. An MSRN in another country than the answering VLR, or than the VLR the subscriber registered with, routes the terminating call elsewhere (call interception / toll fraud).',
    severity: 'critical',
    category: 'behavioural',
    techniques: ['T1449', 'T1616'],
    references: ['3GPP TS 23.018 (MT call, roaming number)', '3GPP TS 29.002 §10.2 (provideRoamingNumber)', 'GSMA FS.11'],
    falsePositives: ['Visited networks that allocate MSRNs from another country’s numbering (rare; suppress the partner)'],
    tunables: {},
    needsProfile: true,
  },
  create(ctx) {
    return {
      row(r) {
        if (!isResult(r) || mapOp(r) !== 4 || !r.msrn) return;
        const req = ctx.state.requestOf();
        const responder = r.calling_gt ?? req?.called_gt;
        const mc = countryOfE164(r.msrn);
        const rc = countryOfE164(responder);
        const sub = ctx.state.subscriber(r);
        const s = ctx.state.servingOf(sub.imsi);
        const sc = s ? countryOfE164(s.node) : undefined;
        const reasons: string[] = [];
        if (mc && rc && !sameNumberingZone(mc, rc) && rc.lat !== undefined) reasons.push(`the answering VLR ${responder} is in ${rc.name} but MSRN ${r.msrn} is in ${mc.name}`);
        // A home VLR answering with a home MSRN keeps the call in the home network, where the HLR that sent the
        // request has the subscriber: the registration seen earlier is stale (the update home was not captured).
        const homeAnswer = !!mc && !!rc && sameNumberingZone(mc, rc) && ctx.net.isHomeGt(responder);
        if (mc && sc && !sameNumberingZone(mc, sc) && !homeAnswer) reasons.push(`the subscriber is registered at VLR ${s!.node} in ${sc.name}`);
        if (mc && mc.lat === undefined) reasons.push(`MSRN ${r.msrn} is non-geographic numbering (+${mc.cc})`);
        if (!reasons.length) return;
        const o = ctx.net.ownerOfGt(responder);
        ctx.emit({
          key: `${responder}|${sub.imsi ?? sub.msisdn}|${r.msrn}`,
          rows: req ? [req, r] : [r],
          attacker: { ...attackerOf(r, o), ...(responder ? { gt: responder } : {}) },
          victim: victimOf(sub),
          explanation: `provideRoamingNumber for ${subLabel(ctx.net, sub)} answered by ${senderLabel(r, o)} with MSRN ${r.msrn}: ${reasons.join('; ')}; the terminating call would be routed away from the serving network.`,
        });
      },
    };
  },
};
