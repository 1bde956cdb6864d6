/**
 * Framing writers for the variant captures: every layer a real capture may put
 * around an SS7 / SIGTRAN / Diameter message, written from the protocol
 * definitions (link types per tcpdump.org/linktypes, IPv4 RFC 791, IPv6 RFC 8200,
 * SCTP RFC 4960 / I-DATA RFC 8260, TCP RFC 793, M2PA RFC 4165, M2UA RFC 3331,
 * SUA RFC 3868, MTP2/MTP3 Q.703/Q.704, SCCP Q.713, BER X.690).
 */
import { catList, u16, u32 } from '../../../shared/encode/bytes.js';
import { crc32c } from '../../../shared/encode/crc32c.js';

export const cat = (...p: (Uint8Array | number[])[]): Uint8Array => catList(p);
const pad4 = (n: number): number[] => new Array<number>((4 - (n % 4)) % 4).fill(0);
const u16le = (v: number): number[] => [v & 255, (v >>> 8) & 255];
const u32le = (v: number): number[] => [v & 255, (v >>> 8) & 255, (v >>> 16) & 255, (v >>> 24) & 255];

// ------------------------------------------------------------------ link layers

export const MAC_A = [0x02, 0, 0, 0, 0, 1];
export const MAC_B = [0x02, 0, 0, 0, 0, 2];

/** Ethernet II; `tags` are (TPID, VID) pairs written outermost first. */
export function ether(ethertype: number, payload: Uint8Array, tags: [number, number][] = []): Uint8Array {
  return cat(MAC_B, MAC_A, ...tags.map(([tpid, vid]) => [...u16(tpid), ...u16(vid & 0xfff)]), u16(ethertype), payload);
}

/** Linux cooked capture v1 (LINKTYPE_LINUX_SLL 113): packet type, ARPHRD, address length, address(8), protocol. */
export function sll(ethertype: number, payload: Uint8Array): Uint8Array {
  return cat(u16(0), u16(1), u16(6), MAC_A, [0, 0], u16(ethertype), payload);
}

/** Linux cooked capture v2 (LINKTYPE_LINUX_SLL2 276): protocol, reserved, ifindex, ARPHRD, packet type, address length, address(8). */
export function sll2(ethertype: number, payload: Uint8Array): Uint8Array {
  return cat(u16(ethertype), u16(0), u32(3), u16(1), [4], [6], MAC_A, [0, 0], payload);
}

/** BSD null (LINKTYPE_NULL 0, AF in the writer's byte order, here little-endian) or OpenBSD loop (108, network order). */
export function nullLink(af: number, payload: Uint8Array, networkOrder = false): Uint8Array {
  return cat(networkOrder ? u32(af) : u32le(af), payload);
}

// ------------------------------------------------------------------ IP

export interface V4Opts {
  src: number[];
  dst: number[];
  id?: number;
  /** Fragment offset in bytes (multiple of 8). */
  off?: number;
  mf?: boolean;
  df?: boolean;
  /** IPv4 options (padded to a multiple of 4 with end-of-options). */
  options?: number[];
}

export function ipv4(proto: number, payload: Uint8Array, o: V4Opts): Uint8Array {
  const ff = (o.mf ? 0x2000 : 0) | (o.df ? 0x4000 : 0) | ((o.off ?? 0) >> 3);
  const opts = o.options ? [...o.options, ...pad4(o.options.length)] : [];
  const hl = 20 + opts.length;
  const h = [0x40 | (hl >> 2), 0, ...u16(hl + payload.length), ...u16(o.id ?? 1), ...u16(ff), 64, proto, 0, 0, ...o.src, ...o.dst, ...opts];
  let sum = 0;
  for (let i = 0; i < hl; i += 2) sum += (h[i]! << 8) | h[i + 1]!;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  h[10] = (~sum >> 8) & 255;
  h[11] = ~sum & 255;
  return cat(h, payload);
}

/** Splits an upper-layer datagram into IPv4 fragments of at most `size` payload bytes (multiple of 8). */
export function ipv4Fragments(proto: number, payload: Uint8Array, o: V4Opts, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let off = 0; off < payload.length; off += size) {
    const end = Math.min(payload.length, off + size);
    out.push(ipv4(proto, payload.subarray(off, end), { ...o, off, mf: end < payload.length }));
  }
  return out;
}

export function v6addr(last: number): number[] {
  return [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, last];
}

/** IPv6 extension header with next header `nh` and `len8` 8-octet units after the first 8 (options: PadN). */
export function v6ext(nh: number, len8 = 0): number[] {
  const body = 6 + len8 * 8;
  return [nh, len8, 1, body - 2, ...new Array<number>(body - 2).fill(0)];
}

/** IPv6 with optional extension headers written before the upper layer; `chain` lists their types in order. */
export function ipv6(proto: number, payload: Uint8Array, src: number[], dst: number[], chain: number[] = []): Uint8Array {
  const ext: number[] = [];
  for (let i = 0; i < chain.length; i++) ext.push(...v6ext(i + 1 < chain.length ? chain[i + 1]! : proto, i));
  const first = chain.length ? chain[0]! : proto;
  return cat([0x60, 0, 0, 0], u16(ext.length + payload.length), [first, 64], src, dst, ext, payload);
}

/** IPv6 fragments (fragment header, RFC 8200 §4.5) of `payload` (upper-layer protocol `proto`), fragments of `size` bytes (multiple of 8). */
export function ipv6Fragments(proto: number, payload: Uint8Array, src: number[], dst: number[], id: number, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let off = 0; off < payload.length; off += size) {
    const end = Math.min(payload.length, off + size);
    const fh = [proto, 0, ...u16(off | (end < payload.length ? 1 : 0)), ...u32(id)];
    out.push(cat([0x60, 0, 0, 0], u16(8 + end - off), [44, 64], src, dst, fh, payload.subarray(off, end)));
  }
  return out;
}

// ------------------------------------------------------------------ SCTP

export interface DataOpts {
  tsn: number;
  sid?: number;
  ssn?: number;
  ppid: number;
  /** B/E bits: 3 complete, 2 first, 0 middle, 1 last. */
  be?: number;
  unordered?: boolean;
}

export function dataChunk(payload: Uint8Array, o: DataOpts): Uint8Array {
  const len = 16 + payload.length;
  return cat([0, (o.be ?? 3) | (o.unordered ? 4 : 0)], u16(len), u32(o.tsn), u16(o.sid ?? 0), u16(o.ssn ?? 0), u32(o.ppid), payload, pad4(len));
}

/** I-DATA (RFC 8260): MID and, for the first fragment, the PPID, else the FSN. */
export function idataChunk(payload: Uint8Array, o: { tsn: number; sid?: number; mid: number; be: number; ppidOrFsn: number; unordered?: boolean }): Uint8Array {
  const len = 20 + payload.length;
  return cat([64, o.be | (o.unordered ? 4 : 0)], u16(len), u32(o.tsn), u16(o.sid ?? 0), [0, 0], u32(o.mid), u32(o.ppidOrFsn), payload, pad4(len));
}

export function sackChunk(cumTsn: number): Uint8Array {
  return cat([3, 0], u16(16), u32(cumTsn), u32(65535), u16(0), u16(0));
}

export function sctp(sport: number, dport: number, vtag: number, chunks: Uint8Array[]): Uint8Array {
  const p = cat(u16(sport), u16(dport), u32(vtag), [0, 0, 0, 0], ...chunks);
  const c = crc32c(p);
  p.set(u32le(c), 8);
  return p;
}

// ------------------------------------------------------------------ TCP

export function tcp(sport: number, dport: number, seq: number, payload: Uint8Array, flags = 0x18, ack = 1): Uint8Array {
  return cat(u16(sport), u16(dport), u32(seq), u32(ack), [0x50, flags], u16(65535), [0, 0, 0, 0], payload);
}

// ------------------------------------------------------------------ SS7 links and adaptation layers

/** ITU MTP3 message: SIO (NI, SI) and the 32-bit routing label (DPC 14, OPC 14, SLS 4 bits, least significant octet first). */
export function mtp3(si: number, ni: number, opc: number, dpc: number, sls: number, payload: Uint8Array): Uint8Array {
  const label = ((dpc & 0x3fff) | ((opc & 0x3fff) << 14) | ((sls & 15) << 28)) >>> 0;
  return cat([(ni << 6) | si], u32le(label), payload);
}

/** MTP2 signal unit (Q.703): BSN/BIB, FSN/FIB, LI (63 when the SIF is longer), then the MTP3 message; no FCS. */
export function mtp2(msu: Uint8Array, bsn = 1, fsn = 2): Uint8Array {
  return cat([0x80 | bsn, 0x80 | fsn, Math.min(63, msu.length)], msu);
}

/** LINKTYPE_MTP2_WITH_PHDR (139): sent, Annex A used, link number (little-endian), then the MTP2 signal unit. */
export function mtp2Phdr(su: Uint8Array, link = 5): Uint8Array {
  return cat([0, 0], u16le(link), su);
}

function sigtranParam(tag: number, value: Uint8Array | number[]): number[] {
  return [...u16(tag), ...u16(4 + value.length), ...value, ...pad4(value.length)];
}

function sigtranMsg(cls: number, type: number, params: number[][]): Uint8Array {
  const body = params.flat();
  return cat([1, 0, cls, type], u32(8 + body.length), body);
}

/** M2PA User Data (RFC 4165): header, BSN, FSN, priority octet, MTP3 message. */
export function m2paData(msu: Uint8Array, bsn = 7, fsn = 8): Uint8Array {
  const body = cat(u32(bsn & 0xffffff), u32(fsn & 0xffffff), [0], msu);
  return cat([1, 0, 11, 1], u32(8 + body.length), body);
}

/** M2UA DATA (RFC 3331, MAUP class 6 type 1): Interface Identifier (integer), Protocol Data 1 (the MTP3 message). */
export function m2uaData(msu: Uint8Array, ifid = 1): Uint8Array {
  return sigtranMsg(6, 1, [sigtranParam(0x0001, u32(ifid)), sigtranParam(0x0300, msu)]);
}

/** M3UA DATA (RFC 4666) with a Routing Context and Protocol Data. */
export function m3uaData(opc: number, dpc: number, si: number, payload: Uint8Array, rc = 100): Uint8Array {
  const pd = cat(u32(opc), u32(dpc), [si, 0, 0, 5], payload);
  return sigtranMsg(1, 1, [sigtranParam(0x0006, u32(rc)), sigtranParam(0x0210, pd)]);
}

export interface SuaAddr {
  gt?: { digits: string; tt?: number; np?: number; nai?: number };
  pc?: number;
  ssn?: number;
}

function suaAddress(a: SuaAddr): number[] {
  const ri = a.gt ? 1 : 2;
  const ai = (a.ssn !== undefined ? 1 : 0) | (a.pc !== undefined ? 2 : 0) | (a.gt ? 4 : 0);
  const sub: number[][] = [];
  if (a.gt) {
    const d = a.gt.digits;
    sub.push(sigtranParam(0x8001, [0, 0, 0, 4, d.length, a.gt.tt ?? 0, a.gt.np ?? 1, a.gt.nai ?? 4, ...bcd(d)]));
  }
  if (a.pc !== undefined) sub.push(sigtranParam(0x8002, u32(a.pc)));
  if (a.ssn !== undefined) sub.push(sigtranParam(0x8003, [0, 0, 0, a.ssn]));
  return [...u16(ri), ...u16(ai), ...sub.flat()];
}

/** SUA CLDT (RFC 3868, class 7 type 1): Routing Context, Protocol Class, Source/Destination Address, Sequence Control, Data. */
export function suaCldt(calling: SuaAddr, called: SuaAddr, data: Uint8Array, rc = 7): Uint8Array {
  return sigtranMsg(7, 1, [
    sigtranParam(0x0006, u32(rc)),
    sigtranParam(0x0115, [0, 0, 0, 0]),
    sigtranParam(0x0102, suaAddress(calling)),
    sigtranParam(0x0103, suaAddress(called)),
    sigtranParam(0x0116, [0, 0, 0, 0]),
    sigtranParam(0x010b, data),
  ]);
}

// ------------------------------------------------------------------ SCCP (ITU Q.713)

export function bcd(d: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < d.length; i += 2) out.push(parseInt(d[i]!, 16) | (i + 1 < d.length ? parseInt(d[i + 1]!, 16) << 4 : 0));
  return out;
}

export interface SccpAddr {
  /** Global title indicator 0..4 (0: no GT). */
  gti: number;
  digits?: string;
  ssn?: number;
  pc?: number;
  /** Route on SSN (bit 7 of the address indicator) instead of GT. */
  routeOnSsn?: boolean;
  tt?: number;
  np?: number;
  nai?: number;
}

/** Called/calling party address value (Q.713 §3.4): indicator, [PC], [SSN], [GT]. */
export function sccpAddr(a: SccpAddr): number[] {
  const ai = (a.routeOnSsn ? 0x40 : 0) | (a.gti << 2) | (a.ssn !== undefined ? 2 : 0) | (a.pc !== undefined ? 1 : 0);
  const out = [ai];
  if (a.pc !== undefined) out.push(...u16le(a.pc & 0x3fff));
  if (a.ssn !== undefined) out.push(a.ssn);
  const d = a.digits ?? '';
  const oe = d.length & 1 ? 1 : 2;
  switch (a.gti) {
    case 1:
      out.push(((d.length & 1) << 7) | (a.nai ?? 4), ...bcd(d));
      break;
    case 2:
      out.push(a.tt ?? 0, ...bcd(d));
      break;
    case 3:
      out.push(a.tt ?? 0, ((a.np ?? 1) << 4) | oe, ...bcd(d));
      break;
    case 4:
      out.push(a.tt ?? 0, ((a.np ?? 1) << 4) | oe, a.nai ?? 4, ...bcd(d));
      break;
  }
  return out;
}

/** UDT (0x09): class, three 1-octet pointers, called, calling, data. */
export function udt(called: SccpAddr, calling: SccpAddr, data: Uint8Array, cls = 0x80): Uint8Array {
  const cd = sccpAddr(called), cg = sccpAddr(calling);
  return cat([0x09, cls, 3, 3 + cd.length, 3 + cd.length + cg.length], [cd.length], cd, [cg.length], cg, [data.length], data);
}

/** XUDT (0x11): class, hop counter, four pointers, called, calling, data, optional part (e.g. segmentation, 0x10). */
export function xudt(called: SccpAddr, calling: SccpAddr, data: Uint8Array, opt?: number[], cls = 0x80): Uint8Array {
  const cd = sccpAddr(called), cg = sccpAddr(calling);
  // each pointer counts from its own octet (3..6) to the length octet of its parameter
  const pData = 4 + cd.length + cg.length;
  const pOpt = opt ? pData + data.length : 0;
  return cat([0x11, cls, 15, 4, 4 + cd.length, pData, pOpt], [cd.length], cd, [cg.length], cg, [data.length], data, opt ? [...opt, 0] : []);
}

/** Segmentation parameter (Q.713 §3.17): F bit, class, remaining segments, 3-octet local reference. */
export function segmentation(first: boolean, remaining: number, ref: number, inSequence = true): number[] {
  return [0x10, 4, (first ? 0x80 : 0) | (inSequence ? 0x40 : 0) | (remaining & 15), ref & 255, (ref >> 8) & 255, (ref >> 16) & 255];
}

/**
 * LUDT (0x13): class, hop counter, four 2-octet pointers (least significant octet first),
 * 1-octet address lengths, 2-octet long-data length. A 2-octet pointer counts from its
 * most significant (second) octet, as Wireshark reads it.
 */
export function ludt(called: SccpAddr, calling: SccpAddr, data: Uint8Array, cls = 0x80): Uint8Array {
  const cd = sccpAddr(called), cg = sccpAddr(calling);
  // pointers' second octets are at 4, 6, 8; the called length octet is at 11
  const pCd = 7;
  const pCg = 6 + cd.length;
  const pData = 5 + cd.length + cg.length;
  return cat([0x13, cls, 15], u16le(pCd), u16le(pCg), u16le(pData), u16le(0), [cd.length], cd, [cg.length], cg, u16le(data.length), data);
}

// ------------------------------------------------------------------ BER re-encoding

/**
 * Re-encodes a BER value with other length forms: 'long' writes every length in the
 * two-octet long form (0x82 hh ll), 'indefinite' writes constructed values with the
 * indefinite form (0x80 … 00 00) and primitive ones in the long form.
 */
export function reencodeBer(b: Uint8Array, form: 'long' | 'indefinite'): Uint8Array {
  const out: number[] = [];
  let o = 0;
  while (o < b.length) {
    const start = o;
    const constructed = (b[o]! & 0x20) !== 0;
    if ((b[o]! & 0x1f) === 0x1f) {
      o++;
      while (b[o]! & 0x80) o++;
    }
    o++;
    const tag = b.subarray(start, o);
    let len = b[o++]!;
    if (len & 0x80) {
      const n = len & 0x7f;
      len = 0;
      for (let i = 0; i < n; i++) len = len * 256 + b[o++]!;
    }
    const content = b.subarray(o, o + len);
    o += len;
    out.push(...tag);
    if (constructed) {
      const inner = reencodeBer(content, form);
      if (form === 'indefinite') out.push(0x80, ...inner, 0, 0);
      else out.push(0x82, ...u16(inner.length), ...inner);
    } else out.push(0x82, ...u16(content.length), ...content);
  }
  return Uint8Array.from(out);
}

// ------------------------------------------------------------------ capture files

export interface Frame {
  link: number;
  data: Uint8Array;
  /** Length on the wire when the frame was cut by the snap length. */
  origLen?: number;
  /** Nanoseconds since the epoch. */
  ts: bigint;
}

/** Classic pcap (one link type): microsecond or nanosecond timestamps, either byte order. */
export function pcapFile(frames: Frame[], o: { ns?: boolean; bigEndian?: boolean } = {}): Uint8Array {
  const w16 = o.bigEndian ? u16 : u16le;
  const w32 = o.bigEndian ? u32 : u32le;
  const parts: (number[] | Uint8Array)[] = [[...w32(o.ns ? 0xa1b23c4d : 0xa1b2c3d4), ...w16(2), ...w16(4), ...w32(0), ...w32(0), ...w32(262144), ...w32(frames[0]!.link)]];
  for (const f of frames) {
    const sec = Number(f.ts / 1000000000n);
    const ns = Number(f.ts % 1000000000n);
    parts.push([...w32(sec), ...w32(o.ns ? ns : Math.floor(ns / 1000)), ...w32(f.data.length), ...w32(f.origLen ?? f.data.length)], f.data);
  }
  return catList(parts);
}

export interface NgInterface {
  link: number;
  /** if_tsresol octet (6 µs by default, 9 ns, 0x80|n for 2^-n). */
  tsresol?: number;
  /** if_tsoffset: seconds added to every timestamp of the interface. */
  tsoffset?: number;
}

/**
 * pcapng: one section (either byte order) with the given interfaces; each frame goes
 * to the first interface of its link type, or to `iface` when given. Enhanced Packet
 * Blocks, or Simple Packet Blocks (interface 0, no timestamp) for frames marked `simple`.
 */
export function pcapngFile(ifaces: NgInterface[], frames: (Frame & { iface?: number; simple?: boolean })[], o: { bigEndian?: boolean; extraBlocks?: boolean } = {}): Uint8Array {
  const w16 = o.bigEndian ? u16 : u16le;
  const w32 = o.bigEndian ? u32 : u32le;
  const parts: number[][] = [];
  const block = (type: number, body: number[]): void => {
    const b = [...body, ...pad4(body.length)];
    parts.push([...w32(type), ...w32(12 + b.length), ...b, ...w32(12 + b.length)]);
  };
  block(0x0a0d0d0a, [...w32(0x1a2b3c4d), ...w16(1), ...w16(0), 255, 255, 255, 255, 255, 255, 255, 255]);
  if (o.extraBlocks) {
    // Name Resolution Block (IPv4 record 10.77.1.1 "stp-a", end of records) and a Decryption Secrets Block
    block(4, [...w16(1), ...w16(10), 10, 77, 1, 1, 0x73, 0x74, 0x70, 0x2d, 0x61, 0, 0, 0, ...w16(0), ...w16(0)]);
    block(10, [...w32(0x544c534b), ...w32(4), 0x41, 0x42, 0x43, 0x44]);
  }
  for (const i of ifaces) {
    const opts = i.tsresol !== undefined ? [...w16(9), ...w16(1), i.tsresol, 0, 0, 0] : [];
    if (i.tsoffset !== undefined) opts.push(...w16(14), ...w16(8), ...(o.bigEndian ? [...u32(0), ...u32(i.tsoffset)] : [...u32le(i.tsoffset), ...u32le(0)]));
    block(1, [...w16(i.link), ...w16(0), ...w32(0), ...opts, 0, 0, 0, 0]);
  }
  for (const f of frames) {
    if (f.simple) {
      // Simple Packet Block: interface 0, no timestamp
      block(3, [...w32(f.origLen ?? f.data.length), ...f.data]);
      continue;
    }
    const idx = f.iface ?? ifaces.findIndex((i) => i.link === f.link);
    if (idx < 0) throw new Error(`no interface for link type ${f.link}`);
    const r = ifaces[idx]!.tsresol ?? 6;
    let units: bigint;
    if (r & 0x80) units = (f.ts << BigInt(r & 0x7f)) / 1000000000n;
    else units = (f.ts * 10n ** BigInt(r)) / 1000000000n;
    const hi = Number(units >> 32n), lo = Number(units & 0xffffffffn);
    const data = [...f.data, ...pad4(f.data.length)];
    // with extraBlocks, packets carry options after their data: epb_flags (inbound) and a comment
    const epbOpts = o.extraBlocks ? [...w16(2), ...w16(4), ...w32(1), ...w16(1), ...w16(5), 0x68, 0x65, 0x6c, 0x6c, 0x6f, 0, 0, 0, 0, 0, 0, 0] : [];
    block(6, [...w32(idx), ...w32(hi), ...w32(lo), ...w32(f.data.length), ...w32(f.origLen ?? f.data.length), ...data, ...epbOpts]);
  }
  if (o.extraBlocks) {
    // Interface Statistics Block for interface 0 (timestamp, isb_ifrecv), as Wireshark writes at the end
    block(5, [...w32(0), ...w32(0), ...w32(0), ...w16(4), ...w16(8), ...w32(0), ...w32(frames.length), 0, 0, 0, 0]);
  }
  return catList(parts);
}
