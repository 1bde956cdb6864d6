/** SCCP (ITU-T Q.713) connectionless messages UDT / XUDT with GT-routed addresses. */
import { cat } from './bytes.js';

export interface SccpAddr {
  /** Global title digits (E.164 or E.214). */
  digits: string;
  ssn: number;
  /** Numbering plan: 1 E.164, 7 E.214 (MGT). */
  np?: number;
  /** Translation type (default 0). */
  tt?: number;
  /** Nature of address (default 4, international). */
  nai?: number;
  /** Route on SSN (with a point code) instead of GT. */
  pc?: number;
  routeOnSsn?: boolean;
}

/** BCD digits with odd/even filler, low nibble first. */
export function bcdDigits(d: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < d.length; i += 2) {
    const lo = hexNibble(d[i]!);
    const hi = i + 1 < d.length ? hexNibble(d[i + 1]!) : 0;
    out.push(lo | (hi << 4));
  }
  return out;
}

function hexNibble(c: string): number {
  const v = parseInt(c, 16);
  return Number.isNaN(v) ? 0 : v;
}

/** Encodes a called/calling party address (without the length octet). GTI 4. */
export function sccpAddress(a: SccpAddr): number[] {
  let ai = 0x10 | 0x02; // GTI 4, SSN present
  const out: number[] = [];
  if (a.pc !== undefined) ai |= 0x01;
  if (a.routeOnSsn) ai |= 0x40;
  out.push(ai);
  if (a.pc !== undefined) out.push(a.pc & 255, (a.pc >> 8) & 0x3f);
  out.push(a.ssn);
  const odd = a.digits.length & 1;
  out.push(a.tt ?? 0, ((a.np ?? 1) << 4) | (odd ? 1 : 2), (a.nai ?? 4) & 0x7f);
  out.push(...bcdDigits(a.digits));
  return out;
}

export interface SccpUdt {
  called: SccpAddr;
  calling: SccpAddr;
  /** Protocol class 0 or 1 (default 0), return-on-error option. */
  protocolClass?: number;
  returnOnError?: boolean;
  /** Use XUDT (type 0x11) with this hop counter. */
  xudtHopCounter?: number;
}

export function sccpUnitdata(m: SccpUdt, data: Uint8Array): Uint8Array {
  const pc = (m.protocolClass ?? 0) | (m.returnOnError ? 0x80 : 0);
  const cd = sccpAddress(m.called);
  const cg = sccpAddress(m.calling);
  if (m.xudtHopCounter !== undefined) {
    // XUDT: type, class, hop counter, 4 pointers (called, calling, data, optional = none)
    return cat([0x11, pc, m.xudtHopCounter, 4, 4 + cd.length, 4 + cd.length + cg.length, 0], [cd.length], cd, [cg.length], cg, [data.length], data);
  }
  // UDT: type, class, 3 pointers (each counts from its own octet)
  return cat([0x09, pc, 3, 3 + cd.length, 3 + cd.length + cg.length], [cd.length], cd, [cg.length], cg, [data.length], data);
}
