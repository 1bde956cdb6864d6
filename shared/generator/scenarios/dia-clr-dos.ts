import { Avp, DiaCmd, VENDOR_3GPP, str, u32Avp } from '../../encode/diameter.js';
import { diaRequest } from '../dialog.js';
import { attacker, victim } from './common.js';
import { diaOrigin } from './dia-common.js';
import type { ScenarioDef } from './types.js';

export const scenario: ScenarioDef = {
  meta: {
    id: 'dia-clr-dos',
    title: 'Diameter denial of service with Cancel-Location-Request',
    attack: 'denial-of-service',
    category: 'FS.11 Cat 2',
    steps: ['Attacker sends CLR (Cancellation-Type SUBSCRIPTION_WITHDRAWAL) for the victim IMSI to the home MME.', 'The MME detaches the subscriber, who loses LTE service.'],
    evidence: ['CLR for a home IMSI from a foreign Origin-Realm'],
    mitre: ['T1464'],
    distinguish: 'CLR is sent only by the subscriber’s HSS, after a registration elsewhere.',
    variants: ['obvious', 'evasive'],
  },
  build(sc, variant, t, inst) {
    const v = victim(sc, inst, (s) => s.lte && s.loc === s.net && !!s.mme, t);
    const a = attacker(sc, variant, inst);
    const from = a.hss ?? a.net.dras[0]!;
    const origin = diaOrigin(a, from, inst);
    const mme = v.mme ?? sc.world.home.mmes[0]!;
    diaRequest(sc, { t, from, to: mme, destHost: true, origin, cmd: DiaCmd.CLR, req: [str(Avp.UserName, v.imsi), u32Avp(Avp.CancellationType, variant === 'evasive' ? 0 : 2, VENDOR_3GPP)], inst });
  },
};
