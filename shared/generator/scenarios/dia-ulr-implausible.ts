import { travelHours } from '../countries.js';
import { registerLte } from '../traffic.js';
import { attacker, victim } from './common.js';
import type { ScenarioDef } from './types.js';

export const scenario: ScenarioDef = {
  meta: {
    id: 'dia-ulr-implausible',
    title: 'Diameter Update-Location from an implausible visited network',
    attack: 'sms-interception',
    category: 'FS.11 Cat 3',
    steps: ['Victim is attached at home.', 'Attacker sends AIR then ULR for the victim IMSI with a Visited-PLMN-Id of a distant network minutes later.', 'The HSS accepts, cancels the home MME (CLR) and routes services to the attacker.'],
    evidence: ['ULR whose Visited-PLMN-Id country cannot be reached from the last location in the elapsed time', 'CLR to the previous MME'],
    mitre: ['T1449'],
    distinguish: 'Real ULRs from partners follow plausible travel times; this one jumps continents in minutes.',
    variants: ['obvious', 'evasive', 'lookalike'],
    variantNotes: { lookalike: 'a plausible trip to the nearest partner, ULR after the travel time' },
  },
  spanHours: () => 3,
  build(sc, variant, t, inst) {
    const { rng, world } = sc;
    const v = victim(sc, inst, (s) => s.lte && s.loc === s.net && !!s.mme);
    registerLte(sc, t - 1200e6, v, rng.pick(world.home.mmes));
    if (variant === 'lookalike') {
      const near = world.partners.filter((p) => p.mmes.length).sort((a, b) => travelHours(world.home.country, a.country) - travelHours(world.home.country, b.country))[0]!;
      registerLte(sc, t + travelHours(world.home.country, near.country) * 3.6e9 + 1800e6, v, rng.pick(near.mmes), inst);
      return;
    }
    const a = attacker(sc, variant, inst);
    let mme = a.mme!;
    if (variant === 'evasive') {
      const far = world.partners.filter((p) => p.mmes.length && travelHours(world.home.country, p.country) > 6);
      if (far.length) mme = rng.pick(rng.pick(far).mmes);
    }
    inst.host = mme.host!;
    inst.realm = mme.net.realm;
    inst.pc = null;
    registerLte(sc, t, v, mme, inst);
  },
};
