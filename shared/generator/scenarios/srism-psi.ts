import * as M from '../../encode/map.js';
import { mapRequest } from '../dialog.js';
import { locationOf, vlrP } from '../parties.js';
import { smsDelivery } from '../traffic.js';
import { A, attacker, atHome, gap, used, victim } from './common.js';
import { hlrP } from '../parties.js';
import type { ScenarioDef } from './types.js';

export const scenario: ScenarioDef = {
  meta: {
    id: 'srism-psi-tracking',
    title: 'SRI-for-SM then provideSubscriberInfo (IMSI harvest + cell lookup)',
    attack: 'location-tracking',
    category: 'FS.11 Cat 2',
    steps: ['Attacker posing as an SMSC sends sendRoutingInfoForSM for the victim MSISDN to the home HLR.', 'The HLR returns the IMSI and the serving MSC/VLR number; no short message follows.', 'Attacker sends provideSubscriberInfo with that IMSI straight to the serving VLR and receives the cell global id.'],
    evidence: ['SRI-for-SM from a GT that never sends the MT-ForwardSM', 'provideSubscriberInfo to a home VLR from a calling GT that is not the subscriber’s HLR'],
    mitre: ['T1430', 'T1430.002', 'T1450'],
    distinguish: 'PSI for a home subscriber may only come from the home HLR; an SRI-SM that is not followed by MT-ForwardSM from the same SMSC is reconnaissance.',
    variants: ['obvious', 'blended', 'evasive', 'lookalike'],
    variantNotes: { evasive: 'partner SMSC and HLR GTs spoofed via the partner’s IPX, hours between steps', lookalike: 'a partner SMSC SRI-SM followed by the real MT-ForwardSM' },
  },
  build(sc, variant, t, inst) {
    const { rng, world } = sc;
    const v = victim(sc, inst, atHome, t);
    if (variant === 'lookalike') {
      const p = rng.pick(world.partners);
      smsDelivery(sc, t, rng.pick(p.smscs), v, 'Your verification code is 552019', p.msisdnPrefix + rng.digits(p.cc.length + p.nsn - p.msisdnPrefix.length), inst, { deliverTo: v.msc });
      return;
    }
    const a = attacker(sc, variant, inst, v.hlr);
    const sm = A.smsc(a);
    used(inst, sm);
    const r = mapRequest(sc, { t, a: sm, b: hlrP(v.hlr), calledFirst: { digits: v.msisdn }, op: M.MapOp.sendRoutingInfoForSM, arg: M.sriForSmArg(v.msisdn, sm.gt), result: M.sriForSmRes(v.imsi, v.msc.gt), inst });
    const hp = A.hlr(a);
    used(inst, hp);
    const n = variant === 'obvious' ? 3 : 1;
    let tt = r.end + (variant === 'obvious' ? 5e6 : gap(sc, variant));
    for (let i = 0; i < n; i++) {
      mapRequest(sc, { t: tt, a: hp, b: vlrP(v.msc), op: M.MapOp.provideSubscriberInfo, arg: M.provideSubscriberInfoArg(v.imsi), result: M.subscriberInfoRes(locationOf(sc, v.msc)), inst });
      tt += 30e6 + rng.int(60e6);
    }
  },
};
