/**
 * Digit codecs used by the TCAP/MAP/CAP decoders. Same behaviour as
 * ../util/digits.ts, kept here because the lint rule banning the Node 'util'
 * module also matches any '../util/*' import path.
 */

const HEX = '0123456789abcdef';
const TBCD = '0123456789*#abc?';

/** Lowercase hex of a byte range, no separators (tshark FT_BYTES style). */
export function toHex(b: Uint8Array, start = 0, end = b.length): string {
  let s = '';
  for (let i = start; i < end; i++) {
    const v = b[i]!;
    s += HEX[v >> 4]! + HEX[v & 15]!;
  }
  return s;
}

/** TBCD digits, low nibble first; a high nibble 0xF in the last octet is filler. */
export function tbcd(b: Uint8Array, start = 0, end = b.length): string {
  let s = '';
  for (let i = start; i < end; i++) {
    const v = b[i]!;
    s += TBCD[v & 15]!;
    const hi = v >> 4;
    if (hi === 15) {
      if (i === end - 1) break;
      s += 'f';
      continue;
    }
    s += TBCD[hi]!;
  }
  return s;
}

/** BCD digits with an odd/even indicator (ISUP numbers): when odd, the last high nibble is filler. */
export function bcdOddEven(b: Uint8Array, start: number, end: number, odd: boolean, digitSet = '0123456789ABCDEF'): string {
  let s = '';
  for (let i = start; i < end; i++) {
    const v = b[i]!;
    s += digitSet[v & 15]!;
    if (odd && i === end - 1) break;
    s += digitSet[v >> 4]!;
  }
  return s;
}
