/** The network profile an operator would hand the detectors, derived from the simulated world. */
import type { NetworkProfile, PartnerNetwork, ProfileNode } from '../model/profile.js';
import type { Net, World } from './world.js';

export function profileOf(w: World): NetworkProfile {
  const h = w.home;
  const nodes: ProfileNode[] = [];
  for (const sp of h.sps) {
    const n: ProfileNode = { role: sp.role, pc: sp.pc, name: sp.name };
    if (sp.role === 'mme' || sp.role === 'hss' || sp.role === 'dra') n.host = sp.host!;
    else n.gt = sp.gt;
    nodes.push(n);
    if (sp.role === 'msc' && sp.vlrGt) nodes.push({ role: 'vlr', gt: sp.vlrGt, pc: sp.pc, name: sp.name.replace('MSC', 'VLR') });
  }
  const partner = (n: Net, kind: PartnerNetwork['kind']): PartnerNetwork => {
    const p: PartnerNetwork = { name: n.name, kind, gtPrefixes: [n.gtPrefix], pointCodes: n.stps.map((s) => s.pc), realms: n.dras.length ? [n.realm] : [] };
    if (kind !== 'ipx') {
      p.mcc = n.mcc;
      p.mnc = [n.mnc];
      p.cc = n.cc;
    }
    if (n.via) p.via = n.via.name;
    return p;
  };
  return {
    home: {
      name: h.name,
      mcc: h.mcc,
      mnc: [h.mnc],
      cc: h.cc,
      gtPrefixes: [h.gtPrefix],
      msisdnPrefixes: [h.msisdnPrefix],
      pointCodes: h.sps.map((s) => s.pc),
      realms: [h.realm],
      nodes,
    },
    partners: [...w.partners.map((n) => partner(n, 'roaming')), ...w.hubs.map((n) => partner(n, 'sms-hub')), ...w.ipx.map((n) => partner(n, 'ipx'))],
  };
}
