import * as M from '../../encode/map.js';
import { mapRequest } from '../dialog.js';
import { hlrP, locationOf, scfP } from '../parties.js';
import { A, attacker, gap, used, victim } from './common.js';
import type { ScenarioDef } from './types.js';

export const scenario: ScenarioDef = {
  meta: {
    id: 'ati-location-tracking',
    title: 'Location tracking with anyTimeInterrogation',
    attack: 'location-tracking',
    category: 'FS.11 Cat 1',
    steps: ['Attacker with an SS7 interconnect (unknown network via an IPX) knows the victim MSISDN.', 'Sends anyTimeInterrogation (locationInformation + subscriberState) to the home HLR, called GT = HLR or MSISDN.', 'HLR answers with VLR number, cell global id and age of location; the attacker repeats to follow the victim.'],
    evidence: ['TCAP Begin with MAP anyTimeInterrogation (opcode 71) from a calling GT outside the home network', 'returnResultLast with LocationInformation (CGI, VLR number) sent back to that GT'],
    mitre: ['T1430', 'T1430.002', 'T1450'],
    distinguish: 'ATI is only legitimate from the home gsmSCF/GMLC inside the home network; any ATI on an interconnect link is a Category 1 violation.',
    variants: ['obvious', 'blended', 'evasive', 'lookalike'],
    variantNotes: { obvious: 'burst of ATIs against one victim within minutes from an unknown GT', blended: 'a few ATIs spread over busy hours', evasive: 'a roaming partner gsmSCF GT spoofed through the partner’s IPX, IMSI as identity', lookalike: 'the home gsmSCF interrogating the home HLR (internal link)' },
  },
  build(sc, variant, t, inst) {
    const { rng, world } = sc;
    const v = victim(sc, inst, undefined, t);
    if (variant === 'lookalike') {
      const scf = rng.pick(world.home.scfs);
      for (let i = 0; i < 3; i++) {
        mapRequest(sc, { t, a: scfP(scf), b: hlrP(v.hlr), op: M.MapOp.anyTimeInterrogation, arg: M.anyTimeInterrogationArg({ msisdn: v.msisdn }, scf.gt), result: M.subscriberInfoRes(locationOf(sc, v.msc)), inst });
        t += 1800e6 + rng.int(3600e6);
      }
      return;
    }
    const a = attacker(sc, variant, inst, v.hlr);
    const p = A.scf(a);
    used(inst, p);
    const n = variant === 'obvious' ? rng.range(8, 15) : variant === 'blended' ? rng.range(3, 4) : rng.range(2, 3);
    for (let i = 0; i < n; i++) {
      const target = variant === 'evasive' ? { imsi: v.imsi } : { msisdn: v.msisdn };
      mapRequest(sc, { t, a: p, b: hlrP(v.hlr), ...(variant !== 'evasive' ? { calledFirst: { digits: v.msisdn } } : {}), op: M.MapOp.anyTimeInterrogation, arg: M.anyTimeInterrogationArg(target, p.gt), result: M.subscriberInfoRes(locationOf(sc, v.msc)), inst });
      t += variant === 'obvious' ? 20e6 + rng.int(60e6) : gap(sc, variant);
    }
  },
};
