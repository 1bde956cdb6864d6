/** SCCP (ITU-T Q.713) connectionless messages UDT / XUDT with GT-routed addresses. */

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
  const x = c.charCodeAt(0);
  if (x >= 48 && x <= 57) return x - 48;
  if (x >= 97 && x <= 102) return x - 87;
  if (x >= 65 && x <= 70) return x - 55;
  return 0;
}

/** Encodes a called/calling party address (without the length octet). GTI 4. */
export function sccpAddress(a: SccpAddr): Uint8Array {
  let ai = 0x10 | 0x02; // GTI 4, SSN present
  if (a.pc !== undefined) ai |= 0x01;
  if (a.routeOnSsn) ai |= 0x40;
  const d = a.digits;
  const n = 1 + (a.pc !== undefined ? 2 : 0) + 1 + 3 + ((d.length + 1) >> 1);
  const out = new Uint8Array(n);
  let o = 0;
  out[o++] = ai;
  if (a.pc !== undefined) {
    out[o++] = a.pc & 255;
    out[o++] = (a.pc >> 8) & 0x3f;
  }
  out[o++] = a.ssn;
  out[o++] = a.tt ?? 0;
  out[o++] = ((a.np ?? 1) << 4) | (d.length & 1 ? 1 : 2);
  out[o++] = (a.nai ?? 4) & 0x7f;
  for (let i = 0; i < d.length; i += 2) out[o++] = hexNibble(d[i]!) | (i + 1 < d.length ? hexNibble(d[i + 1]!) << 4 : 0);
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
  const x = m.xudtHopCounter !== undefined;
  // UDT: type, class, 3 pointers; XUDT: type, class, hop counter, 4 pointers (optional part: none). Pointers count from their own octet.
  const head = x ? [0x11, pc, m.xudtHopCounter!, 4, 4 + cd.length, 4 + cd.length + cg.length, 0] : [0x09, pc, 3, 3 + cd.length, 3 + cd.length + cg.length];
  const out = new Uint8Array(head.length + 3 + cd.length + cg.length + data.length);
  out.set(head, 0);
  let o = head.length;
  out[o++] = cd.length;
  out.set(cd, o);
  o += cd.length;
  out[o++] = cg.length;
  out.set(cg, o);
  o += cg.length;
  out[o++] = data.length;
  out.set(data, o);
  return out;
}
