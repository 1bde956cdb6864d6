/**
 * The simulated world: a home network, its roaming partners, SMS hubs, IPX
 * carriers and unknown ("rogue") networks attackers operate from. Seeded and
 * deterministic: the seed chooses the home country, numbering and sizes.
 */
import { COUNTRIES, type Country } from './countries.js';
import { Rng } from './prng.js';
import type { NodeRole } from '../model/profile.js';


/** Real area / mobile codes for countries that share their E.164 country code (NANP +1, +7). */
const SHARED_CC_NDCS: Record<string, string[]> = {
  US: ['201', '202', '212', '213', '305', '310', '312', '404', '415', '512', '617', '646', '702', '713', '718', '818', '917', '929'],
  CA: ['204', '236', '250', '289', '306', '403', '416', '437', '514', '587', '604', '613', '647', '778', '902'],
  RU: ['900', '903', '905', '909', '915', '916', '925', '926', '965', '977', '985'],
};

export type NetKind = 'home' | 'roaming' | 'sms-hub' | 'ipx' | 'rogue';

/** A signaling point (SS7) or Diameter node. */
export interface Sp {
  id: number;
  net: Net;
  role: NodeRole;
  name: string;
  pc: number;
  /** Node GT (E.164). For an MSC/VLR this is the MSC number; the VLR number is `vlrGt`. */
  gt: string;
  vlrGt?: string;
  ip: number;
  /** Diameter identity (MME, HSS, DRA/DEA). */
  host?: string;
  /** Country the node is in (for roaming partners, their own country). */
  country: Country;
  /** For MSC/VLR and MME: location area / tracking area and cell base used in location answers. */
  lac?: number;
}

export interface Net {
  id: number;
  name: string;
  kind: NetKind;
  country: Country;
  mcc: string;
  mnc: string;
  cc: string;
  /** National number length after the country code. */
  nsn: number;
  gtPrefix: string;
  msisdnPrefix: string;
  msrnPrefix: string;
  realm: string;
  /** IPX carrier this network is reached through (undefined: direct link). */
  via?: Net;
  sps: Sp[];
  stps: Sp[];
  hlrs: Sp[];
  mscs: Sp[];
  smscs: Sp[];
  scfs: Sp[];
  mmes: Sp[];
  hsss: Sp[];
  dras: Sp[];
  /** Home gateway STP / DRA this network's interconnect lands on. */
  homeGw?: Sp;
  /** Home gateway STPs (SLS load-sharing over a linkset to each). */
  homeGws?: Sp[];
  homeDra?: Sp;
}

export interface Subscriber {
  idx: number;
  imsi: string;
  msisdn: string;
  net: Net;
  hlr: Sp;
  hss: Sp;
  lte: boolean;
  prepaid: boolean;
  /** Serving network / MSC-VLR / MME now. */
  loc: Net;
  msc: Sp;
  mme?: Sp;
  /** Time (µs since epoch) of the last registration in a new place. */
  since: number;
  /** Last time (µs) signaling showed the subscriber where it is (calls, SMS, queries). */
  seen: number;
  /** Purged by its serving node (purgeMS / PUR): no traffic until it registers again. */
  purged?: boolean;
  /** A call-forwarding / CAMEL state the subscriber legitimately has. */
  cfu?: string;
}

export interface Link {
  id: number;
  kind: 'm3ua' | 'diameter';
  a: Sp;
  b: Sp;
  rc: number;
}

export interface WorldOptions {
  seed: number;
  homeSubscribers?: number;
  inboundRoamers?: number;
  partners?: number;
}

export interface World {
  seed: number;
  home: Net;
  partners: Net[];
  hubs: Net[];
  ipx: Net[];
  rogues: Net[];
  nets: Net[];
  sps: Sp[];
  links: Link[];
  homeSubs: Subscriber[];
  roamers: Subscriber[];
  /** Capture start, epoch seconds. */
  startSec: number;
}

/** A pseudo-country for international network numbers (+882/+883, MCC 901): no location. */
export const INTERNATIONAL: Country = { name: 'International Networks', iso: 'XX', cc: '882', mcc: '901', mncs: ['18', '19', '39'], lat: 0, lon: 0, utc: 0, nsn: 10 };

export function buildWorld(opts: WorldOptions): World {
  const rng = new Rng(opts.seed ^ 0x5157a11);
  const usedPc = new Set<number>();
  const usedGt = new Set<string>();
  let spId = 0;
  let netId = 0;
  const sps: Sp[] = [];
  const nets: Net[] = [];

  const pickPc = (): number => {
    for (;;) {
      const pc = rng.range(1000, 16000);
      if (!usedPc.has(pc)) {
        usedPc.add(pc);
        return pc;
      }
    }
  };

  const homeCountries = COUNTRIES.filter((c) => c.cc.length >= 2 && c.cc !== '1' && c.cc !== '7');
  const homeCountry = rng.pick(homeCountries);

  const makeNet = (kind: NetKind, country: Country, nameHint: string, mncOverride?: string): Net => {
    const mnc = mncOverride ?? rng.pick(country.mncs);
    const ndcs = new Set<string>();
    // Shared country codes: after +1 and +7 the next digits say which country it is (+1 876 is
    // Jamaica, +7 7xx Kazakhstan), so those networks draw real codes of their own country.
    const shared = SHARED_CC_NDCS[country.iso];
    const ndc = (): string => {
      for (;;) {
        const d = shared ? rng.pick(shared) : String(rng.range(2, 9)) + rng.digits(1);
        if (!ndcs.has(d)) {
          ndcs.add(d);
          return d;
        }
      }
    };
    const mob = ndc();
    const node = ndc();
    const msrn = ndc();
    const mnc3 = mnc.padStart(3, '0');
    const n: Net = {
      id: netId++,
      name: nameHint,
      kind,
      country,
      mcc: country.mcc,
      mnc,
      cc: country.cc,
      nsn: country.nsn,
      gtPrefix: country.cc + node + rng.digits(1),
      msisdnPrefix: country.cc + mob,
      msrnPrefix: country.cc + msrn + rng.digits(1),
      realm: `epc.mnc${mnc3}.mcc${country.mcc}.3gppnetwork.org`,
      sps: [],
      stps: [],
      hlrs: [],
      mscs: [],
      smscs: [],
      scfs: [],
      mmes: [],
      hsss: [],
      dras: [],
    };
    nets.push(n);
    return n;
  };

  const addSp = (n: Net, role: NodeRole, name: string): Sp => {
    const total = n.cc.length + n.nsn;
    const gtFor = (): string => {
      for (;;) {
        const g = n.gtPrefix + rng.digits(Math.max(3, total - n.gtPrefix.length));
        if (!usedGt.has(g)) {
          usedGt.add(g);
          return g;
        }
      }
    };
    const idx = n.sps.length + 1;
    const base = n.kind === 'home' ? [10, 20 + (n.id & 7)] : n.kind === 'ipx' ? [100, 64 + n.id] : [172, 16 + (n.id % 16)];
    const ip = ((base[0]! << 24) | (base[1]! << 16) | (((n.id * 7) & 255) << 8) | (idx & 255)) >>> 0;
    const sp: Sp = { id: spId++, net: n, role, name: `${n.name}-${name}`, pc: pickPc(), gt: gtFor(), ip, country: n.country };
    if (role === 'msc') {
      sp.vlrGt = gtFor();
      sp.lac = rng.range(0x100, 0xfff0);
    }
    if (role === 'mme' || role === 'hss' || role === 'dra') sp.host = `${name.toLowerCase()}.${n.realm}`;
    n.sps.push(sp);
    sps.push(sp);
    const list = { stp: n.stps, hlr: n.hlrs, msc: n.mscs, smsc: n.smscs, gsmscf: n.scfs, mme: n.mmes, hss: n.hsss, dra: n.dras } as Record<string, Sp[]>;
    list[role]?.push(sp);
    return sp;
  };

  const many = (n: Net, role: NodeRole, prefix: string, count: number): void => {
    for (let i = 1; i <= count; i++) addSp(n, role, `${prefix}${String(i).padStart(2, '0')}`);
  };

  // --- Home network ---
  const operatorNames = ['Telco', 'Mobile', 'Comms', 'Wireless', 'Net', 'Cell'];
  const home = makeNet('home', homeCountry, `${homeCountry.iso}-${rng.pick(operatorNames)}`);
  many(home, 'stp', 'STP', rng.range(4, 6));
  many(home, 'hlr', 'HLR', rng.range(2, 4));
  many(home, 'msc', 'MSC', rng.range(6, 12));
  many(home, 'smsc', 'SMSC', rng.range(2, 3));
  many(home, 'gsmscf', 'SCF', rng.range(1, 2));
  many(home, 'gmlc', 'GMLC', 1);
  many(home, 'sgsn', 'SGSN', 2);
  many(home, 'mme', 'MME', rng.range(2, 3));
  many(home, 'hss', 'HSS', 2);
  many(home, 'dra', 'DRA', 2);
  const homeGws = home.stps.slice(0, 2 + (home.stps.length > 4 ? 1 : 0));

  // --- IPX carriers ---
  const others = rng.shuffle(COUNTRIES.filter((c) => c !== homeCountry));
  const ipxNames = ['IPX-Global', 'IPX-Transit', 'IPX-Carrier', 'IPX-Hub'];
  const ipx: Net[] = [];
  const nIpx = rng.range(2, 3);
  for (let i = 0; i < nIpx; i++) {
    const c = others[(i * 7) % others.length]!;
    const n = makeNet('ipx', c, ipxNames[i]!);
    many(n, 'stp', 'STP', 2);
    many(n, 'dra', 'DEA', 1);
    ipx.push(n);
  }

  // --- Roaming partners: neighbours first, then the rest of the world ---
  const byDist = others.slice().sort((a, b) => dist(a, homeCountry) - dist(b, homeCountry));
  const nPartners = opts.partners ?? rng.range(17, 22);
  const partnerCountries = byDist.slice(0, Math.min(byDist.length, Math.round(nPartners * 0.6)));
  for (const c of rng.shuffle(byDist.slice(partnerCountries.length))) if (partnerCountries.length < nPartners) partnerCountries.push(c);
  const partners: Net[] = [];
  for (const c of partnerCountries) {
    const n = makeNet('roaming', c, `${c.iso}-${rng.pick(operatorNames)}`);
    many(n, 'stp', 'STP', rng.chance(0.3) ? 2 : 1);
    many(n, 'hlr', 'HLR', rng.range(1, 3));
    many(n, 'msc', 'MSC', rng.range(3, 10));
    many(n, 'smsc', 'SMSC', rng.range(1, 2));
    many(n, 'gsmscf', 'SCF', 1);
    many(n, 'mme', 'MME', rng.range(1, 2));
    many(n, 'hss', 'HSS', 1);
    many(n, 'dra', 'DRA', 1);
    if (rng.chance(0.35)) n.via = rng.pick(ipx);
    partners.push(n);
  }

  // --- SMS hubs ---
  const hubs: Net[] = [];
  const nHubs = rng.range(2, 3);
  for (let i = 0; i < nHubs; i++) {
    const c = others[(i * 5 + 3) % others.length]!;
    const n = makeNet('sms-hub', c, `HUB-${c.iso}${i + 1}`);
    many(n, 'stp', 'STP', 1);
    many(n, 'smsc', 'SMSC', rng.range(3, 5));
    if (rng.chance(0.5)) n.via = rng.pick(ipx);
    hubs.push(n);
  }

  // --- Unknown networks attackers use (not in the profile), reached through IPX carriers ---
  const partnerSet = new Set(partnerCountries);
  const rogueCountries = rng.shuffle(COUNTRIES.filter((c) => c !== homeCountry && !partnerSet.has(c))).slice(0, 4);
  const rogues: Net[] = [];
  for (const c of [...rogueCountries, INTERNATIONAL]) {
    // Reached only through an IPX carrier: its own STPs never appear on our links, so none are modelled.
    const n = makeNet('rogue', c, `${c.iso}-${rng.pick(['Connect', 'Link', 'Tel', 'Data'])}${rng.range(1, 9)}`);
    many(n, 'hlr', 'HLR', 1);
    many(n, 'msc', 'MSC', 2);
    many(n, 'smsc', 'SMSC', 1);
    many(n, 'gsmscf', 'SCF', 1);
    many(n, 'mme', 'MME', 1);
    many(n, 'hss', 'HSS', 1);
    many(n, 'dra', 'DRA', 1);
    n.via = rng.pick(ipx);
    rogues.push(n);
  }

  // --- Links: internal STP links, interconnect, Diameter ---
  const links: Link[] = [];
  let linkId = 0;
  let rc = rng.range(1, 50);
  const link = (kind: 'm3ua' | 'diameter', a: Sp, b: Sp): void => {
    links.push({ id: linkId++, kind, a, b, rc: rc++ });
  };
  const internalStps = home.stps;
  let k = 0;
  for (const sp of home.sps) {
    if (sp.role === 'stp' || sp.role === 'mme' || sp.role === 'hss' || sp.role === 'dra') continue;
    link('m3ua', internalStps[k++ % internalStps.length]!, sp);
  }
  for (let i = 0; i < home.stps.length; i++) for (let j = i + 1; j < home.stps.length; j++) if (j === i + 1) link('m3ua', home.stps[i]!, home.stps[j]!);
  let g = 0;
  for (const n of [...ipx, ...partners, ...hubs]) {
    n.homeGw = homeGws[g++ % homeGws.length]!;
    n.homeGws = [n.homeGw, homeGws[g % homeGws.length]!];
    n.homeDra = home.dras[g % home.dras.length]!;
    if (n.via) continue;
    for (const gw of n.homeGws) for (const s of n.stps) link('m3ua', gw, s);
    if (n.dras[0]) link('diameter', n.homeDra, n.dras[0]);
  }
  for (const n of rogues) {
    n.homeGw = n.via!.homeGw;
    n.homeGws = n.via!.homeGws;
    n.homeDra = n.via!.homeDra;
  }
  for (const mme of home.mmes) link('diameter', home.dras[0]!, mme);
  for (const hss of home.hsss) link('diameter', home.dras[1] ?? home.dras[0]!, hss);

  // --- Subscribers ---
  const usedMsisdn = new Set<string>();
  const usedImsi = new Set<string>();
  const makeSub = (n: Net, idx: number): Subscriber => {
    let imsi: string;
    do imsi = n.mcc + n.mnc + rng.digits(15 - n.mcc.length - n.mnc.length);
    while (usedImsi.has(imsi));
    usedImsi.add(imsi);
    let msisdn: string;
    do msisdn = n.msisdnPrefix + rng.digits(n.cc.length + n.nsn - n.msisdnPrefix.length);
    while (usedMsisdn.has(msisdn));
    usedMsisdn.add(msisdn);
    const hlr = n.hlrs[Number(imsi[imsi.length - 1]) % n.hlrs.length]!;
    const hss = n.hsss[Number(imsi[imsi.length - 2]) % n.hsss.length]!;
    return { idx, imsi, msisdn, net: n, hlr, hss, lte: rng.chance(0.45), prepaid: rng.chance(0.3), loc: n, msc: rng.pick(n.mscs), since: 0, seen: 0 };
  };
  const nHome = opts.homeSubscribers ?? rng.range(3000, 6000);
  const homeSubs: Subscriber[] = [];
  for (let i = 0; i < nHome; i++) {
    const s = makeSub(home, i);
    s.mme = s.lte ? rng.pick(home.mmes) : undefined;
    if (rng.chance(0.06)) {
      const p = rng.pick(partners);
      s.loc = p;
      s.msc = rng.pick(p.mscs);
      s.mme = s.lte ? rng.pick(p.mmes) : undefined;
    }
    if (rng.chance(0.03)) s.cfu = home.msisdnPrefix + rng.digits(home.cc.length + home.nsn - home.msisdnPrefix.length);
    homeSubs.push(s);
  }
  const nRoam = opts.inboundRoamers ?? rng.range(1000, 2500);
  const roamers: Subscriber[] = [];
  for (let i = 0; i < nRoam; i++) {
    const p = partners[i % partners.length]!;
    const s = makeSub(p, nHome + i);
    s.loc = home;
    s.msc = rng.pick(home.mscs);
    s.mme = s.lte ? rng.pick(home.mmes) : undefined;
    roamers.push(s);
  }

  // Capture start: a seeded day in 2026, at 00:00 local time of the home country.
  const day = rng.range(0, 330);
  const startSec = 1767225600 + day * 86400 - Math.round(homeCountry.utc * 3600);
  return { seed: opts.seed, home, partners, hubs, ipx, rogues, nets, sps, links, homeSubs, roamers, startSec };
}

function dist(a: Country, b: Country): number {
  const dl = a.lat - b.lat;
  const dn = a.lon - b.lon;
  return dl * dl + dn * dn;
}

/** E.214 mobile global title of an IMSI: CC + NC of the network + MSIN. */
export function mgtFor(sub: Subscriber): string {
  const msin = sub.imsi.slice(sub.net.mcc.length + sub.net.mnc.length);
  return (sub.net.msisdnPrefix + msin).slice(0, 15);
}

/** The international (interconnect) peer SP a network's traffic arrives from: its own STP or its IPX carrier's. */
export function peerStp(n: Net, sls: number): Sp {
  // A network's own STPs load-share by SLS; through an IPX each origin network is carried by one IPX STP.
  if (n.via) return n.via.stps[n.id % n.via.stps.length]!;
  return n.stps[sls % n.stps.length]!;
}

export function peerDra(n: Net): Sp {
  const via = n.via ?? n;
  return via.dras[0]!;
}
