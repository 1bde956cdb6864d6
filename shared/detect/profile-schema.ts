/**
 * Validates a network profile (shared/model/profile.ts) against the rules documented
 * in profile.schema.json, with errors that name the path and the offending value,
 * e.g. `home.mcc: expected 3 digits, got "2a8"`. Unknown top-level keys are allowed
 * (the generator may add metadata); unknown keys inside home/partners are reported
 * as warnings so typos do not pass silently.
 */
import type { NetworkProfile, NodeRole } from '../model/profile.js';

export const NODE_ROLES: readonly NodeRole[] = ['hlr', 'vlr', 'msc', 'smsc', 'gsmscf', 'gmlc', 'sgsn', 'mme', 'hss', 'stp', 'dra', 'smsf'];
const PARTNER_KINDS = ['roaming', 'sms-hub', 'ipx'] as const;

export interface ProfileValidation {
  ok: boolean;
  errors: string[];
  warnings: string[];
  /** The normalised profile when ok (missing optional arrays filled with []). */
  profile?: NetworkProfile;
}

const show = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v) : v === undefined ? 'nothing' : JSON.stringify(v) ?? String(v));

class V {
  errors: string[] = [];
  warnings: string[] = [];
  err(path: string, msg: string): void {
    this.errors.push(`${path}: ${msg}`);
  }
  obj(v: unknown, path: string): Record<string, unknown> | undefined {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) {
      this.err(path, `expected an object, got ${show(v)}`);
      return undefined;
    }
    return v as Record<string, unknown>;
  }
  str(v: unknown, path: string, required: boolean): string | undefined {
    if (v === undefined && !required) return undefined;
    if (typeof v !== 'string' || v.length === 0) {
      this.err(path, `expected a non-empty string, got ${show(v)}`);
      return undefined;
    }
    return v;
  }
  digits(v: unknown, path: string, re: RegExp, what: string, required: boolean): string | undefined {
    if (v === undefined && !required) return undefined;
    if (typeof v !== 'string' || !re.test(v)) {
      this.err(path, `expected ${what}, got ${show(v)}`);
      return undefined;
    }
    return v;
  }
  pc(v: unknown, path: string, required: boolean): number | undefined {
    if (v === undefined && !required) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 0xffffff) {
      this.err(path, `expected a point code (integer 0..16777215), got ${show(v)}`);
      return undefined;
    }
    return v;
  }
  arr<T>(v: unknown, path: string, required: boolean, item: (x: unknown, p: string) => T | undefined): T[] {
    if (v === undefined) {
      if (required) this.err(path, 'required');
      return [];
    }
    if (!Array.isArray(v)) {
      this.err(path, `expected an array, got ${show(v)}`);
      return [];
    }
    const out: T[] = [];
    v.forEach((x, i) => {
      const r = item(x, `${path}[${i}]`);
      if (r !== undefined) out.push(r);
    });
    return out;
  }
  unknownKeys(o: Record<string, unknown>, path: string, known: string[]): void {
    for (const k of Object.keys(o)) if (!known.includes(k)) this.warnings.push(`${path}.${k}: unknown key (ignored)`);
  }
}

const MCC = /^\d{3}$/;
const MNC = /^\d{2,3}$/;
const CC = /^\d{1,3}$/;
const DIGITS = /^\d{1,18}$/;
const REALM = /^[A-Za-z0-9.-]+$/;

export function validateProfile(input: unknown): ProfileValidation {
  const v = new V();
  const root = v.obj(input, 'profile');
  if (!root) return { ok: false, errors: v.errors, warnings: v.warnings };
  const h = root.home === undefined ? (v.err('home', 'required'), undefined) : v.obj(root.home, 'home');
  let profile: NetworkProfile | undefined;
  if (h) {
    v.unknownKeys(h, 'home', ['name', 'mcc', 'mnc', 'cc', 'gtPrefixes', 'msisdnPrefixes', 'pointCodes', 'realms', 'nodes']);
    const name = v.str(h.name, 'home.name', true);
    const mcc = v.digits(h.mcc, 'home.mcc', MCC, '3 digits', true);
    const mnc = v.arr(h.mnc, 'home.mnc', true, (x, p) => v.digits(x, p, MNC, '2 or 3 digits', true));
    if (Array.isArray(h.mnc) && h.mnc.length === 0) v.err('home.mnc', 'expected at least one MNC');
    const cc = v.digits(h.cc, 'home.cc', CC, '1 to 3 digits (E.164 country code)', true);
    const gtPrefixes = v.arr(h.gtPrefixes, 'home.gtPrefixes', true, (x, p) => v.digits(x, p, DIGITS, 'a digit prefix (1-18 digits)', true));
    const msisdnPrefixes = v.arr(h.msisdnPrefixes, 'home.msisdnPrefixes', false, (x, p) => v.digits(x, p, DIGITS, 'a digit prefix (1-18 digits)', true));
    const pointCodes = v.arr(h.pointCodes, 'home.pointCodes', false, (x, p) => v.pc(x, p, true));
    const realms = v.arr(h.realms, 'home.realms', false, (x, p) => v.digits(x, p, REALM, 'a Diameter realm', true));
    const nodes = v.arr(h.nodes, 'home.nodes', false, (x, p) => {
      const o = v.obj(x, p);
      if (!o) return undefined;
      v.unknownKeys(o, p, ['role', 'gt', 'pc', 'host', 'name']);
      const role = o.role as NodeRole;
      if (!NODE_ROLES.includes(role)) {
        v.err(`${p}.role`, `expected one of ${NODE_ROLES.join('|')}, got ${show(o.role)}`);
        return undefined;
      }
      const gt = v.digits(o.gt, `${p}.gt`, DIGITS, 'a GT (1-18 digits)', false);
      const pc = v.pc(o.pc, `${p}.pc`, false);
      const host = v.str(o.host, `${p}.host`, false);
      const nm = v.str(o.name, `${p}.name`, false);
      return { role, ...(gt ? { gt } : {}), ...(pc !== undefined ? { pc } : {}), ...(host ? { host } : {}), ...(nm ? { name: nm } : {}) };
    });
    const partners = v.arr(root.partners, 'partners', false, (x, p) => {
      const o = v.obj(x, p);
      if (!o) return undefined;
      v.unknownKeys(o, p, ['name', 'kind', 'mcc', 'mnc', 'cc', 'gtPrefixes', 'pointCodes', 'via', 'realms']);
      const pname = v.str(o.name, `${p}.name`, true);
      const kind = o.kind as (typeof PARTNER_KINDS)[number];
      if (!PARTNER_KINDS.includes(kind)) v.err(`${p}.kind`, `expected one of ${PARTNER_KINDS.join('|')}, got ${show(o.kind)}`);
      const pmcc = v.digits(o.mcc, `${p}.mcc`, MCC, '3 digits', false);
      const pmnc = v.arr(o.mnc, `${p}.mnc`, false, (y, q) => v.digits(y, q, MNC, '2 or 3 digits', true));
      const pcc = v.digits(o.cc, `${p}.cc`, CC, '1 to 3 digits (E.164 country code)', false);
      const pgts = v.arr(o.gtPrefixes, `${p}.gtPrefixes`, false, (y, q) => v.digits(y, q, DIGITS, 'a digit prefix (1-18 digits)', true));
      const ppcs = v.arr(o.pointCodes, `${p}.pointCodes`, false, (y, q) => v.pc(y, q, true));
      const via = v.str(o.via, `${p}.via`, false);
      const prealms = v.arr(o.realms, `${p}.realms`, false, (y, q) => v.digits(y, q, REALM, 'a Diameter realm', true));
      if (!pname || !PARTNER_KINDS.includes(kind)) return undefined;
      return {
        name: pname,
        kind,
        ...(pmcc ? { mcc: pmcc } : {}),
        mnc: pmnc,
        ...(pcc ? { cc: pcc } : {}),
        gtPrefixes: pgts,
        pointCodes: ppcs,
        ...(via ? { via } : {}),
        realms: prealms,
      };
    });
    if (name && mcc && cc && v.errors.length === 0) {
      profile = { home: { name, mcc, mnc, cc, gtPrefixes, msisdnPrefixes, pointCodes, realms, nodes }, partners };
    }
  }
  return { ok: v.errors.length === 0, errors: v.errors, warnings: v.warnings, ...(profile && v.errors.length === 0 ? { profile } : {}) };
}

/** Parses and validates profile JSON text; throws an Error listing every problem. */
export function parseProfile(text: string, source = 'profile'): NetworkProfile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`${source}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const r = validateProfile(json);
  if (!r.ok || !r.profile) throw new Error(`${source}: invalid network profile:\n  ${r.errors.join('\n  ')}`);
  return r.profile;
}
