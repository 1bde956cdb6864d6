import * as M from '../../encode/map.js';
import { smsSubmit } from '../../encode/sms.js';
import { mapRequest } from '../dialog.js';
import { mscP, smscP } from '../parties.js';
import { A, abroad, atHome, attacker, number, used, victim } from './common.js';
import type { ScenarioDef } from './types.js';

export const scenario: ScenarioDef = {
  meta: {
    id: 'mo-sms-spoofing',
    title: 'MO-SMS spoofing in the victim’s name',
    attack: 'sms-spoofing',
    category: 'FS.11 Cat 3',
    steps: ['Attacker, acting as a visited MSC, sends mo-forwardSM to the home SMSC with SM-RP-OA = the victim MSISDN.', 'The SMSC accepts and delivers (and bills) the message as sent by the victim.'],
    evidence: ['mo-forwardSM from an MSC GT the subscriber is not registered at, originator = home subscriber at home'],
    mitre: ['T1430.002'],
    distinguish: 'Roaming subscribers send MO-SMS through the MSC where they are registered; here the subscriber is at home.',
    variants: ['obvious', 'blended', 'evasive', 'lookalike'],
    variantNotes: { lookalike: 'a roaming home subscriber sending SMS through the visited partner MSC' },
  },
  build(sc, variant, t, inst) {
    const { rng, world } = sc;
    const smsc = rng.pick(world.home.smscs);
    if (variant === 'lookalike') {
      const v = victim(sc, inst, abroad, t);
      mapRequest(sc, { t, a: mscP(v.msc), b: smscP(smsc), op: M.MapOp.moForwardSM, arg: M.moForwardSmArg(smsc.gt, v.msisdn, smsSubmit(7, number(world.home, rng), 'Arrived safely'), v.imsi), result: null, inst });
      return;
    }
    const v = victim(sc, inst, atHome, t);
    const a = attacker(sc, variant, inst, smsc);
    const p = A.msc(a);
    used(inst, p);
    const n = variant === 'obvious' ? 6 : 1;
    for (let i = 0; i < n; i++) {
      mapRequest(sc, { t, a: p, b: smscP(smsc), op: M.MapOp.moForwardSM, arg: M.moForwardSmArg(smsc.gt, v.msisdn, smsSubmit(rng.int(256), number(world.home, rng), 'Urgent: send me the code you just received')), result: null, inst });
      t += 10e6 + rng.int(30e6);
    }
  },
};
