import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { validateProfile, parseProfile } from '../../shared/detect/profile-schema.js';

const good = JSON.parse(readFileSync(new URL('./fixtures/profile.json', import.meta.url), 'utf8')) as Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- deliberately malformed test input
type Loose = any;
const clone = (): Loose => JSON.parse(JSON.stringify(good)) as Loose;

test('the fixture profile is valid and normalised', () => {
  const r = validateProfile(good);
  assert.deepEqual(r.errors, []);
  assert.equal(r.ok, true);
  assert.equal(r.profile?.home.mcc, '268');
  assert.equal(r.profile?.partners.length, 3);
  assert.deepEqual(r.profile?.partners[2]?.realms, []);
});

test('errors name the path and the offending value', () => {
  const p = clone();
  p.home.mcc = '2a8';
  p.home.mnc = ['7'];
  p.home.gtPrefixes = ['3514660', '+351'];
  p.home.nodes[0].role = 'hlrx';
  p.home.pointCodes = [4368, -1];
  p.partners[0].kind = 'friend';
  const r = validateProfile(p);
  assert.equal(r.ok, false);
  assert.ok(r.errors.includes('home.mcc: expected 3 digits, got "2a8"'), r.errors.join('\n'));
  assert.ok(r.errors.includes('home.mnc[0]: expected 2 or 3 digits, got "7"'), r.errors.join('\n'));
  assert.ok(r.errors.some((e) => e.startsWith('home.gtPrefixes[1]: expected a digit prefix')), r.errors.join('\n'));
  assert.ok(r.errors.some((e) => e.startsWith('home.nodes[0].role: expected one of hlr|vlr')), r.errors.join('\n'));
  assert.ok(r.errors.some((e) => e.startsWith('home.pointCodes[1]: expected a point code')), r.errors.join('\n'));
  assert.ok(r.errors.some((e) => e.startsWith('partners[0].kind: expected one of roaming|sms-hub|ipx, got "friend"')), r.errors.join('\n'));
  assert.equal(r.profile, undefined);
});

test('missing home, wrong types and unknown keys', () => {
  assert.deepEqual(validateProfile({ partners: [] }).errors, ['home: required']);
  assert.deepEqual(validateProfile([]).errors, ['profile: expected an object, got []']);
  const p = clone();
  delete p.home.gtPrefixes;
  p.home.mcc = 268;
  p.home.colour = 'red';
  const r = validateProfile(p);
  assert.ok(r.errors.includes('home.gtPrefixes: required'));
  assert.ok(r.errors.includes('home.mcc: expected 3 digits, got 268'));
  assert.ok(r.warnings.includes('home.colour: unknown key (ignored)'));
});

test('parseProfile reports JSON syntax errors and every schema error', () => {
  assert.throws(() => parseProfile('{', 'p.json'), /p\.json: not valid JSON/);
  assert.throws(() => parseProfile('{"home":{"name":"x","mcc":"1","mnc":["01"],"cc":"351","gtPrefixes":[]}}', 'p.json'), /home\.mcc: expected 3 digits, got "1"/);
});

test('the JSON Schema document lists the same required fields', () => {
  const schema = JSON.parse(readFileSync(new URL('../../shared/detect/profile.schema.json', import.meta.url), 'utf8')) as { required: string[]; properties: { home: { required: string[] } } };
  assert.deepEqual(schema.required, ['home']);
  assert.deepEqual(schema.properties.home.required, ['name', 'mcc', 'mnc', 'cc', 'gtPrefixes']);
});
