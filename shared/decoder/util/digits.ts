/** Digit codecs shared by SCCP, MAP, CAP, ISUP and Diameter decoders. */

const HEX = '0123456789abcdef';
/** Wireshark's BCD digit set for filler/special nibbles (E.164/E.212 'TBCD'). */
const TBCD = '0123456789*#abc?';

/** Both hex digits of each octet value. */
const HEX2: string[] = [];
/** Both TBCD digits of each octet value (low nibble first; a 0xF high nibble inside the string reads 'f'). */
const TBCD2: string[] = [];
for (let v = 0; v < 256; v++) {
  HEX2.push(HEX[v >> 4]! + HEX[v & 15]!);
  TBCD2.push(TBCD[v & 15]! + (v >> 4 === 15 ? 'f' : TBCD[v >> 4]!));
}

/** Lowercase hex of a byte view, no separators (tshark FT_BYTES style). */
export function toHex(b: Uint8Array, start = 0, end = b.length): string {
  let s = '';
  for (let i = start; i < end; i++) s += HEX2[b[i]!]!;
  return s;
}

/**
 * TBCD digits (low nibble first), as in MAP IMSI/ISDN-AddressString digits.
 * A high nibble 0xF ends the string (filler).
 */
export function tbcd(b: Uint8Array, start = 0, end = b.length): string {
  if (end <= start) return '';
  let s = '';
  const last = end - 1;
  for (let i = start; i < last; i++) s += TBCD2[b[i]!]!;
  const v = b[last]!;
  return v >> 4 === 15 ? s + TBCD[v & 15]! : s + TBCD2[v]!;
}

/**
 * BCD digits with an explicit odd/even indicator (SCCP GT, ISUP numbers):
 * low nibble first; when odd, the last high nibble is filler.
 * `digitSet` chooses the rendering of nibbles 10..15.
 */
export function bcdOddEven(b: Uint8Array, start: number, end: number, odd: boolean, digitSet: string = '0123456789ABCDEF'): string {
  let s = '';
  for (let i = start; i < end; i++) {
    const v = b[i]!;
    s += digitSet[v & 15]!;
    if (odd && i === end - 1) break;
    s += digitSet[v >> 4]!;
  }
  return s;
}

/** Encode digits as TBCD (low nibble first, 0xF filler). Accepts 0-9 * # a b c. */
export function encodeTbcd(digits: string): Uint8Array {
  const out = new Uint8Array((digits.length + 1) >> 1);
  for (let i = 0; i < digits.length; i++) {
    const n = TBCD.indexOf(digits[i]!.toLowerCase());
    const v = n < 0 ? 15 : n;
    if (i & 1) out[i >> 1]! |= v << 4;
    else out[i >> 1] = v;
  }
  if (digits.length & 1) out[out.length - 1]! |= 0xf0;
  return out;
}
