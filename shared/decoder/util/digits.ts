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

/** Longest byte run whose text is memoised (addresses, ids, numbers); longer ones are always built. */
const MEMO_MAX = 16;
/** Int32 words per slot: (length + 1) | tag << 8, then the octets as four little-endian words, zero-padded. */
const MEMO_STRIDE = 5;
/** Few slots (20 KiB of keys, cache-resident): for values with a small working set such as global titles. */
const MEMO_SLOTS = 1024;

/** b[i, min(i + 4, e)) as a little-endian word, zero-padded (0 when i >= e). */
function word(b: Uint8Array, i: number, e: number): number {
  if (i + 4 <= e) return b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24);
  let w = 0;
  for (let k = 0; i + k < e; k++) w |= b[i + k]! << (k << 3);
  return w;
}

/**
 * Direct-mapped memo of the text of short byte runs whose few values recur all
 * through a capture (SCCP global titles, whole SCCP addresses): building their text
 * allocates one intermediate string per octet, looking it up here allocates nothing.
 * (Not worth it for subscriber numbers or transaction ids: too many distinct values,
 * the lookup costs more than the build.) Each slot keeps the bytes (length, tag, octets)
 * that produced its value, as words: a lookup hashes and compares four words instead of
 * up to sixteen octets, and a hit is exact; a collision just rebuilds.
 * `tag` separates the renderings (hex, TBCD, SCCP GT …) of the same bytes.
 */
export class DigitMemo<T = string> {
  private readonly keys: Int32Array;
  private readonly vals: (T | undefined)[];
  private readonly mask: number;
  /** Slot and key words of the last `get` (slot -1: not memoisable). */
  private slot = -1;
  private k0 = 0;
  private w0 = 0;
  private w1 = 0;
  private w2 = 0;
  private w3 = 0;

  /** `slots`: a power of two (values other than text, e.g. whole decoded fields, may use the memo too). */
  constructor(slots = MEMO_SLOTS) {
    this.keys = new Int32Array(slots * MEMO_STRIDE);
    this.vals = new Array<T | undefined>(slots).fill(undefined);
    this.mask = slots - 1;
  }

  /** The memoised value of b[s, e) under `tag` (0-255), or undefined: then build it and `put` it (before the next `get`). */
  get(b: Uint8Array, s: number, e: number, tag: number): T | undefined {
    const n = e - s;
    if (n > MEMO_MAX || n < 0) {
      this.slot = -1;
      return undefined;
    }
    const k0 = (n + 1) | (tag << 8);
    const w0 = word(b, s, e), w1 = word(b, s + 4, e), w2 = word(b, s + 8, e), w3 = word(b, s + 12, e);
    let h = Math.imul(k0, 0x9e3779b1);
    h = Math.imul(h ^ w0, 0x01000193);
    h = Math.imul(h ^ w1, 0x01000193);
    h = Math.imul(h ^ w2, 0x01000193);
    h = Math.imul(h ^ w3, 0x01000193);
    const k = (h ^ (h >>> 15)) & this.mask;
    this.slot = k;
    this.k0 = k0;
    this.w0 = w0;
    this.w1 = w1;
    this.w2 = w2;
    this.w3 = w3;
    const keys = this.keys;
    const o = k * MEMO_STRIDE;
    if (keys[o] !== k0 || keys[o + 1] !== w0 || keys[o + 2] !== w1 || keys[o + 3] !== w2 || keys[o + 4] !== w3) return undefined;
    return this.vals[k];
  }

  /** Stores `v` as the value of the bytes the last `get` was asked about (it kept their key); returns `v`. */
  put(v: T): T {
    const k = this.slot;
    if (k < 0) return v;
    const keys = this.keys;
    const o = k * MEMO_STRIDE;
    keys[o] = this.k0;
    keys[o + 1] = this.w0;
    keys[o + 2] = this.w1;
    keys[o + 3] = this.w2;
    keys[o + 4] = this.w3;
    this.vals[k] = v;
    this.slot = -1;
    return v;
  }
}

/** Char codes of both hex digits of each octet value: HEX_CODES[2v], HEX_CODES[2v + 1]. */
const HEX_CODES = new Uint8Array(512);
for (let v = 0; v < 256; v++) {
  HEX_CODES[2 * v] = HEX.charCodeAt(v >> 4);
  HEX_CODES[2 * v + 1] = HEX.charCodeAt(v & 15);
}

/** Lowercase hex of a byte view, no separators (tshark FT_BYTES style). */
export function toHex(b: Uint8Array, start = 0, end = b.length): string {
  // 1-4 octets (TCAP transaction ids, most often): one string made at once instead of one per octet
  const c = HEX_CODES;
  switch (end - start) {
    case 1: {
      const x = b[start]! << 1;
      return String.fromCharCode(c[x]!, c[x + 1]!);
    }
    case 2: {
      const x = b[start]! << 1, y = b[start + 1]! << 1;
      return String.fromCharCode(c[x]!, c[x + 1]!, c[y]!, c[y + 1]!);
    }
    case 3: {
      const x = b[start]! << 1, y = b[start + 1]! << 1, z = b[start + 2]! << 1;
      return String.fromCharCode(c[x]!, c[x + 1]!, c[y]!, c[y + 1]!, c[z]!, c[z + 1]!);
    }
    case 4: {
      const x = b[start]! << 1, y = b[start + 1]! << 1, z = b[start + 2]! << 1, w = b[start + 3]! << 1;
      return String.fromCharCode(c[x]!, c[x + 1]!, c[y]!, c[y + 1]!, c[z]!, c[z + 1]!, c[w]!, c[w + 1]!);
    }
  }
  let s = '';
  for (let i = start; i < end; i++) s += HEX2[b[i]!]!;
  return s;
}

/** Char codes of each octet's low and high TBCD digit (a 0xF high nibble reads 'f', as inside a string). */
const TBCD_LO = new Uint8Array(256);
const TBCD_HI = new Uint8Array(256);
for (let v = 0; v < 256; v++) {
  TBCD_LO[v] = TBCD.charCodeAt(v & 15);
  TBCD_HI[v] = v >> 4 === 15 ? 102 : TBCD.charCodeAt(v >> 4);
}
/** Char codes of the digits being made (up to 16: the numbers tbcd sees most, IMSIs and ISDN numbers, fit). */
const TBCD_CODES: number[] = new Array<number>(16).fill(0);

/**
 * TBCD digits (low nibble first), as in MAP IMSI/ISDN-AddressString digits.
 * A high nibble 0xF ends the string (filler).
 */
export function tbcd(b: Uint8Array, start = 0, end = b.length): string {
  if (end <= start) return '';
  const last = end - 1;
  if (end - start > 8) {
    let s = '';
    for (let i = start; i < last; i++) s += TBCD2[b[i]!]!;
    const v = b[last]!;
    return v >> 4 === 15 ? s + TBCD[v & 15]! : s + TBCD2[v]!;
  }
  // up to 8 octets: one string made at once from the char codes (a string built octet by
  // octet copies itself at each step, then is a chain of pieces to flatten from 13 digits on)
  const c = TBCD_CODES;
  let k = 0;
  for (let i = start; i < last; i++) {
    const v = b[i]!;
    c[k++] = TBCD_LO[v]!;
    c[k++] = TBCD_HI[v]!;
  }
  const v = b[last]!;
  c[k++] = TBCD_LO[v]!;
  if (v >> 4 !== 15) c[k++] = TBCD_HI[v]!;
  for (let i = k; i < 16; i++) c[i] = 0;
  const s = String.fromCharCode(c[0]!, c[1]!, c[2]!, c[3]!, c[4]!, c[5]!, c[6]!, c[7]!, c[8]!, c[9]!, c[10]!, c[11]!, c[12]!, c[13]!, c[14]!, c[15]!);
  return k === 16 ? s : s.slice(0, k);
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
