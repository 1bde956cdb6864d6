/** Byte readers and parameter-value helpers shared by the SS7 / SIGTRAN decoders. */

export function u16(d: Uint8Array, o: number): number {
  return (d[o]! << 8) | d[o + 1]!;
}

export function u32(d: Uint8Array, o: number): number {
  return ((d[o]! << 24) | (d[o + 1]! << 16) | (d[o + 2]! << 8) | d[o + 3]!) >>> 0;
}

/** Big-endian unsigned integer of up to 4 octets (the last 4 when longer). */
export function paramInt(d: Uint8Array, s: number, e: number): number {
  if (e - s > 4) s = e - 4;
  let v = 0;
  for (let o = s; o < e; o++) v = v * 256 + d[o]!;
  return v;
}

/** Printable ASCII (non-printable octets as '.'), trailing NULs dropped. */
export function paramText(d: Uint8Array, s: number, e: number): string {
  while (e > s && d[e - 1] === 0) e--;
  let t = '';
  for (let o = s; o < e; o++) {
    const c = d[o]!;
    t += c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : '.';
  }
  return t;
}

/** List of 32-bit point code entries (mask octet + 24-bit point code): the point codes. */
export function paramPcList(d: Uint8Array, s: number, e: number): number[] {
  const l: number[] = [];
  for (let o = s; o + 4 <= e; o += 4) l.push(((d[o + 1]! << 16) | (d[o + 2]! << 8) | d[o + 3]!) >>> 0);
  return l;
}

/** Sets a params entry; a repeated key keeps every value (numbers as a list, strings joined by ','). */
export function setParam(p: Record<string, string | number | number[]>, key: string, v: string | number | number[]): void {
  const old = p[key];
  if (old === undefined) {
    p[key] = v;
    return;
  }
  if (typeof old === 'string' || typeof v === 'string') {
    p[key] = `${String(old)},${String(v)}`;
    return;
  }
  p[key] = (Array.isArray(old) ? old : [old]).concat(v);
}

const HEX = '0123456789abcdef';
/** Lowercase hex without separators (kept local: the lint boundary pattern for Node's 'util' also matches ../util/). */
export function hex(d: Uint8Array, s: number, e: number): string {
  let t = '';
  for (let o = s; o < e; o++) t += HEX[d[o]! >> 4]! + HEX[d[o]! & 15]!;
  return t;
}
