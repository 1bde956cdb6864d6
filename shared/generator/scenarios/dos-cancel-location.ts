import * as M from '../../encode/map.js';
import { mapRequest } from '../dialog.js';
import { vlrP } from '../parties.js';
import { A, atHome, attacker, used, victim } from './common.js';
import type { ScenarioDef } from './types.js';

export const scenario: ScenarioDef = {
  meta: {
    id: 'dos-cancel-location',
    title: 'Subscriber denial of service with cancelLocation',
    attack: 'denial-of-service',
    category: 'FS.11 Cat 2',
    steps: ['Attacker knows the victim IMSI and serving VLR.', 'Sends cancelLocation (as if from the HLR) to the VLR; the VLR deletes the subscriber, who can no longer receive calls or SMS until the next location update.'],
    evidence: ['cancelLocation for a home subscriber from a calling GT that is not the home HLR, on an interconnect link'],
    mitre: ['T1464', 'T1430.002'],
    distinguish: 'Only the subscriber’s own HLR sends cancelLocation, and only after the subscriber registered elsewhere.',
    variants: ['obvious', 'blended', 'evasive'],
  },
  build(sc, variant, t, inst) {
    const { rng } = sc;
    const v = victim(sc, inst, atHome, t);
    const a = attacker(sc, variant, inst, v.msc);
    const p = A.hlr(a);
    used(inst, p);
    const n = variant === 'obvious' ? 5 : 1;
    for (let i = 0; i < n; i++) {
      mapRequest(sc, { t, a: p, b: vlrP(v.msc), op: M.MapOp.cancelLocation, arg: M.cancelLocationArg(v.imsi, variant === 'evasive' ? 0 : 1), result: null, inst });
      t += 60e6 + rng.int(120e6);
    }
  },
};
