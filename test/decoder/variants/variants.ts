/**
 * Capture variants: the corpus's and the encoders' messages wrapped in the
 * framings real captures use (see frames.ts). Each variant is a short list of
 * frames with its own addresses and ports, so several can share one file.
 * `node --import tsx test/decoder/variants/explore.ts DIR [name…]` writes each
 * variant as its own pcap and prints its differences from tshark.
 *
 * Known differences left out of the variants (found with explore.ts, not fixed):
 *  - a Diameter message cut by the snap length inside its 20-octet header: tshark
 *    shows the header fields that were captured, the decoder none;
 *  - a TCAP message cut inside its dialogue portion or a component: tshark decodes a
 *    cut BER element as far as its octets go (e.g. an e164.msisdn from a half-captured
 *    argument), the decoder's dialogue and MAP decoders stop at the first element
 *    that does not fit;
 *  - an SCTP PPID that tshark gives to a protocol the decoder does not know (e.g. 99,
 *    M2TP) on an SS7 port: tshark follows the PPID, the decoder falls back to the port;
 *  - M3UA from the old draft-6 on a capture the oracle script does not name: the
 *    decoder detects the draft tags ('auto'), tshark's default reads RFC 4666 only;
 *  - a MAP / CAP parameter malformed so that tshark raises an exception inside it (e.g. a
 *    CAP FurnishChargingInformation whose inner [0] is wrapped twice: BoundError): tshark
 *    shows no row for the message's later components, the decoder decodes them;
 *  - SEQUENCE elements out of their ASN.1 order (e.g. callReferenceNumber tagged [53]
 *    in an InitialDP): tshark's BER dissector skips every element after the first one
 *    that does not fit the rest of the definition ("lies beyond the end of the known
 *    sequence definition"), the decoder's walker matches each element by its tag.
 */
import { tcapBegin, tcapContinue, tcapEnd } from '../../../shared/encode/tcap.js';
import { initialDpArg, connectArg, CapOp, CAP_V2_GSMSSF_SCF } from '../../../shared/encode/cap.js';
import { MapAc, MapOp, mapAcn, insertSubscriberDataArg, sriForSmArg, updateLocationArg } from '../../../shared/encode/map.js';
import { component } from '../../../shared/encode/tcap.js';
import { seq, tlv } from '../../../shared/encode/bytes.js';

const sriForSmArgOf = (): Uint8Array => sriForSmArg('447700900123', '447700900001');
const ulArgOf = (): Uint8Array => updateLocationArg('234150123456789', '491720000099', '491720000099');
import {
  cat, ether, sll, sll2, nullLink, ipv4, ipv4Fragments, ipv6, ipv6Fragments, v6addr, dataChunk, idataChunk, sackChunk, sctp, tcp,
  mtp3, mtp2, mtp2Phdr, m2paData, m2uaData, m3uaData, suaCldt, udt, xudt, ludt, segmentation, reencodeBer, pcapFile, pcapngFile,
  type Frame, type NgInterface, type SccpAddr,
} from './frames.js';
import { gzipSync } from 'node:zlib';
import { diameterMessage, str, octets, Avp, DiaCmd, APP_S6A, answerHead, msisdnAvp } from '../../../shared/encode/diameter.js';
import { builtDiameter, builtIsup, builtTcap, builtTcapShapes, cutPdus, m3uaProtocolData } from './payloads.js';
import { u16, u32 } from '../../../shared/encode/bytes.js';
import { mapMobility, mapSubscriberData, mapSubscriberInfo, mapShortMessages, mapSupplementary, mapErrorsAndRejects, tcapMixed, forwardSmMatrix, capShapes, dialoguesBothWays, isupShapes, diameterShapes } from './protocols.js';

export interface VFrame {
  link: number;
  data: Uint8Array;
  origLen?: number;
}

export interface Variant {
  name: string;
  frames: VFrame[];
  /**
   * tshark preferences this variant is read with (it then goes into a file of its own):
   * a documented difference from tshark's defaults, with the reason.
   */
  tshark?: { opts: string[]; why: string };
}

const ETH_V4 = 0x0800;
const ETH_V6 = 0x86dd;
const SCTP = 132;
const TCP = 6;
const PPID = { m2ua: 2, m3ua: 3, sua: 4, m2pa: 5, diameter: 46 } as const;

/** A user part (SCCP or ISUP) with its MTP3 routing label fields. */
interface UserPart {
  si: number;
  opc: number;
  dpc: number;
  data: Uint8Array;
}

interface Material {
  /** Whole M3UA messages from the corpus (DATA with SCCP/TCAP/MAP, CAMEL, ISUP; management). */
  m3ua: Uint8Array[];
  /** SCCP and ISUP user parts from corpus M3UA DATA messages. */
  userParts: UserPart[];
  /** Diameter messages from the corpus (TCP and SCTP). */
  diameter: Uint8Array[];
}

function material(): Material {
  const m3ua: Uint8Array[] = [];
  const userParts: UserPart[] = [];
  for (const c of ['arkime__m3ua_synthetic.pcap', 'ss7-firewall-rule-mining__test_long_length_in_dialogue.pcap', 'ss7-firewall-rule-mining__test_op_code.pcap']) {
    for (const p of cutPdus(c)) {
      if (p.transport.ppid !== PPID.m3ua) continue;
      m3ua.push(p.data);
      const pd = m3uaProtocolData(p.data);
      // ITU 14-bit point codes only: the user part goes into ITU MTP3 routing labels below
      if (pd && (pd.si === 3 || pd.si === 5) && pd.opc < 0x4000 && pd.dpc < 0x4000) userParts.push({ si: pd.si, opc: pd.opc, dpc: pd.dpc, data: pd.data });
    }
  }
  const diameter: Uint8Array[] = [];
  for (const c of ['nDPI__diameter.pcap', 'arkime__diameter_synthetic.pcap']) for (const p of cutPdus(c)) diameter.push(p.data);
  return { m3ua, userParts, diameter };
}

/** Addresses and ports of variant number `n` (each variant is its own association / stream). */
class Net {
  readonly a4: number[];
  readonly b4: number[];
  readonly a6: number[];
  readonly b6: number[];
  private tsn = 1000;
  private ipId = 1;
  constructor(readonly n: number, readonly sport = 2905, readonly dport = 2905, readonly vtag = 0x10000 + n) {
    this.a4 = [10, 77, n, 1];
    this.b4 = [10, 77, n, 2];
    this.a6 = v6addr(2 * n + 1);
    this.b6 = v6addr(2 * n + 2);
  }
  nextTsn(): number {
    return this.tsn++;
  }
  v4(proto: number, l4: Uint8Array): Uint8Array {
    return ipv4(proto, l4, { src: this.a4, dst: this.b4, id: this.ipId++, df: true });
  }
  v6(proto: number, l4: Uint8Array, chain: number[] = []): Uint8Array {
    return ipv6(proto, l4, this.a6, this.b6, chain);
  }
  /** One SCTP packet with one complete DATA chunk per message. */
  sctpData(ppid: number, msgs: Uint8Array[], o: { unordered?: boolean; sid?: number } = {}): Uint8Array {
    return sctp(this.sport, this.dport, this.vtag, msgs.map((m, i) => dataChunk(m, { tsn: this.nextTsn(), ppid, sid: o.sid ?? 1, ssn: i, unordered: o.unordered })));
  }
  eth(l3: Uint8Array, v6 = false): VFrame {
    return { link: 1, data: ether(v6 ? ETH_V6 : ETH_V4, l3) };
  }
  /** Ethernet/IPv4/SCTP with one packet per message list. */
  sctpFrames(ppid: number, perFrame: Uint8Array[][], o: { unordered?: boolean } = {}): VFrame[] {
    return perFrame.map((msgs) => this.eth(this.v4(SCTP, this.sctpData(ppid, msgs, o))));
  }
}

const sccpCalled = (ssn: number): SccpAddr => ({ gti: 4, digits: '441234567890', ssn });
const sccpCalling = (ssn: number): SccpAddr => ({ gti: 4, digits: '4930123456', ssn });

export function buildVariants(): Variant[] {
  const m = material();
  const tc = builtTcap();
  const isup = builtIsup();
  const mapM3ua = m.m3ua.filter((x) => m3uaProtocolData(x)?.si === 3);
  const sccpParts = m.userParts.filter((u) => u.si === 3);
  const isupParts = m.userParts.filter((u) => u.si === 5);
  const out: Variant[] = [];
  let n = 1;
  const add = (name: string, f: (net: Net) => VFrame[], net?: Net, tshark?: Variant['tshark']): void => {
    const nn = net ?? new Net(n);
    n++;
    out.push(tshark ? { name, frames: f(nn), tshark } : { name, frames: f(nn) });
  };
  const two = mapM3ua.slice(0, 2);
  const up = [...sccpParts.slice(0, 2), ...isupParts.slice(0, 1)];
  const msus = up.map((u, i) => mtp3(u.si, 2, u.opc, u.dpc, i, u.data));
  msus.push(mtp3(5, 2, 300, 400, 3, isup[0]!), mtp3(3, 0, 1234, 5678, 1, udt(sccpCalled(6), sccpCalling(8), tc[1]!.tcap)));
  const dia = builtDiameter(4, 0x3000);
  const big = m3uaData(1001, 2002, 3, udt(sccpCalled(6), sccpCalling(7), tc[2]!.tcap));

  // ---- link layers (each with two M3UA DATA messages from the corpus)
  add('link: Ethernet', (t) => t.sctpFrames(PPID.m3ua, [[two[0]!], [two[1]!]]));
  add('link: 802.1Q', (t) => [two[0]!, two[1]!].map((x) => ({ link: 1, data: ether(ETH_V4, t.v4(SCTP, t.sctpData(PPID.m3ua, [x])), [[0x8100, 100]]) })));
  add('link: QinQ 802.1ad + 802.1Q', (t) => [two[0]!, two[1]!].map((x) => ({ link: 1, data: ether(ETH_V4, t.v4(SCTP, t.sctpData(PPID.m3ua, [x])), [[0x88a8, 200], [0x8100, 300]]) })));
  add('link: Linux SLL', (t) => [two[0]!, two[1]!].map((x) => ({ link: 113, data: sll(ETH_V4, t.v4(SCTP, t.sctpData(PPID.m3ua, [x]))) })));
  add('link: Linux SLL2', (t) => [{ link: 276, data: sll2(ETH_V4, t.v4(SCTP, t.sctpData(PPID.m3ua, [two[0]!]))) }, { link: 276, data: sll2(ETH_V6, t.v6(SCTP, t.sctpData(PPID.m3ua, [two[1]!]))) }]);
  add('link: raw IP (101) v4 and v6', (t) => [{ link: 101, data: t.v4(SCTP, t.sctpData(PPID.m3ua, [two[0]!])) }, { link: 101, data: t.v6(SCTP, t.sctpData(PPID.m3ua, [two[1]!])) }]);
  add('link: IPv4 (228)', (t) => [{ link: 228, data: t.v4(SCTP, t.sctpData(PPID.m3ua, [two[0]!, two[1]!])) }]);
  add('link: IPv6 (229)', (t) => [{ link: 229, data: t.v6(SCTP, t.sctpData(PPID.m3ua, [two[0]!, two[1]!])) }]);
  add('link: null (0) AF_INET and AF_INET6 (24, 28, 30)', (t) => [
    { link: 0, data: nullLink(2, t.v4(SCTP, t.sctpData(PPID.m3ua, [two[0]!]))) },
    ...[24, 28, 30].map((af) => ({ link: 0, data: nullLink(af, t.v6(SCTP, t.sctpData(PPID.m3ua, [two[1]!]))) })),
  ]);
  add('link: loop (108) network byte order', (t) => [{ link: 108, data: nullLink(2, t.v4(SCTP, t.sctpData(PPID.m3ua, [two[0]!])), true) }]);

  add('link: MPLS label stack (two labels) over Ethernet', (t) => [two[0]!, two[1]!].map((x) => ({ link: 1, data: ether(0x8847, cat([0, 0x10, 0x00, 0x40], [0, 0x20, 0x01, 0x40], t.v4(SCTP, t.sctpData(PPID.m3ua, [x])))) })));
  add('frames cut by the snap length', (t) => {
    const full = [...t.sctpFrames(PPID.m3ua, [[big], [two[0]!], [m3uaData(11, 12, 5, isup[0]!)], [big]]), ...t.sctpFrames(PPID.m3ua, [[two[1]!]])];
    const cut = [200, 120, 100, 96, 68];
    return full.map((f, i) => ({ ...f, data: f.data.slice(0, cut[i]!), origLen: f.data.length }));
  });
  add('Diameter over TCP: segments cut by the snap length', (t) => {
    // segments: [d0] cut in an AVP, [d2] whole, [d1 d3] cut in d3, [d0] whole, [d2] cut in its first AVP, [d1] whole, [d3 | first 40 octets of d0] cut in d0's first AVP header, [rest of d0, d2]
    const segs = [[dia[0]!], [dia[2]!], [dia[1]!, dia[3]!], [dia[0]!], [dia[2]!], [dia[1]!], [dia[3]!, dia[0]!.subarray(0, 40)], [dia[0]!.subarray(40), dia[2]!]].map((x) => cat(...x));
    // (a cut inside the 20-octet Diameter header is left out: tshark shows the header fields that were captured, Sigtrail none)
    const cut = [120, 0, 54 + dia[1]!.length + 30, 0, 54 + 32, 0, 54 + dia[3]!.length + 24, 0];
    let seq = 100;
    return segs.map((x, i) => {
      const f = t.eth(t.v4(TCP, tcp(40004, 3868, seq, x)));
      seq += x.length;
      return cut[i] ? { ...f, data: f.data.slice(0, cut[i]!), origLen: f.data.length } : f;
    });
  });
  add('MTP3 (141) frames cut by the snap length', () => msus.map((x, i) => ({ link: 141, data: x.slice(0, [20, 40, 9, 12, 60][i] ?? 30), origLen: x.length })));
  {
    const bicc = mtp3(13, 2, 300, 400, 3, cat([0x4d, 0, 0, 0], isup[0]!.subarray(2)));
    const upTo = (x: Uint8Array, n: number) => Array.from({ length: n }, (_, k) => ({ link: 141, data: x.slice(0, k + 1), origLen: x.length }));
    add('MTP3 (141) ISUP and BICC cut at every octet of their first 16', () => [...upTo(msus[3]!, 16), ...upTo(bicc, 16)]);
    // SCCP header and addresses every third octet, then every octet of the TCAP message's first 20
    // (cuts further into the dialogue and components are left out: tshark decodes a cut BER element
    // as far as its octets go, Sigtrail's dialogue and MAP decoders stop at the first one that does not fit)
    const m = msus[4]!;
    const tcapAt = m.indexOf(0x62, 30);
    const cuts = [...Array.from({ length: 10 }, (_, k) => 6 + 3 * k).filter((c) => c < tcapAt), ...Array.from({ length: 20 }, (_, k) => tcapAt + k)];
    add('MTP3 (141) SCCP cut in its header and addresses, TCAP in its first 20 octets', () => cuts.map((c) => ({ link: 141, data: m.slice(0, c), origLen: m.length })));
  }

  add('GRE tunnels: IPv4, Ethernet bridging with a key, ERSPAN type II, IPv6', (t) => {
    const outer = { src: [192, 168, 9, 1], dst: [192, 168, 9, 2] };
    const inner = (x: Uint8Array) => t.v4(SCTP, t.sctpData(PPID.m3ua, [x]));
    return [
      { link: 1, data: ether(ETH_V4, ipv4(47, cat([0, 0, 0x08, 0x00], inner(two[0]!)), outer)) },
      { link: 1, data: ether(ETH_V4, ipv4(47, cat([0x20, 0, 0x65, 0x58, 0, 0, 0, 7], ether(ETH_V4, inner(two[1]!))), outer)) },
      { link: 1, data: ether(ETH_V4, ipv4(47, cat([0x10, 0, 0x88, 0xbe, 0, 0, 0, 1], [0x10, 0x01, 0x00, 0x05, 0, 0, 0, 0], ether(ETH_V4, inner(two[0]!), [[0x8100, 12]])), outer)) },
      { link: 1, data: ether(ETH_V4, ipv4(47, cat([0, 0, 0x86, 0xdd], t.v6(SCTP, t.sctpData(PPID.m3ua, [two[1]!]))), outer)) },
    ];
  });
  add('VXLAN (UDP 4789)', (t) => {
    const outer = { src: [192, 168, 9, 3], dst: [192, 168, 9, 4] };
    const vx = (x: Uint8Array) => {
      const inner = cat([0x08, 0, 0, 0, 0, 0, 0x2a, 0], ether(ETH_V4, t.v4(SCTP, t.sctpData(PPID.m3ua, [x]))));
      return { link: 1, data: ether(ETH_V4, ipv4(17, cat(u16(49152), u16(4789), u16(8 + inner.length), [0, 0], inner), outer)) };
    };
    return [vx(two[0]!), vx(two[1]!)];
  });

  // ---- IP
  add('IPv4 fragments in order', (t) => ipv4Fragments(SCTP, t.sctpData(PPID.m3ua, [big]), { src: t.a4, dst: t.b4, id: 0x4242 }, 64).map((d) => t.eth(d)));
  add('IPv4 fragments out of order', (t) => ipv4Fragments(SCTP, t.sctpData(PPID.m3ua, [big, two[0]!]), { src: t.a4, dst: t.b4, id: 0x4343 }, 96).reverse().map((d) => t.eth(d)));
  add('IPv6 hop-by-hop + destination options', (t) => [t.eth(t.v6(SCTP, t.sctpData(PPID.m3ua, [two[0]!]), [0, 60]), true), t.eth(t.v6(SCTP, t.sctpData(PPID.m3ua, [two[1]!]), [60]), true)]);
  add('IPv6 fragments', (t) => ipv6Fragments(SCTP, t.sctpData(PPID.m3ua, [big]), t.a6, t.b6, 0x5151, 80).map((d) => t.eth(d, true)));

  // ---- SCTP
  add('SCTP: SACK + three DATA chunks bundled', (t) => [t.eth(t.v4(SCTP, sctp(t.sport, t.dport, t.vtag, [sackChunk(77), ...[two[0]!, m3uaData(11, 12, 5, isup[0]!), two[1]!].map((x, i) => dataChunk(x, { tsn: t.nextTsn(), ppid: 3, sid: i, ssn: 0 }))])))]);
  add('SCTP: DATA fragmented over three packets', (t) => {
    const tsn = t.nextTsn();
    const a = big.subarray(0, 40), b = big.subarray(40, 90), c = big.subarray(90);
    return [
      t.eth(t.v4(SCTP, sctp(t.sport, t.dport, t.vtag, [dataChunk(a, { tsn, ppid: 3, sid: 2, ssn: 5, be: 2 })]))),
      t.eth(t.v4(SCTP, sctp(t.sport, t.dport, t.vtag, [dataChunk(b, { tsn: tsn + 1, ppid: 3, sid: 2, ssn: 5, be: 0 })]))),
      t.eth(t.v4(SCTP, sctp(t.sport, t.dport, t.vtag, [dataChunk(c, { tsn: tsn + 2, ppid: 3, sid: 2, ssn: 5, be: 1 }), dataChunk(two[0]!, { tsn: tsn + 3, ppid: 3, sid: 2, ssn: 6 })]))),
    ];
  });
  add('SCTP: I-DATA fragments and a complete I-DATA', (t) => {
    const a = big.subarray(0, 60), b = big.subarray(60);
    return [
      t.eth(t.v4(SCTP, sctp(t.sport, t.dport, t.vtag, [idataChunk(a, { tsn: 500, sid: 1, mid: 9, be: 2, ppidOrFsn: 3 })]))),
      t.eth(t.v4(SCTP, sctp(t.sport, t.dport, t.vtag, [idataChunk(b, { tsn: 501, sid: 1, mid: 9, be: 1, ppidOrFsn: 1 }), idataChunk(two[1]!, { tsn: 502, sid: 1, mid: 10, be: 3, ppidOrFsn: 3 })]))),
    ];
  });
  add('SCTP: I-DATA fragments of two messages on two streams interleaved, one unordered', (t) => {
    const a = big, b = m3uaData(1001, 2002, 3, udt(sccpCalled(7), sccpCalling(6), tc[1]!.tcap));
    const p = (chunks: Uint8Array[]) => t.eth(t.v4(SCTP, sctp(t.sport, t.dport, t.vtag, chunks)));
    return [
      p([idataChunk(a.subarray(0, 48), { tsn: 900, sid: 1, mid: 4, be: 2, ppidOrFsn: 3 })]),
      p([idataChunk(b.subarray(0, 52), { tsn: 901, sid: 2, mid: 0, be: 2, ppidOrFsn: 3, unordered: true }), idataChunk(a.subarray(48, 96), { tsn: 902, sid: 1, mid: 4, be: 0, ppidOrFsn: 1 })]),
      p([idataChunk(b.subarray(52), { tsn: 903, sid: 2, mid: 0, be: 1, ppidOrFsn: 1, unordered: true })]),
      p([idataChunk(a.subarray(96), { tsn: 904, sid: 1, mid: 4, be: 1, ppidOrFsn: 2 })]),
    ];
  });
  add('SCTP: retransmitted TSN', (t) => {
    const tsn = t.nextTsn();
    const p = (x: Uint8Array, s: number) => t.eth(t.v4(SCTP, sctp(t.sport, t.dport, t.vtag, [dataChunk(x, { tsn: s, ppid: 3, sid: 1, ssn: s - tsn })])));
    return [p(two[0]!, tsn), p(two[1]!, tsn + 1), p(two[0]!, tsn), p(mapM3ua[2] ?? two[0]!, tsn + 2)];
  });
  add('SCTP: a retransmitted chunk bundled with new ones, a fragment retransmitted after its message completed', (t) => {
    const tsn = t.nextTsn();
    const p = (chunks: Uint8Array[]) => t.eth(t.v4(SCTP, sctp(t.sport, t.dport, t.vtag, chunks)));
    const a = big.subarray(0, 60), b = big.subarray(60);
    return [
      p([dataChunk(two[0]!, { tsn, ppid: 3, sid: 1, ssn: 0 })]),
      p([dataChunk(two[0]!, { tsn, ppid: 3, sid: 1, ssn: 0 }), dataChunk(two[1]!, { tsn: tsn + 1, ppid: 3, sid: 1, ssn: 1 })]),
      p([dataChunk(a, { tsn: tsn + 2, ppid: 3, sid: 1, ssn: 2, be: 2 }), dataChunk(b, { tsn: tsn + 3, ppid: 3, sid: 1, ssn: 2, be: 1 })]),
      p([dataChunk(b, { tsn: tsn + 3, ppid: 3, sid: 1, ssn: 2, be: 1 }), dataChunk(two[0]!, { tsn: tsn + 4, ppid: 3, sid: 1, ssn: 3 })]),
    ];
  });
  add('SCTP: association restarted (new verification tag) reusing the same TSNs', (t) => {
    const p = (vtag: number, tsn: number, x: Uint8Array) => t.eth(t.v4(SCTP, sctp(t.sport, t.dport, vtag, [dataChunk(x, { tsn, ppid: 3, sid: 1, ssn: tsn })])));
    return [p(0x1111, 1, two[0]!), p(0x1111, 2, two[1]!), p(0x2222, 1, two[1]!), p(0x2222, 2, two[0]!)];
  });
  add('SCTP: unordered DATA', (t) => t.sctpFrames(PPID.m3ua, [[two[0]!, two[1]!]], { unordered: true }));
  add('SCTP: PPID 0 and an unassigned PPID on port 2905', (t) => [t.eth(t.v4(SCTP, sctp(40000, 2905, t.vtag, [dataChunk(two[0]!, { tsn: 1, ppid: 0 }), dataChunk(two[1]!, { tsn: 2, ppid: 4242 })])))]);
  add('SCTP: PPID 0 between two registered ports (M3UA 2905 to M2PA 3565)', (t) => [t.eth(t.v4(SCTP, sctp(2905, 3565, t.vtag, [dataChunk(two[0]!, { tsn: 1, ppid: 0 })])))]);
  add('SCTP: a retransmitted middle fragment', (t) => {
    const tsn = t.nextTsn();
    const a = big.subarray(0, 40), b = big.subarray(40, 90), c = big.subarray(90);
    const f = (x: Uint8Array, k: number, be: number) => t.eth(t.v4(SCTP, sctp(t.sport, t.dport, t.vtag, [dataChunk(x, { tsn: tsn + k, ppid: 3, sid: 0, ssn: 1, be })])));
    return [f(a, 0, 2), f(b, 1, 0), f(b, 1, 0), f(c, 2, 1)];
  });
  add('SCTP: TSNs wrapping around 2^32, with a fragmented message across the wrap and a retransmission', (t) => {
    const a = big.subarray(0, 50), b = big.subarray(50);
    const p = (chunks: Uint8Array[]) => t.eth(t.v4(SCTP, sctp(t.sport, t.dport, t.vtag, chunks)));
    return [
      p([dataChunk(two[0]!, { tsn: 0xfffffffe, ppid: 3, sid: 1, ssn: 1 })]),
      p([dataChunk(a, { tsn: 0xffffffff, ppid: 3, sid: 1, ssn: 2, be: 2 })]),
      p([dataChunk(b, { tsn: 0, ppid: 3, sid: 1, ssn: 2, be: 1 })]),
      p([dataChunk(two[0]!, { tsn: 0xfffffffe, ppid: 3, sid: 1, ssn: 1 })]),
      p([dataChunk(two[1]!, { tsn: 1, ppid: 3, sid: 1, ssn: 3 })]),
    ];
  });
  add('SCTP: I (immediate SACK) flag, AUTH, PAD and unknown chunks around DATA', (t) => {
    const p = (chunks: Uint8Array[]) => t.eth(t.v4(SCTP, sctp(t.sport, t.dport, t.vtag, chunks)));
    const ch = (type: number, body: number[]) => cat([type, 0], u16(4 + body.length), body, new Array<number>((4 - (body.length % 4)) % 4).fill(0));
    const d0 = dataChunk(two[0]!, { tsn: 700, ppid: 3, sid: 1, ssn: 1 });
    d0[1] = d0[1]! | 8;
    return [
      p([d0]),
      p([ch(15, [0, 1, 0, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]), dataChunk(two[1]!, { tsn: 701, ppid: 3, sid: 1, ssn: 2 })]),
      p([dataChunk(two[0]!, { tsn: 702, ppid: 3, sid: 1, ssn: 3 }), ch(0x84, [0, 0, 0, 0, 0, 0, 0, 0]), dataChunk(two[1]!, { tsn: 703, ppid: 3, sid: 1, ssn: 4 })]),
      p([ch(0xc7, [1, 2, 3, 4]), dataChunk(two[0]!, { tsn: 704, ppid: 3, sid: 1, ssn: 5 })]),
      p([ch(0x47, [1, 2, 3, 4]), dataChunk(two[1]!, { tsn: 705, ppid: 3, sid: 1, ssn: 6 })]),
    ];
  });
  add('wrong SCTP CRC32c and wrong IPv4 header checksum (tshark verifies neither by default)', (t) => {
    const a = t.eth(t.v4(SCTP, t.sctpData(PPID.m3ua, [two[0]!])));
    a.data[14 + 20 + 8] = a.data[14 + 20 + 8]! ^ 0xff;
    const b = t.eth(t.v4(SCTP, t.sctpData(PPID.m3ua, [two[1]!])));
    b.data[14 + 10] = b.data[14 + 10]! ^ 0x55;
    return [a, b];
  });
  add('Ethernet trailer after the IP packet, IPv4 options', (t) => [
    { link: 1, data: ether(ETH_V4, cat(ipv4(SCTP, t.sctpData(PPID.m3ua, [two[0]!]), { src: t.a4, dst: t.b4, options: [0x94, 4, 0, 0] }), [0xde, 0xad, 0xbe, 0xef])) },
    { link: 1, data: ether(ETH_V4, ipv4(SCTP, t.sctpData(PPID.m3ua, [two[1]!]), { src: t.a4, dst: t.b4, options: [1, 1, 1, 7, 7, 4, 0, 0, 0, 0] })) },
  ]);

  // ---- Diameter over SCTP and TCP
  add('Diameter over SCTP (PPID 46)', (t) => t.sctpFrames(PPID.diameter, [[dia[0]!], [dia[1]!, m.diameter[0]!]]), new Net(n, 3868, 3868));
  add('Diameter over TCP: one message over three segments, several per segment', (t) => {
    const s = cat(dia[0]!, dia[2]!, m.diameter[0]!, m.diameter[2]!);
    const cuts = [0, 30, 100, dia[0]!.length + 10, s.length - 8, s.length];
    const fr: VFrame[] = [];
    for (let i = 0; i + 1 < cuts.length; i++) fr.push(t.eth(t.v4(TCP, tcp(40001, 3868, 5000 + cuts[i]!, s.subarray(cuts[i]!, cuts[i + 1]!)))));
    fr.push(t.eth(t.v4(TCP, tcp(3868, 40001, 1, cat(dia[1]!, dia[3]!), 0x18, 5000 + s.length))));
    return fr;
  });
  add('Diameter over TCP: split inside the header, padded pure ACKs, a retransmitted segment', (t) => {
    const s = cat(dia[2]!, dia[0]!);
    const seg = (from: number, to: number) => t.eth(t.v4(TCP, tcp(40003, 3868, 9000 + from, s.subarray(from, to))));
    // a pure ACK is 54 octets: Ethernet pads it to 60 (the IP total length says where the packet ends)
    const ack = (seq: number) => ({ link: 1, data: cat(ether(ETH_V4, t.v4(TCP, tcp(3868, 40003, 1, new Uint8Array(0), 0x10, seq))), new Uint8Array(6)) });
    return [seg(0, 10), ack(9010), seg(10, dia[2]!.length + 3), seg(10, dia[2]!.length + 3), ack(9000 + dia[2]!.length + 3), seg(dia[2]!.length + 3, s.length)];
  });
  add('Diameter over SCTP in DATA fragments', (t) => {
    const tsn = t.nextTsn();
    const x = dia[0]!;
    return [
      t.eth(t.v4(SCTP, sctp(t.sport, t.dport, t.vtag, [dataChunk(x.subarray(0, 64), { tsn, ppid: 46, be: 2 })]))),
      t.eth(t.v4(SCTP, sctp(t.sport, t.dport, t.vtag, [dataChunk(x.subarray(64), { tsn: tsn + 1, ppid: 46, be: 1 })]))),
    ];
  }, new Net(n, 3868, 3868));
  add('Diameter strings: UTF-8 and invalid UTF-8 User-Name, tab and NUL in Session-Id, MSISDN, Experimental-Result', (t) => {
    const h = { cmd: DiaCmd.ULR, appId: APP_S6A, request: true, hopByHop: 0x4000, endToEnd: 0x4001 };
    const msgs = [
      diameterMessage(h, [str(Avp.SessionId, 'mme;1;\u00e9t\u00e9'), octets(Avp.UserName, [0x32, 0x33, 0xc3, 0xa9, 0x34])]),
      diameterMessage({ ...h, hopByHop: 0x4002 }, [octets(Avp.SessionId, [0x61, 0x09, 0x62, 0x00, 0x63]), octets(Avp.UserName, [0x32, 0xff, 0xfe, 0x33]), msisdnAvp('447700900123')]),
      diameterMessage({ ...h, request: false, hopByHop: 0x4002 }, answerHead('mme;2', { host: 'hss', realm: 'r' }, { experimental: 5001 })),
    ];
    return t.sctpFrames(PPID.diameter, msgs.map((x) => [x]));
  }, new Net(n, 3868, 3868));
  add('Diameter over TCP: segments out of order', (t) => {
    const s2 = cat(dia[0]!, dia[2]!);
    const seg = (from: number, to: number) => t.eth(t.v4(TCP, tcp(40005, 3868, 7000 + from, s2.subarray(from, to))));
    return [seg(0, 50), seg(100, s2.length), seg(50, 100)];
  }, undefined, {
    opts: ['-o', 'tcp.reassemble_out_of_order:TRUE'],
    why: 'tshark 4.0 does not reassemble across out-of-order segments by default (tcp.reassemble_out_of_order FALSE): '
      + 'it shows only the message after the gap and never the one the late segment completes; '
      + 'the decoder puts segments back in order (shared/decoder/net/tcp.ts), as tshark does with the preference on',
  });
  add('M3UA over TCP (port 2905)', (t) => {
    const s = cat(two[0]!, two[1]!);
    return [t.eth(t.v4(TCP, tcp(40002, 2905, 100, s.subarray(0, 20)))), t.eth(t.v4(TCP, tcp(40002, 2905, 120, s.subarray(20))))];
  });

  // ---- SS7 links and adaptation layers
  add('M2PA User Data', (t) => t.sctpFrames(PPID.m2pa, msus.map((x) => [m2paData(x)])), new Net(n, 3565, 3565));
  add('M2PA Link Status and MTP3 management (SLTM)', (t) => t.sctpFrames(PPID.m2pa, [
    [cat([1, 0, 11, 2], u32(20), u32(7), u32(8), u32(4))],
    [m2paData(mtp3(1, 2, 300, 400, 0, Uint8Array.from([0x11, 0x40, 1, 2, 3, 4])))],
  ]), new Net(n, 3565, 3565));
  add('M2UA DATA', (t) => t.sctpFrames(PPID.m2ua, [msus.map((x) => m2uaData(x))]), new Net(n, 2904, 2904));
  add('SUA CLDT (GT and SSN+PC addresses)', (t) => t.sctpFrames(PPID.sua, [
    [suaCldt({ gt: { digits: '4930123456' }, ssn: 8 }, { gt: { digits: '441234567890' }, ssn: 6 }, tc[1]!.tcap)],
    [suaCldt({ pc: 1234, ssn: 7 }, { pc: 2345, ssn: 6 }, tc[0]!.tcap), suaCldt({ gt: { digits: '49301234567', tt: 0, np: 1, nai: 4 }, ssn: 7 }, { gt: { digits: '234150123456789', np: 7 }, ssn: 6 }, tc[3]!.tcap)],
  ]), new Net(n, 14001, 14001));
  add('MTP2 (140): MSUs, FISU, LSSU', () => [...msus.map((x) => ({ link: 140, data: mtp2(x) })), { link: 140, data: Uint8Array.from([0x81, 0x82, 0]) }, { link: 140, data: Uint8Array.from([0x81, 0x82, 1, 3]) }]);
  add('SUA CLDT to SSN 146 (CAP) and BICC over M3UA', (t) => {
    const capBegin = tcapBegin(0x0f0f0f0f, { kind: 'aarq', acn: CAP_V2_GSMSSF_SCF }, [{ type: 'invoke', invokeId: 0, opcode: CapOp.initialDP, param: initialDpArg({ serviceKey: 3, calling: '447700900124', calledBcd: '4930123457', imsi: '234150123456780', mscAddress: '447700900777' }) }]);
    const biccIam = cat([0x4d, 0x01, 0, 0], isup[0]!.subarray(2));
    return [
      ...t.sctpFrames(PPID.sua, [[suaCldt({ gt: { digits: '447700900777' }, ssn: 146 }, { gt: { digits: '447700900555' }, ssn: 146 }, capBegin)]]),
      ...t.sctpFrames(PPID.m3ua, [[m3uaData(11, 12, 13, biccIam)]]),
    ];
  }, new Net(n, 14001, 14001));
  add('M2UA and SUA management (BEAT, DUNA)', (t) => [
    ...t.sctpFrames(PPID.m2ua, [[cat([1, 0, 3, 3], u32(16), u16(9), u16(8), [1, 2, 3, 4])]]),
    ...t.sctpFrames(PPID.sua, [[cat([1, 0, 2, 1], u32(24), u16(0x0012), u16(8), u32(2002), u16(0x8003), u16(8), [0, 0, 0, 6])]]),
  ]);
  add('MTP2 with pseudo-header (139)', () => msus.map((x) => ({ link: 139, data: mtp2Phdr(mtp2(x)) })));
  add('MTP3 (141)', () => msus.map((x) => ({ link: 141, data: x })));

  // ---- SCCP
  const sccpVar = (name: string, msgs: Uint8Array[]): void => add(`SCCP: ${name}`, (t) => t.sctpFrames(PPID.m3ua, msgs.map((x) => [m3uaData(1001, 2002, 3, x)])));
  sccpVar('XUDT', [xudt(sccpCalled(6), sccpCalling(7), tc[0]!.tcap), xudt(sccpCalled(7), sccpCalling(6), tc[2]!.tcap, [0x12, 1, 0x03])]);
  sccpVar('LUDT', [ludt(sccpCalled(6), sccpCalling(8), tc[1]!.tcap), ludt(sccpCalled(8), sccpCalling(6), tc[3]!.tcap)]);
  {
    const data = tc[2]!.tcap;
    const h = Math.floor(data.length / 2);
    sccpVar('XUDT segmented in two', [
      xudt(sccpCalled(7), sccpCalling(6), data.subarray(0, h), segmentation(true, 1, 0xabcdef)),
      xudt(sccpCalled(7), sccpCalling(6), data.subarray(h), segmentation(false, 0, 0xabcdef)),
    ]);
  }
  sccpVar('GTI 1, 2, 3, 4', [1, 2, 3, 4].map((g) => udt({ gti: g, digits: '4477009001', ssn: 6, tt: 0, np: 1, nai: 4 }, { gti: g, digits: '491720000', ssn: 7, tt: 0, np: 1, nai: 4 }, tc[0]!.tcap)));
  sccpVar('GTI 1 and 2 with an odd number of digits', [1, 2].map((g) => udt({ gti: g, digits: '447700900', ssn: 6, tt: 0, nai: 4 }, { gti: g, digits: '4917200001', ssn: 7, tt: 0, nai: 3 }, tc[0]!.tcap)));
  sccpVar('UDTS and XUDTS (return cause), SCMG SSP', [
    cat([0x0a, 0x01], udt(sccpCalled(6), sccpCalling(7), tc[0]!.tcap).subarray(2)),
    cat([0x12, 0x01], xudt(sccpCalled(7), sccpCalling(6), tc[2]!.tcap).subarray(2)),
    udt({ gti: 0, pc: 2002, ssn: 1, routeOnSsn: true }, { gti: 0, pc: 1001, ssn: 1, routeOnSsn: true }, Uint8Array.from([0x02, 6, 0xd2, 0x07, 0])),
  ]);
  sccpVar('TCAP shapes: Unidirectional, Aborts, End with a dialogue only, Rejects, returnResultNotLast, linked invoke', builtTcapShapes().map((x) => udt(sccpCalled(6), sccpCalling(8), x)));
  sccpVar('route on SSN (PC + SSN, no GT) and on SSN with a GT', [
    udt({ gti: 0, pc: 2002, ssn: 6, routeOnSsn: true }, { gti: 0, pc: 1001, ssn: 7, routeOnSsn: true }, tc[0]!.tcap),
    udt({ gti: 4, pc: 2002, ssn: 6, routeOnSsn: true, digits: '4477009001' }, { gti: 4, ssn: 7, routeOnSsn: true, digits: '491720000' }, tc[1]!.tcap),
  ]);

  // ---- M3UA parameters around Protocol Data
  add('M3UA DATA with Network Appearance, two Routing Contexts, Correlation Id', (t) => {
    const pd = m3uaProtocolData(two[0]!)!;
    const param = (tag: number, v: number[] | Uint8Array) => cat(u16(tag), u16(4 + v.length), v, new Array<number>((4 - (v.length % 4)) % 4).fill(0));
    const body = cat(param(0x0200, u32(9)), param(0x0006, [...u32(1), ...u32(2)]), param(0x0210, cat(u32(pd.opc), u32(pd.dpc), [pd.si, pd.ni, 0, pd.sls], pd.data)), param(0x0013, u32(77)));
    return t.sctpFrames(PPID.m3ua, [[cat([1, 0, 1, 1], u32(8 + body.length), body)]]);
  });

  // ---- ISUP
  add('ISUP: IAM with odd digits and ST, SAM, ACM, REL, RLC over M3UA', (t) => {
    // IAM: NCI, FCI, CPC, TMR, pointers, called number (odd, ends with ST = 0xF), optional calling number
    const iam = Uint8Array.from([0x34, 0x12, 0x01, 0x00, 0x20, 0x01, 0x0a, 0x00, 0x02, 0x08, 0x06, 0x84, 0x10, 0x21, 0x43, 0x65, 0xf7, 0x0a, 0x06, 0x03, 0x13, 0x44, 0x77, 0x00, 0x09, 0x00]);
    const sam = Uint8Array.from([0x34, 0x12, 0x02, 0x01, 0x03, 0x81, 0x21, 0x03]);
    return t.sctpFrames(PPID.m3ua, [[m3uaData(11, 12, 5, iam), m3uaData(11, 12, 5, sam)], [m3uaData(12, 11, 5, Uint8Array.from([0x34, 0x12, 0x06, 0x16, 0x14, 0x00]))], [m3uaData(11, 12, 5, isup[1]!), m3uaData(12, 11, 5, Uint8Array.from([0x34, 0x12, 0x10, 0x00]))]]);
  });

  // ---- TCAP / MAP details
  sccpVar('TCAP: 1-, 2- and 3-octet transaction ids, invoke ids above 127 and negative, MAP v1 without a dialogue', [
    udt(sccpCalled(6), sccpCalling(7), seq(0x62, tlv(0x48, [0x42]), tlv(0x6c, component({ type: 'invoke', invokeId: 200, opcode: MapOp.sendRoutingInfoForSM, param: tc[3] ? sriForSmArgOf() : undefined })))),
    udt(sccpCalled(7), sccpCalling(6), seq(0x65, tlv(0x48, [0x01, 0x02]), tlv(0x49, [0x0a, 0x0b, 0x0c]), tlv(0x6c, component({ type: 'invoke', invokeId: -2, opcode: MapOp.insertSubscriberData, param: insertSubscriberDataArg({ imsi: '234150123456789' }) })))),
    udt(sccpCalled(6), sccpCalling(7), tcapBegin(0x0000ffff, undefined, [{ type: 'invoke', invokeId: 1, opcode: MapOp.updateLocation, param: tc[0] ? ulArgOf() : undefined }])),
  ]);
  sccpVar('MAP: returnError with a parameter, an unknown operation code, an invoke without argument, AARE rejecting the context', [
    udt(sccpCalled(6), sccpCalling(7), tcapEnd(0x21212121, { kind: 'aare', acn: mapAcn(MapAc.shortMsgGateway, 3), result: 1, diagnostic: 2 }, [
      { type: 'error', invokeId: 1, code: 6, param: seq(0x30, tlv(0x0a, [1])) },
    ])),
    udt(sccpCalled(6), sccpCalling(7), tcapBegin(0x22222222, undefined, [{ type: 'invoke', invokeId: 3, opcode: 200, param: seq(0x30, tlv(0x80, [1, 2, 3])) }, { type: 'invoke', invokeId: 4, opcode: MapOp.sendIMSI }])),
  ]);
  sccpVar('SCCP GT: encoding scheme odd with an even digit count, hex digits, filler', [
    udt({ gti: 4, digits: '4477009001', ssn: 6 }, { gti: 4, digits: '49172000b1', ssn: 7 }, tc[0]!.tcap),
    // called party: GTI 4, encoding scheme 1 (BCD, odd) but six full digit octets (octet 9 of the UDT is NP/ES)
    udt(sccpCalled(6), sccpCalling(7), tc[0]!.tcap).map((x, i) => (i === 9 ? 0x11 : x)),
  ]);

  // ---- SCCP user selection: CAP, MAP and TCAP on SSNs inside and outside tshark's default tables
  {
    const idp = initialDpArg({ serviceKey: 11, calling: '447700900123', calledBcd: '4930123456', imsi: '234150123456789', mscAddress: '447700900777', eventType: 2 });
    const capBegin = tcapBegin(0x0c0c0c0c, { kind: 'aarq', acn: CAP_V2_GSMSSF_SCF }, [{ type: 'invoke', invokeId: 0, opcode: CapOp.initialDP, param: idp }]);
    const capNoDlg = tcapContinue(0x0d0d0d0d, 0x0c0c0c0c, undefined, [{ type: 'invoke', invokeId: 1, opcode: CapOp.connect, param: connectArg('4930999999') }, { type: 'invoke', invokeId: 2, opcode: CapOp.continue }]);
    const mapNoDlg = tcapBegin(0x0e0e0e0e, undefined, [{ type: 'invoke', invokeId: 1, opcode: MapOp.sendRoutingInfoForSM, param: sriForSmArgOf() }]);
    const on = (ssn: number, x: Uint8Array, callingSsn = ssn) => udt(sccpCalled(ssn), sccpCalling(callingSsn), x);
    sccpVar('CAP on SSN 146 and by its application context on SSN 6; TCAP without a dialogue on SSNs 146, 147, 8, 200', [
      on(146, capBegin),
      on(6, capBegin, 7),
      on(146, capNoDlg),
      on(147, capNoDlg),
      on(147, tc[0]!.tcap),
      on(8, mapNoDlg),
      on(200, mapNoDlg),
      on(200, tc[0]!.tcap, 201),
      on(254, Uint8Array.from([0x00, 0x03, 0x55, 0x01, 0x02])),
    ]);
  }
  {
    // two segmented XUDT messages from the same calling party interleaved (local references 1 and 2), three segments each
    const d1 = tc[1]!.tcap, d2 = tc[2]!.tcap;
    const thirds = (d: Uint8Array) => [d.subarray(0, 40), d.subarray(40, 80), d.subarray(80)];
    const [a1, a2, a3] = thirds(d1), [b1, b2, b3] = thirds(d2);
    const seg = (x: Uint8Array, first: boolean, rem: number, ref: number) => xudt(sccpCalled(6), sccpCalling(7), x, segmentation(first, rem, ref));
    sccpVar('XUDT: two segmented messages interleaved, three segments each', [seg(a1!, true, 2, 1), seg(b1!, true, 2, 2), seg(a2!, false, 1, 1), seg(b2!, false, 1, 2), seg(b3!, false, 0, 2), seg(a3!, false, 0, 1)]);
  }

  // ---- TCAP / BER length forms
  const isdBig = tcapBegin(0x01010101, { kind: 'aarq', acn: mapAcn(MapAc.subscriberDataMngt, 3) }, [
    { type: 'invoke', invokeId: 1, opcode: MapOp.insertSubscriberData, param: insertSubscriberDataArg({ imsi: '234150123456789', msisdn: '447700900123', ocsi: { gsmScf: '447700900555', serviceKey: 7 } }) },
  ]);
  const tcaps = [...tc.map((x) => x.tcap), isdBig, ...sccpParts.slice(0, 2).map((u) => tcapOf(u.data)).filter((x): x is Uint8Array => !!x)];
  for (const form of ['long', 'indefinite'] as const) sccpVar(`TCAP with ${form} BER lengths`, tcaps.map((x, i) => udt(sccpCalled(i === 1 ? 8 : 6), sccpCalling(7), reencodeBer(x, form))));

  // ---- Protocol shapes outside the corpus (protocols.ts)
  sccpVar('MAP: SAI v2/v3, purgeMS, cancelLocation, restoreData, UGL, SRI-GPRS, PRN, UL/SRI results', mapMobility().map((x) => udt(sccpCalled(6), sccpCalling(7), x)));
  sccpVar('MAP: ISD with three components, DSD, their results', mapSubscriberData().map((x) => udt(sccpCalled(7), sccpCalling(6), x)));
  sccpVar('MAP: ATI / PSI results with location, sendIMSI', mapSubscriberInfo().map((x) => udt(sccpCalled(6), sccpCalling(147), x)));
  sccpVar('MAP: MO/MT forwardSM with TPDUs, SRI-SM results, reportSM-DS, alertSC, readyForSM', mapShortMessages().map((x) => udt(sccpCalled(8), sccpCalling(6), x)));
  sccpVar('MAP: register/activate/interrogate SS, USSD', mapSupplementary().map((x) => udt(sccpCalled(6), sccpCalling(8), x)));
  sccpVar('MAP: returnError parameters, rejects, aborts', mapErrorsAndRejects().map((x) => udt(sccpCalled(6), sccpCalling(7), x)));
  sccpVar('MAP: forwardSM TPDU direction by version, operation, SM-RP-DA/OA and TP-MTI', forwardSmMatrix().map((x) => udt(sccpCalled(8), sccpCalling(8), x)));
  sccpVar('CAP: v2/v3/v4 call control, SMS and GPRS operations, errors', capShapes().map((x) => udt(sccpCalled(146), sccpCalling(146), x)));
  add('MAP and CAP dialogues both ways: Continue / End without a dialogue portion after the Begin', (t) =>
    dialoguesBothWays().map(([back, x, ssn]) => {
      const sccp = back ? udt(sccpCalling(ssn), sccpCalled(ssn), x) : udt(sccpCalled(ssn), sccpCalling(ssn), x);
      const m = back ? m3uaData(2002, 1001, 3, sccp) : m3uaData(1001, 2002, 3, sccp);
      const chunk = dataChunk(m, { tsn: t.nextTsn(), ppid: PPID.m3ua, sid: 1, ssn: 0 });
      return back ? t.eth(ipv4(SCTP, sctp(t.dport, t.sport, t.vtag, [chunk]), { src: t.b4, dst: t.a4, id: 1, df: true })) : t.eth(t.v4(SCTP, sctp(t.sport, t.dport, t.vtag, [chunk])));
    }));
  add('ISUP: CPG, SUS/RES, CON, INR/INF, GRS/GRA, CGB/CGBA, BLO/BLA, RSC, COT, CCR, FAC, USR, SAM, LPA over M3UA', (t) => t.sctpFrames(PPID.m3ua, isupShapes().map((x) => [m3uaData(11, 12, 5, x)])));
  add('Diameter: S6a AIR/CLR/IDR/PUR/NOR/DSR, error answer with Failed-AVP, Gx/Gy CCR/CCA with MSCC, S6c, SGd, Cx, Sh, SLg, DWR, DPA', (t) => t.sctpFrames(PPID.diameter, diameterShapes().map((x) => [x])), new Net(n, 3868, 3868));
  sccpVar('TCAP: mixed components, global opcode, MAP v1, address kinds', tcapMixed().map((x) => udt(sccpCalled(6), sccpCalling(8), x)));

  return out;
}

/** The TCAP bytes of an SCCP UDT (data parameter), if it is one. */
function tcapOf(sccp: Uint8Array): Uint8Array | undefined {
  if (sccp[0] !== 0x09) return undefined;
  const p = 4 + sccp[4]!;
  return sccp.subarray(p + 1, p + 1 + sccp[p]!);
}

// ------------------------------------------------------------------ files

/** Frame timestamps: one second apart, with a sub-microsecond part that only nanosecond files keep. */
export function stamp(frames: VFrame[], start = 1700000000n): Frame[] {
  return frames.map((f, i) => ({ ...f, ts: (start + BigInt(i)) * 1000000000n + 123456789n + BigInt(i) * 1000n }));
}

export interface VariantFile {
  name: string;
  bytes: Uint8Array;
  /** Which variants, frame ranges (1-based, inclusive) in the file. */
  parts: { variant: string; first: number; last: number }[];
  /** tshark options for this file (see Variant.tshark). */
  tsharkOpts?: string[];
  /** Frames written as Simple Packet Blocks (no timestamp), with the previous packet's time as tshark prints times. */
  spb?: { frame: number; prevTime: string }[];
}

/** A timestamp (ns since the epoch) as tshark prints frame.time_epoch at a resolution of 10^-digits s. */
export function epochText(ts: bigint, digits: number): string {
  const unit = 10n ** BigInt(9 - digits);
  const t = (ts / unit) * unit;
  return `${t / 1000000000n}.${String(t % 1000000000n).padStart(9, '0')}`;
}

function parts(vs: Variant[]): VariantFile['parts'] {
  const p: VariantFile['parts'] = [];
  let f = 1;
  for (const v of vs) {
    p.push({ variant: v.name, first: f, last: f + v.frames.length - 1 });
    f += v.frames.length;
  }
  return p;
}

/**
 * The files the test reads: every variant in one pcapng (one interface per link type,
 * with µs, ns, ms and 2^-20 s timestamp resolutions; several Ethernet interfaces), and
 * the Ethernet variants again in classic pcap: µs and ns, little- and big-endian.
 */
export function variantFiles(all = buildVariants()): VariantFile[] {
  const vs = all.filter((v) => !v.tshark);
  const own: VariantFile[] = all
    .filter((v) => v.tshark)
    .map((v, i) => ({ name: `own-${i}.pcap`, bytes: pcapFile(stamp(v.frames), { ns: true }), parts: parts([v]), tsharkOpts: v.tshark!.opts }));
  const links = [...new Set(vs.flatMap((v) => v.frames.map((f) => f.link)))];
  const res = [9, 6, 0x80 | 20, 3];
  const ifaces: NgInterface[] = links.map((link, i) => ({ link, tsresol: res[i % res.length] }));
  // a second Ethernet interface (ns, with an if_tsoffset) takes every other Ethernet variant
  ifaces.push({ link: 1, tsresol: 9, tsoffset: 86400 });
  const eth2 = ifaces.length - 1;
  const ngFrames: (Frame & { iface?: number })[] = [];
  let ethSeen = 0;
  for (const v of vs) {
    const st = stamp(v.frames, 1700000000n + BigInt(ngFrames.length));
    const alt = v.frames[0]!.link === 1 && ethSeen++ % 2 === 1;
    for (const f of st) ngFrames.push(alt ? { ...f, iface: eth2 } : f);
  }
  const eth = vs.filter((v) => v.frames.every((f) => f.link === 1));
  const ethFrames = stamp(eth.flatMap((v) => v.frames), 1600000000n);
  const half = ethFrames.length >> 1;
  const small = eth.filter((v, i) => i % 3 === 0 && !v.name.startsWith('M3UA over TCP'));
  const smallFrames = stamp(small.flatMap((v) => v.frames), 1500000000n);
  // every third frame of the second section as a Simple Packet Block (not those cut by the snap length:
  // an SPB's captured length comes from its block length, padding included)
  const second = ethFrames.slice(half).map((f, i) => ({ ...f, simple: i % 3 === 1 && f.origLen === undefined }));
  return [
    { name: 'all-variants.pcapng', bytes: pcapngFile(ifaces, ngFrames), parts: parts(vs) },
    {
      // two sections (little- then big-endian, each with its own interfaces); the first with name resolution,
      // decryption secrets and interface statistics blocks and packet options, Simple Packet Blocks in the second
      name: 'eth-variants-2sections.pcapng',
      bytes: cat(
        pcapngFile([{ link: 1, tsresol: 9 }], ethFrames.slice(0, half), { extraBlocks: true }),
        pcapngFile([{ link: 1 }], second, { bigEndian: true }),
      ),
      parts: parts(eth),
      spb: second.flatMap((f, i) => (f.simple ? [{ frame: half + i + 1, prevTime: epochText(second[i - 1]!.ts, 6) }] : [])),
    },
    // classic pcap in its four forms: every third Ethernet variant (M3UA over TCP, checked against its SCTP twin, is left to the pcapng files)
    // (the last one gzip-compressed, as captures are often stored)
    ...(['us-le', 'us-be', 'ns-le', 'ns-be'] as const).map((form) => {
      const bytes = pcapFile(smallFrames, { ns: form.startsWith('ns'), bigEndian: form.endsWith('be') });
      const gz = form === 'ns-be';
      return { name: `eth-variants-${form}.pcap${gz ? '.gz' : ''}`, bytes: gz ? new Uint8Array(gzipSync(bytes)) : bytes, parts: parts(small) };
    }),
    ...own,
  ];
}

