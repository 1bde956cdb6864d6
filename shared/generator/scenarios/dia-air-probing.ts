import { Avp, DiaCmd, VENDOR_3GPP, grouped, octets, str, u32Avp } from '../../encode/diameter.js';
import { plmnId } from '../../encode/map.js';
import { diaRequest } from '../dialog.js';
import { attacker } from './common.js';
import { diaOrigin } from './dia-common.js';
import type { ScenarioDef } from './types.js';

export const scenario: ScenarioDef = {
  meta: {
    id: 'dia-air-probing',
    title: 'Diameter Authentication-Information-Request probing',
    attack: 'reconnaissance',
    category: 'FS.11 Cat 3',
    steps: ['Attacker sends AIR for a range of IMSIs of the home network to the home HSS.', 'Answers tell which IMSIs exist (vectors) and which do not (DIAMETER_ERROR_USER_UNKNOWN); no ULR follows.'],
    evidence: ['Many AIRs from one Origin-Host for different IMSIs with no following ULR', 'High 5001 (user unknown) experimental result ratio'],
    mitre: ['T1430.002'],
    distinguish: 'A visited MME sends AIR when a subscriber attaches and follows it with ULR; probing sends AIR only, for many IMSIs.',
    variants: ['obvious', 'blended'],
  },
  build(sc, variant, t, inst) {
    const { rng, world } = sc;
    const a = attacker(sc, variant, inst);
    const from = a.mme ?? a.net.dras[0]!;
    const origin = diaOrigin(a, from, inst);
    const n = variant === 'obvious' ? 60 : 20;
    const byImsi = new Map(world.homeSubs.map((s) => [s.imsi, s]));
    const pre = world.home.mcc + world.home.mnc;
    for (let i = 0; i < n; i++) {
      const real = rng.chance(0.4) ? world.homeSubs[rng.int(world.homeSubs.length)]! : undefined;
      const imsi = real ? real.imsi : pre + rng.digits(15 - pre.length);
      const s = byImsi.get(imsi);
      if (s) inst.addVictim(s);
      const hss = s ? s.hss : world.home.hsss[0]!;
      diaRequest(sc, {
        t,
        from,
        to: hss,
        origin,
        cmd: DiaCmd.AIR,
        req: [str(Avp.UserName, imsi), grouped(Avp.RequestedEutranAuthInfo, [u32Avp(Avp.NumberOfRequestedVectors, 1, VENDOR_3GPP)], VENDOR_3GPP), octets(Avp.VisitedPlmnId, plmnId(from.net.mcc, from.net.mnc), VENDOR_3GPP)],
        ...(s ? {} : { result: { experimental: 5001 } }),
        inst,
      });
      t += (variant === 'obvious' ? 2e6 : 60e6) * (0.5 + rng.next());
    }
  },
};
