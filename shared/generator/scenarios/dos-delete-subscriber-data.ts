import * as M from '../../encode/map.js';
import { mapRequest } from '../dialog.js';
import { vlrP } from '../parties.js';
import { A, atHome, attacker, used, victim } from './common.js';
import type { ScenarioDef } from './types.js';

export const scenario: ScenarioDef = {
  meta: {
    id: 'dos-delete-subscriber-data',
    title: 'Service denial with deleteSubscriberData',
    attack: 'denial-of-service',
    category: 'FS.11 Cat 2',
    steps: ['Attacker sends deleteSubscriberData to the VLR serving the victim, withdrawing speech teleservices (or the CAMEL subscription).', 'The victim can no longer make or receive calls (or prepaid control is lost).'],
    evidence: ['deleteSubscriberData for a home subscriber from a GT that is not the home HLR'],
    mitre: ['T1464', 'T1430.002'],
    distinguish: 'Only the subscriber’s HLR may change the subscriber profile in the VLR.',
    variants: ['obvious', 'blended', 'evasive'],
  },
  build(sc, variant, t, inst) {
    const v = victim(sc, inst, atHome, t);
    const a = attacker(sc, variant, inst, v.msc);
    const p = A.hlr(a);
    used(inst, p);
    mapRequest(sc, { t, a: p, b: vlrP(v.msc), op: M.MapOp.deleteSubscriberData, arg: M.deleteSubscriberDataArg(v.imsi, variant === 'evasive' ? 'camel' : 'speech'), result: M.emptySeq(), inst });
  },
};
