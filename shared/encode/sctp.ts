/**
 * Ethernet II / IPv4 / SCTP framing (RFC 4960) straight into the capture buffer,
 * with a valid IPv4 header checksum and SCTP CRC32c. One SCTP association keeps
 * its verification tags, per-direction TSNs and per-stream sequence numbers.
 */
import type { ChunkBuffer } from './bytes.js';
import { crc32c } from './crc32c.js';
import { writeRecordHeader } from './pcap.js';

export interface Endpoint {
  /** IPv4 address as an unsigned 32-bit number. */
  ip: number;
  port: number;
  mac: Uint8Array;
}

export const PPID_M3UA = 3;
export const PPID_DIAMETER = 46;

export function ipv4(a: number, b: number, c: number, d: number): number {
  return ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
}

export function macFor(ip: number): Uint8Array {
  return new Uint8Array([0x02, 0x53, (ip >>> 24) & 255, (ip >>> 16) & 255, (ip >>> 8) & 255, ip & 255]);
}

export function ipString(ip: number): string {
  return `${ip >>> 24}.${(ip >>> 16) & 255}.${(ip >>> 8) & 255}.${ip & 255}`;
}

/** A chunk of an SCTP packet: type, flags and value (without the 4-byte chunk header). */
export interface Chunk {
  type: number;
  flags: number;
  value: Uint8Array;
}

export class SctpAssociation {
  /** Verification tags chosen by a (index 0) and b (index 1). */
  readonly tag: [number, number];
  readonly nextTsn: [number, number];
  private readonly ssn: [Uint16Array, Uint16Array];
  readonly streams: number;
  constructor(
    readonly a: Endpoint,
    readonly b: Endpoint,
    tagA: number,
    tagB: number,
    tsnA: number,
    tsnB: number,
    streams = 16,
  ) {
    this.tag = [tagA >>> 0, tagB >>> 0];
    this.nextTsn = [tsnA >>> 0, tsnB >>> 0];
    this.streams = streams;
    this.ssn = [new Uint16Array(streams), new Uint16Array(streams)];
  }

  /** The verification tag carried by packets sent in direction `dir` (0 = a→b): the peer's tag. */
  vtag(dir: 0 | 1): number {
    return this.tag[dir === 0 ? 1 : 0];
  }

  /** Allocates TSN and stream sequence number for one DATA chunk in direction dir. */
  nextData(dir: 0 | 1, stream: number): { tsn: number; ssn: number } {
    const tsn = this.nextTsn[dir];
    this.nextTsn[dir] = (tsn + 1) >>> 0;
    const s = this.ssn[dir];
    const n = s[stream % this.streams]!;
    s[stream % this.streams] = (n + 1) & 0xffff;
    return { tsn, ssn: n };
  }

  /** INIT, INIT-ACK, COOKIE-ECHO, COOKIE-ACK chunks for the association set-up, with their direction and packet vtag. */
  setupChunks(cookie: Uint8Array): { dir: 0 | 1; vtag: number; chunk: Chunk }[] {
    const init = (tag: number, tsn: number, params: Uint8Array): Uint8Array => {
      const v = new Uint8Array(16 + params.length);
      const dv = new DataView(v.buffer);
      dv.setUint32(0, tag);
      dv.setUint32(4, 106496);
      dv.setUint16(8, this.streams);
      dv.setUint16(10, this.streams);
      dv.setUint32(12, tsn);
      v.set(params, 16);
      return v;
    };
    // State Cookie parameter (type 7) for INIT-ACK, padded to 4.
    const pl = 4 + cookie.length;
    const cp = new Uint8Array((pl + 3) & ~3);
    new DataView(cp.buffer).setUint16(0, 7);
    new DataView(cp.buffer).setUint16(2, pl);
    cp.set(cookie, 4);
    return [
      { dir: 0, vtag: 0, chunk: { type: 1, flags: 0, value: init(this.tag[0], this.nextTsn[0], new Uint8Array(0)) } },
      { dir: 1, vtag: this.tag[0], chunk: { type: 2, flags: 0, value: init(this.tag[1], this.nextTsn[1], cp) } },
      { dir: 0, vtag: this.tag[1], chunk: { type: 10, flags: 0, value: cookie } },
      { dir: 1, vtag: this.tag[0], chunk: { type: 11, flags: 0, value: new Uint8Array(0) } },
    ];
  }
}

/**
 * Writes one pcap record holding Ethernet/IPv4/SCTP with a single chunk. For a
 * DATA chunk pass type 0 and the 12-byte DATA header + payload as separate
 * fields through `writeDataFrame`.
 */
export function writeChunkFrame(out: ChunkBuffer, tsSec: number, tsUsec: number, src: Endpoint, dst: Endpoint, ipId: number, vtag: number, chunk: Chunk): number {
  const clen = 4 + chunk.value.length;
  const cpad = (clen + 3) & ~3;
  const body = new Uint8Array(cpad);
  body[0] = chunk.type;
  body[1] = chunk.flags;
  body[2] = clen >> 8;
  body[3] = clen & 255;
  body.set(chunk.value, 4);
  return writeSctpPacket(out, tsSec, tsUsec, src, dst, ipId, vtag, body);
}

/** Writes a DATA chunk frame (flags B|E, one complete user message). Returns the frame length. */
export function writeDataFrame(
  out: ChunkBuffer,
  tsSec: number,
  tsUsec: number,
  src: Endpoint,
  dst: Endpoint,
  ipId: number,
  vtag: number,
  tsn: number,
  stream: number,
  ssn: number,
  ppid: number,
  payload: Uint8Array,
): number {
  const clen = 16 + payload.length;
  const cpad = (clen + 3) & ~3;
  const frameLen = 14 + 20 + 12 + cpad;
  const { buf, dv, off } = out.reserve(16 + frameLen);
  writeRecordHeader(dv, off, tsSec, tsUsec, frameLen);
  const p = off + 16;
  writeEthIp(buf, dv, p, src, dst, ipId, 12 + cpad);
  const s = p + 34;
  dv.setUint16(s, src.port);
  dv.setUint16(s + 2, dst.port);
  dv.setUint32(s + 4, vtag);
  dv.setUint32(s + 8, 0);
  const c = s + 12;
  buf[c] = 0;
  buf[c + 1] = 0x03;
  dv.setUint16(c + 2, clen);
  dv.setUint32(c + 4, tsn);
  dv.setUint16(c + 8, stream);
  dv.setUint16(c + 10, ssn);
  dv.setUint32(c + 12, ppid);
  buf.set(payload, c + 16);
  buf.fill(0, c + clen, c + cpad);
  dv.setUint32(s + 8, crc32c(buf, s, s + 12 + cpad), true);
  return frameLen;
}

function writeSctpPacket(out: ChunkBuffer, tsSec: number, tsUsec: number, src: Endpoint, dst: Endpoint, ipId: number, vtag: number, chunks: Uint8Array): number {
  const frameLen = 14 + 20 + 12 + chunks.length;
  const { buf, dv, off } = out.reserve(16 + frameLen);
  writeRecordHeader(dv, off, tsSec, tsUsec, frameLen);
  const p = off + 16;
  writeEthIp(buf, dv, p, src, dst, ipId, 12 + chunks.length);
  const s = p + 34;
  dv.setUint16(s, src.port);
  dv.setUint16(s + 2, dst.port);
  dv.setUint32(s + 4, vtag);
  dv.setUint32(s + 8, 0);
  buf.set(chunks, s + 12);
  dv.setUint32(s + 8, crc32c(buf, s, s + 12 + chunks.length), true);
  return frameLen;
}

function writeEthIp(buf: Uint8Array, dv: DataView, p: number, src: Endpoint, dst: Endpoint, ipId: number, l4len: number): void {
  buf.set(dst.mac, p);
  buf.set(src.mac, p + 6);
  dv.setUint16(p + 12, 0x0800);
  const ip = p + 14;
  buf[ip] = 0x45;
  buf[ip + 1] = 0;
  dv.setUint16(ip + 2, 20 + l4len);
  dv.setUint16(ip + 4, ipId & 0xffff);
  dv.setUint16(ip + 6, 0x4000);
  buf[ip + 8] = 64;
  buf[ip + 9] = 132;
  dv.setUint16(ip + 10, 0);
  dv.setUint32(ip + 12, src.ip);
  dv.setUint32(ip + 16, dst.ip);
  let sum = 0;
  for (let i = 0; i < 20; i += 2) sum += (buf[ip + i]! << 8) | buf[ip + i + 1]!;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  dv.setUint16(ip + 10, ~sum & 0xffff);
}
