import * as M from '../../encode/map.js';
import { mapRequest, openInfo } from '../dialog.js';
import { hlrP, vlrP } from '../parties.js';
import { A, abroad, atHome, attacker, gap, number, used, victim } from './common.js';
import type { ScenarioDef } from './types.js';

export const scenario: ScenarioDef = {
  meta: {
    id: 'call-forward-hijack',
    title: 'Call redirection with registerSS / activateSS',
    attack: 'call-redirection',
    category: 'FS.11 Cat 3',
    steps: ['Attacker learns the victim IMSI (e.g. by SRI-for-SM).', 'Acting as the serving VLR, sends registerSS (call forwarding unconditional to an attacker number) to the home HLR, MAP-OPEN destination reference = IMSI.', 'Sends activateSS; calls to the victim are now forwarded to the attacker (premium-rate or interception).'],
    evidence: ['registerSS / activateSS for a home subscriber from a VLR GT other than the one the subscriber is registered at', 'forwarded-to number outside the home network'],
    mitre: ['T1449', 'T1430.002'],
    distinguish: 'Supplementary-service changes come from the VLR where the subscriber is registered; here the subscriber is at home and the request comes from a foreign GT.',
    variants: ['obvious', 'blended', 'evasive', 'lookalike'],
    variantNotes: { lookalike: 'a home subscriber roaming abroad registering call forwarding to a home number through the VLR it is registered at' },
  },
  build(sc, variant, t, inst) {
    const { rng, world } = sc;
    if (variant === 'lookalike') {
      const v = victim(sc, inst, abroad, t);
      const ftn = number(world.home, rng);
      const r = mapRequest(sc, { t, a: vlrP(v.msc), b: hlrP(v.hlr), op: M.MapOp.registerSS, arg: M.registerSsArg(M.SsCode.cfnry, ftn), result: M.ssInfoForwarding(M.SsCode.cfnry, ftn, false), userInfo: openInfo(v.imsi, v.msc.vlrGt), inst });
      mapRequest(sc, { t: r.end + 3e6, a: vlrP(v.msc), b: hlrP(v.hlr), op: M.MapOp.activateSS, arg: M.activateSsArg(M.SsCode.cfnry), result: M.ssInfoForwarding(M.SsCode.cfnry, ftn, true), userInfo: openInfo(v.imsi, v.msc.vlrGt), inst });
      return;
    }
    const v = victim(sc, inst, atHome, t);
    const a = attacker(sc, variant, inst, v.hlr);
    const p = A.vlr(a);
    used(inst, p);
    const ftn = number(a.net, rng);
    if (variant === 'obvious') {
      const sm = A.smsc(a);
      used(inst, sm);
      t = mapRequest(sc, { t, a: sm, b: hlrP(v.hlr), calledFirst: { digits: v.msisdn }, op: M.MapOp.sendRoutingInfoForSM, arg: M.sriForSmArg(v.msisdn, sm.gt), result: M.sriForSmRes(v.imsi, v.msc.gt), inst }).end + 10e6;
    }
    const r = mapRequest(sc, { t, a: p, b: hlrP(v.hlr), op: M.MapOp.registerSS, arg: M.registerSsArg(M.SsCode.cfu, ftn), result: M.ssInfoForwarding(M.SsCode.cfu, ftn, false), userInfo: openInfo(v.imsi, p.gt), inst });
    mapRequest(sc, { t: r.end + (variant === 'obvious' ? 2e6 : gap(sc, variant)), a: p, b: hlrP(v.hlr), op: M.MapOp.activateSS, arg: M.activateSsArg(M.SsCode.cfu), result: M.ssInfoForwarding(M.SsCode.cfu, ftn, true), userInfo: openInfo(v.imsi, p.gt), inst });
  },
};
