import * as M from '../../encode/map.js';
import { CapOp, CAP_V2_GSMSSF_SCF, connectArg, initialDpArg } from '../../encode/cap.js';
import { isupCall, mapRequest } from '../dialog.js';
import { capScfP, capSsfP, hlrP, vlrP } from '../parties.js';
import { A, atHome, attacker, gap, number, used, victim } from './common.js';
import type { ScenarioDef } from './types.js';

export const scenario: ScenarioDef = {
  meta: {
    id: 'camel-redirection',
    title: 'CAMEL redirection: insertSubscriberData changing the gsmSCF address',
    attack: 'call-redirection',
    category: 'FS.11 Cat 2',
    steps: ['Attacker sends insertSubscriberData to the VLR serving the victim with an O-CSI whose gsmSCF address is the attacker’s.', 'When the victim makes a call the MSC (gsmSSF) sends CAP InitialDP to the attacker gsmSCF.', 'The attacker answers Connect with its own destination; the call goes out by ISUP to the attacker.'],
    evidence: ['insertSubscriberData for a home subscriber from a GT that is not the home HLR, carrying a gsmSCF address outside the home network', 'CAP InitialDP to that gsmSCF and Connect to a foreign number'],
    mitre: ['T1449', 'T1430.002'],
    distinguish: 'ISD only comes from the subscriber’s HLR, and a home subscriber’s gsmSCF is in the home network.',
    variants: ['obvious', 'blended', 'evasive'],
  },
  spanHours: () => 2,
  build(sc, variant, t, inst) {
    const { rng } = sc;
    const v = victim(sc, inst, atHome, t);
    const a = attacker(sc, variant, inst, v.msc);
    const hp = A.hlr(a);
    used(inst, hp);
    const scf = a.scf;
    used(inst, capScfP(scf));
    const r = mapRequest(sc, { t, a: hp, b: vlrP(v.msc), op: M.MapOp.insertSubscriberData, arg: M.insertSubscriberDataArg({ imsi: v.imsi, ocsi: { serviceKey: rng.range(1, 99), gsmScf: scf.gt } }), result: M.insertSubscriberDataRes(), inst });
    const tc = r.end + (variant === 'obvious' ? 120e6 : gap(sc, variant));
    const dest = number(a.net, rng);
    const called = number(sc.world.home, rng);
    const idp = mapRequest(sc, { t: tc, a: capSsfP(v.msc), b: capScfP(scf), op: CapOp.initialDP, acn: CAP_V2_GSMSSF_SCF, arg: initialDpArg({ serviceKey: 11, calling: v.msisdn, calledBcd: called, imsi: v.imsi, mscAddress: v.msc.gt }), endComps: [{ type: 'invoke', invokeId: 1, opcode: CapOp.connect, param: connectArg(dest) }], inst });
    isupCall(sc, idp.end + 40000, v.msc, a.msc, dest, v.msisdn, inst);
    void hlrP;
  },
};
