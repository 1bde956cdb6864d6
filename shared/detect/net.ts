/**
 * NetView: who is who, from the profile (home, partners, nodes) with the country tables as
 * fallback. Every answer carries a label used in rule traces.
 */
import type { NetworkProfile, PartnerNetwork, ProfileNode } from '../model/profile.js';
import { countryOfE164, countryOfMcc, plmnOfRealm, type Country } from './geo.js';

export type Owner =
  | { kind: 'home'; label: string; node?: ProfileNode }
  | { kind: 'partner'; label: string; partner: PartnerNetwork }
  | { kind: 'foreign'; label: string; country?: Country; cc?: string }
  | { kind: 'unknown'; label: string };

function longestPrefix(d: string, prefixes: readonly string[]): number {
  let best = -1;
  for (const p of prefixes) if (p.length > best && d.startsWith(p)) best = p.length;
  return best;
}

export class NetView {
  readonly profile: NetworkProfile | null;
  private readonly homePcs: Set<number>;
  private readonly homeNodeByGt = new Map<string, ProfileNode>();
  private readonly homeHosts = new Set<string>();
  private readonly homeRealms: string[];
  private readonly gtCache = new Map<string, Owner>();
  private readonly pcCache = new Map<number, PartnerNetwork | undefined>();

  constructor(profile: NetworkProfile | null) {
    this.profile = profile;
    this.homePcs = new Set(profile?.home.pointCodes ?? []);
    for (const n of profile?.home.nodes ?? []) {
      if (n.gt) this.homeNodeByGt.set(n.gt, n);
      if (n.pc !== undefined) this.homePcs.add(n.pc);
      if (n.host) this.homeHosts.add(n.host.toLowerCase());
    }
    this.homeRealms = (profile?.home.realms ?? []).map((r) => r.toLowerCase());
    if (profile) this.homeRealms.push(`mnc${profile.home.mnc[0]?.padStart(3, '0')}.mcc${profile.home.mcc}.3gppnetwork.org`);
  }

  get hasProfile(): boolean {
    return this.profile !== null;
  }

  /** Owner of a GT / E.164 address. */
  ownerOfGt(gt: string | null | undefined): Owner {
    if (!gt) return { kind: 'unknown', label: 'no GT' };
    // Detectors ask about the same one or two GTs (calling, called) many times per row.
    if (gt === this.lastGt) return this.lastOwner!;
    if (gt === this.prevGt) return this.prevOwner!;
    let o = this.gtCache.get(gt);
    if (!o) {
      o = this.classifyGt(gt);
      if (this.gtCache.size > 200_000) this.gtCache.clear();
      this.gtCache.set(gt, o);
    }
    this.prevGt = this.lastGt;
    this.prevOwner = this.lastOwner;
    this.lastGt = gt;
    this.lastOwner = o;
    return o;
  }

  private lastGt: string | undefined;
  private lastOwner: Owner | undefined;
  private prevGt: string | undefined;
  private prevOwner: Owner | undefined;

  private classifyGt(gt: string): Owner {
    const p = this.profile;
    if (p) {
      const node = this.homeNodeByGt.get(gt);
      if (node) return { kind: 'home', label: `home ${node.name ?? node.role.toUpperCase()}`, node };
      const hl = longestPrefix(gt, p.home.gtPrefixes);
      let best: PartnerNetwork | undefined;
      let bl = -1;
      for (const pa of p.partners) {
        const l = longestPrefix(gt, pa.gtPrefixes);
        if (l > bl) {
          bl = l;
          best = pa;
        }
      }
      if (hl >= 0 && hl >= bl) return { kind: 'home', label: `home network ${p.home.name}` };
      if (best && bl >= 0) return { kind: 'partner', label: `${best.kind} partner ${best.name}`, partner: best };
    }
    const c = countryOfE164(gt);
    if (!c) return { kind: 'unknown', label: 'unknown numbering' };
    const nonGeo = c.lat === undefined;
    const label = nonGeo ? `unknown network +${c.cc} (${c.name})` : p && c.cc === p.home.cc ? `another national network +${c.cc}` : `network in ${c.name} (+${c.cc})`;
    return { kind: 'foreign', label, country: c, cc: c.cc };
  }

  isHomeGt(gt: string | null | undefined): boolean {
    return this.ownerOfGt(gt).kind === 'home';
  }

  isHomePc(pc: number | null | undefined): boolean {
    return pc != null && this.homePcs.has(pc);
  }

  /** Partner that owns a point code, if any. */
  partnerOfPc(pc: number | null | undefined): PartnerNetwork | undefined {
    if (pc == null || !this.profile) return undefined;
    if (this.pcCache.has(pc)) return this.pcCache.get(pc);
    const pa = this.profile.partners.find((p) => p.pointCodes?.includes(pc));
    if (this.pcCache.size > 100_000) this.pcCache.clear();
    this.pcCache.set(pc, pa);
    return pa;
  }

  /** Home subscriber by IMSI (MCC + one of the home MNCs). */
  isHomeImsi(imsi: string | null | undefined): boolean {
    const h = this.profile?.home;
    if (!imsi || !h || !imsi.startsWith(h.mcc)) return false;
    for (const m of h.mnc) if (imsi.startsWith(m, 3)) return true;
    return false;
  }

  /** Home subscriber by MSISDN (msisdnPrefixes, else the home GT prefixes). */
  isHomeMsisdn(msisdn: string | null | undefined): boolean {
    const h = this.profile?.home;
    if (!msisdn || !h) return false;
    const pre = h.msisdnPrefixes.length ? h.msisdnPrefixes : [];
    return pre.some((p) => msisdn.startsWith(p));
  }

  isHomeSubscriber(imsi: string | null | undefined, msisdn: string | null | undefined): boolean {
    return this.isHomeImsi(imsi) || (!imsi && this.isHomeMsisdn(msisdn));
  }

  /** Partner whose MCC/MNC matches an IMSI. */
  partnerOfImsi(imsi: string | null | undefined): PartnerNetwork | undefined {
    if (!imsi || !this.profile) return undefined;
    return this.profile.partners.find((p) => p.mcc && imsi.startsWith(p.mcc) && (p.mnc ?? []).some((m) => imsi.startsWith(m, 3)));
  }

  /**
   * Whether `gt` plausibly belongs to the home network of the subscriber `imsi`
   * (the partner's GT prefixes when the IMSI's PLMN is a known partner, else the same country).
   */
  gtBelongsToImsiHome(gt: string | null | undefined, imsi: string): { ok: boolean; why: string } {
    if (this.isHomeImsi(imsi)) return { ok: this.isHomeGt(gt), why: 'home network' };
    const pa = this.partnerOfImsi(imsi);
    const owner = this.ownerOfGt(gt);
    if (pa && pa.gtPrefixes.length) {
      const ok = owner.kind === 'partner' && owner.partner === pa;
      return { ok, why: `partner ${pa.name} (GT prefixes ${pa.gtPrefixes.join(',')})` };
    }
    const mc = countryOfMcc(imsi);
    const gc = owner.kind === 'foreign' ? owner.country : owner.kind === 'partner' ? countryOfE164(gt ?? '') : undefined;
    const ok = !!mc && !!gc && mc.iso === gc.iso;
    return { ok, why: mc ? `a network in ${mc.name} (MCC ${mc.mcc})` : `MCC ${imsi.slice(0, 3)}` };
  }

  private readonly nodeCountryCache = new Map<string, Country | undefined>();

  /**
   * Country of a network node's E.164 number (GT, VLR/MSC/SGSN number): the profile's MCC when
   * the number belongs to the home network or a partner (the operator's own country, which the
   * number cannot always tell: +1 and +7 are shared by many countries), else the E.164 table.
   */
  countryOfNode(num: string | null | undefined): Country | undefined {
    if (!num) return undefined;
    if (this.nodeCountryCache.has(num)) return this.nodeCountryCache.get(num);
    let c: Country | undefined;
    if (this.profile) {
      const o = this.ownerOfGt(num);
      if (o.kind === 'partner' && o.partner.mcc) c = countryOfMcc(o.partner.mcc);
      else if (o.kind === 'home' && this.profile.home.mcc) c = countryOfMcc(this.profile.home.mcc);
    }
    c ??= countryOfE164(num);
    if (this.nodeCountryCache.size > 100_000) this.nodeCountryCache.clear();
    this.nodeCountryCache.set(num, c);
    return c;
  }

  /** Country of a GT via the E.164 table. */
  countryOfGt(gt: string | null | undefined): Country | undefined {
    return countryOfE164(gt ?? undefined);
  }

  /** Owner of a Diameter peer by host/realm (cached per host and realm as given: the labels quote them). */
  ownerOfDiameter(host: string | null | undefined, realm: string | null | undefined): Owner {
    let byRealm = this.diameterCache.get(host);
    const hit = byRealm?.get(realm);
    if (hit) return hit;
    const o = this.classifyDiameter(host, realm);
    if (this.diameterCacheSize++ > 100_000) {
      this.diameterCache.clear();
      this.diameterCacheSize = 0;
      byRealm = undefined;
    }
    if (!byRealm) this.diameterCache.set(host, (byRealm = new Map()));
    byRealm.set(realm, o);
    return o;
  }

  private readonly diameterCache = new Map<string | null | undefined, Map<string | null | undefined, Owner>>();
  private diameterCacheSize = 0;

  private classifyDiameter(host: string | null | undefined, realm: string | null | undefined): Owner {
    const h = host?.toLowerCase();
    const r = realm?.toLowerCase();
    const p = this.profile;
    if (p) {
      if (h && this.homeHosts.has(h)) return { kind: 'home', label: `home host ${host}` };
      if (r && this.homeRealms.some((x) => r === x || r.endsWith('.' + x) || x.endsWith('.' + r))) return { kind: 'home', label: `home realm ${realm}` };
      for (const pa of p.partners) {
        if (r && (pa.realms ?? []).some((x) => r === x.toLowerCase() || r.endsWith('.' + x.toLowerCase())))
          return { kind: 'partner', label: `${pa.kind} partner ${pa.name} (realm ${realm})`, partner: pa };
      }
      const plmn = plmnOfRealm(r);
      if (plmn) {
        if (plmn.mcc === p.home.mcc && p.home.mnc.some((m) => m.padStart(3, '0') === plmn.mnc.padStart(3, '0'))) return { kind: 'home', label: `home realm ${realm}` };
        const pa = p.partners.find((x) => x.mcc === plmn.mcc && (x.mnc ?? []).some((m) => m.padStart(3, '0') === plmn.mnc.padStart(3, '0')));
        if (pa) return { kind: 'partner', label: `${pa.kind} partner ${pa.name} (realm ${realm})`, partner: pa };
      }
    }
    const plmn = plmnOfRealm(r);
    const c = plmn ? countryOfMcc(plmn.mcc) : undefined;
    if (c) return { kind: 'foreign', label: `realm ${realm} (${c.name})`, country: c };
    return r || h ? { kind: 'foreign', label: `realm ${realm ?? '?'} (unknown network)` } : { kind: 'unknown', label: 'no origin' };
  }

  /** Whether a Diameter origin belongs to the home network of `imsi` (PLMN in realm or partner realms). */
  diameterBelongsToImsiHome(host: string | null | undefined, realm: string | null | undefined, imsi: string): boolean {
    const o = this.ownerOfDiameter(host, realm);
    if (this.isHomeImsi(imsi)) return o.kind === 'home';
    const pa = this.partnerOfImsi(imsi);
    if (pa && o.kind === 'partner') return o.partner === pa;
    const plmn = plmnOfRealm(realm);
    if (plmn) {
      // The realm always spells the MNC in 3 digits (TS 23.003 §19.2: a 2-digit MNC gets a leading 0), so
      // mnc020 is MNC 020 or MNC 20; the IMSI's MNC is 2 or 3 digits.
      const m3 = plmn.mnc.padStart(3, '0');
      return imsi.startsWith(plmn.mcc) && (imsi.startsWith(m3, 3) || (m3[0] === '0' && imsi.startsWith(m3.slice(1), 3)));
    }
    return false;
  }

  /** Whether the profile names any home point code (its list or its nodes'), so "not a home point code" means something. */
  get hasHomePointCodes(): boolean {
    return this.homePcs.size > 0;
  }

  /** Partners: does a list exist at all (so "not a partner" means something)? */
  get hasPartners(): boolean {
    return (this.profile?.partners.length ?? 0) > 0;
  }

  /** The sender of a message: the calling GT, else the OPC. */
  senderOf(r: { calling_gt: string | null; opc: number | null; family: string; origin_host: string | null; origin_realm: string | null }): Owner {
    // Several detectors ask about the same row in a row: answer the last row from memory (rows are not mutated).
    if (r === this.senderRow) return this.senderOwner!;
    const o = this.senderOfUncached(r);
    this.senderRow = r;
    this.senderOwner = o;
    return o;
  }

  private senderRow: object | undefined;
  private senderOwner: Owner | undefined;
  private towardRow: object | undefined;
  private towardValue = false;

  private senderOfUncached(r: { calling_gt: string | null; opc: number | null; family: string; origin_host: string | null; origin_realm: string | null }): Owner {
    if (r.family === 'diameter') return this.ownerOfDiameter(r.origin_host, r.origin_realm);
    if (r.calling_gt) return this.ownerOfGt(r.calling_gt);
    if (r.opc != null) {
      if (this.isHomePc(r.opc)) return { kind: 'home', label: `home PC ${r.opc}` };
      const pa = this.partnerOfPc(r.opc);
      if (pa) return { kind: 'partner', label: `${pa.kind} partner ${pa.name} (PC ${r.opc})`, partner: pa };
      return this.profile ? { kind: 'foreign', label: `PC ${r.opc} (not a home point code)` } : { kind: 'unknown', label: `PC ${r.opc}` };
    }
    return { kind: 'unknown', label: 'unknown sender' };
  }

  /**
   * Whether a message is addressed into the home network: called GT is home (a home node's GT, a home
   * subscriber's MSISDN, or an E.214 mobile GT built from the home MCC/MNC or CC), or the DPC is a home
   * point code, or nothing says otherwise.
   */
  towardHome(r: { called_gt: string | null; called_np: number | null; dpc: number | null; family: string; dest_realm: string | null; dest_host: string | null }): boolean {
    if (r === this.towardRow) return this.towardValue;
    const v = this.towardHomeUncached(r);
    this.towardRow = r;
    this.towardValue = v;
    return v;
  }

  private towardHomeUncached(r: { called_gt: string | null; called_np: number | null; dpc: number | null; family: string; dest_realm: string | null; dest_host: string | null }): boolean {
    const p = this.profile;
    if (!p) return false;
    if (r.family === 'diameter') {
      if (!r.dest_realm && !r.dest_host) return true;
      return this.ownerOfDiameter(r.dest_host, r.dest_realm).kind === 'home';
    }
    if (r.called_gt) {
      // A home node's GT, or a home subscriber's MSISDN: requests for a subscriber (SRI, SRI-for-SM, ATI,
      // sendIMSI, …) are routed on the MSISDN and reach the HLR by global title translation in the home network.
      if (this.isHomeGt(r.called_gt) || this.isHomeMsisdn(r.called_gt)) return true;
      if (r.called_np === 7) {
        const mgt = r.called_gt;
        if (p.home.mnc.some((m) => mgt.startsWith(p.home.mcc + m))) return true;
        if (mgt.startsWith(p.home.cc)) return true;
      }
      if (r.dpc != null && this.isHomePc(r.dpc)) return true;
      // A profile that names neither the home MSISDN ranges nor any home point code cannot tell this
      // operator's numbers from other national ones: an E.164 called GT of the home country counts as home.
      if (!p.home.msisdnPrefixes.length && !this.homePcs.size && r.called_np !== 7 && r.called_gt.startsWith(p.home.cc) && countryOfE164(r.called_gt)?.cc === p.home.cc) return true;
      return false;
    }
    if (r.dpc != null && p.home.pointCodes.length) return this.isHomePc(r.dpc);
    return true;
  }
}
