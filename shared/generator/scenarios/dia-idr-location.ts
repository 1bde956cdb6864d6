import { idrLocation } from '../traffic.js';
import { attacker, victim } from './common.js';
import { diaOrigin } from './dia-common.js';
import type { ScenarioDef } from './types.js';

export const scenario: ScenarioDef = {
  meta: {
    id: 'dia-idr-location',
    title: 'Diameter location tracking with Insert-Subscriber-Data (IDR location request)',
    attack: 'location-tracking',
    category: 'FS.11 Cat 2',
    steps: ['Attacker with access to the Diameter interconnect sends IDR to the home MME serving the victim, IDR-Flags = EPS Location Information Request + Current Location Request.', 'The MME answers IDA with the E-UTRAN cell global id and tracking area.'],
    evidence: ['IDR for a home IMSI with an Origin-Realm that is not the home realm', 'IDA with EPS-Location-Information sent back'],
    mitre: ['T1430', 'T1430.002'],
    distinguish: 'Only the subscriber’s own HSS sends IDR; for a home subscriber at home that is the home HSS on an internal link.',
    variants: ['obvious', 'evasive', 'lookalike'],
    variantNotes: { lookalike: 'the home HSS asking the visited partner MME for a roaming home subscriber’s location' },
  },
  build(sc, variant, t, inst) {
    const { rng } = sc;
    if (variant === 'lookalike') {
      const v = victim(sc, inst, (s) => s.lte && s.loc !== s.net && !!s.mme, t);
      if (v.mme) idrLocation(sc, t, v.hss, v.mme, v, inst);
      return;
    }
    const v = victim(sc, inst, (s) => s.lte && s.loc === s.net && !!s.mme, t);
    const a = attacker(sc, variant, inst);
    const from = a.hss ?? a.net.dras[0]!;
    const origin = diaOrigin(a, from, inst);
    const mme = v.mme ?? rng.pick(sc.world.home.mmes);
    const n = variant === 'obvious' ? 4 : 1;
    for (let i = 0; i < n; i++) {
      idrLocation(sc, t, from, mme, v, inst, origin);
      t += 60e6 + rng.int(300e6);
    }
  },
};
