import * as M from '../../encode/map.js';
import { ussdPack } from '../../encode/sms.js';
import { mapRequest, openInfo } from '../dialog.js';
import { hlrP, vlrP } from '../parties.js';
import { A, abroad, atHome, attacker, number, used, victim } from './common.js';
import type { ScenarioDef } from './types.js';

export const scenario: ScenarioDef = {
  meta: {
    id: 'ussd-fraud',
    title: 'USSD fraud: credit transfer / account change on behalf of the victim',
    attack: 'fraud',
    category: 'FS.11 Cat 3',
    steps: ['Attacker, acting as the victim’s VLR, sends processUnstructuredSS-Request to the home HLR with a credit-transfer or call-forward USSD string.', 'The USSD application executes it as if the subscriber had dialled it.', 'Variant: unstructuredSS-Notify / -Request pushed to the victim’s VLR to phish the subscriber.'],
    evidence: ['processUnstructuredSS-Request for a home subscriber from a VLR GT where the subscriber is not registered', 'USSD strings that transfer credit to a foreign number'],
    mitre: ['T1449', 'T1430.002'],
    distinguish: 'A subscriber’s USSD requests come from the VLR it is registered at; the attacker’s come from elsewhere while the subscriber is at home.',
    variants: ['obvious', 'blended', 'evasive', 'lookalike'],
    variantNotes: { evasive: 'unstructuredSS-Notify pushed to the home VLR with a spoofed partner HLR GT', lookalike: 'a roaming home subscriber checking balance from the visited VLR' },
  },
  build(sc, variant, t, inst) {
    const { rng, world } = sc;
    if (variant === 'lookalike') {
      const v = victim(sc, inst, abroad, t);
      mapRequest(sc, { t, a: vlrP(v.msc), b: hlrP(v.hlr), op: M.MapOp.processUnstructuredSSRequest, arg: M.ussdArg(ussdPack('*100#'), v.msisdn), result: M.ussdArg(ussdPack('Balance 7.20 EUR')), userInfo: openInfo(v.imsi, v.msisdn), inst });
      return;
    }
    const v = victim(sc, inst, atHome, t);
    const a = attacker(sc, variant, inst, v.hlr);
    if (variant === 'evasive') {
      const p = A.hlr(a);
      used(inst, p);
      mapRequest(sc, { t, a: p, b: vlrP(v.msc), op: M.MapOp.unstructuredSSNotify, arg: M.ussdArg(ussdPack('Your account is locked. Call +' + number(a.net, rng))), result: null, userInfo: openInfo(v.imsi, p.gt), inst });
      return;
    }
    const p = A.vlr(a);
    used(inst, p);
    const n = variant === 'obvious' ? 4 : 1;
    for (let i = 0; i < n; i++) {
      const str = `*141*${number(world.home, rng)}*${rng.range(5, 20)}#`;
      mapRequest(sc, { t, a: p, b: hlrP(v.hlr), op: M.MapOp.processUnstructuredSSRequest, arg: M.ussdArg(ussdPack(str), v.msisdn), result: M.ussdArg(ussdPack('Transfer done')), userInfo: openInfo(v.imsi, v.msisdn), inst });
      t += 20e6 + rng.int(40e6);
    }
  },
};
