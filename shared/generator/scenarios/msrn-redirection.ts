import * as M from '../../encode/map.js';
import { isupCall, mapRequest } from '../dialog.js';
import { hlrP, mscP, msrnOf, vlrP } from '../parties.js';
import { registerSubscriber } from '../traffic.js';
import { abroad, atHome, attacker, number, used, victim } from './common.js';
import type { ScenarioDef } from './types.js';

export const scenario: ScenarioDef = {
  meta: {
    id: 'msrn-redirection',
    title: 'Call interception via provideRoamingNumber (MSRN redirection)',
    attack: 'call-interception',
    category: 'FS.11 Cat 3',
    steps: ['Attacker registers the victim at its own VLR with a fake updateLocation.', 'A call to the victim arrives; the home GMSC asks the HLR (SRI), the HLR asks the attacker VLR for a roaming number (provideRoamingNumber).', 'The attacker returns an MSRN in its own range; the GMSC routes the call there with ISUP IAM and the attacker can bridge it to the victim.'],
    evidence: ['updateLocation from an unknown VLR', 'provideRoamingNumber sent to that VLR, answered with an MSRN outside any partner range', 'ISUP IAM to that MSRN'],
    mitre: ['T1449', 'T1430.002'],
    distinguish: 'Benign PRN goes to partner VLRs where the subscriber plausibly roams; here the VLR belongs to an unknown network that registered the subscriber moments after it was at home.',
    variants: ['obvious', 'blended', 'lookalike'],
    variantNotes: { lookalike: 'a call to a home subscriber roaming at a partner: PRN to the partner VLR and IAM to the partner MSRN' },
  },
  spanHours: () => 2,
  build(sc, variant, t, inst) {
    const { rng, world } = sc;
    const g = rng.pick(world.home.mscs);
    if (variant === 'lookalike') {
      const v = victim(sc, inst, abroad, t);
      const msrn = msrnOf(sc, v.msc);
      const prn = mapRequest(sc, { t: t + 20000, a: hlrP(v.hlr), b: vlrP(v.msc), op: M.MapOp.provideRoamingNumber, arg: M.provideRoamingNumberArg(v.imsi, v.msc.gt, v.msisdn, g.gt), result: M.provideRoamingNumberRes(msrn), inst });
      const sri = mapRequest(sc, { t, a: mscP(g), b: hlrP(v.hlr), calledFirst: { digits: v.msisdn }, op: M.MapOp.sendRoutingInfo, arg: M.sendRoutingInfoArg(v.msisdn, g.gt), result: M.sendRoutingInfoRes(v.imsi, msrn), rtt: prn.end - t + 10000, inst });
      isupCall(sc, sri.end + 50000, g, v.msc, msrn, number(world.home, rng), inst);
      return;
    }
    const v = victim(sc, inst, atHome);
    registerSubscriber(sc, t - 3600e6, v, rng.pick(world.home.mscs));
    const a = attacker(sc, variant, inst, v.hlr);
    used(inst, a.msc);
    used(inst, vlrP(a.msc));
    const r = registerSubscriber(sc, t, v, a.msc, inst);
    const tc = r.end + (variant === 'obvious' ? 60e6 : 1800e6 + rng.int(1800e6));
    const msrn = msrnOf(sc, a.msc);
    const prn = mapRequest(sc, { t: tc + 20000, a: hlrP(v.hlr), b: vlrP(a.msc), op: M.MapOp.provideRoamingNumber, arg: M.provideRoamingNumberArg(v.imsi, a.msc.gt, v.msisdn, g.gt), result: M.provideRoamingNumberRes(msrn), inst });
    const sri = mapRequest(sc, { t: tc, a: mscP(g), b: hlrP(v.hlr), calledFirst: { digits: v.msisdn }, op: M.MapOp.sendRoutingInfo, arg: M.sendRoutingInfoArg(v.msisdn, g.gt), result: M.sendRoutingInfoRes(v.imsi, msrn), rtt: prn.end - tc + 10000 });
    isupCall(sc, sri.end + 50000, g, a.msc, msrn, number(world.home, rng), inst);
  },
};
