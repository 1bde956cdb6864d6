/** Network profile → prefix/exact match rows used to label `nodes` (network, relation, role). */
import type { NetworkProfile } from '../model/profile.js';
import type { ProfileMatch } from './derived.js';

export function profileMatches(p: NetworkProfile | undefined): ProfileMatch[] {
  if (!p) return [];
  const out: ProfileMatch[] = [];
  const h = p.home;
  for (const g of h.gtPrefixes ?? []) out.push({ kind: 'gt', value: g, network: h.name, relation: 'home', role: null });
  for (const pc of h.pointCodes ?? []) out.push({ kind: 'pc', value: String(pc), network: h.name, relation: 'home', role: null });
  for (const r of h.realms ?? []) out.push({ kind: 'realm', value: r, network: h.name, relation: 'home', role: null });
  for (const n of h.nodes ?? []) {
    if (n.gt) out.push({ kind: 'gt', value: n.gt, network: h.name, relation: 'home', role: n.role });
    if (n.pc !== undefined) out.push({ kind: 'pc', value: String(n.pc), network: h.name, relation: 'home', role: n.role });
    if (n.host) out.push({ kind: 'host', value: n.host, network: h.name, relation: 'home', role: n.role });
  }
  for (const pt of p.partners ?? []) {
    for (const g of pt.gtPrefixes ?? []) out.push({ kind: 'gt', value: g, network: pt.name, relation: 'partner', role: null });
    for (const pc of pt.pointCodes ?? []) out.push({ kind: 'pc', value: String(pc), network: pt.name, relation: 'partner', role: null });
    for (const r of pt.realms ?? []) out.push({ kind: 'realm', value: r, network: pt.name, relation: 'partner', role: null });
  }
  return out;
}
