import * as M from '../../encode/map.js';
import { mapRequest } from '../dialog.js';
import { hlrP, locationOf, vlrP } from '../parties.js';
import { attacker, atHome, victim } from './common.js';
import type { ScenarioDef } from './types.js';

export const scenario: ScenarioDef = {
  meta: {
    id: 'gt-spoofing-home',
    title: 'GT spoofing: a home GT arriving from a foreign point code',
    attack: 'gt-spoofing',
    category: 'FS.11 Cat 2',
    steps: ['Attacker sets its calling GT to one of the home network’s own node GTs (HLR or gsmSCF) to pass GT-based screening.', 'Sends provideSubscriberInfo to a home VLR (or ATI to the HLR) over the interconnect; the MTP OPC is the IPX/foreign STP.'],
    evidence: ['Calling GT inside the home GT range on a message whose OPC is a foreign/IPX point code'],
    mitre: ['T1430.002'],
    distinguish: 'Home GTs never reach the home network over the international interconnect; the point code/association is inconsistent with the GT.',
    variants: ['obvious', 'evasive'],
  },
  build(sc, variant, t, inst) {
    const { rng, world } = sc;
    const v = victim(sc, inst, atHome, t);
    const a = attacker(sc, variant === 'obvious' ? 'obvious' : 'blended', inst, v.msc);
    if (variant === 'obvious') {
      const gt = v.hlr.gt;
      inst.gts.add(gt);
      mapRequest(sc, { t, a: { sp: a.hlr, gt, ssn: 6 }, b: vlrP(v.msc), op: M.MapOp.provideSubscriberInfo, arg: M.provideSubscriberInfoArg(v.imsi), result: M.subscriberInfoRes(locationOf(sc, v.msc)), inst });
    } else {
      const scf = rng.pick(world.home.scfs);
      inst.gts.add(scf.gt);
      mapRequest(sc, { t, a: { sp: a.scf, gt: scf.gt, ssn: 147 }, b: hlrP(v.hlr), op: M.MapOp.anyTimeInterrogation, arg: M.anyTimeInterrogationArg({ msisdn: v.msisdn }, scf.gt), result: M.subscriberInfoRes(locationOf(sc, v.msc)), inst });
    }
  },
};
