/**
 * Network layers through NetDecoder directly: link types, IPv4 / IPv6
 * (fragments, extension headers), SCTP (chunks, padding, retransmissions,
 * DATA / I-DATA reassembly, malformed lengths), TCP (reassembly, framing,
 * heuristics), UDP, and truncation of real frames.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { NetDecoder, ipv6String } from '../../shared/decoder/net/index.js';
import type { TransportPdu } from '../../shared/decoder/net/types.js';
import { StateBag, defaultDecodeOptions, type DecodeOptions } from '../../shared/decoder/context.js';
import { createCaptureParser, type RawPacket } from '../../shared/decoder/capture/index.js';
import type { Stop } from '../../shared/model/record.js';
import {
  bytes,
  chunk,
  concat,
  dataChunk,
  diameter,
  ether,
  idataChunk,
  ipv4,
  ipv6,
  m3uaBeat,
  sctp,
  tcp,
  u16be,
  u32be,
  udp,
} from '../helpers/pcap-build.js';
import { CAPTURES } from '../helpers/shared-dir.js';


interface Out {
  frame: number;
  pdu: TransportPdu;
  hex: string;
}

class Harness {
  readonly nd: NetDecoder;
  readonly pdus: Out[] = [];
  readonly errors: { frame: number; stop: Stop }[] = [];
  private frame = 0;
  constructor(opts: Partial<DecodeOptions> = {}) {
    this.nd = new NetDecoder({ ...defaultDecodeOptions, ...opts }, new StateBag());
  }
  /** Decodes one frame; returns the PDUs it produced. */
  feed(data: Uint8Array, linkType = 1): Out[] {
    const frame = ++this.frame;
    const pkt: RawPacket = { frame, tsSec: 0, tsNsec: 0, fileOffset: 0, linkType, iface: 0, capLen: data.length, origLen: data.length, data };
    const before = this.pdus.length;
    this.nd.decode(
      pkt,
      (pdu) => this.pdus.push({ frame, pdu, hex: Buffer.from(pdu.data).toString('hex') }),
      (stop) => this.errors.push({ frame, stop }),
    );
    return this.pdus.slice(before);
  }
}

const hexOf = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const M = m3uaBeat(8);

// ------------------------------------------------------------------ link

test('link types: Ethernet, 802.1Q, QinQ, SLL, SLL2, raw IP, IPv4/IPv6 link types, null and loop in both byte orders', () => {
  const ip = ipv4(132, sctp([dataChunk(1, M)]));
  const ip6 = ipv6(132, sctp([dataChunk(1, M)]));
  const sll = (proto: number, p: Uint8Array): Uint8Array => concat([bytes(0, 0, 0, 1, 0, 6, [1, 2, 3, 4, 5, 6, 0, 0]), bytes(u16be(proto)), p]);
  const sll2 = (proto: number, p: Uint8Array): Uint8Array => concat([bytes(u16be(proto), 0, 0, u32be(2), 0, 1, 0, 6, [1, 2, 3, 4, 5, 6, 0, 0]), p]);
  const af = (v: number, le: boolean, p: Uint8Array): Uint8Array => concat([bytes(le ? [v, 0, 0, 0] : [0, 0, 0, v]), p]);
  const cases: [string, number, Uint8Array, boolean][] = [
    ['ethernet', 1, ether(ip), false],
    ['802.1Q', 1, ether(ip, 0x0800, [100]), false],
    ['QinQ', 1, ether(ip, 0x0800, [10, 20]), false],
    ['old QinQ 0x9100', 1, concat([bytes([0, 1, 2, 3, 4, 5], [0, 1, 2, 3, 4, 6], u16be(0x9100), u16be(7), u16be(0x0800)), ip]), false],
    ['ethernet ipv6', 1, ether(ip6, 0x86dd), true],
    ['SLL', 113, sll(0x0800, ip), false],
    ['SLL ipv6', 113, sll(0x86dd, ip6), true],
    ['SLL2', 276, sll2(0x0800, ip), false],
    ['raw 101', 101, ip, false],
    ['raw 12', 12, ip6, true],
    ['raw 14', 14, ip, false],
    ['ipv4 228', 228, ip, false],
    ['ipv6 229', 229, ip6, true],
    ['null LE AF_INET', 0, af(2, true, ip), false],
    ['null BE AF_INET', 0, af(2, false, ip), false],
    ['null LE AF_INET6 24', 0, af(24, true, ip6), true],
    ['null LE AF_INET6 28', 0, af(28, true, ip6), true],
    ['null BE AF_INET6 30', 0, af(30, false, ip6), true],
    ['loop BE AF_INET', 108, af(2, false, ip), false],
    ['loop LE AF_INET6 30', 108, af(30, true, ip6), true],
  ];
  for (const [name, link, frame, v6] of cases) {
    const h = new Harness();
    const out = h.feed(frame, link);
    assert.equal(out.length, 1, name);
    assert.deepEqual(h.errors, [], name);
    const t = out[0]!.pdu.transport;
    assert.equal(out[0]!.hex, hexOf(M), name);
    assert.equal(t.proto, 'sctp');
    assert.equal(t.linkType, link);
    assert.equal(t.src, v6 ? '2001:db8::1' : '10.0.0.1', name);
    assert.equal(t.dst, v6 ? '2001:db8::2' : '10.0.0.2', name);
    if (name === '802.1Q') assert.deepEqual(t.vlan, [100]);
    if (name === 'QinQ') assert.deepEqual(t.vlan, [10, 20]);
  }
});

test('link: non-IP frames are silent, unknown link types and short headers are errors', () => {
  const h = new Harness();
  assert.equal(h.feed(ether(new Uint8Array(28), 0x0806)).length, 0); // ARP
  assert.equal(h.errors.length, 0);
  h.feed(new Uint8Array(10));
  h.feed(ether(new Uint8Array(0)), 147);
  assert.deepEqual(h.errors.map((e) => e.stop.layer), ['link', 'link']);
});

test('IPv4: Ethernet padding is cut by the total length; UDP gives no PDU and no error', () => {
  const h = new Harness();
  const frame = concat([ether(ipv4(132, sctp([dataChunk(1, M)]))), new Uint8Array(30)]);
  const out = h.feed(frame);
  assert.equal(out.length, 1);
  assert.equal(h.feed(ether(ipv4(17, udp(bytes([1, 2, 3]))))).length, 0);
  assert.deepEqual(h.errors, []);
});

test('ipv6String: RFC 5952 text', () => {
  const a = (s: number[]): string => ipv6String(Uint8Array.from(s), 0);
  assert.equal(a([0x20, 1, 0xd, 0xb8, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1]), '2001:db8::1:0:0:1');
  assert.equal(a(new Array(16).fill(0)), '::');
  assert.equal(a([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]), '::1');
  assert.equal(a([0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), 'fe80::');
  assert.equal(a([0x20, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 1]), '2001:0:1:0:1:0:1:1');
  assert.equal(a([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 10, 0, 0, 1]), '::ffff:10.0.0.1');
});

// ------------------------------------------------------------------ IP fragments

test('IPv4 fragment reassembly: out of order, PDU in the completing frame, fragmentFrames', () => {
  const big = m3uaBeat(400);
  const seg = sctp([dataChunk(7, big)]);
  const a = seg.subarray(0, 160), b = seg.subarray(160, 320), c = seg.subarray(320);
  const h = new Harness();
  assert.equal(h.feed(ether(ipv4(132, b, { id: 9, off: 160, mf: true }))).length, 0);
  assert.equal(h.feed(ether(ipv4(132, c, { id: 9, off: 320 }))).length, 0);
  // an unrelated datagram in between (other id) goes through
  assert.equal(h.feed(ether(ipv4(132, sctp([dataChunk(100, M)], { vtag: 5 }), { id: 10 }))).length, 1);
  const out = h.feed(ether(ipv4(132, a, { id: 9, mf: true })));
  assert.equal(out.length, 1);
  assert.equal(out[0]!.frame, 4);
  assert.equal(out[0]!.hex, hexOf(big));
  assert.deepEqual(out[0]!.pdu.transport.fragmentFrames, [1, 2, 4]);
  assert.deepEqual(h.errors, []);
});

test('IPv6: extension headers (hop-by-hop, routing, destination options) and fragment reassembly', () => {
  const payload = sctp([dataChunk(1, M)]);
  const ext = (nh: number, len8: number): Uint8Array => concat([bytes(nh, len8), new Uint8Array(6 + len8 * 8)]);
  // hop-by-hop (0) → routing (43) → dest opts (60) → SCTP
  const chain = concat([ext(43, 0), ext(60, 1), ext(132, 0), payload]);
  const h = new Harness();
  const out = h.feed(ether(ipv6(0, chain), 0x86dd));
  assert.equal(out.length, 1);
  assert.equal(out[0]!.hex, hexOf(M));
  // fragments: hop-by-hop then fragment header (44) → dest opts inside the fragmentable part → SCTP
  const big = m3uaBeat(300);
  const frag = concat([ext(132, 0), sctp([dataChunk(2, big)])]);
  const p1 = frag.subarray(0, 200), p2 = frag.subarray(200);
  const fh = (off: number, more: boolean): Uint8Array => bytes(60, 0, u16be(off | (more ? 1 : 0)), u32be(0xabcdef));
  assert.equal(h.feed(ether(ipv6(0, concat([ext(44, 0), fh(200, false), p2])), 0x86dd)).length, 0);
  const o2 = h.feed(ether(ipv6(44, concat([fh(0, true), p1])), 0x86dd));
  assert.equal(o2.length, 1);
  assert.equal(o2[0]!.hex, hexOf(big));
  assert.deepEqual(o2[0]!.pdu.transport.fragmentFrames, [2, 3]);
  assert.deepEqual(h.errors, []);
});

test('IP fragments: bounded memory (old incomplete datagrams expire)', () => {
  const h = new Harness();
  for (let i = 0; i < 3000; i++) h.feed(ether(ipv4(132, new Uint8Array(64), { id: i, mf: true })));
  const st = (h.nd as unknown as { st: { defrag: { pending: number } } }).st;
  assert.ok(st.defrag.pending <= 1024, `pending ${st.defrag.pending}`);
});

// ------------------------------------------------------------------ SCTP

test('SCTP: every chunk of a packet, padding respected, control chunks skipped', () => {
  const h = new Harness();
  const odd = m3uaBeat(5); // 21 bytes: DATA chunk needs 3 padding bytes
  const pkt = sctp([chunk(3, new Uint8Array(12)), dataChunk(1, odd), dataChunk(2, M, { sid: 3, ssn: 9, ppid: 46 }), chunk(0xc0, bytes(1, 2, 3)), dataChunk(3, odd, { noPad: true })]);
  const out = h.feed(ether(ipv4(132, pkt)));
  assert.deepEqual(out.map((o) => o.hex), [hexOf(odd), hexOf(M), hexOf(odd)]);
  const t = out[1]!.pdu.transport;
  // fields the PDU does not have are absent or undefined (transports are built with one fixed shape)
  const defined = Object.fromEntries(Object.entries(t).filter(([, v]) => v !== undefined));
  assert.deepEqual(defined, { proto: 'sctp', src: '10.0.0.1', dst: '10.0.0.2', srcPort: 2905, dstPort: 2905, stream: 3, ssn: 9, tsn: 2, ppid: 46, linkType: 1 });
  assert.deepEqual(h.errors, []);
});

test('SCTP: retransmission (TSN seen in an earlier frame) is emitted with retransmission: true; same TSN twice in one frame is not', () => {
  const h = new Harness();
  assert.equal(h.feed(ether(ipv4(132, sctp([dataChunk(100, M)]))))[0]!.pdu.transport.retransmission, undefined);
  const r = h.feed(ether(ipv4(132, sctp([dataChunk(100, M)]))));
  assert.equal(r[0]!.pdu.transport.retransmission, true);
  const twice = h.feed(ether(ipv4(132, sctp([dataChunk(101, M), dataChunk(101, M)]))));
  assert.deepEqual(twice.map((o) => o.pdu.transport.retransmission), [undefined, undefined]);
  const mixed = h.feed(ether(ipv4(132, sctp([dataChunk(102, M), dataChunk(100, M)]))));
  assert.deepEqual(mixed.map((o) => o.pdu.transport.retransmission), [undefined, true]);
  // other direction / other verification tag: own TSN space
  assert.equal(h.feed(ether(ipv4(132, sctp([dataChunk(100, M)], { sport: 1, dport: 2905 }))))[0]!.pdu.transport.retransmission, undefined);
  // a gap (TSNs lost from the capture) does not make later TSNs retransmissions; filling it later is not one either
  assert.equal(h.feed(ether(ipv4(132, sctp([dataChunk(110, M)]))))[0]!.pdu.transport.retransmission, undefined);
  assert.equal(h.feed(ether(ipv4(132, sctp([dataChunk(105, M)]))))[0]!.pdu.transport.retransmission, undefined);
  assert.equal(h.feed(ether(ipv4(132, sctp([dataChunk(105, M)]))))[0]!.pdu.transport.retransmission, true);
});

test('SCTP: verification tag 0 → no TSN analysis (as tshark), so repeated TSNs are not retransmissions', () => {
  const h = new Harness();
  h.feed(ether(ipv4(132, sctp([dataChunk(1, M)], { vtag: 0 }))));
  assert.equal(h.feed(ether(ipv4(132, sctp([dataChunk(1, M)], { vtag: 0 }))))[0]!.pdu.transport.retransmission, undefined);
});

test('SCTP fragment reassembly: B / middle / E over three frames, retransmitted fragments ignored, out of order', () => {
  const big = m3uaBeat(600);
  const [a, b, c] = [big.subarray(0, 200), big.subarray(200, 400), big.subarray(400)];
  const f = (tsn: number, d: Uint8Array, flags: number, extra: Partial<{ sid: number; ssn: number }> = {}): Uint8Array =>
    ether(ipv4(132, sctp([dataChunk(tsn, d, { flags, sid: 4, ssn: 77, ...extra })])));
  const h = new Harness();
  assert.equal(h.feed(f(10, a, 2)).length, 0);
  assert.equal(h.feed(f(11, b, 0)).length, 0);
  assert.equal(h.feed(f(11, b, 0)).length, 0); // retransmitted middle fragment
  const out = h.feed(f(12, c, 1));
  assert.equal(out.length, 1);
  assert.equal(out[0]!.hex, hexOf(big));
  const t = out[0]!.pdu.transport;
  assert.deepEqual([t.stream, t.ssn, t.tsn, t.ppid, t.retransmission], [4, 77, 10, 3, undefined]);
  assert.deepEqual(t.fragmentFrames, [1, 2, 4]);
  assert.equal(h.feed(f(12, c, 1)).length, 0, 'retransmitted last fragment: nothing new');
  // out of order: E, B, M
  const h2 = new Harness();
  assert.equal(h2.feed(f(22, c, 1)).length, 0);
  assert.equal(h2.feed(f(20, a, 2)).length, 0);
  const o2 = h2.feed(f(21, b, 0));
  assert.equal(o2.length, 1);
  assert.equal(o2[0]!.hex, hexOf(big));
  assert.deepEqual(o2[0]!.pdu.transport.fragmentFrames, [1, 2, 3]);
  // all fragments plus a complete message in one frame
  const h3 = new Harness();
  const one = h3.feed(ether(ipv4(132, sctp([dataChunk(30, a, { flags: 2 }), dataChunk(31, b, { flags: 0 }), dataChunk(32, c, { flags: 1 }), dataChunk(33, M)]))));
  assert.deepEqual(one.map((o) => o.hex), [hexOf(big), hexOf(M)]);
  assert.equal(one[0]!.pdu.transport.fragmentFrames!.length, 1);
  // interleaved streams
  const h4 = new Harness();
  h4.feed(f(40, a, 2, { sid: 1, ssn: 1 }));
  h4.feed(f(41, a, 2, { sid: 2, ssn: 1 }));
  h4.feed(f(42, c, 1, { sid: 2, ssn: 1 }));
  const o4 = h4.feed(f(43, c, 1, { sid: 1, ssn: 1 }));
  assert.equal(h4.pdus.length, 1, 'TSN chain broken by the other stream: not reassembled');
  assert.equal(o4.length, 0);
  assert.deepEqual(h.errors, []);
});

test('SCTP: with sctpReassembly off, only the first fragment goes up (as tshark)', () => {
  const big = m3uaBeat(100);
  const h = new Harness({ sctpReassembly: false });
  const o1 = h.feed(ether(ipv4(132, sctp([dataChunk(1, big.subarray(0, 50), { flags: 2 })]))));
  const o2 = h.feed(ether(ipv4(132, sctp([dataChunk(2, big.subarray(50), { flags: 1 })]))));
  assert.equal(o1.length, 1);
  assert.equal(o2.length, 0);
});

test('SCTP I-DATA: complete and fragmented (MID / FSN), PPID from the first fragment', () => {
  const big = m3uaBeat(300);
  const h = new Harness();
  const whole = h.feed(ether(ipv4(132, sctp([idataChunk(1, M, { flags: 3, mid: 0, ppidOrFsn: 3 })]))));
  assert.equal(whole[0]!.hex, hexOf(M));
  assert.equal(whole[0]!.pdu.transport.ppid, 3);
  h.feed(ether(ipv4(132, sctp([idataChunk(3, big.subarray(150), { flags: 1, mid: 1, ppidOrFsn: 2 })]))));
  h.feed(ether(ipv4(132, sctp([idataChunk(2, big.subarray(100, 150), { flags: 0, mid: 1, ppidOrFsn: 1 })]))));
  const out = h.feed(ether(ipv4(132, sctp([idataChunk(4, big.subarray(0, 100), { flags: 2, mid: 1, ppidOrFsn: 3 })]))));
  assert.equal(out.length, 1);
  assert.equal(out[0]!.hex, hexOf(big));
  assert.equal(out[0]!.pdu.transport.ppid, 3);
  assert.deepEqual(out[0]!.pdu.transport.fragmentFrames, [2, 3, 4]);
});

test('SCTP: malformed chunk length → one error, PDUs found before it kept, rest of the packet skipped', () => {
  const h = new Harness();
  const bad = concat([bytes(0, 3, u16be(2000)), new Uint8Array(20)]);
  const out = h.feed(ether(ipv4(132, sctp([dataChunk(1, M), bad, dataChunk(3, M)]))));
  assert.equal(out.length, 1);
  assert.equal(h.errors.length, 1);
  assert.equal(h.errors[0]!.stop.layer, 'sctp');
  assert.match(h.errors[0]!.stop.reason, /length 2000 exceeds/);
  assert.equal(h.errors[0]!.stop.offset, 12 + 16 + M.length);
  h.feed(ether(ipv4(132, sctp([dataChunk(5, M), bytes(0, 3, 0, 2)]))));
  assert.match(h.errors[1]!.stop.reason, /length 2 < 4/);
  h.feed(ether(ipv4(132, sctp([bytes(0, 3, 0, 12, 0, 0, 0, 9, 0, 0, 0, 0)]))));
  assert.match(h.errors[2]!.stop.reason, /DATA chunk length 12 < 16/);
});

// ------------------------------------------------------------------ TCP

const SYN = 0x02, ACK_PSH = 0x18, FIN = 0x11;

test('TCP Diameter: two PDUs in one segment, one PDU over three segments, PDU in the frame of its last byte', () => {
  const h = new Harness();
  const d1 = diameter({ hbh: 1, size: 60 }), d2 = diameter({ hbh: 2, size: 40 }), d3 = diameter({ hbh: 3, size: 300 });
  const seg = (seq: number, p: Uint8Array, flags = ACK_PSH): Uint8Array => ether(ipv4(6, tcp(p, { seq, flags })));
  h.feed(seg(999, new Uint8Array(0), SYN));
  const two = h.feed(seg(1000, concat([d1, d2])));
  assert.deepEqual(two.map((o) => o.hex), [hexOf(d1), hexOf(d2)]);
  assert.equal(two[0]!.pdu.transport.fragmentFrames, undefined);
  let s = 1000 + d1.length + d2.length;
  assert.equal(h.feed(seg(s, d3.subarray(0, 100))).length, 0);
  assert.equal(h.feed(seg(s + 100, d3.subarray(100, 200))).length, 0);
  const last = h.feed(seg(s + 200, concat([d3.subarray(200), d1.subarray(0, 10)])));
  assert.equal(last.length, 1);
  assert.equal(last[0]!.hex, hexOf(d3));
  assert.deepEqual(last[0]!.pdu.transport.fragmentFrames, [3, 4, 5]);
  assert.deepEqual({ ...last[0]!.pdu.transport, fragmentFrames: undefined }, { proto: 'tcp', src: '10.0.0.1', dst: '10.0.0.2', srcPort: 40000, dstPort: 3868, linkType: 1, fragmentFrames: undefined });
  s += d3.length + 10;
  const rest = h.feed(seg(s, d1.subarray(10)));
  assert.deepEqual(rest.map((o) => o.hex), [hexOf(d1)]);
  assert.deepEqual(rest[0]!.pdu.transport.fragmentFrames, [5, 6]);
  assert.deepEqual(h.errors, []);
});

test('TCP: out-of-order segments, retransmissions and overlaps', () => {
  const h = new Harness();
  const d1 = diameter({ hbh: 1, size: 200 }), d2 = diameter({ hbh: 2, size: 48 });
  const data = concat([d1, d2]);
  const seg = (off: number, len: number): Uint8Array => ether(ipv4(6, tcp(data.subarray(off, off + len), { seq: 5000 + off })));
  h.feed(ether(ipv4(6, tcp(new Uint8Array(0), { seq: 4999, flags: SYN }))));
  assert.equal(h.feed(seg(100, 100)).length, 0); // ahead: waits
  assert.equal(h.feed(seg(200, 48)).length, 0);
  const o = h.feed(seg(0, 100)); // gap filled: both PDUs now
  assert.deepEqual(o.map((x) => x.hex), [hexOf(d1), hexOf(d2)]);
  assert.deepEqual(o[0]!.pdu.transport.fragmentFrames, [2, 4]);
  assert.deepEqual(o[1]!.pdu.transport.fragmentFrames, [3]);
  assert.equal(h.feed(seg(0, 100)).length, 0, 'retransmission: nothing new');
  const d3 = diameter({ hbh: 3, size: 40 });
  const more = concat([data, d3]);
  // overlapping segment: old bytes plus the new PDU
  const ov = h.feed(ether(ipv4(6, tcp(more.subarray(200), { seq: 5200 }))));
  assert.deepEqual(ov.map((x) => x.hex), [hexOf(d3)]);
  assert.deepEqual(h.errors, []);
});

test('TCP: no SYN seen → start at the first segment that begins a PDU; lost bytes are written off with one error', () => {
  const h = new Harness();
  const d1 = diameter({ hbh: 1, size: 100 }), d2 = diameter({ hbh: 2, size: 40 });
  // capture starts in the middle of d1
  assert.equal(h.feed(ether(ipv4(6, tcp(d1.subarray(50), { seq: 7050 })))).length, 0);
  assert.equal(h.errors.length, 0);
  assert.equal(h.feed(ether(ipv4(6, tcp(d2, { seq: 7100 })))).length, 1);
  // now a segment is lost from the capture: later segments wait, then the gap is written off
  let seq = 7140 + 40; // 40 bytes never captured
  const outs: Out[] = [];
  for (let i = 0; i < 12; i++) {
    outs.push(...h.feed(ether(ipv4(6, tcp(diameter({ hbh: 10 + i, size: 40 }), { seq })))));
    seq += 40;
  }
  assert.equal(h.errors.length, 1);
  assert.equal(h.errors[0]!.stop.layer, 'tcp');
  assert.match(h.errors[0]!.stop.reason, /40 byte\(s\) missing from the capture/);
  assert.equal(outs.length, 12, 'every PDU after the gap is recovered');
});

test('TCP: FIN ends the stream; a new SYN restarts it', () => {
  const h = new Harness();
  h.feed(ether(ipv4(6, tcp(new Uint8Array(0), { seq: 1, flags: SYN }))));
  assert.equal(h.feed(ether(ipv4(6, tcp(diameter(), { seq: 2, flags: FIN })))).length, 1);
  h.feed(ether(ipv4(6, tcp(new Uint8Array(0), { seq: 900000, flags: SYN }))));
  assert.equal(h.feed(ether(ipv4(6, tcp(diameter(), { seq: 900001 })))).length, 1);
});

test('TCP Diameter without a SYN: a first segment holding only part of the header starts the stream', () => {
  // tshark frames from the first segment it sees; the header may be split over segments
  const h = new Harness();
  const d = diameter({ hbh: 5, size: 80 });
  assert.equal(h.feed(ether(ipv4(6, tcp(d.subarray(0, 10), { seq: 100 })))).length, 0);
  const out = h.feed(ether(ipv4(6, tcp(d.subarray(10), { seq: 110 }))));
  assert.deepEqual(out.map((o) => o.hex), [hexOf(d)]);
  assert.equal(h.errors.length, 0);
});

test('TCP Diameter: a segment cut by the snap length hands on its PDUs as captured, and framing resumes after the cut PDU', () => {
  const h = new Harness();
  const d1 = diameter({ hbh: 1, size: 40 }), d2 = diameter({ hbh: 2, size: 200 }), d3 = diameter({ hbh: 3, size: 40 });
  h.feed(ether(ipv4(6, tcp(new Uint8Array(0), { seq: 0, flags: SYN }))));
  // d1 whole and the first 100 octets of d2 on the wire; the capture kept 30 octets of d2
  const seg = ether(ipv4(6, tcp(concat([d1, d2.subarray(0, 100)]), { seq: 1 })));
  const out = h.feed(seg.subarray(0, seg.length - 70));
  assert.deepEqual(out.map((o) => o.hex), [hexOf(d1), hexOf(d2.subarray(0, 30))]);
  const o2 = h.feed(ether(ipv4(6, tcp(concat([d2.subarray(100), d3]), { seq: 1 + 40 + 100 }))));
  assert.deepEqual(o2.map((o) => o.hex), [hexOf(d3)], 'the next PDU after the cut one is found');
  assert.equal(h.errors.length, 0);
});

test('GRE tunnels (IPv4, Ethernet bridging, ERSPAN II) are followed; enhanced GRE (version 1) is not', () => {
  const h = new Harness();
  const inner = (tsn: number): Uint8Array => ipv4(132, sctp([dataChunk(tsn, m3uaBeat(8), { ppid: 3 })]), { src: [10, 9, 9, 1], dst: [10, 9, 9, 2] });
  const gre = (hdr: number[], payload: Uint8Array): Uint8Array => ether(ipv4(47, concat([bytes(hdr), payload])));
  assert.equal(h.feed(gre([0, 0, 0x08, 0x00], inner(1))).length, 1);
  assert.equal(h.feed(gre([0x20, 0, 0x65, 0x58, 0, 0, 0, 7], ether(inner(2)))).length, 1);
  assert.equal(h.feed(gre([0x10, 0, 0x88, 0xbe, 0, 0, 0, 1, 0x10, 0x01, 0, 5, 0, 0, 0, 0], ether(inner(3)))).length, 1);
  assert.equal(h.feed(gre([0x30, 0x01, 0x88, 0x0b, 0, 0, 0, 0, 0, 0, 0, 1], inner(4))).length, 0);
  assert.equal(h.errors.length, 0);
});

test('VXLAN (UDP 4789) is followed to the inner Ethernet frame; other UDP is not', () => {
  const h = new Harness();
  const inner = ether(ipv4(132, sctp([dataChunk(1, m3uaBeat(8), { ppid: 3 })]), { src: [10, 9, 9, 1], dst: [10, 9, 9, 2] }));
  const vx = concat([bytes(0x08, 0, 0, 0, 0, 0, 0x2a, 0), inner]);
  assert.equal(h.feed(ether(ipv4(17, udp(vx, 49152, 4789)))).length, 1);
  assert.equal(h.feed(ether(ipv4(17, udp(vx, 49152, 4790)))).length, 0);
  assert.equal(h.errors.length, 0);
});

test('TCP M3UA on port 2905 is framed by the 32-bit length', () => {
  const h = new Harness();
  const m1 = m3uaBeat(12), m2 = m3uaBeat(4);
  h.feed(ether(ipv4(6, tcp(new Uint8Array(0), { seq: 0, flags: SYN, dport: 2905 }))));
  const out = h.feed(ether(ipv4(6, tcp(concat([m1, m2, m1.subarray(0, 3)]), { seq: 1, dport: 2905 }))));
  assert.deepEqual(out.map((o) => o.hex), [hexOf(m1), hexOf(m2)]);
  const o2 = h.feed(ether(ipv4(6, tcp(m1.subarray(3), { seq: 1 + m1.length + m2.length + 3, dport: 2905 }))));
  assert.deepEqual(o2.map((o) => o.hex), [hexOf(m1)]);
});

test('TCP Diameter heuristic on an unknown port; other TCP traffic is ignored without errors', () => {
  const h = new Harness();
  const d = diameter({ cmd: 265, size: 120 });
  const o = h.feed(ether(ipv4(6, tcp(d.subarray(0, 60), { seq: 10, sport: 49046, dport: 3871 }))));
  assert.equal(o.length, 0);
  const o2 = h.feed(ether(ipv4(6, tcp(d.subarray(60), { seq: 70, sport: 49046, dport: 3871 }))));
  assert.equal(o2.length, 1);
  assert.equal(o2[0]!.hex, hexOf(d));
  // HTTP, a Diameter-like header with an unknown command code, reserved flag bits set
  const http = new TextEncoder().encode('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
  assert.equal(h.feed(ether(ipv4(6, tcp(http, { seq: 1, sport: 40001, dport: 80 })))).length, 0);
  const unk = diameter({ cmd: 9999 });
  assert.equal(h.feed(ether(ipv4(6, tcp(unk, { seq: 1, sport: 40002, dport: 81 })))).length, 0);
  const rsv = diameter();
  rsv[4] = 0x81;
  assert.equal(h.feed(ether(ipv4(6, tcp(rsv, { seq: 1, sport: 40003, dport: 82 })))).length, 0);
  assert.deepEqual(h.errors, []);
});

test('TCP: bad Diameter length on port 3868 → one framing error, resync at a later segment', () => {
  const h = new Harness();
  h.feed(ether(ipv4(6, tcp(new Uint8Array(0), { seq: 0, flags: SYN }))));
  const junk = bytes(2, 0, 0, 40, ...new Array(36).fill(0));
  h.feed(ether(ipv4(6, tcp(junk, { seq: 1 }))));
  assert.equal(h.errors.length, 1);
  assert.match(h.errors[0]!.stop.reason, /Diameter framing lost/);
  h.feed(ether(ipv4(6, tcp(junk, { seq: 41 }))));
  assert.equal(h.errors.length, 1, 'no repeated error while out of sync');
  assert.equal(h.feed(ether(ipv4(6, tcp(diameter(), { seq: 81 })))).length, 1);
});

// ------------------------------------------------------------------ robustness

function corpusFrames(maxPerFile: number): RawPacket[] {
  if (!existsSync(CAPTURES)) return [];
  const out: RawPacket[] = [];
  for (const n of readdirSync(CAPTURES).filter((f) => /\.(pcap|pcapng)(\.gz)?$/.test(f)).sort()) {
    let b = readFileSync(join(CAPTURES, n));
    if (n.endsWith('.gz')) b = gunzipSync(b);
    let k = 0;
    const p = createCaptureParser((r) => {
      if (k++ < maxPerFile) out.push({ ...r, data: r.data.slice() });
    }, () => {});
    p.push(new Uint8Array(b.buffer, b.byteOffset, b.length));
    p.end();
  }
  return out;
}

test('truncation loops: every prefix of real frames → no exception (PDUs or stated errors)', () => {
  const frames = corpusFrames(6);
  assert.ok(frames.length > 0);
  for (const f of frames) {
    for (let n = 0; n <= f.data.length; n++) {
      const nd = new NetDecoder(defaultDecodeOptions, new StateBag());
      const data = f.data.subarray(0, n);
      nd.decode({ ...f, data, capLen: n }, () => {}, (s) => {
        assert.ok(typeof s.reason === 'string' && s.reason.length > 0);
      });
    }
  }
});

test('reusePdu: one PDU object refilled for every PDU, with the transport and bytes of new ones', () => {
  const frames = corpusFrames(400);
  assert.ok(frames.length > 0);
  const plain = new NetDecoder(defaultDecodeOptions, new StateBag());
  const reusing = new NetDecoder(defaultDecodeOptions, new StateBag(), true);
  const objects = new Set<TransportPdu>();
  let pdus = 0;
  for (const f of frames) {
    const want: string[] = [];
    const got: string[] = [];
    plain.decode(f, (p) => want.push(JSON.stringify([p.transport, hexOf(p.data), p.start, p.end])), () => {});
    reusing.decode(f, (p) => {
      objects.add(p);
      got.push(JSON.stringify([p.transport, hexOf(p.data), p.start, p.end]));
    }, () => {});
    assert.deepEqual(got, want, `frame ${f.frame}`);
    pdus += got.length;
  }
  assert.ok(pdus > 1000);
  assert.equal(objects.size, 1);
});
