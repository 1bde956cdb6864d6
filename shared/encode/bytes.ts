/**
 * Byte helpers shared by every encoder: concatenation, big-endian integers,
 * BER tag-length-value, and a growable output buffer. Pure TypeScript.
 */

export function cat(...parts: (Uint8Array | number[])[]): Uint8Array {
  return catList(parts);
}

export function catList(parts: readonly (Uint8Array | number[])[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export function u16(v: number): number[] {
  return [(v >>> 8) & 255, v & 255];
}
export function u24(v: number): number[] {
  return [(v >>> 16) & 255, (v >>> 8) & 255, v & 255];
}
export function u32(v: number): number[] {
  return [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
}

const enc = new TextEncoder();
export function utf8(s: string): Uint8Array {
  return enc.encode(s);
}

export function fromHex(h: string): Uint8Array {
  const out = new Uint8Array(h.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(h.substr(i * 2, 2), 16);
  return out;
}

/** BER length octets (definite form). */
export function berLen(n: number): number[] {
  if (n < 0x80) return [n];
  if (n < 0x100) return [0x81, n];
  if (n < 0x10000) return [0x82, n >> 8, n & 255];
  return [0x83, (n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * BER TLV. `tag` is the identifier octet(s) as a number: one octet up to 0xff,
 * two octets up to 0xffff (e.g. 0x9f1c for [28] IMPLICIT primitive), three above.
 */
export function tlv(tag: number, content: Uint8Array | number[]): Uint8Array {
  const n = content.length;
  const out = new Uint8Array(tlvHeaderSize(tag, n) + n);
  out.set(content, writeTlvHeader(out, tag, n));
  return out;
}

/** Bytes taken by the identifier and definite-length octets of a TLV with `n` content bytes. */
function tlvHeaderSize(tag: number, n: number): number {
  return (tag > 0xffff ? 3 : tag > 0xff ? 2 : 1) + (n < 0x80 ? 1 : n < 0x100 ? 2 : n < 0x10000 ? 3 : 4);
}

/** Writes identifier and definite-length octets at the start of `out`; returns where the content starts. */
function writeTlvHeader(out: Uint8Array, tag: number, n: number): number {
  let o = 0;
  if (tag > 0xffff) out[o++] = (tag >> 16) & 255;
  if (tag > 0xff) out[o++] = (tag >> 8) & 255;
  out[o++] = tag & 255;
  if (n < 0x80) out[o++] = n;
  else if (n < 0x100) {
    out[o++] = 0x81;
    out[o++] = n;
  } else if (n < 0x10000) {
    out[o++] = 0x82;
    out[o++] = n >> 8;
    out[o++] = n & 255;
  } else {
    out[o++] = 0x83;
    out[o++] = (n >> 16) & 255;
    out[o++] = (n >> 8) & 255;
    out[o++] = n & 255;
  }
  return o;
}

/** Constructed TLV from several parts (skips undefined); one allocation. */
export function seq(tag: number, ...parts: (Uint8Array | undefined)[]): Uint8Array {
  let n = 0;
  for (const p of parts) if (p) n += p.length;
  const out = new Uint8Array(tlvHeaderSize(tag, n) + n);
  let o = writeTlvHeader(out, tag, n);
  for (const p of parts)
    if (p) {
      out.set(p, o);
      o += p.length;
    }
  return out;
}

/** Minimal two's-complement content octets of a non-negative or negative integer. */
export function berIntContent(v: number): number[] {
  const out: number[] = [];
  let x = v;
  for (;;) {
    out.unshift(x & 255);
    const next = Math.floor(x / 256);
    if ((next === 0 && (out[0]! & 0x80) === 0) || (next === -1 && (out[0]! & 0x80) !== 0)) break;
    x = next;
  }
  return out;
}

export function berInt(tag: number, v: number): Uint8Array {
  return tlv(tag, berIntContent(v));
}

const oidCache = new Map<string, number[]>();

/** OID content octets from a dotted string (cached: the same few contexts recur). */
export function oidContent(dotted: string): number[] {
  let c = oidCache.get(dotted);
  if (!c) {
    c = oidEncode(dotted);
    if (oidCache.size < 4096) oidCache.set(dotted, c);
  }
  return c;
}

function oidEncode(dotted: string): number[] {
  const arcs = dotted.split('.').map(Number);
  const out: number[] = [];
  const push = (v: number): void => {
    const tmp: number[] = [v & 127];
    v = Math.floor(v / 128);
    while (v > 0) {
      tmp.unshift((v & 127) | 128);
      v = Math.floor(v / 128);
    }
    out.push(...tmp);
  };
  push(arcs[0]! * 40 + (arcs[1] ?? 0));
  for (let i = 2; i < arcs.length; i++) push(arcs[i]!);
  return out;
}

/**
 * Growable byte sink used by the capture writer: appends into a large block and
 * hands full blocks to a consumer, so memory stays flat however long the capture.
 */
export class ChunkBuffer {
  private buf: Uint8Array;
  private pos = 0;
  readonly view: DataView;
  constructor(
    private readonly size: number,
    private readonly flushTo: (chunk: Uint8Array) => void,
  ) {
    this.buf = new Uint8Array(size);
    this.view = new DataView(this.buf.buffer);
  }
  /** Reserve n bytes and return their offset inside the current block (flushing first if needed). */
  reserve(n: number): { buf: Uint8Array; dv: DataView; off: number } {
    if (this.pos + n > this.buf.length) {
      this.flush();
      if (n > this.buf.length) {
        this.buf = new Uint8Array(n);
        (this as { view: DataView }).view = new DataView(this.buf.buffer);
      }
    }
    const off = this.pos;
    this.pos += n;
    return { buf: this.buf, dv: this.view, off };
  }
  flush(): void {
    if (this.pos === 0) return;
    this.flushTo(this.buf.slice(0, this.pos));
    this.pos = 0;
    if (this.buf.length !== this.size) {
      this.buf = new Uint8Array(this.size);
      (this as { view: DataView }).view = new DataView(this.buf.buffer);
    }
  }
}

