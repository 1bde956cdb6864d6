import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateFiles, catalogue, planScenarios } from '../../shared/generator/index.js';
import { buildWorld } from '../../shared/generator/world.js';
import { crc32c } from '../../shared/encode/crc32c.js';

const SMALL = { messages: 3000, homeSubscribers: 800, inboundRoamers: 300 };

function records(pcap: Uint8Array): { ts: number; data: Uint8Array }[] {
  const dv = new DataView(pcap.buffer, pcap.byteOffset, pcap.byteLength);
  assert.equal(dv.getUint32(0, true), 0xa1b2c3d4);
  assert.equal(dv.getUint32(20, true), 1);
  const out: { ts: number; data: Uint8Array }[] = [];
  let o = 24;
  while (o < pcap.length) {
    const len = dv.getUint32(o + 8, true);
    assert.equal(dv.getUint32(o + 12, true), len);
    out.push({ ts: dv.getUint32(o, true) * 1e6 + dv.getUint32(o + 4, true), data: pcap.subarray(o + 16, o + 16 + len) });
    o += 16 + len;
  }
  assert.equal(o, pcap.length);
  return out;
}

test('same seed gives byte-identical capture, labels and profile; another seed differs', async () => {
  const a = await generateFiles({ seed: 42, ...SMALL });
  const b = await generateFiles({ seed: 42, ...SMALL });
  assert.equal(a.pcap.length, b.pcap.length);
  assert.ok(Buffer.from(a.pcap).equals(Buffer.from(b.pcap)));
  assert.equal(a.labelsJson, b.labelsJson);
  assert.equal(a.profileJson, b.profileJson);
  const c = await generateFiles({ seed: 43, ...SMALL, scenarios: 'none' });
  assert.ok(!Buffer.from(a.pcap).equals(Buffer.from(c.pcap)));
});

test('capture is well formed: record count = labels.frames, time never goes back, valid IPv4 and SCTP CRC32c', async () => {
  const g = await generateFiles({ seed: 3, ...SMALL });
  const recs = records(g.pcap);
  assert.equal(recs.length, g.labels.frames);
  let last = 0;
  let data = 0;
  for (const r of recs) {
    assert.ok(r.ts >= last, 'timestamps are non-decreasing');
    last = r.ts;
    const d = r.data;
    assert.equal((d[12]! << 8) | d[13]!, 0x0800);
    assert.equal(d[23], 132, 'IP protocol SCTP');
    let sum = 0;
    for (let i = 14; i < 34; i += 2) sum += (d[i]! << 8) | d[i + 1]!;
    while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
    assert.equal(sum, 0xffff, 'IPv4 header checksum');
    const s = d.subarray(34);
    const stored = new DataView(s.buffer, s.byteOffset + 8, 4).getUint32(0, true);
    const copy = s.slice();
    copy.fill(0, 8, 12);
    assert.equal(crc32c(copy), stored, 'SCTP CRC32c');
    if (s[12] === 0) data++;
  }
  assert.equal(data, g.labels.messages);
  assert.ok(g.labels.messages >= 3000);
  assert.ok(g.labels.start <= g.labels.end);
});

test('labels cover every catalogue scenario and variant, with frames, victims and attacker identity', async () => {
  const pcs = new Map<number, number[]>();
  const g = await generateFiles({ seed: 11, ...SMALL, onFrame: (f) => (f.opc !== undefined ? pcs.set(f.frame, [f.opc, f.dpc!]) : pcs.set(f.frame, [])) });
  const want = planScenarios('all').map(([d, v]) => `${d.meta.id}:${v}`).sort();
  const got = g.labels.instances.map((i) => `${i.scenario}:${i.difficulty}`).sort();
  assert.deepEqual(got, want);
  const ids = new Set<string>();
  for (const i of g.labels.instances) {
    assert.ok(!ids.has(i.id));
    ids.add(i.id);
    assert.ok(i.frames.length > 0, `${i.id} has frames`);
    for (const f of i.frames) assert.ok(f >= 1 && f <= g.labels.frames);
    assert.equal(i.benign, i.difficulty === 'lookalike');
    assert.ok(i.start >= g.labels.start && i.end <= g.labels.end && i.start <= i.end, `${i.id} time span`);
    if (!i.benign) {
      assert.ok(i.attacker.gts.length > 0 || i.attacker.host, `${i.id} attacker identity`);
      if (i.scenario !== 'srism-scanning' && i.scenario !== 'dia-air-probing') assert.ok(i.victims.length > 0, `${i.id} victims`);
      const seen = new Set(i.frames.flatMap((f) => pcs.get(f) ?? []));
      if (i.scenario.startsWith('dia-')) assert.equal(i.attacker.pc, null, `${i.id}: Diameter attackers have no point code`);
      else assert.ok(i.attacker.pc !== null && seen.has(i.attacker.pc), `${i.id}: attacker point code ${i.attacker.pc} is on its frames`);
    }
  }
  const cats = catalogue();
  assert.ok(cats.length >= 25);
  for (const c of cats) {
    assert.match(c.category, /^FS\.11 Cat [123]$/);
    assert.ok(c.steps.length && c.evidence.length && c.mitre.length && c.distinguish.length, c.id);
  }
});

test('worlds vary with the seed and have the documented shape', () => {
  const homes = new Set<string>();
  for (let s = 1; s <= 6; s++) {
    const w = buildWorld({ seed: s, homeSubscribers: 200, inboundRoamers: 100 });
    homes.add(w.home.mcc);
    assert.ok(w.partners.length >= 17 && w.partners.length <= 22);
    assert.ok(w.sps.length >= 300, `signaling points ${w.sps.length}`);
    const stps = w.sps.filter((x) => x.role === 'stp').length;
    assert.ok(stps >= 15, `STPs ${stps}`);
    assert.ok(w.links.length >= 60, `links ${w.links.length}`);
    for (const sub of w.homeSubs) {
      assert.ok(sub.imsi.startsWith(w.home.mcc + w.home.mnc) && sub.imsi.length === 15);
      assert.ok(sub.msisdn.startsWith(w.home.cc));
    }
    const pcs = new Set(w.sps.map((x) => x.pc));
    assert.equal(pcs.size, w.sps.length, 'point codes are unique');
  }
  assert.ok(homes.size >= 3, 'home country changes with the seed');
});

test('profile lists home nodes with roles and partners with kinds', async () => {
  const g = await generateFiles({ seed: 5, ...SMALL, scenarios: 'none' });
  const roles = new Set(g.profile.home.nodes.map((n) => n.role));
  for (const r of ['hlr', 'vlr', 'msc', 'smsc', 'gsmscf', 'stp', 'mme', 'hss'] as const) assert.ok(roles.has(r), r);
  const kinds = new Set(g.profile.partners.map((p) => p.kind));
  assert.deepEqual([...kinds].sort(), ['ipx', 'roaming', 'sms-hub']);
  assert.ok(g.profile.partners.some((p) => p.via));
  assert.equal(g.labels.instances.length, 0);
});

test('unknown scenario ids are refused with a clear error', () => {
  assert.throws(() => planScenarios(['no-such-thing']), /unknown scenario 'no-such-thing'/);
  assert.throws(() => planScenarios(['send-imsi:lookalike']), /no variant 'lookalike'/);
});
