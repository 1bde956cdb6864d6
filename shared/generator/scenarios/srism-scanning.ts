import * as M from '../../encode/map.js';
import { mapRequest } from '../dialog.js';
import { hlrP } from '../parties.js';
import { smsDelivery } from '../traffic.js';
import { A, attacker, used } from './common.js';
import type { ScenarioDef } from './types.js';

export const scenario: ScenarioDef = {
  meta: {
    id: 'srism-scanning',
    title: 'Mass scanning with SRI-for-SM',
    attack: 'reconnaissance',
    category: 'FS.11 Cat 2',
    steps: ['Attacker walks a block of the operator’s MSISDN range with sendRoutingInfoForSM.', 'Answers reveal which numbers exist, their IMSI and serving MSC; most requests fail with unknownSubscriber.', 'No MT-ForwardSM ever follows.'],
    evidence: ['Many SRI-for-SM from one GT for sequential MSISDNs', 'High unknownSubscriber / absentSubscriberSM error ratio', 'No MT-ForwardSM from that GT'],
    mitre: ['T1430.002'],
    distinguish: 'SMS hubs send many SRI-SM too, but each is followed by MT-ForwardSM for real subscribers; scanners hit sequential, mostly unknown numbers.',
    variants: ['obvious', 'blended', 'evasive', 'lookalike'],
    variantNotes: { obvious: '200–300 numbers in minutes', blended: '80 numbers over an hour', evasive: '40 numbers over eight hours from a spoofed hub/partner SMSC GT', lookalike: 'an SMS hub delivering a burst of notifications (SRI-SM + MT-ForwardSM each)' },
  },
  spanHours: (v) => (v === 'evasive' ? 8 : 1),
  build(sc, variant, t, inst) {
    const { rng, world } = sc;
    if (variant === 'lookalike') {
      const hub = rng.pick(world.hubs);
      const sc0 = rng.pick(hub.smscs);
      for (let i = 0; i < 40; i++) {
        const v = world.homeSubs[rng.int(world.homeSubs.length)]!;
        if (sc.benign.reserved.has(v.idx)) continue;
        // reserved like any scenario subscriber: benign travel must not move it away from where this delivery shows it
        sc.benign.reserved.add(v.idx);
        inst.addVictim(v);
        smsDelivery(sc, t, sc0, v, 'Parcel 4471 arrives today', hub.msisdnPrefix + '1000', inst, { deliverTo: v.msc });
        t += 3e6 + rng.int(20e6);
      }
      return;
    }
    const a = attacker(sc, variant, inst);
    const p = A.smsc(a);
    used(inst, p);
    const n = variant === 'obvious' ? rng.range(200, 300) : variant === 'blended' ? 80 : 40;
    const span = variant === 'obvious' ? 300e6 : variant === 'blended' ? 3600e6 : 8 * 3600e6;
    const byMsisdn = new Map(world.homeSubs.map((s) => [s.msisdn, s]));
    const base = world.homeSubs[rng.int(world.homeSubs.length)]!.msisdn;
    const width = base.length;
    let num = BigInt(base) - BigInt(Math.floor(n / 2));
    const hlrs = world.home.hlrs;
    for (let i = 0; i < n; i++, num++) {
      const msisdn = num.toString().padStart(width, '0');
      const s = byMsisdn.get(msisdn);
      const hlr = s ? s.hlr : hlrs[i % hlrs.length]!;
      if (s) inst.addVictim(s);
      mapRequest(sc, {
        t,
        a: p,
        b: hlrP(hlr),
        calledFirst: { digits: msisdn },
        op: M.MapOp.sendRoutingInfoForSM,
        arg: M.sriForSmArg(msisdn, p.gt),
        ...(s ? (rng.chance(0.15) ? { error: M.MapErr.absentSubscriberSM } : { result: M.sriForSmRes(s.imsi, s.msc.gt) }) : { error: M.MapErr.unknownSubscriber }),
        inst,
      });
      t += (span / n) * (0.5 + rng.next());
    }
  },
};
