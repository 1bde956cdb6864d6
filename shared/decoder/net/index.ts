/**
 * Network layers: link (Ethernet + 802.1Q/QinQ, Linux SLL/SLL2, raw IP,
 * null/loopback) → IPv4 / IPv6 (with fragment reassembly and IPv6 extension
 * headers; IP-in-IP, GRE/ERSPAN and VXLAN tunnels followed) → SCTP (every chunk;
 * DATA / I-DATA with reassembly and retransmission marking) / TCP (stream reassembly, Diameter and M3UA framing)
 * / UDP (no PDUs). Produces one TransportPdu per upper-layer message.
 *
 * Hot path rules: bytes are read directly, payloads are `subarray` views of
 * the packet (copies only for reassembly), no per-packet closures, strings are
 * built only for PDUs (IPv4 text cached per address).
 *
 * Link types 139/140/141 (MTP2/MTP3) never come here: the pipeline sends them
 * to the SS7 decoder.
 *
 * Wireshark comparison notes live with the code they concern: SCTP in
 * ./sctp.ts, TCP in ./tcp.ts, IP in ./ipfrag.ts.
 */
import type { RawPacket } from '../capture/types.js';
import type { DecodeOptions, StateBag } from '../context.js';
import type { LayerName, Stop, TransportInfo } from '../../model/record.js';
import { TransportPdu } from './types.js';
import { ipv4String, ipv6String } from './addr.js';
import { IpDefrag } from './ipfrag.js';
import { HalfAssoc, addFragment, type FragSet, type SctpFrag } from './sctp.js';
import { append } from '../shapes.js';
import {
  Framer,
  TcpStream,
  headerSize,
  looksLikeDiameter,
  looksLikeStart,
  pduLength,
} from './tcp.js';

export { TransportPdu } from './types.js';
export { ipv4String, ipv6String } from './addr.js';

/** Slots of NetDecoder's half-association cache: 2^ASSOC_CACHE_BITS (indexed by the top bits of a multiplicative hash). */
const ASSOC_CACHE_BITS = 8;
const ASSOC_CACHE = 1 << ASSOC_CACHE_BITS;

/** Pending SCTP fragment sets older than this many frames are dropped. */
const SCTP_FRAG_MAX_AGE = 50000;
const SCTP_FRAG_MAX_BYTES = 16 << 20;
const SCTP_MAX_ASSOCS = 65536;
const TCP_MAX_STREAMS = 16384;
/** A sequence jump beyond this (either way) is a new start, not a gap to wait for. */
const TCP_MAX_GAP = 1 << 24;

const ETH_IPV4 = 0x0800;
const ETH_IPV6 = 0x86dd;

/** Per-capture network state (lives in the StateBag under 'net'). */
export class NetState {
  readonly assocs = new Map<number, Map<number, HalfAssoc>>();
  /** Verification tag 0: keyed by addresses and ports. */
  readonly zeroAssocs = new Map<string, HalfAssoc>();
  assocCount = 0;
  /** Pending SCTP fragment sets, oldest first. */
  readonly fragSets = new Set<FragSet>();
  fragBytes = 0;
  readonly defrag = new IpDefrag();
  readonly tcp = new Map<string, TcpStream>();
  /** TCP streams framed by the Diameter heuristic (0 → skip lookups for other ports). */
  heurStreams = 0;
}

export class NetDecoder {
  private readonly st: NetState;
  private readonly reasm: boolean;

  // Current packet.
  private pkt!: RawPacket;
  private onPdu!: (pdu: TransportPdu) => void;
  private onError!: (s: Stop) => void;
  private vlan: number[] | undefined = undefined;
  private ipv = 4;
  private v4s = 0;
  private v4d = 0;
  private a6: Uint8Array | null = null;
  private a6o = 0;
  private srcS: string | undefined = undefined;
  private dstS: string | undefined = undefined;
  private ipFrames: number[] | undefined = undefined;
  /** Octets of the current IP packet's payload that the snap length cut off (0 when whole). */
  private ipCut = 0;
  /** Offset of the current frame in the buffer it is read from (link-layer error offsets are relative to it). */
  private frameStart = 0;
  private sport = 0;
  private dport = 0;
  /** TSNs seen in the current frame (a TSN repeated inside one frame is not a retransmission). */
  private curHa: HalfAssoc[] = [];
  private curTsn: number[] = [];
  private nCur = 0;
  private lastPk = -1;
  private lastVt = -1;
  private lastHa: HalfAssoc | null = null;
  /**
   * Direct-mapped cache of half-associations by (verification tag, port pair) in front
   * of the two Map lookups (a tag above 2^30 is a boxed Map key): captures interleave
   * many associations, so the last-association shortcut alone misses often.
   */
  private readonly acVt = new Float64Array(ASSOC_CACHE).fill(-1);
  private readonly acPk = new Float64Array(ASSOC_CACHE);
  private readonly acHa: (HalfAssoc | null)[] = new Array<HalfAssoc | null>(ASSOC_CACHE).fill(null);
  /** Last verification-tag-0 half-association (IPv4), keyed by ports and addresses. */
  private lastZ: HalfAssoc | null = null;
  private lastZpk = -1;
  private lastZs = 0;
  private lastZd = 0;

  /** The one PDU object handed to onPdu again and again (reusePdu), else null (a new one per PDU). */
  private readonly pduBox: TransportPdu | null;

  /**
   * `reusePdu`: hand every PDU out as the same TransportPdu object, refilled, for an onPdu
   * that keeps nothing of it (the frame pipeline) — no object per message.
   */
  constructor(
    readonly opts: DecodeOptions,
    state: StateBag,
    reusePdu = false,
  ) {
    this.st = state.get('net', () => new NetState());
    this.reasm = opts.sctpReassembly !== false;
    this.pduBox = reusePdu ? new TransportPdu({ proto: 'link' }, new Uint8Array(0), 0, 0) : null;
  }

  decode(pkt: RawPacket, onPdu: (pdu: TransportPdu) => void, onError: (s: Stop) => void): void {
    this.pkt = pkt;
    this.onPdu = onPdu;
    this.onError = onError;
    this.vlan = undefined;
    this.ipFrames = undefined;
    this.srcS = undefined;
    this.dstS = undefined;
    this.nCur = 0;
    // the frame is b[s, e): the parser's chunk when it says so (no view per frame), else the packet's own view
    const pb = pkt.buf;
    let b: Uint8Array, s: number, e: number;
    if (pb !== undefined) {
      b = pb;
      s = pkt.start ?? 0;
      e = s + pkt.capLen;
    } else {
      b = pkt.data;
      s = 0;
      e = b.length;
    }
    this.frameStart = s;
    const n = e - s;
    switch (pkt.linkType) {
      case 1: // Ethernet
        if (n < 14) return this.err('link', `Ethernet header truncated (${n} bytes)`, 0);
        return this.ether((b[s + 12]! << 8) | b[s + 13]!, b, s + 14, e);
      case 113: // Linux cooked capture v1
        if (n < 16) return this.err('link', `Linux SLL header truncated (${n} bytes)`, 0);
        if (((b[s + 2]! << 8) | b[s + 3]!) === 824) return; // netlink
        return this.ether((b[s + 14]! << 8) | b[s + 15]!, b, s + 16, e);
      case 276: // Linux cooked capture v2
        if (n < 20) return this.err('link', `Linux SLL2 header truncated (${n} bytes)`, 0);
        if (((b[s + 8]! << 8) | b[s + 9]!) === 824) return;
        return this.ether((b[s]! << 8) | b[s + 1]!, b, s + 20, e);
      case 101:
      case 12:
      case 14: // raw IP
        return this.rawIp(b, s, e);
      case 228:
        return this.ipv4(b, s, e);
      case 229:
        return this.ipv6(b, s, e);
      case 0:
      case 108:
        return this.nullLoop(b, s, e);
      default:
        return this.err('link', `unsupported link type ${pkt.linkType}`, 0);
    }
  }

  // ------------------------------------------------------------------ link

  private ether(t: number, b: Uint8Array, o: number, n: number): void {
    // 802.1Q / 802.1ad (QinQ) / old QinQ 0x9100 tags.
    while (t === 0x8100 || t === 0x88a8 || t === 0x9100) {
      if (o + 4 > n) return this.err('link', 'VLAN tag truncated', o - this.frameStart);
      this.vlan = append(this.vlan, ((b[o]! << 8) | b[o + 1]!) & 0x0fff);
      t = (b[o + 2]! << 8) | b[o + 3]!;
      o += 4;
    }
    if (t === ETH_IPV4) return this.ipv4(b, o, n);
    if (t === ETH_IPV6) return this.ipv6(b, o, n);
    if (t === 0x8847 || t === 0x8848) {
      // MPLS: pop labels to the bottom of stack, then guess the IP version.
      for (let i = 0; i < 16; i++) {
        if (o + 4 > n) return this.err('link', 'MPLS label truncated', o - this.frameStart);
        const bos = b[o + 2]! & 1;
        o += 4;
        if (bos) return this.rawIp(b, o, n);
      }
    }
    // Anything else (ARP, LLDP, 802.3 length field …) carries no signaling.
  }

  private nullLoop(b: Uint8Array, s: number, e: number): void {
    if (e - s < 4) return this.err('link', `loopback header truncated (${e - s} bytes)`, 0);
    // AF value in the capturing host's byte order (null) or network order (loop): accept both.
    let af = (b[s]! | (b[s + 1]! << 8) | (b[s + 2]! << 16) | (b[s + 3]! << 24)) >>> 0;
    if (af > 0xffff) af = ((b[s]! << 24) | (b[s + 1]! << 16) | (b[s + 2]! << 8) | b[s + 3]!) >>> 0;
    if (af === 2) return this.ipv4(b, s + 4, e);
    if (af === 24 || af === 28 || af === 30) return this.ipv6(b, s + 4, e);
  }

  private rawIp(b: Uint8Array, o: number, n: number): void {
    if (o >= n) return this.err('ip', 'empty IP packet', 0);
    const v = b[o]! >> 4;
    if (v === 4) return this.ipv4(b, o, n);
    if (v === 6) return this.ipv6(b, o, n);
    return this.err('ip', `IP version ${v} is neither 4 nor 6`, 0);
  }

  // ------------------------------------------------------------------ IP

  private ipv4(b: Uint8Array, o: number, n: number): void {
    const avail = n - o;
    if (avail < 20) return this.err('ip', `IPv4 header truncated (${avail} bytes)`, 0);
    const v = b[o]!;
    if (v >> 4 !== 4) return this.err('ip', `IP version ${v >> 4} in an IPv4 packet`, 0);
    const ihl = (v & 15) << 2;
    if (ihl < 20) return this.err('ip', `IPv4 header length ${ihl} < 20`, 0);
    let tot = (b[o + 2]! << 8) | b[o + 3]!;
    if (tot === 0) tot = avail; // TCP segmentation offload: length left 0 by the NIC
    if (tot < ihl) return this.err('ip', `IPv4 total length ${tot} < header length ${ihl}`, 2);
    let e = o + tot;
    this.ipCut = 0;
    if (e > n) {
      this.ipCut = e - n;
      e = n; // cut by the snap length: decode what is there
    }
    if (o + ihl > e) return this.err('ip', `IPv4 header truncated (${e - o} of ${ihl} bytes)`, 0);
    this.ipv = 4;
    this.v4s = ((b[o + 12]! << 24) | (b[o + 13]! << 16) | (b[o + 14]! << 8) | b[o + 15]!) >>> 0;
    this.v4d = ((b[o + 16]! << 24) | (b[o + 17]! << 16) | (b[o + 18]! << 8) | b[o + 19]!) >>> 0;
    this.srcS = undefined;
    this.dstS = undefined;
    const proto = b[o + 9]!;
    const ff = (b[o + 6]! << 8) | b[o + 7]!;
    if ((ff & 0x3fff) !== 0) {
      // MF set or non-zero offset: a fragment.
      if (e - o < tot) return this.err('ip', 'IPv4 fragment cut by the snap length: cannot reassemble', 0);
      const id = (b[o + 4]! << 8) | b[o + 5]!;
      const r = this.st.defrag.add(`4 ${this.v4s} ${this.v4d} ${proto} ${id}`, (ff & 0x1fff) << 3, (ff & 0x2000) !== 0, proto, b.subarray(o + ihl, e), this.pkt.frame);
      if (r === null) return;
      if (typeof r === 'string') return this.err('ip', `IPv4 reassembly: ${r}`, 6);
      this.ipFrames = r.frames;
      this.ipCut = 0;
      return this.l4(r.proto, r.data, 0, r.data.length);
    }
    this.l4(proto, b, o + ihl, e);
  }

  private ipv6(b: Uint8Array, o: number, n: number): void {
    const avail = n - o;
    if (avail < 40) return this.err('ip', `IPv6 header truncated (${avail} bytes)`, 0);
    if (b[o]! >> 4 !== 6) return this.err('ip', `IP version ${b[o]! >> 4} in an IPv6 packet`, 0);
    const plen = (b[o + 4]! << 8) | b[o + 5]!;
    let e = plen === 0 ? n : o + 40 + plen; // 0: jumbogram (hop-by-hop option) — take what was captured
    this.ipCut = 0;
    if (e > n) {
      this.ipCut = e - n;
      e = n;
    }
    this.ipv = 6;
    this.a6 = b;
    this.a6o = o;
    this.srcS = undefined;
    this.dstS = undefined;
    let nh = b[o + 6]!;
    let p = o + 40;
    for (let hops = 0; hops < 32; hops++) {
      switch (nh) {
        case 0: // hop-by-hop
        case 43: // routing
        case 60: // destination options
        case 135: // mobility
        case 51: { // authentication header
          if (p + 8 > e) return this.err('ip', `IPv6 extension header ${nh} truncated`, p - o);
          const len = nh === 51 ? (b[p + 1]! + 2) << 2 : (b[p + 1]! + 1) << 3;
          if (p + len > e) return this.err('ip', `IPv6 extension header ${nh} length ${len} exceeds the packet`, p - o);
          nh = b[p]!;
          p += len;
          continue;
        }
        case 44: { // fragment
          if (p + 8 > e) return this.err('ip', 'IPv6 fragment header truncated', p - o);
          const next = b[p]!;
          const offm = (b[p + 2]! << 8) | b[p + 3]!;
          const off = offm & 0xfff8;
          const more = (offm & 1) !== 0;
          const id = ((b[p + 4]! << 24) | (b[p + 5]! << 16) | (b[p + 6]! << 8) | b[p + 7]!) >>> 0;
          p += 8;
          if (off === 0 && !more) {
            nh = next; // atomic fragment
            continue;
          }
          if (plen !== 0 && o + 40 + plen > n) return this.err('ip', 'IPv6 fragment cut by the snap length: cannot reassemble', 0);
          const key = `6 ${ipv6String(b, o + 8)} ${ipv6String(b, o + 24)} ${id}`;
          const r = this.st.defrag.add(key, off, more, off === 0 ? next : -1, b.subarray(p, e), this.pkt.frame);
          if (r === null) return;
          if (typeof r === 'string') return this.err('ip', `IPv6 reassembly: ${r}`, p - 8 - o);
          this.ipFrames = r.frames;
          this.ipCut = 0;
          if (r.proto < 0) return this.err('ip', 'IPv6 reassembly: first fragment carries no next header', 0);
          return this.l6(r.proto, r.data, 0, r.data.length);
        }
        case 59: // no next header
        case 50: // ESP: encrypted
          return;
        default:
          return this.l4(nh, b, p, e);
      }
    }
    return this.err('ip', 'too many IPv6 extension headers', 0);
  }

  /** Upper layer of a reassembled IPv6 datagram (may still hold extension headers after the fragment header). */
  private l6(nh: number, b: Uint8Array, p: number, e: number): void {
    for (let hops = 0; hops < 32; hops++) {
      if (nh === 0 || nh === 43 || nh === 60 || nh === 135 || nh === 51) {
        if (p + 8 > e) return this.err('ip', `IPv6 extension header ${nh} truncated`, p);
        const len = nh === 51 ? (b[p + 1]! + 2) << 2 : (b[p + 1]! + 1) << 3;
        nh = b[p]!;
        p += len;
        continue;
      }
      if (nh === 59 || nh === 50 || nh === 44) return;
      return this.l4(nh, b, p, e);
    }
  }

  private l4(proto: number, b: Uint8Array, o: number, e: number): void {
    if (proto === 132) return this.sctp(b, o, e);
    if (proto === 6) return this.tcp(b, o, e);
    if (proto === 4) return this.ipv4(b.subarray(0, e), o, e); // IP in IP
    if (proto === 41) return this.ipv6(b.subarray(0, e), o, e);
    if (proto === 47) return this.gre(b.subarray(0, e), o, e);
    if (proto === 17 && e - o >= 16 && ((b[o + 2]! << 8) | b[o + 3]!) === 4789 && (b[o + 8]! & 0x08) !== 0) {
      // VXLAN (RFC 7348, UDP port 4789, I flag set): an Ethernet frame after the 8-octet header,
      // as cloud traffic mirroring delivers it; tshark decodes it by default
      if (e - o < 30) return;
      return this.ether((b[o + 28]! << 8) | b[o + 29]!, b.subarray(0, e), o + 30, e);
    }
    // UDP and everything else: no signaling PDUs.
  }

  /**
   * GRE (RFC 2784/2890, version 0): IPv4, IPv6, transparent Ethernet bridging (0x6558) and
   * ERSPAN type I/II (0x88be: an 8-octet header when the sequence bit is set), the tunnels
   * mirrored traffic arrives in; tshark decodes through them by default.
   */
  private gre(b: Uint8Array, o: number, e: number): void {
    if (e - o < 4) return this.err('ip', 'GRE header truncated', 0);
    const fl = b[o]!;
    if ((fl & 0x40) !== 0 || (b[o + 1]! & 7) !== 0) return; // source routing (RFC 1701) or enhanced GRE (PPTP): not followed
    const pt = (b[o + 2]! << 8) | b[o + 3]!;
    let p = o + 4 + ((fl & 0x80) !== 0 ? 4 : 0) + ((fl & 0x20) !== 0 ? 4 : 0) + ((fl & 0x10) !== 0 ? 4 : 0);
    if (p > e) return this.err('ip', 'GRE header truncated', 0);
    if (pt === 0x88be && (fl & 0x10) !== 0) p += 8; // ERSPAN type II header
    if (pt === 0x6558 || pt === 0x88be) {
      if (e - p < 14) return;
      return this.ether((b[p + 12]! << 8) | b[p + 13]!, b, p + 14, e);
    }
    if (pt === ETH_IPV4) return this.ipv4(b, p, e);
    if (pt === ETH_IPV6) return this.ipv6(b, p, e);
  }

  private src(): string {
    let s = this.srcS;
    if (s === undefined) s = this.srcS = this.ipv === 4 ? ipv4String(this.v4s) : ipv6String(this.a6!, this.a6o + 8);
    return s;
  }

  private dst(): string {
    let s = this.dstS;
    if (s === undefined) s = this.dstS = this.ipv === 4 ? ipv4String(this.v4d) : ipv6String(this.a6!, this.a6o + 24);
    return s;
  }

  private err(layer: LayerName, reason: string, offset: number): void {
    this.onError({ layer, reason, offset });
  }

  // ------------------------------------------------------------------ SCTP

  private sctp(b: Uint8Array, o: number, e: number): void {
    if (e - o < 12) return this.err('sctp', `SCTP common header truncated (${e - o} bytes)`, 0);
    const sport = (b[o]! << 8) | b[o + 1]!;
    const dport = (b[o + 2]! << 8) | b[o + 3]!;
    const vtag = ((b[o + 4]! << 24) | (b[o + 5]! << 16) | (b[o + 6]! << 8) | b[o + 7]!) >>> 0;
    let ha: HalfAssoc | null = null;
    let p = o + 12;
    while (p < e) {
      if (e - p < 4) return this.err('sctp', `chunk header truncated (${e - p} bytes left)`, p - o);
      const type = b[p]!;
      const len = (b[p + 2]! << 8) | b[p + 3]!;
      if (len < 4) return this.err('sctp', `chunk type ${type}: length ${len} < 4`, p - o);
      if (len > e - p) return this.err('sctp', `chunk type ${type}: length ${len} exceeds the ${e - p} bytes left`, p - o);
      if (type === 0 || type === 64) {
        if (ha === null) ha = this.assoc(sport, dport, vtag);
        if (!this.dataChunk(b, p, len, type === 64, ha, sport, dport, o)) return;
      }
      p += (len + 3) & ~3;
    }
  }

  private assoc(sport: number, dport: number, vtag: number): HalfAssoc {
    const pk = sport * 65536 + dport;
    if (pk === this.lastPk && vtag === this.lastVt && this.lastHa !== null && vtag !== 0) {
      this.lastHa.lastFrame = this.pkt.frame;
      return this.lastHa;
    }
    const st = this.st;
    if (vtag === 0) {
      if (this.lastZ !== null && this.ipv === 4 && pk === this.lastZpk && this.v4s === this.lastZs && this.v4d === this.lastZd) {
        this.lastZ.lastFrame = this.pkt.frame;
        return this.lastZ;
      }
      const k = `${this.src()} ${this.dst()} ${pk}`;
      let z = st.zeroAssocs.get(k);
      if (z === undefined) {
        if (st.zeroAssocs.size >= 4096) {
          for (const h of st.zeroAssocs.values()) if (h.frags) for (const s of h.frags.values()) this.dropFragSet(s);
          st.zeroAssocs.clear();
          this.lastZ = null;
        }
        st.zeroAssocs.set(k, (z = new HalfAssoc(true)));
      }
      z.lastFrame = this.pkt.frame;
      if (this.ipv === 4) {
        this.lastZ = z;
        this.lastZpk = pk;
        this.lastZs = this.v4s;
        this.lastZd = this.v4d;
      }
      return z;
    }
    const ci = Math.imul(vtag ^ Math.imul(pk, 0x9e3779b1), 0x85ebca6b) >>> (32 - ASSOC_CACHE_BITS);
    const ch = this.acHa[ci] ?? null;
    if (ch !== null && this.acVt[ci] === vtag && this.acPk[ci] === pk) {
      ch.lastFrame = this.pkt.frame;
      this.lastPk = pk;
      this.lastVt = vtag;
      this.lastHa = ch;
      return ch;
    }
    let m = st.assocs.get(vtag);
    if (m === undefined) st.assocs.set(vtag, (m = new Map()));
    let h = m.get(pk);
    if (h === undefined) {
      if (st.assocCount >= SCTP_MAX_ASSOCS) {
        this.pruneAssocs();
        m = st.assocs.get(vtag);
        if (m === undefined) st.assocs.set(vtag, (m = new Map()));
      }
      m.set(pk, (h = new HalfAssoc()));
      st.assocCount++;
    }
    h.lastFrame = this.pkt.frame;
    this.lastPk = pk;
    this.lastVt = vtag;
    this.lastHa = h;
    this.acVt[ci] = vtag;
    this.acPk[ci] = pk;
    this.acHa[ci] = h;
    return h;
  }

  private pruneAssocs(): void {
    const st = this.st;
    const horizon = this.pkt.frame - 100000;
    for (const [vt, m] of st.assocs) {
      for (const [pk, h] of m) {
        if (h.lastFrame < horizon || st.assocCount > SCTP_MAX_ASSOCS / 2) {
          if (h.frags) for (const s of h.frags.values()) this.dropFragSet(s);
          m.delete(pk);
          st.assocCount--;
        }
      }
      if (m.size === 0) st.assocs.delete(vt);
    }
    this.lastHa = null;
    this.lastPk = -1;
    this.acHa.fill(null);
    this.acVt.fill(-1);
  }

  /** Returns false when the chunk is malformed (stop parsing the packet). */
  private dataChunk(b: Uint8Array, p: number, len: number, isI: boolean, ha: HalfAssoc, sport: number, dport: number, o: number): boolean {
    const hl = isI ? 20 : 16;
    if (len < hl) {
      this.err('sctp', `${isI ? 'I-DATA' : 'DATA'} chunk length ${len} < ${hl}`, p - o);
      return false;
    }
    const flags = b[p + 1]!;
    const tsn = ((b[p + 4]! << 24) | (b[p + 5]! << 16) | (b[p + 6]! << 8) | b[p + 7]!) >>> 0;
    const sid = (b[p + 8]! << 8) | b[p + 9]!;
    let ssn: number, ppid: number, fsn = 0;
    const B = (flags & 2) !== 0;
    const E = (flags & 1) !== 0;
    if (!isI) {
      ssn = (b[p + 10]! << 8) | b[p + 11]!;
      ppid = ((b[p + 12]! << 24) | (b[p + 13]! << 16) | (b[p + 14]! << 8) | b[p + 15]!) >>> 0;
    } else {
      // I-DATA: the message identifier takes the SSN's place; PPID only in the first fragment.
      ssn = ((b[p + 12]! << 24) | (b[p + 13]! << 16) | (b[p + 14]! << 8) | b[p + 15]!) >>> 0;
      const x = ((b[p + 16]! << 24) | (b[p + 17]! << 16) | (b[p + 18]! << 8) | b[p + 19]!) >>> 0;
      if (B) ppid = x;
      else {
        ppid = 0;
        fsn = x;
      }
    }
    let retrans = ha.seen(tsn);
    if (retrans) {
      for (let i = 0; i < this.nCur; i++) {
        if (this.curTsn[i] === tsn && this.curHa[i] === ha) {
          retrans = false;
          break;
        }
      }
    }
    this.curHa[this.nCur] = ha;
    this.curTsn[this.nCur++] = tsn;
    const ps = p + hl, pe = p + len;
    if (B && E) {
      this.sctpPdu(b, ps, pe, sport, dport, sid, ssn, tsn, ppid, retrans, undefined);
      return true;
    }
    if (!this.reasm) {
      // As tshark with sctp.reassembly off: the first fragment alone goes up.
      if (B) this.sctpPdu(b, ps, pe, sport, dport, sid, ssn, tsn, ppid, retrans, undefined);
      return true;
    }
    if (retrans) return true; // a fragment we already hold (or already delivered)
    const U = (flags & 4) !== 0;
    // Key: kind (DATA / I-DATA), stream, SSN (ordered DATA) or MID (I-DATA), unordered flag.
    const key = isI ? 2 ** 50 + sid * 2 ** 33 + ssn * 2 + (U ? 1 : 0) : sid * 2 ** 17 + (U ? 1 : ssn * 2);
    let fm = ha.frags;
    if (fm === null) fm = ha.frags = new Map();
    let set = fm.get(key);
    if (set === undefined) {
      this.expireFrags();
      set = { key, owner: ha, frags: new Map(), firstFrame: this.pkt.frame, bytes: 0 };
      fm.set(key, set);
      this.st.fragSets.add(set);
    }
    const frag: SctpFrag = {
      tsn,
      seq: isI ? (B ? 0 : fsn) : tsn,
      b: B,
      e: E,
      data: b.slice(ps, pe),
      frames: this.ipFrames ?? [this.pkt.frame],
      ssn,
      ppid,
    };
    const before = set.bytes;
    const parts = addFragment(set, frag);
    this.st.fragBytes += set.bytes - before;
    if (set.frags.size === 0) this.dropFragSet(set);
    if (parts === null) return true;
    let total = 0;
    for (const f of parts) total += f.data.length;
    const data = new Uint8Array(total);
    const frames: number[] = [];
    let at = 0;
    for (const f of parts) {
      data.set(f.data, at);
      at += f.data.length;
      for (const fr of f.frames) if (!frames.includes(fr)) frames.push(fr);
    }
    frames.sort((x, y) => x - y);
    const first = parts[0]!;
    this.sctpPdu(data, 0, data.length, sport, dport, sid, first.ssn, first.tsn, first.ppid, false, frames);
    return true;
  }

  private dropFragSet(set: FragSet): void {
    this.st.fragBytes -= set.bytes;
    set.bytes = 0;
    set.owner.frags?.delete(set.key);
    this.st.fragSets.delete(set);
  }

  private expireFrags(): void {
    const st = this.st;
    const horizon = this.pkt.frame - SCTP_FRAG_MAX_AGE;
    for (const s of st.fragSets) {
      if (s.firstFrame < horizon || st.fragBytes > SCTP_FRAG_MAX_BYTES || st.fragSets.size > 4096) this.dropFragSet(s);
      else break;
    }
  }

  private sctpPdu(buf: Uint8Array, start: number, end: number, sport: number, dport: number, stream: number, ssn: number, tsn: number, ppid: number, retrans: boolean, frames: number[] | undefined): void {
    // every field present, in one order: one hidden class for all SCTP transports
    const t: { [K in keyof Required<TransportInfo>]: TransportInfo[K] } = {
      proto: 'sctp',
      src: this.src(),
      dst: this.dst(),
      srcPort: sport,
      dstPort: dport,
      stream,
      ssn,
      tsn,
      ppid,
      retransmission: retrans ? true : undefined,
      fragmentFrames: frames !== undefined ? frames : this.ipFrames,
      linkType: this.pkt.linkType,
      heuristic: undefined,
      vlan: this.vlan,
    };
    const box = this.pduBox;
    this.onPdu(box !== null ? box.reuse(t, buf, start, end) : new TransportPdu(t, buf, start, end));
  }

  // ------------------------------------------------------------------ TCP

  private tcp(b: Uint8Array, o: number, e: number): void {
    if (e - o < 20) return this.err('tcp', `TCP header truncated (${e - o} bytes)`, 0);
    const sport = (b[o]! << 8) | b[o + 1]!;
    const dport = (b[o + 2]! << 8) | b[o + 3]!;
    const doff = (b[o + 12]! >> 4) << 2;
    if (doff < 20) return this.err('tcp', `TCP data offset ${doff} < 20`, 12);
    if (o + doff > e) return this.err('tcp', `TCP header truncated (${e - o} of ${doff} bytes)`, 0);
    const s = o + doff;
    const fl = b[o + 13]!;
    const syn = (fl & 2) !== 0;
    let framer: Framer = Framer.None;
    if (dport === 3868 || sport === 3868) framer = Framer.Diameter;
    else if (dport === 2905 || sport === 2905) framer = Framer.M3ua;
    const st = this.st;
    let stream: TcpStream | undefined;
    let key = '';
    if (framer === Framer.None) {
      // Diameter heuristic on other ports.
      const looks = e - s >= 20 && looksLikeDiameter(b, s, e);
      if (!looks && st.heurStreams === 0) return;
      key = this.tcpKey(sport, dport);
      stream = st.tcp.get(key);
      if (stream === undefined) {
        if (!looks) return;
        stream = this.newStream(key, Framer.Diameter, syn ? this.seq(b, o) + 1 : this.seq(b, o));
        stream.heur = true;
        stream.desync = false;
        st.heurStreams++;
      }
    } else {
      key = this.tcpKey(sport, dport);
      stream = st.tcp.get(key);
      if (stream === undefined) {
        stream = this.newStream(key, framer, syn ? this.seq(b, o) + 1 : this.seq(b, o));
        stream.desync = !syn;
      }
    }
    const seq = this.seq(b, o);
    if (syn) {
      // (Re)start of the connection.
      stream.next = (seq + 1) >>> 0;
      stream.clearBuf();
      stream.ooo = null;
      stream.oooBytes = 0;
      stream.desync = false;
    }
    stream.lastFrame = this.pkt.frame;
    this.sport = sport;
    this.dport = dport;
    if (this.ipCut > 0) this.tcpCut(stream, syn ? (seq + 1) >>> 0 : seq, b, s, e, this.ipCut);
    else if (s < e) this.tcpData(stream, syn ? (seq + 1) >>> 0 : seq, b, s, e, doff);
    if ((fl & 5) !== 0) {
      // FIN / RST: this direction is done.
      st.tcp.delete(key);
      if (stream.heur) st.heurStreams--;
    }
  }

  private seq(b: Uint8Array, o: number): number {
    return ((b[o + 4]! << 24) | (b[o + 5]! << 16) | (b[o + 6]! << 8) | b[o + 7]!) >>> 0;
  }

  private tcpKey(sport: number, dport: number): string {
    return `${this.src()} ${this.dst()} ${sport} ${dport}`;
  }

  private newStream(key: string, framer: Framer, next: number): TcpStream {
    const st = this.st;
    if (st.tcp.size >= TCP_MAX_STREAMS) {
      // Drop the least recently used half.
      const all = [...st.tcp.entries()].sort((a, b) => a[1].lastFrame - b[1].lastFrame);
      for (let i = 0; i < all.length / 2; i++) {
        st.tcp.delete(all[i]![0]);
        if (all[i]![1].heur) st.heurStreams--;
      }
    }
    const s = new TcpStream(framer);
    s.next = next >>> 0;
    st.tcp.set(key, s);
    return s;
  }

  private tcpData(st: TcpStream, seq: number, b: Uint8Array, s: number, e: number, doff: number): void {
    const frame = this.pkt.frame;
    let rel = (seq - st.next) | 0;
    if (rel > TCP_MAX_GAP || rel < -TCP_MAX_GAP) {
      // Not a gap to wait for: a new start (or garbage). Resume at a PDU header.
      if (st.bufLen > 0) this.err('tcp', `sequence jump: ${st.bufLen}-byte partial ${framerName(st.framer)} message dropped`, 4);
      st.clearBuf();
      st.ooo = null;
      st.oooBytes = 0;
      st.next = seq;
      st.desync = true;
      rel = 0;
    }
    if (rel > 0) {
      // Ahead of a gap: wait for the missing bytes.
      if (!st.addOoo(seq, b, s, e, frame)) this.writeOffGap(st);
      return;
    }
    if (rel < 0) {
      if (-rel >= e - s) return; // retransmission: nothing new
      s -= rel;
    }
    this.feed(st, b, s, e, frame, doff);
    if (st.ooo !== null) this.drainOoo(st);
  }

  /**
   * A segment cut by the snap length (`missing` octets of it not captured). As tshark, which
   * cannot reassemble across it, each PDU that starts in it is handed on as captured (the last
   * one cut), and framing resumes where the last PDU's length says the next one starts.
   */
  private tcpCut(st: TcpStream, seq: number, b: Uint8Array, s: number, e: number, missing: number): void {
    const rel = (seq - st.next) | 0;
    const wireEnd = e + missing;
    if (rel < 0 && -rel >= wireEnd - s) return; // retransmission: nothing new
    let p = s;
    let known = false;
    if (rel === 0 && st.bufLen === 0 && (!st.desync || looksLikeStart(st.framer, b, s, e))) {
      const fr = st.framer;
      for (;;) {
        if (p >= wireEnd) {
          known = true;
          break;
        }
        if (e - p < headerSize(fr)) break;
        const len = pduLength(fr, b, p);
        if (len < 0) break;
        this.tcpPdu(b.subarray(p, Math.min(p + len, e)), undefined, st.heur);
        p += len;
      }
    }
    if (!known) {
      this.err('tcp', `segment cut by the snap length (${missing} octet(s) not captured): ${wireEnd - p} octet(s) not framed`, 0);
      p = wireEnd;
    }
    st.clearBuf();
    st.ooo = null;
    st.oooBytes = 0;
    // the rest of a PDU that runs past this segment counts as received: later segments resume after it
    st.next = (seq + (p - s)) >>> 0;
    st.desync = !known;
  }

  /** Accepts in-order bytes b[s, e) that arrived in `frame`. */
  private feed(st: TcpStream, b: Uint8Array, s: number, e: number, frame: number, doff: number): void {
    st.next = (st.next + (e - s)) >>> 0;
    const fr = st.framer;
    if (st.bufLen === 0) {
      if (st.desync) {
        if (!looksLikeStart(fr, b, s, e)) return;
        st.desync = false;
      }
      if (frame === this.pkt.frame) {
        // Fast path: frame PDUs in place, copy only a trailing partial PDU.
        const hs = headerSize(fr);
        let p = s;
        while (e - p >= hs) {
          const len = pduLength(fr, b, p);
          if (len < 0) {
            this.err('tcp', `${framerName(fr)} framing lost: no valid header at payload byte ${p - s}`, doff + p - s);
            st.desync = true;
            return;
          }
          if (e - p < len) break;
          this.tcpPdu(b.subarray(p, p + len), undefined, st.heur);
          p += len;
        }
        if (p < e) st.append(b, p, e, frame);
        return;
      }
    }
    st.append(b, s, e, frame);
    this.frameBuf(st);
  }

  private frameBuf(st: TcpStream): void {
    const fr = st.framer;
    const hs = headerSize(fr);
    const buf = st.buf!;
    const cur = this.pkt.frame;
    let p = 0;
    while (st.bufLen - p >= hs) {
      const len = pduLength(fr, buf, p);
      if (len < 0) {
        this.err('tcp', `${framerName(fr)} framing lost in reassembled data (${st.bufLen - p} bytes dropped)`, 0);
        st.clearBuf();
        st.desync = true;
        return;
      }
      if (st.bufLen - p < len) break;
      const frames = st.framesOf(p, p + len);
      this.tcpPdu(buf.slice(p, p + len), frames.length > 1 || frames[0] !== cur ? frames : undefined, st.heur);
      p += len;
    }
    if (p > 0) st.consume(p);
  }

  private drainOoo(st: TcpStream): void {
    const q = st.ooo!;
    for (let progress = true; progress && q.length > 0; ) {
      progress = false;
      for (let i = 0; i < q.length; i++) {
        const sg = q[i]!;
        const rel = (sg.seq - st.next) | 0;
        if (rel > 0) continue;
        q.splice(i, 1);
        st.oooBytes -= sg.data.length;
        if (-rel < sg.data.length) this.feed(st, sg.data, -rel, sg.data.length, sg.frame, 0);
        progress = true;
        break;
      }
    }
    if (q.length === 0) st.ooo = null;
  }

  /** Bytes missing from the capture: give up on them and resume after the gap. */
  private writeOffGap(st: TcpStream): void {
    const q = st.ooo!;
    let min = q[0]!.seq;
    for (const sg of q) if (((sg.seq - min) | 0) < 0) min = sg.seq;
    const lost = (min - st.next) >>> 0;
    this.err('tcp', `${lost} byte(s) missing from the capture${st.bufLen > 0 ? `: ${st.bufLen}-byte partial ${framerName(st.framer)} message dropped` : ''}`, 4);
    st.clearBuf();
    st.next = min;
    st.desync = true;
    this.drainOoo(st);
  }

  private tcpPdu(data: Uint8Array, frames: number[] | undefined, heur: boolean): void {
    const t: TransportInfo = {
      proto: 'tcp',
      src: this.src(),
      dst: this.dst(),
      srcPort: this.sport,
      dstPort: this.dport,
      linkType: this.pkt.linkType,
    };
    if (frames !== undefined) t.fragmentFrames = frames;
    else if (this.ipFrames !== undefined) t.fragmentFrames = this.ipFrames;
    if (this.vlan !== undefined) t.vlan = this.vlan;
    if (heur) t.heuristic = 'diameter';
    const box = this.pduBox;
    this.onPdu(box !== null ? box.reuse(t, data, 0, data.length) : TransportPdu.of(t, data));
  }
}

function framerName(f: Framer): string {
  return f === Framer.Diameter ? 'Diameter' : 'M3UA';
}
