/**
 * Capture-file layer: pcap (µs / ns, both byte orders), pcapng (sections in
 * both byte orders, several interfaces with their own link type, if_tsresol
 * and if_tsoffset, EPB / SPB / obsolete PB, unknown blocks), chunk-boundary
 * independence, damage handling, gzip through decodeCaptureFile, and frame
 * count + frame.time_epoch equality with tshark on every corpus capture.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCaptureParser, NotACaptureError, type CaptureError, type RawPacket } from '../../shared/decoder/capture/index.js';
import { decodeCaptureFile } from '../../shared/node/capture-file.js';
import { FrameDecoder } from '../../shared/decoder/pipeline.js';
import { NgWriter, bytes, concat, dataChunk, diameter, ether, ipv4, m3uaBeat, pcapFile, sctp, tcp, udp } from '../helpers/pcap-build.js';
import { CAPTURES } from '../helpers/shared-dir.js';


interface Got {
  packets: { frame: number; tsSec: number; tsNsec: number; fileOffset: number; linkType: number; iface: number; capLen: number; origLen: number; data: string }[];
  errors: CaptureError[];
}

function hexOf(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.length).toString('hex');
}

/** Parses `file` pushed in chunks of `chunk` bytes (0: one push). */
function parse(file: Uint8Array, chunk = 0, reusePacket = false): Got {
  const got: Got = { packets: [], errors: [] };
  const p = createCaptureParser(
    (r: RawPacket) => got.packets.push({ frame: r.frame, tsSec: r.tsSec, tsNsec: r.tsNsec, fileOffset: r.fileOffset, linkType: r.linkType, iface: r.iface, capLen: r.capLen, origLen: r.origLen, data: hexOf(r.data) }),
    (e) => got.errors.push(e),
    { reusePacket },
  );
  if (chunk <= 0) p.push(file);
  else for (let i = 0; i < file.length; i += chunk) p.push(file.subarray(i, i + chunk));
  p.end();
  return got;
}

/**
 * Like parse(), with pushSome(): each chunk is parsed `budget(i)` frames at a time (the
 * i-th call's budget); checks that no call delivers more frames than asked and that every
 * call makes progress.
 */
function parseSome(file: Uint8Array, chunk: number, budget: (i: number) => number): Got {
  const got: Got = { packets: [], errors: [] };
  let calls = 0;
  const p = createCaptureParser(
    (r: RawPacket) => got.packets.push({ frame: r.frame, tsSec: r.tsSec, tsNsec: r.tsNsec, fileOffset: r.fileOffset, linkType: r.linkType, iface: r.iface, capLen: r.capLen, origLen: r.origLen, data: hexOf(r.data) }),
    (e) => got.errors.push(e),
  );
  for (let i = 0; i < file.length; i += chunk) {
    const c = file.subarray(i, i + chunk);
    for (let at = 0; at < c.length; ) {
      const want = budget(calls++);
      const before = got.packets.length;
      const next = p.pushSome(c, at, want);
      assert.ok(next > at && next <= c.length, `pushSome progress (${at} -> ${next} of ${c.length})`);
      assert.ok(got.packets.length - before <= Math.max(1, want), `pushSome delivered ${got.packets.length - before} frames for a budget of ${want}`);
      if (next < c.length) assert.equal(got.packets.length - before, Math.max(1, want), 'pushSome stops early only with the budget used up');
      at = next;
    }
  }
  p.end();
  return got;
}

const PKT = ether(ipv4(17, udp(bytes([1, 2, 3, 4, 5]))));

function readCapture(name: string): Uint8Array {
  const b = readFileSync(join(CAPTURES, name));
  const u = name.endsWith('.gz') ? gunzipSync(b) : b;
  return new Uint8Array(u.buffer, u.byteOffset, u.length);
}

// ------------------------------------------------------------------ pcap

for (const ns of [false, true]) {
  for (const bigEndian of [false, true]) {
    test(`pcap ${ns ? 'ns' : 'µs'} ${bigEndian ? 'big' : 'little'}-endian`, () => {
      const sub = ns ? 123456789 : 123456;
      const f = pcapFile({ ns, bigEndian, link: 113 }, [
        { sec: 1700000000, sub, data: PKT },
        { sec: 1700000001, sub: 0, data: PKT.subarray(0, 20), origLen: PKT.length },
      ]);
      const g = parse(f);
      assert.equal(g.errors.length, 0);
      assert.equal(g.packets.length, 2);
      const [a, b] = g.packets;
      assert.deepEqual(
        { frame: a!.frame, tsSec: a!.tsSec, tsNsec: a!.tsNsec, fileOffset: a!.fileOffset, linkType: a!.linkType, capLen: a!.capLen },
        { frame: 1, tsSec: 1700000000, tsNsec: ns ? 123456789 : 123456000, fileOffset: 24, linkType: 113, capLen: PKT.length },
      );
      assert.equal(a!.data, hexOf(PKT));
      assert.equal(b!.frame, 2);
      assert.equal(b!.fileOffset, 24 + 16 + PKT.length);
      assert.equal(b!.capLen, 20);
      assert.equal(b!.origLen, PKT.length);
    });
  }
}

test('pcap: link-type field FCS bits are ignored', () => {
  const f = pcapFile({ link: 1 | (1 << 28) }, [{ sec: 1, sub: 0, data: PKT }]);
  assert.equal(parse(f).packets[0]!.linkType, 1);
});

// ------------------------------------------------------------------ pcapng

function multiSection(): Uint8Array {
  return new NgWriter()
    .shb()
    .idb(1, { tsresol: 9 }) // ns
    .idb(113, { tsresol: 0x80 | 20, tsoffset: 1000 }) // 2^-20 s, +1000 s
    .idb(101, { tsresol: 3, snap: 30 }) // ms
    .block(0x99, bytes([1, 2, 3, 4, 5])) // unknown block
    .epb(0, 1700000000123456789n, PKT)
    .epb(1, (1700000000n << 20n) + 524288n, PKT)
    .spb(PKT) // no timestamp: previous one
    .epb(2, 1700000000123n, PKT)
    .block(5, new Uint8Array(20)) // interface statistics
    .shb(true) // new section, big-endian, interfaces restart
    .idb(276, { tsresol: 6 })
    .epb(0, 1700000001000001n, PKT)
    .pb(0, 1700000002000002n, PKT)
    .build();
}

test('pcapng: sections in both byte orders, interfaces with own link type / tsresol / tsoffset, EPB SPB PB, unknown blocks', () => {
  const g = parse(multiSection());
  assert.deepEqual(g.errors, []);
  const brief = g.packets.map((p) => [p.frame, p.iface, p.linkType, p.tsSec, p.tsNsec]);
  assert.deepEqual(brief, [
    [1, 0, 1, 1700000000, 123456789],
    [2, 1, 113, 1700001000, 500000000],
    [3, 0, 1, 1700001000, 500000000], // SPB: interface 0, previous time stamp
    [4, 2, 101, 1700000000, 123000000],
    [5, 0, 276, 1700000001, 1000],
    [6, 0, 276, 1700000002, 2000],
  ]);
  for (const p of g.packets) assert.equal(p.data, hexOf(PKT));
  // fileOffset points at each block header
  const f = multiSection();
  for (const p of g.packets) {
    const t = f[p.fileOffset]! | f[p.fileOffset + 3]!;
    assert.ok(t === 6 || t === 3 || t === 2, `frame ${p.frame}: block type at fileOffset`);
  }
});

test('pcapng: custom / sysdig blocks take a frame number (as in tshark 4.0), other unknown blocks do not', () => {
  for (const [type, numbered] of [[0xbad, true], [0x40000bad, true], [0x204, true], [0x216, true], [0x99, false], [5, false], [4, false]] as const) {
    const g = parse(new NgWriter().shb().idb(1).epb(0, 1n, PKT).block(type, new Uint8Array(40)).epb(0, 2n, PKT).build());
    assert.deepEqual(g.packets.map((p) => p.frame), numbered ? [1, 3] : [1, 2], `block type 0x${type.toString(16)}`);
  }
});

test('pcapng: SPB captured length is bounded by the block and the interface snaplen', () => {
  const w = new NgWriter().shb().idb(1, { snap: 20 }).spb(PKT).build();
  const g = parse(w);
  assert.equal(g.packets[0]!.capLen, 20);
  assert.equal(g.packets[0]!.origLen, PKT.length);
});

test('pcapng: tshark reads the built multi-section file the same way', { skip: !hasTshark() && 'tshark not installed' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'sigtrail-cap-'));
  try {
    const f = join(dir, 'multi.pcapng');
    writeFileSync(f, multiSection());
    const r = spawnSync('tshark', ['-n', '-r', f, '-T', 'fields', '-e', 'frame.number', '-e', 'frame.time_epoch', '-e', 'frame.interface_id'], { encoding: 'utf8' });
    const rows = r.stdout.trim().split('\n').map((l) => l.split('\t'));
    const g = parse(multiSection());
    assert.equal(rows.length, g.packets.length);
    for (const [i, p] of g.packets.entries()) {
      const [num, epoch, ifc] = rows[i]!;
      assert.equal(Number(num), p.frame);
      assert.equal(Number(ifc), p.iface);
      // tshark prints no time for a simple packet block (no time stamp); we carry the previous one.
      if (epoch) assert.equal(epoch, `${p.tsSec}.${String(p.tsNsec).padStart(9, '0')}`, `frame ${p.frame}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// ------------------------------------------------------------------ chunking

test('chunk-boundary independence: built files, every chunk size 1..64 and a few large ones', () => {
  const files = [multiSection(), pcapFile({ ns: true, bigEndian: true }, [1, 2, 3, 4, 5].map((i) => ({ sec: i, sub: i, data: PKT.subarray(0, 20 + i) })))];
  for (const f of files) {
    const ref = parse(f);
    for (const c of [...Array.from({ length: 64 }, (_, i) => i + 1), 100, 1000, 4096]) {
      assert.deepEqual(parse(f, c), ref, `chunk size ${c}`);
    }
  }
});

test('chunk-boundary independence: corpus captures with 1-byte, odd and large chunks', () => {
  const names = listCaptures();
  if (names.length === 0) return;
  for (const n of names) {
    const f = readCapture(n);
    if (f.length > 400_000) continue; // the big ones are covered below with larger chunks
    const ref = parse(f);
    assert.ok(ref.packets.length > 0, n);
    for (const c of f.length < 20000 ? [1, 7, 333, 65536] : [7, 333, 65536]) assert.deepEqual(parse(f, c), ref, `${n}, chunk size ${c}`);
  }
  const big = names.find((n) => n.includes('performance'));
  if (big) {
    const f = readCapture(big);
    const a = parse(f);
    const b = parse(f, 4093);
    assert.equal(a.packets.length, b.packets.length);
    assert.deepEqual(a.packets.at(-1), b.packets.at(-1));
    assert.deepEqual(a.packets[77777], b.packets[77777]);
  }
});

// ------------------------------------------------------------------ damage

test('pushSome: frames, offsets and errors as push(), whatever the budgets and chunk sizes', () => {
  const files = [
    multiSection(),
    ...listCaptures().filter((n) => !n.endsWith('.gz') && (n.startsWith('xcodec') || n.startsWith('ss7-firewall') || n.startsWith('open5gs__testattach'))).map(readCapture),
  ];
  let seed = 7;
  const rnd = (): number => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed / 4294967296;
  };
  for (const f of files) {
    const ref = parse(f);
    for (const chunk of [1, 97, 4096, f.length]) {
      for (const budget of [(): number => 1, (): number => 0, (): number => 3, (): number => 1 + ((rnd() * 40) | 0)]) {
        assert.deepEqual(parseSome(f, chunk, budget), ref, `chunk size ${chunk}, budget ${budget.toString()}`);
      }
    }
  }
  // damaged files: the same packets and errors as push()
  const base = files[1] ?? files[0]!;
  for (let i = 0; i < 300; i++) {
    const f = base.slice();
    for (let j = 0; j < 3; j++) f[(rnd() * Math.min(f.length, 200)) | 0] = (rnd() * 256) | 0;
    let ref: Got | undefined;
    try {
      ref = parse(f);
    } catch (e) {
      assert.throws(() => parseSome(f, 61, () => 2), (x: unknown) => x instanceof NotACaptureError && x.message === (e as Error).message);
      continue;
    }
    assert.deepEqual(parseSome(f, 61, () => 2), ref, `mutation ${i}`);
  }
});

test('reusePacket: one packet object refilled for every packet, with the values of new ones', () => {
  const files = [multiSection(), ...listCaptures().filter((n) => n.startsWith('xcodec') || n.startsWith('ss7-firewall')).map(readCapture)];
  for (const f of files) {
    for (const chunk of [0, 61]) assert.deepEqual(parse(f, chunk, true), parse(f, chunk), `chunk size ${chunk}`);
    const seen = new Set<RawPacket>();
    const p = createCaptureParser((r) => seen.add(r), () => {}, { reusePacket: true });
    p.push(f);
    p.end();
    assert.equal(seen.size, 1);
  }
});

test('not a capture: NotACaptureError with a one-line reason naming the first bytes', () => {
  const html = new TextEncoder().encode('<html><body>nope</body></html>');
  assert.throws(() => parse(html), (e: unknown) => e instanceof NotACaptureError && e.message === 'not a pcap or pcapng file (first bytes 3c 68 74 6d)');
  assert.throws(() => parse(html, 1), NotACaptureError);
  assert.throws(() => parse(new Uint8Array(0)), (e: unknown) => e instanceof NotACaptureError && /empty/.test(e.message));
  assert.throws(() => parse(bytes([0xd4, 0xc3])), (e: unknown) => e instanceof NotACaptureError && !e.message.includes('\n'));
  assert.throws(() => parse(gzipSync(Buffer.from('x'))), (e: unknown) => e instanceof NotACaptureError && /gzip/.test(e.message));
  // pcapng magic with a bad byte-order magic
  assert.throws(() => parse(bytes([0x0a, 0x0d, 0x0d, 0x0a, 28, 0, 0, 0, 1, 2, 3, 4])), NotACaptureError);
});

test('pcap: absurd captured length → one error naming frame and offset, earlier frames delivered, then stop', () => {
  const good = pcapFile({}, [{ sec: 1, sub: 0, data: PKT }, { sec: 2, sub: 0, data: PKT }]);
  const bad = concat([good, bytes([3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10, 0, 0x40, 0, 0, 0]), PKT, pcapFile({}, [{ sec: 4, sub: 0, data: PKT }]).subarray(24)]);
  for (const c of [0, 1, 5]) {
    const g = parse(bad, c);
    assert.equal(g.packets.length, 2);
    assert.equal(g.errors.length, 1, JSON.stringify(g.errors));
    assert.equal(g.errors[0]!.frame, 3);
    assert.equal(g.errors[0]!.fileOffset, good.length);
    assert.match(g.errors[0]!.reason, new RegExp(`frame 3 at offset ${good.length}: captured length 1048576 exceeds`));
  }
});

test('pcapng: absurd captured length → error for that frame, recovery with the block length', () => {
  const f = new NgWriter().shb().idb(1).epb(0, 1n, PKT).epb(0, 2n, PKT).epb(0, 3n, PKT).build();
  const off = parse(f).packets[1]!.fileOffset;
  f[off + 20] = 0xff; // caplen (little-endian section) → 0x000fffff + …
  f[off + 21] = 0xff;
  f[off + 22] = 0x0f;
  for (const c of [0, 1, 3]) {
    const g = parse(f, c);
    assert.deepEqual(g.packets.map((p) => p.frame), [1, 3]);
    assert.equal(g.errors.length, 1);
    assert.equal(g.errors[0]!.frame, 2);
    assert.equal(g.errors[0]!.fileOffset, off);
    assert.match(g.errors[0]!.reason, new RegExp(`frame 2 at offset ${off}: captured length \\d+ exceeds`));
  }
  // a caplen larger than its block (but small) is damage too
  f[off + 20] = PKT.length + 8;
  f[off + 21] = 0;
  f[off + 22] = 0;
  const g = parse(f);
  assert.deepEqual(g.packets.map((p) => p.frame), [1, 3]);
  assert.match(g.errors[0]!.reason, /exceeds its block/);
});

test('truncated last record → all earlier frames and exactly one error at end()', () => {
  for (const f of [pcapFile({}, [1, 2, 3].map((i) => ({ sec: i, sub: 0, data: PKT }))), new NgWriter().shb().idb(1).epb(0, 1n, PKT).epb(0, 2n, PKT).epb(0, 3n, PKT).build()]) {
    const full = parse(f).packets.length;
    for (const cut of [1, 5, 16, PKT.length]) {
      const errors: CaptureError[] = [];
      const pkts: RawPacket[] = [];
      const p = createCaptureParser((r) => pkts.push(r), (e) => errors.push(e));
      p.push(f.subarray(0, f.length - cut));
      assert.equal(errors.length, 0, 'no error before end()');
      p.end();
      assert.equal(pkts.length, full - 1);
      assert.equal(errors.length, 1);
      assert.equal(errors[0]!.frame, full);
      assert.match(errors[0]!.reason, /truncated/);
    }
  }
});

test('every prefix of a small real capture: packets or exactly one stated error, never a stray exception', () => {
  const names = listCaptures().filter((n) => n.startsWith('xcodec') || n.startsWith('ss7-firewall') || n.startsWith('pypacker'));
  const ng = new NgWriter().shb().idb(1, { tsresol: 9 }).epb(0, 5n, PKT).spb(PKT).build();
  for (const f of [...names.map(readCapture), ng]) {
    const full = parse(f).packets.length;
    for (let n = 0; n <= f.length; n++) {
      let g: Got;
      try {
        g = parse(f.subarray(0, n));
      } catch (e) {
        assert.ok(e instanceof NotACaptureError && n < 4, `prefix ${n}: ${String(e)}`);
        continue;
      }
      assert.ok(g.errors.length <= 1, `prefix ${n}: ${JSON.stringify(g.errors)}`);
      if (n === f.length) assert.equal(g.errors.length, 0);
      if (n < f.length) assert.ok(g.packets.length < full, `prefix ${n}`);
    }
  }
});

test('fuzz: mutated capture files (header and record fields) end with packets and errors, never a stray exception', () => {
  const base = [
    ...listCaptures().filter((n) => n.startsWith('xcodec') || n.startsWith('ss7-firewall')).map(readCapture),
    multiSection(),
  ];
  let seed = 99;
  const rnd = (): number => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed / 4294967296;
  };
  for (let i = 0; i < 3000; i++) {
    const f = base[i % base.length]!.slice();
    const flips = 1 + ((rnd() * 6) | 0);
    for (let j = 0; j < flips; j++) {
      // mostly in the first 64 bytes (file / section / interface headers, first record header)
      const at = rnd() < 0.7 ? (rnd() * Math.min(64, f.length)) | 0 : (rnd() * f.length) | 0;
      f[at] = rnd() < 0.5 ? f[at]! ^ (1 << ((rnd() * 8) | 0)) : (rnd() * 256) | 0;
    }
    for (const c of [0, 1 + ((rnd() * 50) | 0)]) {
      try {
        const g = parse(f, c);
        for (const p of g.packets) assert.ok(p.capLen <= 262144 && p.frame >= 1);
      } catch (e) {
        assert.ok(e instanceof NotACaptureError, `mutation ${i}: ${String(e)}`);
      }
    }
  }
});

// ------------------------------------------------------------------ files

test('decodeCaptureFile: gzip and plain give the same frames; a non-capture throws NotACaptureError', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sigtrail-cap-'));
  try {
    const f = pcapFile({}, Array.from({ length: 300 }, (_, i) => ({ sec: 1000 + i, sub: i, data: PKT })));
    writeFileSync(join(dir, 'a.pcap'), f);
    writeFileSync(join(dir, 'a.pcap.gz'), gzipSync(f));
    writeFileSync(join(dir, 'junk.bin'), 'GET / HTTP/1.1\r\n\r\n');
    for (const n of ['a.pcap', 'a.pcap.gz']) {
      let frames = 0;
      const errs: unknown[] = [];
      for await (const b of decodeCaptureFile(join(dir, n), { chunkSize: 1000 })) {
        frames = b.framesSeen;
        errs.push(...b.errors);
      }
      assert.equal(frames, 300, n);
      assert.deepEqual(errs, [], n);
    }
    // a cut .gz keeps what was decoded and says the gzip stream is damaged
    const gz = gzipSync(f);
    writeFileSync(join(dir, 'cut.pcap.gz'), gz.subarray(0, gz.length - 200));
    let frames = 0;
    const errs: { layer: string; reason: string }[] = [];
    for await (const b of decodeCaptureFile(join(dir, 'cut.pcap.gz'))) {
      frames = b.framesSeen;
      errs.push(...b.errors);
    }
    assert.ok(frames > 0 && frames < 300);
    assert.ok(errs.some((e) => e.layer === 'file'));
    await assert.rejects(async () => {
      for await (const _ of decodeCaptureFile(join(dir, 'junk.bin'))) void _;
    }, (e: unknown) => e instanceof NotACaptureError && /first bytes 47 45 54 20/.test((e as Error).message));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Records (JSON) and frame errors of `file` decoded in memory in one push, the reference for decodeCaptureFile. */
function decodeInMemory(file: Uint8Array): { records: string[]; errors: string[] } {
  const dec = new FrameDecoder();
  const records: string[] = [];
  const errors: string[] = [];
  const p = createCaptureParser((pk) => {
    const r = dec.decode(pk);
    for (const x of r.records) records.push(JSON.stringify(x));
    for (const x of r.errors) errors.push(`${pk.frame} ${x.layer} ${x.reason}`);
  }, () => {});
  p.push(file);
  p.end();
  return { records, errors };
}

/**
 * Frames whose bytes the decoder must keep across frames: IPv4 fragments out of order, SCTP
 * DATA fragments (in and out of order), TCP Diameter out of order and over several segments,
 * each piece separated from the next by more than a read buffer of filler frames.
 */
function reassemblyCapture(): Uint8Array {
  const SYN = 0x02;
  const frames: Uint8Array[] = [];
  let fill = 0;
  const filler = (): void => {
    for (let i = 0; i < 40; i++) frames.push(ether(ipv4(132, sctp([dataChunk(1000 + fill * 40 + i, m3uaBeat(64, 0x30 + (fill % 64)))], { vtag: 77 }))));
    fill++;
  };
  // IPv4 fragments of one SCTP packet, last two first
  const seg = sctp([dataChunk(7, m3uaBeat(400, 0x51))]);
  frames.push(ether(ipv4(132, seg.subarray(160, 320), { id: 9, off: 160, mf: true })));
  filler();
  frames.push(ether(ipv4(132, seg.subarray(320), { id: 9, off: 320 })));
  filler();
  frames.push(ether(ipv4(132, seg.subarray(0, 160), { id: 9, mf: true })));
  filler();
  // SCTP fragments: B, M, E, then E, B, M of another message
  const big = m3uaBeat(600, 0x52);
  const [a, b, c] = [big.subarray(0, 200), big.subarray(200, 400), big.subarray(400)];
  const f = (tsn: number, d: Uint8Array, flags: number, ssn: number): Uint8Array => ether(ipv4(132, sctp([dataChunk(tsn, d, { flags, sid: 4, ssn })], { vtag: 99 })));
  for (const x of [f(10, a, 2, 1), f(11, b, 0, 1), f(12, c, 1, 1), f(22, c, 1, 2), f(20, a, 2, 2), f(21, b, 0, 2)]) {
    frames.push(x);
    filler();
  }
  // TCP Diameter: a PDU over three segments, then two PDUs whose segments arrive out of order
  const tseg = (seq: number, p: Uint8Array, flags = 0x18): Uint8Array => ether(ipv4(6, tcp(p, { seq, flags })));
  const d3 = diameter({ hbh: 3, size: 300 });
  frames.push(tseg(999, new Uint8Array(0), SYN));
  frames.push(tseg(1000, d3.subarray(0, 100)));
  filler();
  frames.push(tseg(1100, d3.subarray(100, 200)));
  filler();
  frames.push(tseg(1200, d3.subarray(200)));
  const data = concat([diameter({ hbh: 1, size: 200 }), diameter({ hbh: 2, size: 48 })]);
  const base = 1000 + d3.length;
  frames.push(tseg(base + 100, data.subarray(100, 200)));
  filler();
  frames.push(tseg(base + 200, data.subarray(200)));
  filler();
  frames.push(tseg(base, data.subarray(0, 100)));
  filler();
  return pcapFile({}, frames.map((data, i) => ({ sec: 1000 + i, sub: 0, data })));
}

test('decodeCaptureFile reads plain files into one reused buffer: records equal a decode of the whole file in memory, whatever the chunk size', async () => {
  // Packets are views of the read buffer, which the next chunk overwrites: anything a decoder
  // kept without copying (IP / SCTP / TCP / SCCP reassembly, Diameter AVP bytes, …) would show
  // up here as a difference against the in-memory decode.
  const dir = mkdtempSync(join(tmpdir(), 'sigtrail-cap-'));
  try {
    const synth = join(dir, 'reassembly.pcap');
    writeFileSync(synth, reassemblyCapture());
    const files = [synth, ...listCaptures().filter((n) => !n.endsWith('.gz')).map((n) => join(CAPTURES, n))];
    assert.ok(files.length > 1, 'corpus missing');
    for (const path of files) {
      const want = decodeInMemory(new Uint8Array(readFileSync(path)));
      if (path === synth) assert.ok(want.records.length > 400 && want.records.some((r) => r.includes('"hopByHop":3')), 'reassembled PDUs decoded');
      for (const chunkSize of [1499, 4096 + 13, 65536 + 7]) {
        const got: string[] = [];
        const gotErr: string[] = [];
        for await (const b of decodeCaptureFile(path, { chunkSize })) {
          for (const x of b.records) got.push(JSON.stringify(x));
          for (const x of b.errors) gotErr.push(`${x.frame} ${x.layer} ${x.reason.replace(/ \(at byte \d+\)$/, '')}`);
        }
        const what = `${path.split('/').pop()!}, chunks of ${chunkSize}`;
        assert.equal(got.length, want.records.length, `${what}: record count`);
        for (let i = 0; i < got.length; i++) assert.equal(got[i], want.records[i], `${what}: record ${i}`);
        assert.deepEqual(gotErr, want.errors, `${what}: frame errors`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// ------------------------------------------------------------------ tshark

function hasTshark(): boolean {
  return spawnSync('tshark', ['--version'], { stdio: 'ignore' }).status === 0;
}

function listCaptures(): string[] {
  if (!existsSync(CAPTURES)) return [];
  return readdirSync(CAPTURES).filter((f) => /\.(pcap|pcapng)(\.gz)?$/.test(f)).sort();
}

test('frame count and frame.time_epoch equal tshark on every corpus capture', { skip: !hasTshark() && 'tshark not installed' }, () => {
  const names = listCaptures();
  assert.ok(names.length > 0, 'corpus missing');
  for (const n of names) {
    const r = spawnSync('tshark', ['-n', '-r', join(CAPTURES, n), '-T', 'fields', '-e', 'frame.time_epoch'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    assert.equal(r.status, 0, `${n}: ${r.stderr}`);
    const want = r.stdout.split('\n').filter((l) => l.length > 0);
    const got: string[] = [];
    const errors: CaptureError[] = [];
    const p = createCaptureParser((pk) => got.push(`${pk.tsSec}.${String(pk.tsNsec).padStart(9, '0')}`), (e) => errors.push(e));
    p.push(readCapture(n));
    p.end();
    assert.deepEqual(errors, [], n);
    assert.equal(got.length, want.length, `${n}: frame count`);
    for (let i = 0; i < want.length; i++) if (got[i] !== want[i]) assert.fail(`${n} frame ${i + 1}: ${got[i]} vs tshark ${want[i]}`);
  }
});
