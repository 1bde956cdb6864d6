/**
 * Streaming pcap / pcapng reader.
 *
 * Chunks arrive in any sizes; a record may span chunks. Records that lie
 * whole inside a chunk are handed out as `subarray` views of that chunk (no
 * copy). Only a record that straddles a chunk boundary is assembled in a fresh
 * buffer sized for that one record, so packet views stay valid after the
 * callback too, and memory never grows with the file.
 *
 * Formats:
 *  - pcap: magic a1b2c3d4 (µs) / a1b23c4d (ns) in either byte order, plus the
 *    old "modified pcap" a1b2cd34 (24-byte record headers, µs).
 *  - pcapng: any number of sections (each SHB with its own byte order),
 *    interfaces with their own link type, snaplen, if_tsresol (10^-n or 2^-n)
 *    and if_tsoffset; EPB, SPB (no timestamp: the previous packet's time, 0 for
 *    the first), the obsolete Packet Block; every other block is skipped
 *    without being buffered. Custom blocks (0xBAD, 0x40000BAD), sysdig event
 *    blocks (0x204, 0x216) and systemd journal blocks (9) are not packets but
 *    tshark 4.0 numbers them as frames, so they take a frame number here too.
 *
 * Damage: a stream that is not a capture throws NotACaptureError (one line).
 * A packet record whose captured length is absurd (> 256 KiB, or larger than
 * its pcapng block) is one error naming frame and offset; pcapng recovers with
 * the block length, pcap cannot re-synchronise and stops there. A record cut
 * by the end of the stream is exactly one error, reported by `end()`.
 * Everything before the damage is delivered.
 */
import type { CaptureError, CaptureFormat, CaptureParser, RawPacket } from './types.js';
import { NotACaptureError } from './types.js';

/** Largest captured length accepted for one packet (Wireshark's WTAP_MAX_PACKET_SIZE_STANDARD). */
export const MAX_CAPLEN = 262144;
/** Largest pcapng block we are willing to buffer (header/interface blocks); larger ones are skipped unread. */
const MAX_BUFFERED_BLOCK = 1 << 20;
/** A pcapng block length above this is taken as corruption (cannot be skipped meaningfully). */
const MAX_BLOCK_LEN = 1 << 28;

const PCAP_US = 0xa1b2c3d4;
const PCAP_NS = 0xa1b23c4d;
const PCAP_MOD = 0xa1b2cd34;
const NG_SHB = 0x0a0d0d0a;

const enum St {
  Magic,
  Pcap,
  PcapNg,
  Dead,
}

interface Iface {
  link: number;
  snap: number;
  /** Time units per second when ≤ 2^32 (fast path); 0 → use the BigInt path. */
  units: number;
  /** Multiplier turning the remainder into ns when units divides 1e9; 0 otherwise. */
  nsMul: number;
  /** units as BigInt for the slow path. */
  bigUnits: bigint;
  /** if_tsoffset, seconds. */
  offset: number;
}

function hex4(b: Uint8Array, p: number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += (i ? ' ' : '') + b[p + i]!.toString(16).padStart(2, '0');
  return s;
}

function notCaptureReason(b: Uint8Array, p: number, n: number): string {
  const first = hex4(b, p, Math.min(n, 4));
  if (n >= 2 && b[p] === 0x1f && b[p + 1] === 0x8b) return `gzip-compressed data, not a pcap or pcapng file (first bytes ${first}); decompress it first`;
  if (n >= 4 && b[p] === 0x28 && b[p + 1] === 0xb5 && b[p + 2] === 0x2f && b[p + 3] === 0xfd) return `zstd-compressed data, not a pcap or pcapng file (first bytes ${first})`;
  return `not a pcap or pcapng file (first bytes ${first})`;
}

function makeIface(link: number, snap: number): Iface {
  return { link, snap, units: 1e6, nsMul: 1000, bigUnits: 1000000n, offset: 0 };
}

class Parser implements CaptureParser {
  private st = St.Magic;
  private le = true;
  /** pcap: ns timestamps. */
  private ns = false;
  private recHdr = 16;
  private pcapLink = 1;
  private ifaces: Iface[] = [];
  private shbSeen = false;
  private frame = 0;
  /** Stream offset of the start of the item being parsed. */
  private base = 0;
  /** Bytes still to discard (skipped pcapng block). */
  private skip = 0;
  /** Stream offset where the skipped block started (for the truncation error). */
  private skipStart = 0;
  private skipReport = false;
  /** Partial item that straddles chunks. */
  private carry: Uint8Array | null = null;
  private carryLen = 0;
  /** Total bytes the current item needs (set when `item` returns 0). */
  private need = 0;
  /** Whether the incomplete item is a packet record (for the truncation message). */
  private needIsPacket = false;
  private lastSec = 0;
  private lastNsec = 0;
  private tsS = 0;
  private tsN = 0;
  private total = 0;
  private ended = false;

  /** The one packet object handed out again and again (option reusePacket), else null. */
  private readonly packet: ReusedPacket | null;

  constructor(
    private readonly onPacket: (p: RawPacket) => void,
    private readonly onError: (e: CaptureError) => void,
    reusePacket: boolean,
  ) {
    this.packet = reusePacket ? new ReusedPacket() : null;
  }

  private fmt: CaptureFormat | undefined;
  get format(): CaptureFormat | undefined {
    return this.fmt;
  }

  push(chunk: Uint8Array): void {
    this.feed(chunk, 0, Infinity);
  }

  pushSome(chunk: Uint8Array, start: number, maxFrames: number): number {
    return this.feed(chunk, start, this.frame + Math.max(1, maxFrames));
  }

  /** Parses chunk[start…] until frame `stopAt` has been delivered; returns the offset reached (chunk.length: all of it taken). */
  private feed(chunk: Uint8Array, start: number, stopAt: number): number {
    if (this.ended) throw new Error('capture parser: push after end');
    const n = chunk.length;
    if (start >= n) return n;
    this.total += n - start;
    const p = this.feedLoop(chunk, start, stopAt);
    // bytes left to the caller are not counted as pushed yet
    if (p < n) this.total -= n - p;
    return p;
  }

  private feedLoop(chunk: Uint8Array, start: number, stopAt: number): number {
    let p = start;
    const n = chunk.length;
    while (p < n) {
      if (this.frame >= stopAt) return p;
      if (this.st === St.Dead) return n;
      if (this.skip > 0) {
        const k = Math.min(this.skip, n - p);
        this.skip -= k;
        p += k;
        this.base += k;
        continue;
      }
      if (this.carryLen > 0) {
        // Complete the straddling item from this chunk, copying only what it needs.
        let carry = this.carry!;
        if (carry.length < this.need) {
          const c2 = new Uint8Array(this.need);
          c2.set(carry.subarray(0, this.carryLen));
          this.carry = carry = c2;
        }
        const k = Math.min(this.need - this.carryLen, n - p);
        carry.set(chunk.subarray(p, p + k), this.carryLen);
        this.carryLen += k;
        p += k;
        if (this.carryLen < this.need) return n;
        const used = this.item(carry, 0, this.carryLen);
        if (used === 0) {
          if (this.skip > 0) {
            // A block to skip unread: what we carried is its beginning.
            this.skip -= this.carryLen;
            this.base += this.carryLen;
            this.carry = null;
            this.carryLen = 0;
          }
          if ((this.st as St) !== St.Dead && this.need <= this.carryLen) {
            this.stall();
            return n;
          }
          continue; // Dead, or needs more (header now known): the loop grows the carry
        }
        // `used` is always the whole carry: we only ever copied up to `need`.
        this.base += used;
        this.carry = null;
        this.carryLen = 0;
        continue;
      }
      // Fast path: parse whole items in place.
      const used = this.item(chunk, p, n - p);
      if (used > 0) {
        p += used;
        this.base += used;
        continue;
      }
      if ((this.st as St) === St.Dead || this.skip > 0) continue;
      // Incomplete: start a carry for this one item.
      const have = n - p;
      if (this.need <= have) {
        this.stall();
        return n;
      }
      const c = new Uint8Array(Math.max(this.need, have));
      c.set(chunk.subarray(p, n));
      this.carry = c;
      this.carryLen = have;
      return n;
    }
    return n;
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    if (this.st === St.Magic) {
      if (this.total === 0) throw new NotACaptureError('empty file (not a pcap or pcapng file)');
      if (this.fmt === undefined) {
        const c = this.carry!;
        throw new NotACaptureError(`${notCaptureReason(c, 0, this.carryLen)}: only ${this.carryLen} byte(s)`);
      }
      this.onError({ frame: 1, fileOffset: 0, reason: `truncated capture: the file ends inside the pcap file header (${this.carryLen} of 24 bytes)` });
      return;
    }
    if (this.st === St.Dead) return;
    if (this.skip > 0) {
      // A damaged packet block being skipped was already reported; an unread other block is reported once here.
      if (this.skipReport) {
        this.onError({ frame: this.frame + 1, fileOffset: this.skipStart, reason: `truncated capture: block at offset ${this.skipStart} is cut ${this.skip} byte(s) short` });
      }
      return;
    }
    if (this.carryLen > 0) {
      const what = this.needIsPacket ? `record of frame ${this.frame + 1}` : 'block';
      this.onError({
        frame: this.frame + 1,
        fileOffset: this.base,
        reason: `truncated capture: ${what} at offset ${this.base} is cut short (${this.carryLen} byte(s) present, at least ${this.need} needed)`,
      });
    }
  }

  /** Defensive: an item that asks for no more bytes than it has would loop forever. */
  private stall(): void {
    this.onError({ frame: this.frame + 1, fileOffset: this.base, reason: `capture parser stalled at offset ${this.base}; stopping` });
    this.st = St.Dead;
  }

  // ---------------------------------------------------------------- items

  /** Parses one item at b[p] with `avail` bytes. Returns bytes consumed, or 0 (sets need / skip / Dead). */
  private item(b: Uint8Array, p: number, avail: number): number {
    switch (this.st) {
      case St.Pcap:
        return this.pcapRecord(b, p, avail);
      case St.PcapNg:
        return this.ngBlock(b, p, avail);
      case St.Magic:
        return this.magic(b, p, avail);
      default:
        return 0;
    }
  }

  private magic(b: Uint8Array, p: number, avail: number): number {
    this.needIsPacket = false;
    if (avail < 4) {
      this.need = 4;
      return 0;
    }
    const be = ((b[p]! << 24) | (b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!) >>> 0;
    const le = ((b[p + 3]! << 24) | (b[p + 2]! << 16) | (b[p + 1]! << 8) | b[p]!) >>> 0;
    if (be === NG_SHB) {
      this.st = St.PcapNg;
      this.fmt = 'pcapng';
      return this.ngBlock(b, p, avail);
    }
    let m = 0;
    if (be === PCAP_US || be === PCAP_NS || be === PCAP_MOD) {
      this.le = false;
      m = be;
    } else if (le === PCAP_US || le === PCAP_NS || le === PCAP_MOD) {
      this.le = true;
      m = le;
    } else {
      throw new NotACaptureError(notCaptureReason(b, p, avail));
    }
    this.fmt = 'pcap';
    if (avail < 24) {
      this.need = 24;
      return 0;
    }
    this.ns = m === PCAP_NS;
    this.recHdr = m === PCAP_MOD ? 24 : 16;
    // The link-type field's upper bits carry FCS information (pcap spec): keep the low 16 bits.
    this.pcapLink = this.u32(b, p + 20) & 0xffff;
    this.st = St.Pcap;
    this.fmt = 'pcap';
    return 24;
  }

  private u32(b: Uint8Array, p: number): number {
    return this.le
      ? ((b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24)) >>> 0)
      : (((b[p]! << 24) | (b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!) >>> 0);
  }

  private u16(b: Uint8Array, p: number): number {
    return this.le ? b[p]! | (b[p + 1]! << 8) : (b[p]! << 8) | b[p + 1]!;
  }

  private pcapRecord(b: Uint8Array, p: number, avail: number): number {
    const h = this.recHdr;
    this.needIsPacket = true;
    if (avail < h) {
      this.need = h;
      return 0;
    }
    const incl = this.u32(b, p + 8);
    if (incl > MAX_CAPLEN) {
      const off = this.base;
      this.onError({
        frame: this.frame + 1,
        fileOffset: off,
        reason: `frame ${this.frame + 1} at offset ${off}: captured length ${incl} exceeds ${MAX_CAPLEN} bytes (corrupt pcap record); cannot resynchronise, stopping`,
      });
      this.st = St.Dead;
      return 0;
    }
    const len = h + incl;
    if (avail < len) {
      this.need = len;
      return 0;
    }
    const sec = this.u32(b, p);
    const sub = this.u32(b, p + 4);
    const d = p + h;
    this.frame++;
    this.lastSec = sec;
    this.lastNsec = this.ns ? sub : sub * 1000;
    this.deliver(this.frame, sec, this.lastNsec, this.base, this.pcapLink, 0, incl, this.u32(b, p + 12), b, d);
    return len;
  }

  // ---------------------------------------------------------------- pcapng

  private ngBlock(b: Uint8Array, p: number, avail: number): number {
    this.needIsPacket = false;
    if (avail < 12) {
      this.need = 12;
      return 0;
    }
    const off = this.base;
    // The SHB type is a byte palindrome: recognisable before the section's byte order is known.
    const type = this.u32(b, p);
    if (type === NG_SHB) {
      const bom = ((b[p + 8]! << 24) | (b[p + 9]! << 16) | (b[p + 10]! << 8) | b[p + 11]!) >>> 0;
      if (bom === 0x1a2b3c4d) this.le = false;
      else if (bom === 0x4d3c2b1a) this.le = true;
      else {
        if (!this.shbSeen) throw new NotACaptureError(`not a pcapng file (bad byte-order magic ${hex4(b, p + 8, 4)})`);
        this.fatal(off, `section header at offset ${off}: bad byte-order magic ${hex4(b, p + 8, 4)}`);
        return 0;
      }
    }
    const len = this.u32(b, p + 4);
    if (len < 12 || (len & 3) !== 0 || len > MAX_BLOCK_LEN) {
      if (!this.shbSeen) throw new NotACaptureError(`not a pcapng file (bad section header length ${len})`);
      this.fatal(off, `block at offset ${off}: invalid block length ${len}; cannot resynchronise, stopping`);
      return 0;
    }
    switch (type) {
      case NG_SHB:
        if (avail < len) return this.want(len);
        this.shbSeen = true;
        this.ifaces = [];
        return len;
      case 1: // IDB
        if (len > MAX_BUFFERED_BLOCK) {
          // Still an interface: keep numbering right, without its (absurd) options.
          if (avail < 20) return this.want(20);
          this.ifaces.push(makeIface(this.u16(b, p + 8), this.u32(b, p + 12)));
          return this.skipBlock(off, len, true);
        }
        if (avail < len) return this.want(len);
        this.idb(b, p, len);
        return len;
      case 6: // EPB
      case 2: // obsolete Packet Block
      case 3: // SPB
        return this.packetBlock(type, b, p, avail, len, off);
      default:
        // tshark 4.0 shows these non-packet blocks as frames of their own: keep its numbering.
        if (type === 0xbad || type === 0x40000bad || type === 0x204 || type === 0x216 || type === 9) this.frame++;
        if (avail >= len) return len;
        return this.skipBlock(off, len, true);
    }
  }

  private want(len: number): number {
    this.need = len;
    return 0;
  }

  /** Skips a block without buffering it; `report`: say so at end() if the stream cuts it. */
  private skipBlock(off: number, len: number, report: boolean): number {
    this.skip = len;
    this.skipStart = off;
    this.skipReport = report;
    return 0;
  }

  private fatal(off: number, reason: string): void {
    this.onError({ frame: this.frame + 1, fileOffset: off, reason });
    this.st = St.Dead;
  }

  private idb(b: Uint8Array, p: number, len: number): void {
    if (len < 20) {
      this.ifaces.push(makeIface(1, 0));
      return;
    }
    const ifc = makeIface(this.u16(b, p + 8), this.u32(b, p + 12));
    let o = p + 16;
    const end = p + len - 4;
    while (o + 4 <= end) {
      const code = this.u16(b, o);
      const olen = this.u16(b, o + 2);
      const v = o + 4;
      if (code === 0 || v + olen > end) break;
      if (code === 9 && olen >= 1) {
        const r = b[v]!;
        const e = r & 0x7f;
        if (r & 0x80) setUnits(ifc, e, true);
        else setUnits(ifc, e, false);
      } else if (code === 14 && olen >= 8) {
        // if_tsoffset: signed 64-bit seconds.
        const hi = this.le ? this.u32(b, v + 4) | 0 : this.u32(b, v) | 0;
        const lo = this.le ? this.u32(b, v) : this.u32(b, v + 4);
        ifc.offset = hi * 4294967296 + lo;
      }
      o = v + ((olen + 3) & ~3);
    }
    this.ifaces.push(ifc);
  }

  private packetBlock(type: number, b: Uint8Array, p: number, avail: number, len: number, off: number): number {
    this.needIsPacket = true;
    const fixed = type === 3 ? 16 : 32;
    const frame = this.frame + 1;
    if (len < fixed) {
      this.frame++;
      this.onError({ frame, fileOffset: off, reason: `frame ${frame} at offset ${off}: ${blockName(type)} block length ${len} is shorter than its ${fixed}-byte header; skipped` });
      return avail >= len ? len : this.skipBlock(off, len, false);
    }
    const hdr = type === 3 ? 12 : 28;
    if (avail < hdr) return this.want(hdr);
    let ifId: number, capLen: number, origLen: number;
    if (type === 3) {
      origLen = this.u32(b, p + 8);
      ifId = 0;
      const ifc = this.ifaces[0];
      capLen = Math.min(origLen, len - 16);
      if (ifc && ifc.snap > 0 && capLen > ifc.snap) capLen = ifc.snap;
    } else {
      ifId = type === 2 ? this.u16(b, p + 8) : this.u32(b, p + 8);
      capLen = this.u32(b, p + 20);
      origLen = this.u32(b, p + 24);
    }
    if (capLen > MAX_CAPLEN || capLen > len - fixed) {
      this.frame++;
      const why = capLen > MAX_CAPLEN ? `exceeds ${MAX_CAPLEN} bytes` : `exceeds its block (length ${len})`;
      this.onError({ frame, fileOffset: off, reason: `frame ${frame} at offset ${off}: captured length ${capLen} ${why}; block skipped` });
      return avail >= len ? len : this.skipBlock(off, len, false);
    }
    if (len > MAX_BUFFERED_BLOCK + MAX_CAPLEN) {
      // Huge options area: not worth buffering. Report and skip.
      this.frame++;
      this.onError({ frame, fileOffset: off, reason: `frame ${frame} at offset ${off}: block length ${len} is implausible for a packet; block skipped` });
      return this.skipBlock(off, len, false);
    }
    if (avail < len) return this.want(len);
    const ifc = this.ifaces[ifId];
    this.frame++;
    if (!ifc) {
      this.onError({ frame, fileOffset: off, reason: `frame ${frame} at offset ${off}: interface ${ifId} not described by any interface block; skipped` });
      return len;
    }
    let sec: number, nsec: number;
    if (type === 3) {
      sec = this.lastSec;
      nsec = this.lastNsec;
    } else {
      this.ts(this.u32(b, p + 12), this.u32(b, p + 16), ifc);
      sec = this.tsS;
      nsec = this.tsN;
      this.lastSec = sec;
      this.lastNsec = nsec;
    }
    const d = p + hdr;
    this.deliver(frame, sec, nsec, off, ifc.link, ifId, capLen, origLen, b, d);
    return len;
  }

  /** Hands a packet to the callback: a new RawPacket, or the parser's one packet object refilled (`reusePacket`). */
  private deliver(frame: number, tsSec: number, tsNsec: number, fileOffset: number, linkType: number, iface: number, capLen: number, origLen: number, buf: Uint8Array, start: number): void {
    const k = this.packet;
    if (k === null) {
      const data = buf.subarray(start, start + capLen);
      this.onPacket({ frame, tsSec, tsNsec, fileOffset, linkType, iface, capLen, origLen, data, buf: data, start: 0 });
      return;
    }
    k.frame = frame;
    k.tsSec = tsSec;
    k.tsNsec = tsNsec;
    k.fileOffset = fileOffset;
    k.linkType = linkType;
    k.iface = iface;
    k.capLen = capLen;
    k.origLen = origLen;
    k.fill(buf, start);
    this.onPacket(k);
  }

  /** 64-bit timestamp (hi, lo) in interface units → tsS / tsN. */
  private ts(hi: number, lo: number, ifc: Iface): void {
    const u = ifc.units;
    let sec: number, rem: number;
    if (u === 0) {
      const t = (BigInt(hi) << 32n) | BigInt(lo);
      const s = t / ifc.bigUnits;
      const r = t - s * ifc.bigUnits;
      sec = Number(s);
      this.tsN = Number((r * 1000000000n) / ifc.bigUnits);
      this.tsS = sec + ifc.offset;
      return;
    }
    if (hi < 0x200000) {
      const t = hi * 4294967296 + lo;
      sec = Math.floor(t / u);
      rem = t - sec * u;
    } else {
      // Long division in 16-bit digits: every intermediate stays below 2^48.
      let r = 0;
      let q = 0;
      let cur = r * 65536 + (hi >>> 16);
      let qd = Math.floor(cur / u);
      r = cur - qd * u;
      q = qd;
      cur = r * 65536 + (hi & 0xffff);
      qd = Math.floor(cur / u);
      r = cur - qd * u;
      q = q * 65536 + qd;
      cur = r * 65536 + (lo >>> 16);
      qd = Math.floor(cur / u);
      r = cur - qd * u;
      q = q * 65536 + qd;
      cur = r * 65536 + (lo & 0xffff);
      qd = Math.floor(cur / u);
      r = cur - qd * u;
      q = q * 65536 + qd;
      sec = q;
      rem = r;
    }
    this.tsS = sec + ifc.offset;
    this.tsN = ifc.nsMul > 0 ? rem * ifc.nsMul : nsFrom(rem, ifc);
  }
}

function blockName(type: number): string {
  return type === 6 ? 'enhanced packet' : type === 3 ? 'simple packet' : 'packet';
}

/** Configures time units for if_tsresol: 10^-e or 2^-e seconds. */
function setUnits(ifc: Iface, e: number, pow2: boolean): void {
  if (pow2) {
    ifc.bigUnits = 1n << BigInt(e);
    ifc.units = e <= 32 ? 2 ** e : 0;
    ifc.nsMul = e === 0 ? 1e9 : 0;
  } else {
    ifc.bigUnits = 10n ** BigInt(e);
    ifc.units = e <= 9 ? 10 ** e : 0;
    ifc.nsMul = e <= 9 ? 10 ** (9 - e) : 0;
  }
}

/** Nanoseconds from a remainder when the unit does not divide 1e9 (2^-n resolutions), exactly. */
function nsFrom(rem: number, ifc: Iface): number {
  // 2^-e: ns = floor(rem * 1e9 / 2^e) = floor(rem * 1953125 / 2^(e-9)); rem < 2^32 keeps this below 2^53.
  const u = ifc.units;
  if (u >= 512) return Math.floor((rem * 1953125) / (u / 512));
  return Math.floor((rem * 1e9) / u);
}

/**
 * The packet object a parser with `reusePacket` hands out for every frame: the frame's bytes
 * stay where they are in the chunk (buf, start); the `data` view is only made when a reader
 * asks for it (the network decoder reads buf[start …) and never does).
 */
class ReusedPacket implements RawPacket {
  frame = 0;
  tsSec = 0;
  tsNsec = 0;
  fileOffset = 0;
  linkType = 0;
  iface = 0;
  capLen = 0;
  origLen = 0;
  buf: Uint8Array = new Uint8Array(0);
  start = 0;
  private view: Uint8Array | undefined = undefined;

  fill(buf: Uint8Array, start: number): void {
    this.buf = buf;
    this.start = start;
    this.view = undefined;
  }

  get data(): Uint8Array {
    let v = this.view;
    if (v === undefined) v = this.view = this.buf.subarray(this.start, this.start + this.capLen);
    return v;
  }
}

export function createParser(onPacket: (p: RawPacket) => void, onError: (e: CaptureError) => void, reusePacket = false): CaptureParser {
  return new Parser(onPacket, onError, reusePacket);
}
