import * as M from '../../encode/map.js';
import { mapRequest } from '../dialog.js';
import { hlrP } from '../parties.js';
import { A, atHome, attacker, used, victim } from './common.js';
import type { ScenarioDef } from './types.js';

export const scenario: ScenarioDef = {
  meta: {
    id: 'dos-purge-ms',
    title: 'Subscriber denial of service with purgeMS',
    attack: 'denial-of-service',
    category: 'FS.11 Cat 3',
    steps: ['Attacker, acting as a VLR, sends purgeMS for the victim IMSI to the home HLR.', 'The HLR marks the subscriber purged: incoming calls and SMS fail as absent subscriber.'],
    evidence: ['purgeMS from a VLR GT the subscriber is not registered at'],
    mitre: ['T1464', 'T1430.002'],
    distinguish: 'Legitimate purgeMS comes from the VLR where the subscriber was last registered.',
    variants: ['obvious', 'blended', 'evasive'],
  },
  build(sc, variant, t, inst) {
    const v = victim(sc, inst, atHome, t);
    const a = attacker(sc, variant, inst, v.hlr);
    const p = { sp: a.msc, gt: a.msc.vlrGt!, ssn: 7 };
    used(inst, p);
    mapRequest(sc, { t, a: p, b: hlrP(v.hlr), op: M.MapOp.purgeMS, arg: M.purgeMSArg(v.imsi, p.gt), result: M.emptySeq(), inst });
    if (variant === 'obvious') mapRequest(sc, { t: t + 30e6, a: p, b: hlrP(v.hlr), op: M.MapOp.purgeMS, arg: M.purgeMSArg(v.imsi, p.gt), result: M.emptySeq(), inst });
    void A;
  },
};
