import { registerSubscriber, smsDelivery } from '../traffic.js';
import { travelHours } from '../countries.js';
import { attacker, atHome, used, victim } from './common.js';
import { vlrP } from '../parties.js';
import type { ScenarioDef } from './types.js';

export const scenario: ScenarioDef = {
  meta: {
    id: 'sms-interception-fake-ul',
    title: 'SMS interception via a fake updateLocation (impossible travel)',
    attack: 'sms-interception',
    category: 'FS.11 Cat 3',
    steps: ['Victim is registered at home (or in a nearby country) minutes earlier.', 'Attacker sends sendAuthenticationInfo/updateLocation for the victim IMSI from a VLR/MSC GT it controls in a distant country.', 'The HLR downloads the profile (insertSubscriberData) to the fake VLR and cancels the real VLR.', 'The next SMS (e.g. a bank one-time password) is routed by SRI-SM to the attacker MSC and delivered to it with MT-ForwardSM.'],
    evidence: ['updateLocation from a VLR in country B shortly after activity in country A (travel time impossible)', 'cancelLocation to the real VLR', 'SRI-SM answer pointing to the attacker MSC and MT-ForwardSM sent to it'],
    mitre: ['T1449', 'T1430.002'],
    distinguish: 'Benign roaming updates respect travel time between countries and come from partners; the fake UL jumps continents in minutes and is followed by MT-SMS delivery to the new node.',
    variants: ['obvious', 'blended', 'evasive', 'lookalike'],
    variantNotes: { obvious: 'unknown far-away network, SMS within a minute', blended: 'unknown network, SMS an hour later among busy traffic', evasive: 'a distant roaming partner’s VLR GT spoofed via its IPX', lookalike: 'a real trip to a neighbouring partner after a plausible travel time, SMS delivered there' },
  },
  spanHours: () => 3,
  build(sc, variant, t, inst) {
    const { rng, world } = sc;
    const v = victim(sc, inst, atHome);
    // Context: the victim was active at home shortly before.
    registerSubscriber(sc, t - 1800e6 - rng.int(1800e6), v, rng.pick(world.home.mscs));
    if (variant === 'lookalike') {
      const near = world.partners.slice().sort((a, b) => travelHours(world.home.country, a.country) - travelHours(world.home.country, b.country))[0]!;
      const t2 = t + travelHours(world.home.country, near.country) * 3.6e9 + 3600e6;
      const r = registerSubscriber(sc, t2, v, rng.pick(near.mscs), inst);
      smsDelivery(sc, r.end + 600e6, rng.pick(world.home.smscs), v, 'Welcome! Roaming rates apply.', world.home.gtPrefix.slice(0, 6) + '100', inst, { deliverTo: v.msc });
      return;
    }
    let a = attacker(sc, variant, inst, v.hlr);
    if (variant === 'evasive') {
      const far = world.partners.filter((p) => p.via && travelHours(world.home.country, p.country) > 6);
      if (far.length) {
        const p = rng.pick(far);
        a = { ...a, net: p, msc: rng.pick(p.mscs) };
        inst.pc = sc.wire.route(a.msc, v.hlr, 0).opc;
      }
    }
    used(inst, a.msc);
    used(inst, vlrP(a.msc));
    const r = registerSubscriber(sc, t, v, a.msc, inst);
    const sms = r.end + (variant === 'obvious' ? 30e6 + rng.int(60e6) : 1800e6 + rng.int(3600e6));
    smsDelivery(sc, sms, rng.pick(world.home.smscs), v, 'Your bank code: ' + rng.digits(6), world.home.gtPrefix.slice(0, 6) + '777', inst, { deliverTo: a.msc });
  },
};
