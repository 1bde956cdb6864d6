/**
 * The learned location-update model: the committed weights match the feature extractor, the
 * features come from protocol facts and the profile, scores are explained by their per-feature
 * contributions, and the model flags what it exists for (a fake update from a neighbouring partner
 * below the rules' impossible-travel speed) while leaving ordinary roaming alone.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Engine, runDetectorsSync } from '../../shared/detect/engine.js';
import { DetectorRegistry } from '../../shared/detect/registry.js';
import { parseProfile } from '../../shared/detect/profile-schema.js';
import { FEATURES, sampleCollector, type UlSample } from '../../shared/detect/model/features.js';
import { score, train } from '../../shared/detect/model/logistic.js';
import { loadedModel } from '../../shared/detect/detectors/model-ul.js';
import type { DetectRow } from '../../shared/detect/types.js';
import type { NetworkProfile } from '../../shared/model/profile.js';
import { diamReq, H, IMSI_HOME, ES, IT, mapBegin, mapEnd, OPS, resetFrames } from './build.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const profile = parseProfile(readFileSync(join(dir, 'profile.json'), 'utf8'));
const T0 = 1_700_000_000;
const f = (name: (typeof FEATURES)[number]): number => FEATURES.indexOf(name);

function samples(rows: DetectRow[], p: NetworkProfile = profile): UlSample[] {
  let out: UlSample[] = [];
  const collector = sampleCollector((s) => (out = s));
  const e = new Engine({ profile: p, registry: new DetectorRegistry().register(collector) });
  for (const r of rows) e.push(r);
  e.finish();
  return out;
}

function ul(ts: number, from: { VLR: string; MSC: string; PC: number }, imsi = IMSI_HOME, sai = true): DetectRow[] {
  const u = mapBegin({ ts, op: OPS.UL, from: from.VLR, to: H.HLR, opc: from.PC, dpc: H.PC_HLR, imsi, extra: { vlr: from.VLR, msc: from.MSC } });
  if (!sai) return [u, mapEnd(u)];
  const s = mapBegin({ ts: ts - 2, op: OPS.SAI, from: from.VLR, to: H.HLR, opc: from.PC, dpc: H.PC_HLR, imsi });
  return [s, mapEnd(s), u, mapEnd(u)];
}
const HOME = { VLR: H.VLR, MSC: H.MSC, PC: H.PC_VLR };

test('committed weights: one weight, mean and std per extracted feature; threshold and held-out metrics recorded', () => {
  const m = loadedModel();
  assert.ok(m, 'weights.json loads as a logistic-regression model');
  assert.deepEqual(m.features, [...FEATURES]);
  for (const a of [m.weights, m.mean, m.std]) assert.equal(a.length, FEATURES.length);
  assert.ok(m.threshold >= 0.5 && m.threshold < 1, `threshold ${m.threshold}`);
  assert.ok(m.trainedOn && /held-out/.test(m.trainedOn), 'training set recorded');
  const trainSeeds = /seeds ([\d,]+)/.exec(m.trainedOn)![1]!.split(',').map(Number);
  for (const s of [1, 2, 3]) assert.ok(!trainSeeds.includes(s), `npm run eval seed ${s} is not a training seed`);
  assert.equal(m.metrics?.heldout_lookalike_fp, 0, 'no held-out look-alike above the threshold');
});

test('score: per-feature contributions add up to the logit, sorted from the largest', () => {
  const m = loadedModel()!;
  const x = FEATURES.map((_, i) => (i % 3) * 0.7);
  const { p, contributions } = score(m, x);
  const z = m.bias + contributions.reduce((a, c) => a + c.contribution, 0);
  assert.ok(Math.abs(1 / (1 + Math.exp(-z)) - p) < 1e-12);
  for (let i = 1; i < contributions.length; i++) assert.ok(contributions[i - 1]!.contribution >= contributions[i]!.contribution);
});

test('train: deterministic and separates a one-feature toy set', () => {
  const X = [[0], [0.2], [0.1], [2], [2.2], [1.9]], y = [0, 0, 0, 1, 1, 1];
  const a = train(['v'], X, y, { epochs: 500 }), b = train(['v'], X, y, { epochs: 500 });
  assert.deepEqual(a, b);
  assert.ok(score(a, [2.1]).p > 0.5 && score(a, [0.05]).p < 0.5);
});

test('features: travel distance, time and speed from the previous location evidence; SAI from the same node', () => {
  resetFrames();
  const s = samples([...ul(T0, HOME), ...ul(T0 + 2400, ES)]);
  assert.equal(s.length, 1, 'one sample: the update from outside the home network');
  const x = s[0]!.x;
  assert.equal(s[0]!.facts.from, 'Portugal');
  assert.equal(s[0]!.facts.to, 'Spain');
  assert.ok(s[0]!.facts.km! > 400 && s[0]!.facts.km! < 600, `Lisbon–Madrid ${s[0]!.facts.km} km`);
  assert.ok(Math.abs(Math.expm1(x[f('log_hours_since_prev')]!) - 2400 / 3600) < 1e-9);
  assert.equal(s[0]!.facts.speed, Math.round(s[0]!.facts.km! / (2400 / 3600)));
  assert.equal(x[f('no_prev_location')], 0);
  assert.equal(x[f('not_partner')], 0);
  assert.equal(x[f('no_sai_before')], 0, 'the same VLR fetched vectors 2 s before');
  assert.ok(Math.abs(Math.expm1(x[f('log_sai_ul_gap_s')]!) - 2) < 1e-9);
  resetFrames();
  const n = samples([...ul(T0, HOME), ...ul(T0 + 2400, ES, IMSI_HOME, false)]);
  assert.equal(n[0]!.x[f('no_sai_before')], 1, 'no SAI from the new node');
});

test('features: countries of partner nodes come from the profile MCC, so shared +1 numbering invents no move', () => {
  const p: NetworkProfile = {
    ...profile,
    partners: [{ name: 'US-Telco', kind: 'roaming', mcc: '310', mnc: ['410'], cc: '1', gtPrefixes: ['1876555'], realms: ['epc.mnc410.mcc310.3gppnetwork.org'] }],
  };
  resetFrames();
  // A MAP update from a US partner GT whose digits read as Jamaica (+1 876), then an S6a ULR from the same partner's MME.
  const rows = [
    ...ul(T0, { VLR: '18765550201', MSC: '18765550202', PC: 6000 }),
    diamReq({ ts: T0 + 6, cmd: 316, host: 'mme01.epc.mnc410.mcc310.3gppnetwork.org', realm: 'epc.mnc410.mcc310.3gppnetwork.org', imsi: IMSI_HOME, extra: { visited_plmn: '310-410' } }),
  ];
  const s = samples(rows, p);
  assert.equal(s.length, 2);
  assert.equal(s[0]!.facts.to, 'United States');
  assert.equal(s[1]!.facts.from, 'United States');
  assert.equal(s[1]!.x[f('log_distance_km')], 0);
});

test('features: MT-SMS to the new node and the old VLR still acting for the subscriber within the hour', () => {
  resetFrames();
  const mt = mapBegin({ ts: T0 + 3000, op: OPS.MTFSM, from: H.SMSC, to: IT.MSC, imsi: IMSI_HOME, extra: { sm_rp_da: IMSI_HOME } });
  const old = mapBegin({ ts: T0 + 3100, op: OPS.MOFSM, from: H.VLR, to: H.SMSC, imsi: IMSI_HOME, extra: { vlr: H.VLR, ac_version: 3 } });
  const later = mapBegin({ ts: T0 + 9000, op: OPS.MTFSM, from: H.SMSC, to: IT.MSC, imsi: IMSI_HOME, extra: { sm_rp_da: IMSI_HOME } });
  const s = samples([...ul(T0 - 7200, HOME), ...ul(T0, { VLR: IT.VLR, MSC: IT.MSC, PC: IT.PC }), mt, mapEnd(mt), old, mapEnd(old), later, mapEnd(later)]);
  assert.equal(s.length, 1);
  assert.equal(Math.round(Math.expm1(s[0]!.x[f('mt_to_new_node_after')]!)), 1, 'one MT-SMS to the new MSC within the hour (not the one 2.5 h later)');
  assert.equal(Math.round(Math.expm1(s[0]!.x[f('old_vlr_active_after')]!)), 1, 'the old VLR sent MO-SMS for the subscriber after the update');
});

test('features: the number of other home subscribers a node registered is counted over the whole case', () => {
  resetFrames();
  const rows: DetectRow[] = [];
  for (let i = 0; i < 5; i++) rows.push(...ul(T0 + i * 10, ES, `26827000000010${i}`));
  const s = samples(rows);
  assert.equal(s.length, 5);
  for (const x of s) assert.equal(Math.round(Math.expm1(x.x[f('log_node_subscribers')]!)), 4);
});

test('model-ul: a fake update from a neighbouring partner 40 min after home activity, explained by its features; rules stay below their speed limit', () => {
  resetFrames();
  const rows = [...ul(T0, HOME), ...ul(T0 + 2400, ES)].map((r) => ({ ...r, evidence_id: 'fixture.pcap' }));
  const alerts = runDetectorsSync(rows, { profile });
  const m = alerts.filter((a) => a.detector === 'model-ul');
  assert.equal(m.length, 1, alerts.map((a) => `[${a.detector}] ${a.explanation}`).join('\n'));
  assert.match(m[0]!.explanation, /Portugal → Spain, \d+ km in 40 min \(\d+ km\/h\)/);
  assert.match(m[0]!.explanation, /main factors: .*(implied travel speed|hours since the previous location evidence) = /);
  assert.equal(alerts.filter((a) => a.detector === 'fs11-cat3').length, 0, 'the rules’ 1000 km/h limit does not fire here');
  // The same trip nine hours later is ordinary roaming.
  resetFrames();
  const ok = runDetectorsSync([...ul(T0, HOME), ...ul(T0 + 9 * 3600, ES)], { profile });
  assert.equal(ok.filter((a) => a.detector === 'model-ul').length, 0);
});
