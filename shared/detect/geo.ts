/**
 * Country resolution without a profile: E.164 digits → country, E.212 MCC → country,
 * great-circle distance between reference coordinates. Tables in geo-data.ts.
 */
import { COUNTRIES, E164_CODES, MCC_CODES, NANP_AREAS } from './geo-data.js';

export interface Country {
  /** ISO 3166-1 alpha-2 (or an X* pseudo-code for non-geographic numbering). */
  iso: string;
  name: string;
  /** Reference coordinate (capital); absent for non-geographic codes. */
  lat?: number;
  lon?: number;
}

export interface E164Country extends Country {
  /** The E.164 country code that matched (e.g. '351', '1', '883'). */
  cc: string;
}

export interface MccCountry extends Country {
  mcc: string;
}

const byIso = new Map<string, Country>();
for (const line of COUNTRIES.split('\n')) {
  const t = line.trim();
  if (!t) continue;
  const [iso, name, lat, lon] = t.split('|');
  if (!iso || !name) continue;
  const c: Country = { iso, name };
  if (lat && lon) {
    c.lat = Number(lat);
    c.lon = Number(lon);
  }
  byIso.set(iso, c);
}

function pairs(table: string): Array<[string, string]> {
  return table
    .split(/\s+/)
    .filter(Boolean)
    .map((p) => p.split('|') as [string, string]);
}

const e164 = new Map<string, string>(pairs(E164_CODES));
const nanp = new Map<string, string>(pairs(NANP_AREAS));
const mccs = new Map<string, string>(pairs(MCC_CODES));
const maxCcLen = Math.max(...[...e164.keys()].map((k) => k.length));

export function countryByIso(iso: string): Country | undefined {
  return byIso.get(iso);
}

/** All countries known to the tables (for tests and the UI). */
export function allCountries(): Country[] {
  return [...byIso.values()];
}

/** Normalises a digit string: strips a leading '+', '00' is not stripped (GTs are international format). */
function clean(d: string): string {
  return d.replace(/^\+/, '').replace(/[^0-9]/g, '');
}

/**
 * Country of an international-format E.164 number or GT (longest matching code wins;
 * +1 numbers resolve by NANP area code to Canada / the Caribbean, otherwise United States).
 */
const e164Cache = new Map<string, E164Country | undefined>();

/** The country of an all-digit number depends on its first KEY_LEN digits only (longest code, NANP area code). */
const KEY_LEN = Math.max(maxCcLen, 4);

function allDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

export function countryOfE164(digits: string | null | undefined): E164Country | undefined {
  if (!digits) return undefined;
  // cached by the number's leading digits, so millions of distinct MSISDNs/MSRNs share a few hundred entries
  const key = digits.length > KEY_LEN && allDigits(digits) ? digits.slice(0, KEY_LEN) : digits;
  if (e164Cache.has(key)) return e164Cache.get(key);
  const c = lookupE164(key);
  if (e164Cache.size > 100_000) e164Cache.clear();
  e164Cache.set(key, c);
  return c;
}

function lookupE164(digits: string): E164Country | undefined {
  const d = clean(digits);
  if (!d) return undefined;
  if (d.startsWith('1')) {
    const npa = d.slice(1, 4);
    const iso = (npa.length === 3 && nanp.get(npa)) || 'US';
    const c = byIso.get(iso);
    return c ? { ...c, cc: '1' } : undefined;
  }
  for (let len = Math.min(maxCcLen, d.length); len >= 1; len--) {
    const code = d.slice(0, len);
    const iso = e164.get(code);
    if (iso) {
      const c = byIso.get(iso);
      if (!c) return undefined;
      // Sub-codes (e.g. 7 7xx Kazakhstan, 599 7, 262 269) report the base country code.
      const cc = baseCc(code);
      return { ...c, cc };
    }
  }
  return undefined;
}

function baseCc(code: string): string {
  for (let len = 1; len <= 3; len++) if (e164.has(code.slice(0, len))) return code.slice(0, len);
  return code;
}

/** The E.164 country code of a number ('351' for 35191…), or undefined. */
export function ccOf(digits: string | null | undefined): string | undefined {
  return countryOfE164(digits)?.cc;
}

/** Country of a mobile country code (3 digits) or of an IMSI (its first 3 digits). */
export function countryOfMcc(mccOrImsi: string | null | undefined): MccCountry | undefined {
  if (!mccOrImsi) return undefined;
  const mcc = clean(mccOrImsi).slice(0, 3);
  if (mcc.length !== 3) return undefined;
  const iso = mccs.get(mcc);
  const c = iso ? byIso.get(iso) : undefined;
  return c ? { ...c, mcc } : undefined;
}

/** True when the E.164 country and the MCC country are the same country. */
export function sameCountry(a: Country | undefined, b: Country | undefined): boolean {
  return !!a && !!b && a.iso === b.iso;
}

/** Great-circle distance in km between two countries' reference coordinates; undefined if either has none. */
export function distanceKm(a: Country | undefined, b: Country | undefined): number | undefined {
  if (!a || !b || a.lat === undefined || a.lon === undefined || b.lat === undefined || b.lon === undefined) return undefined;
  const R = 6371;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Parses a 3GPP realm (epc.mncXXX.mccYYY.3gppnetwork.org) into MCC/MNC. */
export function plmnOfRealm(realm: string | null | undefined): { mcc: string; mnc: string } | undefined {
  if (!realm) return undefined;
  const m = /mnc(\d{2,3})\.mcc(\d{3})\./i.exec(realm);
  if (!m) return undefined;
  return { mcc: m[2]!, mnc: m[1]!.replace(/^0(?=\d\d$)/, '') };
}

/**
 * Decodes a Visited-PLMN-Id as the decoder prints it: either 'MCC MNC' digits (e.g. '26201', '310410')
 * or a 3-octet TBCD hex string (e.g. '62f210').
 */
export function plmnOfVisited(v: string | null | undefined): { mcc: string; mnc: string } | undefined {
  if (!v) return undefined;
  const s = v.replace(/[^0-9a-fA-F]/g, '');
  if (/^[0-9a-fA-F]{6}$/.test(s) && /[fF]/.test(s)) {
    const b = s.toLowerCase();
    const nib = (i: number): string => b[i] ?? '';
    const mcc = nib(1) + nib(0) + nib(3);
    const mnc3 = nib(2);
    const mnc = nib(5) + nib(4) + (mnc3 === 'f' ? '' : mnc3);
    return /^\d{3}$/.test(mcc) && /^\d{2,3}$/.test(mnc) ? { mcc, mnc } : undefined;
  }
  if (/^\d{5,6}$/.test(s)) return { mcc: s.slice(0, 3), mnc: s.slice(3) };
  return undefined;
}
