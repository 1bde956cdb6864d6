/**
 * Tiny test-only writers: pcap / pcapng files and Ethernet / IP / SCTP / TCP
 * packets, built byte by byte so tests can state exactly what is on the wire.
 */

import { catList as concat } from '../../shared/encode/bytes.js';

export { concat };

export function bytes(...xs: (number | number[] | Uint8Array)[]): Uint8Array {
  const a: number[] = [];
  for (const x of xs) {
    if (typeof x === 'number') a.push(x & 255);
    else for (const y of x) a.push(y & 255);
  }
  return Uint8Array.from(a);
}

export function hex(s: string): Uint8Array {
  const t = s.replace(/\s+/g, '');
  const out = new Uint8Array(t.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(t.substr(2 * i, 2), 16);
  return out;
}

export const u16be = (v: number): number[] => [(v >>> 8) & 255, v & 255];
export const u32be = (v: number): number[] => [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
const u16le = (v: number): number[] => [v & 255, (v >>> 8) & 255];
const u32le = (v: number): number[] => [v & 255, (v >>> 8) & 255, (v >>> 16) & 255, (v >>> 24) & 255];

// ------------------------------------------------------------------ pcap

export interface PcapRec {
  sec: number;
  /** µs or ns depending on the file. */
  sub: number;
  data: Uint8Array;
  origLen?: number;
}

export function pcapFile(opts: { link?: number; ns?: boolean; bigEndian?: boolean; snap?: number }, recs: PcapRec[]): Uint8Array {
  const be = !!opts.bigEndian;
  const w16 = be ? u16be : u16le;
  const w32 = be ? u32be : u32le;
  const parts: Uint8Array[] = [bytes(w32(opts.ns ? 0xa1b23c4d : 0xa1b2c3d4), w16(2), w16(4), w32(0), w32(0), w32(opts.snap ?? 262144), w32(opts.link ?? 1))];
  for (const r of recs) parts.push(bytes(w32(r.sec), w32(r.sub), w32(r.data.length), w32(r.origLen ?? r.data.length)), r.data);
  return concat(parts);
}

// ------------------------------------------------------------------ pcapng

export class NgWriter {
  private readonly parts: Uint8Array[] = [];
  private be = false;

  private w16(v: number): number[] {
    return this.be ? u16be(v) : u16le(v);
  }
  private w32(v: number): number[] {
    return this.be ? u32be(v) : u32le(v);
  }

  block(type: number, body: Uint8Array): this {
    const pad = (4 - (body.length % 4)) % 4;
    const len = 12 + body.length + pad;
    this.parts.push(bytes(this.w32(type), this.w32(len)), body, new Uint8Array(pad), bytes(this.w32(len)));
    return this;
  }

  /** Section header; `bigEndian` sets the byte order of this section. */
  shb(bigEndian = false): this {
    this.be = bigEndian;
    return this.block(0x0a0d0d0a, bytes(this.w32(0x1a2b3c4d), this.w16(1), this.w16(0), [255, 255, 255, 255, 255, 255, 255, 255]));
  }

  /** Interface: tsresol byte (e.g. 6, 9, 0x80|20) and tsoffset seconds as options. */
  idb(link: number, o: { snap?: number; tsresol?: number; tsoffset?: number } = {}): this {
    const opts: number[] = [];
    if (o.tsresol !== undefined) opts.push(...this.w16(9), ...this.w16(1), o.tsresol, 0, 0, 0);
    if (o.tsoffset !== undefined) {
      const lo = o.tsoffset >>> 0;
      const hi = Math.floor(o.tsoffset / 4294967296) >>> 0;
      opts.push(...this.w16(14), ...this.w16(8), ...(this.be ? [...u32be(hi), ...u32be(lo)] : [...u32le(lo), ...u32le(hi)]));
    }
    // a comment option, to be skipped
    opts.push(...this.w16(1), ...this.w16(3), 0x61, 0x62, 0x63, 0);
    opts.push(0, 0, 0, 0);
    return this.block(1, bytes(this.w16(link), this.w16(0), this.w32(o.snap ?? 0), opts));
  }

  /** Enhanced packet; ts is the raw 64-bit count in the interface's units (as a bigint). */
  epb(iface: number, ts: bigint, data: Uint8Array, origLen = data.length): this {
    const hi = Number(ts >> 32n);
    const lo = Number(ts & 0xffffffffn);
    const pad = (4 - (data.length % 4)) % 4;
    return this.block(6, concat([bytes(this.w32(iface), this.w32(hi), this.w32(lo), this.w32(data.length), this.w32(origLen)), data, new Uint8Array(pad)]));
  }

  spb(data: Uint8Array, origLen = data.length): this {
    const pad = (4 - (data.length % 4)) % 4;
    return this.block(3, concat([bytes(this.w32(origLen)), data, new Uint8Array(pad)]));
  }

  /** Obsolete Packet Block (type 2). */
  pb(iface: number, ts: bigint, data: Uint8Array): this {
    const pad = (4 - (data.length % 4)) % 4;
    return this.block(2, concat([bytes(this.w16(iface), this.w16(0), this.w32(Number(ts >> 32n)), this.w32(Number(ts & 0xffffffffn)), this.w32(data.length), this.w32(data.length)), data, new Uint8Array(pad)]));
  }

  raw(b: Uint8Array): this {
    this.parts.push(b);
    return this;
  }

  build(): Uint8Array {
    return concat(this.parts);
  }
}

// ------------------------------------------------------------------ packets

export function ether(payload: Uint8Array, type = 0x0800, vlans: number[] = []): Uint8Array {
  const tags: number[] = [];
  vlans.forEach((v, i) => tags.push(...u16be(i === 0 && vlans.length > 1 ? 0x88a8 : 0x8100), ...u16be(v)));
  if (tags.length) {
    // tags[] holds (TPID, TCI) pairs; the frame is dst, src, TPID1, TCI1, TPID2, TCI2, type
    return concat([bytes([0, 1, 2, 3, 4, 5], [0, 1, 2, 3, 4, 6], tags, u16be(type)), payload]);
  }
  return concat([bytes([0, 1, 2, 3, 4, 5], [0, 1, 2, 3, 4, 6], u16be(type)), payload]);
}

export function ipv4(proto: number, payload: Uint8Array, o: { src?: number[]; dst?: number[]; id?: number; off?: number; mf?: boolean } = {}): Uint8Array {
  const src = o.src ?? [10, 0, 0, 1];
  const dst = o.dst ?? [10, 0, 0, 2];
  const ff = ((o.mf ? 0x2000 : 0) | ((o.off ?? 0) >> 3)) & 0xffff;
  return concat([bytes(0x45, 0, u16be(20 + payload.length), u16be(o.id ?? 1), u16be(ff), 64, proto, 0, 0, src, dst), payload]);
}

export function ipv6(nh: number, payload: Uint8Array, o: { src?: number[]; dst?: number[] } = {}): Uint8Array {
  const src = o.src ?? [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
  const dst = o.dst ?? [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2];
  return concat([bytes(0x60, 0, 0, 0, u16be(payload.length), nh, 64, src, dst), payload]);
}

export function sctp(chunks: Uint8Array[], o: { sport?: number; dport?: number; vtag?: number } = {}): Uint8Array {
  return concat([bytes(u16be(o.sport ?? 2905), u16be(o.dport ?? 2905), u32be(o.vtag ?? 0x1234), u32be(0)), ...chunks]);
}

/** DATA chunk (padded). flags: 3 = complete, 2 = first, 0 = middle, 1 = last; |4 unordered. */
export function dataChunk(tsn: number, payload: Uint8Array, o: { flags?: number; sid?: number; ssn?: number; ppid?: number; noPad?: boolean } = {}): Uint8Array {
  const len = 16 + payload.length;
  const pad = o.noPad ? 0 : (4 - (len % 4)) % 4;
  return concat([bytes(0, o.flags ?? 3, u16be(len), u32be(tsn), u16be(o.sid ?? 0), u16be(o.ssn ?? 0), u32be(o.ppid ?? 3)), payload, new Uint8Array(pad)]);
}

/** I-DATA chunk (type 64): the B fragment carries the PPID, later ones the FSN. */
export function idataChunk(tsn: number, payload: Uint8Array, o: { flags: number; sid?: number; mid: number; ppidOrFsn: number }): Uint8Array {
  const len = 20 + payload.length;
  const pad = (4 - (len % 4)) % 4;
  return concat([bytes(64, o.flags, u16be(len), u32be(tsn), u16be(o.sid ?? 0), 0, 0, u32be(o.mid), u32be(o.ppidOrFsn)), payload, new Uint8Array(pad)]);
}

export function chunk(type: number, body: Uint8Array, flags = 0): Uint8Array {
  const len = 4 + body.length;
  const pad = (4 - (len % 4)) % 4;
  return concat([bytes(type, flags, u16be(len)), body, new Uint8Array(pad)]);
}

export function tcp(payload: Uint8Array, o: { sport?: number; dport?: number; seq: number; flags?: number }): Uint8Array {
  return concat([bytes(u16be(o.sport ?? 40000), u16be(o.dport ?? 3868), u32be(o.seq), u32be(0), 0x50, o.flags ?? 0x18, u16be(65535), 0, 0, 0, 0), payload]);
}

export function udp(payload: Uint8Array, sport = 5000, dport = 5001): Uint8Array {
  return concat([bytes(u16be(sport), u16be(dport), u16be(8 + payload.length), 0, 0), payload]);
}

/** An M3UA ASPSM BEAT message carrying `n` bytes of heartbeat data (n multiple of 4 keeps it aligned). */
export function m3uaBeat(n = 4, fill = 0x41): Uint8Array {
  const body = concat([bytes(u16be(9), u16be(4 + n)), new Uint8Array(n).fill(fill)]);
  return concat([bytes(1, 0, 3, 3, u32be(8 + body.length)), body]);
}

/** A Diameter message (version 1) with one Origin-Host AVP padded to `size` bytes total (multiple of 4, ≥ 32). */
export function diameter(o: { cmd?: number; request?: boolean; hbh?: number; size?: number } = {}): Uint8Array {
  const size = o.size ?? 40;
  const avpLen = size - 20;
  const avp = concat([bytes(u32be(264), 0x40, (avpLen >> 16) & 255, u16be(avpLen & 0xffff)), new Uint8Array(avpLen - 8).fill(0x68)]);
  return concat([bytes(1, (size >> 16) & 255, u16be(size & 0xffff), o.request === false ? 0x00 : 0x80, 0, u16be(o.cmd ?? 280), u32be(0), u32be(o.hbh ?? 1), u32be(2)), avp]);
}
