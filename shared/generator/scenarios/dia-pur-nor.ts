import { Avp, DiaCmd, VENDOR_3GPP, str, u32Avp } from '../../encode/diameter.js';
import { diaRequest } from '../dialog.js';
import { attacker, victim } from './common.js';
import { diaOrigin } from './dia-common.js';
import type { ScenarioDef } from './types.js';

export const scenario: ScenarioDef = {
  meta: {
    id: 'dia-pur-nor',
    title: 'Diameter Purge-UE / Notify from a network the subscriber is not in',
    attack: 'denial-of-service',
    category: 'FS.11 Cat 3',
    steps: ['Attacker acting as an MME sends PUR for the victim IMSI to the home HSS (the HSS marks the UE purged).', 'Optionally NOR to alter the subscriber’s registration state.'],
    evidence: ['PUR/NOR for a home IMSI from an Origin-Host/Realm where the subscriber is not registered'],
    mitre: ['T1464'],
    distinguish: 'PUR and NOR come from the MME that currently serves the subscriber.',
    variants: ['obvious', 'blended', 'evasive'],
  },
  build(sc, variant, t, inst) {
    const v = victim(sc, inst, (s) => s.lte && s.loc === s.net && !!s.mme, t);
    const a = attacker(sc, variant, inst);
    const from = a.mme ?? a.net.dras[0]!;
    const origin = diaOrigin(a, from, inst);
    diaRequest(sc, { t, from, to: v.hss, origin, cmd: DiaCmd.PUR, req: [str(Avp.UserName, v.imsi), u32Avp(Avp.PurFlags, 1, VENDOR_3GPP)], ans: [u32Avp(Avp.PuaFlags, 1, VENDOR_3GPP)], inst });
    if (variant !== 'blended') diaRequest(sc, { t: t + 90e6, from, to: v.hss, origin, cmd: DiaCmd.NOR, req: [str(Avp.UserName, v.imsi), u32Avp(Avp.NorFlags, 1, VENDOR_3GPP)], inst });
  },
};
