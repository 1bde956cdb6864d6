import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DetectorRegistry } from '../../shared/detect/registry.js';
import { runDetectors, runDetectorsSync } from '../../shared/detect/engine.js';
import { BUILTIN, defaultRegistry } from '../../shared/detect/detectors/index.js';
import { parseProfile } from '../../shared/detect/profile-schema.js';
import type { Detector } from '../../shared/detect/types.js';
import { mapBegin, OPS, H, ATT, MSISDN_HOME, resetFrames } from './build.js';

const profile = parseProfile(readFileSync(new URL('./fixtures/profile.json', import.meta.url), 'utf8'));
const ati = () => {
  resetFrames();
  return [mapBegin({ ts: 1_700_000_000, op: OPS.ATI, from: ATT.GT, to: H.HLR, opc: ATT.PC, dpc: H.PC_HLR, msisdn: MSISDN_HOME })];
};

test('registry refuses duplicate and malformed ids', () => {
  const r = new DetectorRegistry();
  const d = BUILTIN[0]!;
  r.register(d);
  assert.throws(() => r.register(d), /already registered/);
  assert.throws(() => r.register({ ...d, meta: { ...d.meta, id: 'Bad Id' } } as Detector), /kebab-case/);
  assert.equal(defaultRegistry().ids().length, BUILTIN.length);
});

test('every detector declares complete metadata', () => {
  for (const d of BUILTIN) {
    const m = d.meta;
    assert.ok(m.title && m.description.length > 40, m.id);
    assert.ok(['info', 'low', 'medium', 'high', 'critical'].includes(m.severity), m.id);
    assert.ok(m.category, m.id);
    assert.ok(m.techniques.length > 0 && m.techniques.every((t) => /^(T\d{4}(\.\d{3})?|FGT\d{4}(\.\d{3})?)$/.test(t)), m.id);
    assert.ok(m.references.length > 0 && m.falsePositives.length > 0, m.id);
    for (const [k, t] of Object.entries(m.tunables)) assert.ok(t.description && t.default !== undefined, `${m.id}.${k}`);
  }
});

test('alert ids are stable across runs and the engine accepts async iterables', async () => {
  const a = runDetectorsSync(ati(), { profile });
  async function* gen() {
    yield* ati();
  }
  const b = await runDetectors(gen(), { profile });
  assert.ok(a.length > 0);
  assert.deepEqual(a.map((x) => x.id), b.map((x) => x.id));
});

test('suppression by detector + attacker and allow-lists', () => {
  const all = runDetectorsSync(ati(), { profile });
  assert.ok(all.some((x) => x.detector === 'fs11-cat1'));
  const s1 = runDetectorsSync(ati(), { profile, config: { suppress: [{ detector: 'fs11-cat1', attacker: '88234' }] } });
  assert.ok(!s1.some((x) => x.detector === 'fs11-cat1'));
  assert.ok(s1.length === all.length - 1);
  const s2 = runDetectorsSync(ati(), { profile, config: { allowList: ['882340000123'] } });
  assert.equal(s2.length, 0);
  const s3 = runDetectorsSync(ati(), { profile, config: { suppress: [{ detector: 'fs11-cat1', attacker: '4477' }] } });
  assert.equal(s3.length, all.length);
});

test('without a profile: one info alert naming the skipped detectors, nothing guessed', () => {
  const a = runDetectorsSync(ati(), { profile: null });
  assert.equal(a.length, 1);
  assert.equal(a[0]!.severity, 'info');
  assert.match(a[0]!.explanation, /No network profile/);
  assert.match(a[0]!.explanation, /fs11-cat1/);
});

test('configuration errors are reported, not ignored', () => {
  assert.throws(() => runDetectorsSync([], { profile, config: { only: ['no-such'] } }), /unknown detector 'no-such'/);
  assert.throws(() => runDetectorsSync([], { profile, config: { tunables: { 'fs11-cat1': { opz: 1 } } } }), /no tunable 'opz'/);
  assert.throws(() => runDetectorsSync([], { profile, config: { tunables: { 'fs11-cat1': { ops: ['notAnOp'] } } } }), /unknown MAP operation\(s\) notAnOp/);
});

test('a failing detector is isolated and reported', () => {
  const bad: Detector = { meta: { ...BUILTIN[0]!.meta, id: 'boom' }, create: () => ({ row: () => { throw new Error('kaput'); } }) };
  const reg = defaultRegistry().register(bad);
  const a = runDetectorsSync(ati(), { profile, registry: reg });
  assert.ok(a.some((x) => x.detector === 'fs11-cat1'));
});
