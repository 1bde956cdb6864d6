/** Helpers shared by detectors: attacker/victim records and trace wording. */
import type { Alert } from '../../model/alert.js';
import type { NetView, Owner } from '../net.js';
import type { CaseState } from '../state.js';
import type { DetectRow } from '../types.js';
import { countryOfE164, countryOfMcc, distanceKm, plmnOfVisited, plmnOfRealm, type Country } from '../geo.js';

export function attackerOf(r: DetectRow, owner: Owner): Alert['attacker'] {
  const a: Alert['attacker'] = {};
  if (r.family === 'diameter') {
    if (r.origin_host) a.host = r.origin_host;
    if (r.origin_realm) a.realm = r.origin_realm;
  } else {
    if (r.calling_gt) a.gt = r.calling_gt;
    if (r.opc != null) a.pc = r.opc;
  }
  a.network = owner.label;
  const c = owner.kind === 'foreign' ? owner.country : undefined;
  if (c) a.country = c.name;
  return a;
}

export function victimOf(s: { imsi?: string | undefined; msisdn?: string | undefined }): Alert['victim'] {
  return { ...(s.imsi ? { imsi: s.imsi } : {}), ...(s.msisdn ? { msisdn: s.msisdn } : {}) };
}

export function subLabel(net: NetView, s: { imsi?: string | undefined; msisdn?: string | undefined }): string {
  if (s.imsi) {
    if (net.isHomeImsi(s.imsi)) return `home IMSI ${s.imsi}`;
    const pa = net.partnerOfImsi(s.imsi);
    const c = countryOfMcc(s.imsi);
    return `inbound roamer IMSI ${s.imsi} (${pa ? pa.name : c ? c.name : 'MCC ' + s.imsi.slice(0, 3)})`;
  }
  if (s.msisdn) return `${net.isHomeMsisdn(s.msisdn) ? 'home ' : ''}MSISDN ${s.msisdn}`;
  return 'an unidentified subscriber';
}

export function senderLabel(r: DetectRow, o: Owner): string {
  if (r.family === 'diameter') return `${r.origin_host ?? '?'} (${o.label})`;
  return r.calling_gt ? `GT ${r.calling_gt} (${o.label})` : `PC ${r.opc ?? '?'} (${o.label})`;
}

/** True when the sender is outside the home network. */
export function isForeign(o: Owner): boolean {
  return o.kind === 'partner' || o.kind === 'foreign';
}

/** Country of the node serving a subscriber (VLR number / SGSN number / Diameter realm/visited PLMN). */
export function servingCountry(s: { node: string; sender: string; kind: string; realm?: string | undefined; visitedPlmn?: string | undefined }, net?: NetView): Country | undefined {
  if (s.kind === 'diameter-ulr') {
    const v = plmnOfVisited(s.visitedPlmn) ?? plmnOfRealm(s.realm);
    return v ? countryOfMcc(v.mcc) : undefined;
  }
  if (net) return net.countryOfNode(s.node) ?? net.countryOfNode(s.sender);
  return countryOfE164(s.node) ?? countryOfE164(s.sender);
}

/** Reasons a location update (MAP UL/UGL, Diameter ULR) is implausible; [] when it looks fine. */
export function locationUpdateDoubts(r: DetectRow, net: NetView, state: CaseState, maxKmh: number, minKm: number): { reasons: string[]; speed?: number; km?: number; prevRow?: DetectRow } {
  const reasons: string[] = [];
  const out: { reasons: string[]; speed?: number; km?: number; prevRow?: DetectRow } = { reasons };
  const sender = net.senderOf(r);
  let newCountry: Country | undefined;
  if (r.family === 'diameter') {
    const vp = plmnOfVisited(r.visited_plmn);
    const rp = plmnOfRealm(r.origin_realm);
    newCountry = vp ? countryOfMcc(vp.mcc) : rp ? countryOfMcc(rp.mcc) : undefined;
    if (vp && rp && (vp.mcc !== rp.mcc || vp.mnc.padStart(3, '0') !== rp.mnc.padStart(3, '0')))
      reasons.push(`Visited-PLMN-Id ${vp.mcc}-${vp.mnc} does not match the origin realm ${r.origin_realm}`);
    if (sender.kind === 'foreign' && net.hasPartners) reasons.push(`${r.origin_realm ?? r.origin_host} is not a roaming partner in the profile`);
  } else {
    const node = r.vlr ?? r.sgsn ?? r.msc;
    // numbering checks on the numbers themselves; the location from the profile where it knows the node
    const gtC = countryOfE164(r.calling_gt);
    const nodeC = countryOfE164(node);
    newCountry = net.countryOfNode(node) ?? net.countryOfNode(r.calling_gt);
    if (gtC && nodeC && !sameNumberingZone(gtC, nodeC) && gtC.lat !== undefined) reasons.push(`VLR/SGSN number ${node} is in ${nodeC.name} but the message came from GT ${r.calling_gt} in ${gtC.name}`);
    if (sender.kind === 'foreign' && net.hasPartners) reasons.push(`${senderLabel(r, sender)} is not a roaming partner in the profile`);
    if (sender.kind === 'foreign' && gtC && gtC.lat === undefined) reasons.push(`GT ${r.calling_gt} is non-geographic numbering (+${gtC.cc}), not a visited PLMN`);
  }
  const prev = state.servingOf(r.imsi);
  if (prev && newCountry) {
    const pc = servingCountry(prev, net);
    const km = distanceKm(pc, newCountry);
    const dt = Math.max(r.ts - prev.ts, 1);
    if (km !== undefined && km >= minKm) {
      const speed = km / (dt / 3600);
      out.km = Math.round(km);
      out.speed = Math.round(speed);
      out.prevRow = prev.row;
      if (speed > maxKmh) reasons.push(`impossible travel: ${pc?.name} → ${newCountry.name}, ${Math.round(km)} km in ${fmtDur(dt)} (${Math.round(speed)} km/h > ${maxKmh})`);
    }
  }
  return out;
}

export function fmtDur(s: number): string {
  if (s < 120) return `${Math.round(s)} s`;
  if (s < 7200) return `${Math.round(s / 60)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}

/** Tunable list of MAP operation names → set of codes (throws on unknown names). */
export function parseOps(names: string[], detector: string, opSet: (n: readonly string[], bad: string[]) => Set<number>): Set<number> {
  const bad: string[] = [];
  const s = opSet(names, bad);
  if (bad.length) throw new Error(`${detector}: unknown MAP operation(s) ${bad.join(', ')}`);
  return s;
}

/** E.164 country code of a country (first code listed for it), e.g. RU → 7, CA → 1. */
export function sameNumberingZone(a: Country | undefined, b: Country | undefined): boolean {
  if (!a || !b) return false;
  if (a.iso === b.iso) return true;
  const ca = 'cc' in a ? (a as { cc: string }).cc : undefined;
  const cb = 'cc' in b ? (b as { cc: string }).cc : undefined;
  // Countries sharing one country code (+1 NANP, +7 Russia/Kazakhstan) cannot be told apart reliably by number.
  return !!ca && ca === cb && (ca === '1' || ca === '7');
}

/**
 * Whether a MAP/Diameter message comes from the network that serves the subscriber according to the
 * location state: the same node, the same partner, or (for nodes not in the profile) the same country.
 */
export function fromServingNetwork(net: NetView, r: DetectRow, s: { node: string; sender: string; kind: string; realm?: string | undefined; visitedPlmn?: string | undefined; row: DetectRow }): boolean {
  const ids = [r.calling_gt, r.origin_host, r.vlr, r.msc].filter(Boolean);
  if (ids.some((x) => x === s.node || x === s.sender || x === s.row.msc || x === s.row.vlr)) return true;
  const a = net.senderOf(r);
  const b = s.kind === 'diameter-ulr' ? net.ownerOfDiameter(s.node, s.realm) : net.ownerOfGt(s.sender || s.node);
  if (a.kind === 'partner' && b.kind === 'partner') return a.partner === b.partner;
  if (a.kind === 'home' && b.kind === 'home') return true;
  const ca = r.family === 'diameter' ? (plmnOfRealm(r.origin_realm) ? countryOfMcc(plmnOfRealm(r.origin_realm)!.mcc) : undefined) : net.countryOfNode(r.calling_gt);
  const cb = servingCountry(s, net);
  if (a.kind === 'partner' || b.kind === 'partner') {
    // One side is a known partner, the other is not: same only if the partner is in that country.
    return !!ca && !!cb && ca.iso === cb.iso && (a.kind !== 'foreign' || !net.hasPartners) && (b.kind !== 'foreign' || !net.hasPartners);
  }
  return !!ca && !!cb && ca.iso === cb.iso;
}
