import * as M from '../../encode/map.js';
import { mapRequest } from '../dialog.js';
import { hlrP } from '../parties.js';
import { A, attacker, gap, used, victim } from './common.js';
import type { ScenarioDef } from './types.js';

export const scenario: ScenarioDef = {
  meta: {
    id: 'send-imsi',
    title: 'IMSI disclosure with sendIMSI',
    attack: 'imsi-disclosure',
    category: 'FS.11 Cat 1',
    steps: ['Attacker sends MAP sendIMSI with the victim MSISDN to the home HLR.', 'The HLR returns the IMSI, the key for every later attack (PSI, fake UL, ISD …).'],
    evidence: ['sendIMSI (opcode 58) arriving on an interconnect link', 'returnResultLast carrying an IMSI back to the foreign GT'],
    mitre: ['T1430.002'],
    distinguish: 'sendIMSI is an intra-PLMN operation (VLR/MSC of the same network); it never legitimately crosses the interconnect.',
    variants: ['obvious', 'blended', 'evasive'],
  },
  build(sc, variant, t, inst) {
    const { rng } = sc;
    const v0 = victim(sc, inst, undefined, t);
    const a = attacker(sc, variant, inst, v0.hlr);
    const p = A.msc(a);
    used(inst, p);
    const n = variant === 'obvious' ? rng.range(12, 20) : variant === 'blended' ? 3 : 2;
    for (let i = 0; i < n; i++) {
      const v = i === 0 ? v0 : victim(sc, inst, undefined, t);
      mapRequest(sc, { t, a: p, b: hlrP(v.hlr), calledFirst: { digits: v.msisdn }, op: M.MapOp.sendIMSI, arg: M.sendImsiArg(v.msisdn), result: M.sendImsiRes(v.imsi), inst });
      t += variant === 'obvious' ? 1e6 + rng.int(4e6) : gap(sc, variant);
    }
  },
};
