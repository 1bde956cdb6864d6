/**
 * Allocation-free BER reader over a Uint8Array with integer offsets.
 *
 * `readTlv(b, off, limit)` parses one identifier + length at `off` and leaves
 * the result in the shared `tlv` scratch object (copy what you need before the
 * next call). Indefinite lengths (0x80 … 00 00) are resolved by scanning the
 * nested elements. Every read is bounds-checked against `limit`.
 */

export const CLS_UNIVERSAL = 0;
export const CLS_APPLICATION = 1;
export const CLS_CONTEXT = 2;
export const CLS_PRIVATE = 3;

/** Error codes returned by readTlv (0 = ok). */
export const BER_OK = 0;
export const BER_TRUNC_TAG = 1;
export const BER_TRUNC_LEN = 2;
export const BER_BAD_LEN = 3;
export const BER_TRUNC_VALUE = 4;
export const BER_NO_EOC = 5;
export const BER_DEPTH = 6;

const ERR_TEXT = ['ok', 'truncated tag', 'truncated length', 'unsupported length form', 'value exceeds the enclosing data', 'indefinite length without end-of-contents', 'nesting too deep'];

export function berErrorText(code: number): string {
  return ERR_TEXT[code] ?? 'ber error';
}

export interface Tlv {
  /** Offset of the identifier octet. */
  start: number;
  cls: number;
  constructed: boolean;
  tag: number;
  /** Lookup key: class * 2^24 + tag number. */
  key: number;
  /** Value start and end (end excludes the EOC of an indefinite form). */
  vs: number;
  ve: number;
  /** Offset just after the element. */
  next: number;
  indefinite: boolean;
  /** Long-form definite length used. */
  longLen: boolean;
  /** readTlv(…, clamp=true) only: bytes missing from a definite length that ran past the limit (0 when complete). */
  missing: number;
}

export const tlv: Tlv = { start: 0, cls: 0, constructed: false, tag: 0, key: 0, vs: 0, ve: 0, next: 0, indefinite: false, longLen: false, missing: 0 };

/** Offset at which the last error was detected. */
export let berErrOffset = 0;

export function tagKey(cls: number, tag: number): number {
  return cls * 0x1000000 + tag;
}

/** Key of a single-octet identifier (low tag numbers), e.g. key1(0x80) = context [0]. */
export function key1(idByte: number): number {
  return tagKey(idByte >> 6, idByte & 0x1f);
}

function fail(code: number, at: number): number {
  berErrOffset = at;
  return code;
}

/**
 * Parse one TLV header at `off` (no deeper than `limit`). Returns BER_OK or an error code.
 * With `clamp`, a definite length running past `limit` is cut at `limit` (tlv.missing says by how much),
 * as Wireshark keeps decoding a message whose outer length is too long.
 */
export function readTlv(b: Uint8Array, off: number, limit: number, depth = 0, clamp = false): number {
  if (off >= limit) return fail(BER_TRUNC_TAG, off);
  const id = b[off]!;
  let p = off + 1;
  let tag = id & 0x1f;
  if (tag === 0x1f) {
    tag = 0;
    let n = 0;
    for (;;) {
      if (p >= limit) return fail(BER_TRUNC_TAG, p);
      const v = b[p++]!;
      tag = tag * 128 + (v & 0x7f);
      if (++n > 4) return fail(BER_TRUNC_TAG, p);
      if (!(v & 0x80)) break;
    }
  }
  if (p >= limit) return fail(BER_TRUNC_LEN, p);
  const l0 = b[p++]!;
  let len = 0;
  let indefinite = false;
  let longLen = false;
  if (l0 < 0x80) len = l0;
  else if (l0 === 0x80) indefinite = true;
  else {
    const n = l0 & 0x7f;
    if (n > 4) return fail(BER_BAD_LEN, p - 1);
    if (p + n > limit) return fail(BER_TRUNC_LEN, p);
    for (let i = 0; i < n; i++) len = len * 256 + b[p++]!;
    longLen = true;
  }
  const cls = id >> 6;
  const constructed = (id & 0x20) !== 0;
  if (indefinite) {
    if (!constructed) return fail(BER_BAD_LEN, p - 1);
    if (depth > 32) return fail(BER_DEPTH, off);
    // scan nested elements up to the end-of-contents octets
    let q = p;
    for (;;) {
      if (q + 2 > limit) return fail(BER_NO_EOC, q);
      if (b[q] === 0 && b[q + 1] === 0) break;
      const e = readTlv(b, q, limit, depth + 1);
      if (e) return e;
      q = tlv.next;
    }
    tlv.start = off;
    tlv.cls = cls;
    tlv.constructed = true;
    tlv.tag = tag;
    tlv.key = cls * 0x1000000 + tag;
    tlv.vs = p;
    tlv.ve = q;
    tlv.next = q + 2;
    tlv.indefinite = true;
    tlv.longLen = false;
    tlv.missing = 0;
    return BER_OK;
  }
  let missing = 0;
  if (p + len > limit) {
    if (!clamp) return fail(BER_TRUNC_VALUE, p);
    missing = p + len - limit;
    len = limit - p;
  }
  tlv.missing = missing;
  tlv.start = off;
  tlv.cls = cls;
  tlv.constructed = constructed;
  tlv.tag = tag;
  tlv.key = cls * 0x1000000 + tag;
  tlv.vs = p;
  tlv.ve = p + len;
  tlv.next = p + len;
  tlv.indefinite = false;
  tlv.longLen = longLen;
  return BER_OK;
}

/** Two's-complement integer of the value bytes (values longer than 6 bytes keep their low 6 bytes). */
export function readInt(b: Uint8Array, vs: number, ve: number): number {
  if (ve <= vs) return 0;
  const from = ve - vs > 6 ? ve - 6 : vs;
  const f = b[from]!;
  let v = f > 127 ? f - 256 : f;
  for (let i = from + 1; i < ve; i++) v = v * 256 + b[i]!;
  return v;
}

/** Unsigned integer of the value bytes (max 6 bytes used, low-order). */
export function readUint(b: Uint8Array, vs: number, ve: number): number {
  let v = 0;
  const from = ve - vs > 6 ? ve - 6 : vs;
  for (let i = from; i < ve; i++) v = v * 256 + b[i]!;
  return v;
}

/** Dotted OID text of an OBJECT IDENTIFIER value; '' when malformed. */
export function readOid(b: Uint8Array, vs: number, ve: number): string {
  if (ve <= vs) return '';
  let s = '';
  let v = 0;
  let first = true;
  for (let i = vs; i < ve; i++) {
    const c = b[i]!;
    v = v * 128 + (c & 0x7f);
    if (c & 0x80) {
      if (i === ve - 1) return '';
      continue;
    }
    if (first) {
      const a = v < 40 ? 0 : v < 80 ? 1 : 2;
      s = a + '.' + (v - a * 40);
      first = false;
    } else s += '.' + v;
    v = 0;
  }
  return s;
}
