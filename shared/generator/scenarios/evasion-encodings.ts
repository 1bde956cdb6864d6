/** Shared builder for the five evasion-encoding scenarios (one catalogue entry and file each). */
import * as M from '../../encode/map.js';
import { oidContent } from '../../encode/bytes.js';
import { mapRequest, defaultAcn } from '../dialog.js';
import { hlrP, locationOf } from '../parties.js';
import { mgtFor } from '../world.js';
import { A, attacker, used, victim } from './common.js';
import type { CatalogueEntry, ScenarioDef } from './types.js';

export type Trick = 'global-opcode' | 'malformed-acn' | 'no-dialogue' | 'multi-invoke' | 'e214-mgt';

export function evasionScenario(trick: Trick, meta: Omit<CatalogueEntry, 'attack' | 'category' | 'variants' | 'mitre'> & { mitre?: string[] }): ScenarioDef {
  return {
    meta: { attack: 'evasion', category: 'FS.11 Cat 1', variants: ['evasive'], mitre: meta.mitre ?? ['T1430', 'T1430.002'], ...meta },
    build(sc, _variant, t, inst) {
      const v = victim(sc, inst, undefined, t);
      const a = attacker(sc, 'blended', inst, v.hlr);
      const p = A.scf(a);
      used(inst, p);
      const arg = M.anyTimeInterrogationArg({ msisdn: v.msisdn }, p.gt);
      const res = M.subscriberInfoRes(locationOf(sc, v.msc));
      const base = { t, a: p, b: hlrP(v.hlr), op: M.MapOp.anyTimeInterrogation, arg, result: res, inst };
      switch (trick) {
        case 'global-opcode':
          mapRequest(sc, { ...base, opcode: M.globalOpcodeFor(M.MapOp.anyTimeInterrogation) });
          break;
        case 'malformed-acn':
          // An application context that does not exist (version 9 of anyTimeInfoEnquiry) with a trailing garbage arc.
          mapRequest(sc, { ...base, acn: new Uint8Array([...oidContent(M.mapAcn(M.MapAc.anyTimeInfoEnquiry, 9)), 0x7f]) });
          break;
        case 'no-dialogue':
          mapRequest(sc, { ...base, acn: null });
          break;
        case 'multi-invoke': {
          // ATI hidden behind a harmless first invoke in the same Begin.
          const first = M.sriForSmArg(v.msisdn, p.gt);
          mapRequest(sc, { ...base, op: M.MapOp.sendRoutingInfoForSM, arg: first, acn: defaultAcn(M.MapOp.sendRoutingInfoForSM), result: M.sriForSmRes(v.imsi, v.msc.gt), extraInvokes: [{ type: 'invoke', invokeId: 2, opcode: M.MapOp.anyTimeInterrogation, param: arg }] });
          break;
        }
        case 'e214-mgt':
          mapRequest(sc, { ...base, op: M.MapOp.provideSubscriberInfo, arg: M.provideSubscriberInfoArg(v.imsi), calledFirst: { digits: mgtFor(v), np: 7 } });
          break;
      }
    },
  };
}
