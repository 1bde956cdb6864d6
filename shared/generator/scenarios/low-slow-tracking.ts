import * as M from '../../encode/map.js';
import { mapRequest } from '../dialog.js';
import { hlrP, locationOf, vlrP } from '../parties.js';
import { A, abroad, attacker, used, victim } from './common.js';
import type { ScenarioDef } from './types.js';

export const scenario: ScenarioDef = {
  meta: {
    id: 'low-slow-tracking',
    title: 'Low-and-slow location tracking over many hours',
    attack: 'location-tracking',
    category: 'FS.11 Cat 2',
    steps: ['Attacker already knows the victim IMSI and serving VLR.', 'Every 40–90 minutes it sends one provideSubscriberInfo (or ATI) for the same subscriber, staying under rate thresholds.', 'Over 10+ hours the answers give the victim’s movement.'],
    evidence: ['Repeated PSI/ATI for one IMSI/MSISDN from the same foreign GT at regular intervals, each answered with location information'],
    mitre: ['T1430', 'T1430.002', 'T1450'],
    distinguish: 'Each message alone is rare but not alarming; the pattern of one GT repeatedly locating the same subscriber for hours, from outside the home network, is.',
    variants: ['blended', 'evasive', 'lookalike'],
    variantNotes: { blended: 'ATI every ~40–60 min from an unknown network', evasive: 'PSI every 60–90 min with a spoofed partner HLR GT', lookalike: 'the subscriber’s own home HLR asking the visited VLR (PSI) a few times' },
  },
  spanHours: () => 12,
  build(sc, variant, t, inst) {
    const { rng } = sc;
    if (variant === 'lookalike') {
      const v = victim(sc, inst, abroad, t);
      for (let i = 0; i < 4; i++) {
        mapRequest(sc, { t, a: hlrP(v.hlr), b: vlrP(v.msc), op: M.MapOp.provideSubscriberInfo, arg: M.provideSubscriberInfoArg(v.imsi), result: M.subscriberInfoRes(locationOf(sc, v.msc)), inst });
        t += 2 * 3600e6 + rng.int(3600e6);
      }
      return;
    }
    const v = victim(sc, inst, undefined, t);
    const a = attacker(sc, variant, inst, v.hlr);
    const n = rng.range(10, 14);
    for (let i = 0; i < n; i++) {
      if (variant === 'blended') {
        const p = A.scf(a);
        used(inst, p);
        mapRequest(sc, { t, a: p, b: hlrP(v.hlr), op: M.MapOp.anyTimeInterrogation, arg: M.anyTimeInterrogationArg({ msisdn: v.msisdn }, p.gt), result: M.subscriberInfoRes(locationOf(sc, v.msc)), inst });
        t += 2400e6 + rng.int(1200e6);
      } else {
        const p = A.hlr(a);
        used(inst, p);
        mapRequest(sc, { t, a: p, b: vlrP(v.msc), op: M.MapOp.provideSubscriberInfo, arg: M.provideSubscriberInfoArg(v.imsi), result: M.subscriberInfoRes(locationOf(sc, v.msc)), inst });
        t += 3600e6 + rng.int(1800e6);
      }
    }
  },
};
