import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError, METHOD_NAMES, validateArgs, isMethodName, laneOf } from '../../shared/ipc/contract.js';
import { compileFilter, FilterError } from '../../shared/ipc/filter.js';

test('every contract method has a validator that accepts its minimal arguments or states what is missing', () => {
  assert.ok(METHOD_NAMES.length >= 30);
  for (const m of METHOD_NAMES) {
    try {
      validateArgs(m, {});
    } catch (e) {
      assert.ok(e instanceof ApiError && e.code === 'bad-args', `${m}: ${String(e)}`);
      assert.match(e.message, new RegExp(`^${m}`));
    }
  }
  assert.equal(isMethodName('overview'), true);
  assert.equal(isMethodName('__proto__'), false);
  assert.equal(isMethodName('constructor'), false);
});

test('validators reject wrong types, unknown keys and out-of-range values with a path', () => {
  assert.throws(() => validateArgs('caseOpen', { path: 5 }), /caseOpen\.path: expected non-empty string, got number/);
  assert.throws(() => validateArgs('caseOpen', { path: '/x', extra: 1 }), /caseOpen\.extra: unknown argument/);
  assert.throws(() => validateArgs('messages', { limit: 0 }), /messages\.limit: expected integer/);
  assert.throws(() => validateArgs('triageSet', { alertId: 'a', status: 'done', tags: [], note: '' }), /triageSet\.status: expected one of new\|investigating/);
  assert.throws(() => validateArgs('importStart', { files: ['ok', 3] }), /importStart\.files\[1\]/);
  assert.throws(() => validateArgs('timeline', {}), /give imsi or msisdn/);
  assert.throws(() => validateArgs('caseOpen', { path: 'a\0b' }), /non-empty string/);
  assert.deepEqual(validateArgs('ladder', { evidence: '1', frame: 3 }), { evidence: '1', frame: 3 });
  assert.deepEqual(validateArgs('ladder', { imsi: '001', from: 1, to: 2 }), { imsi: '001', from: 1, to: 2 });
  assert.deepEqual(validateArgs('overview', undefined), {});
});

test('filter expressions compile to parameterised SQL and refuse unknown columns', () => {
  const cols = { family: 'text', opc: 'number', calling_gt: 'text', retrans: 'bool', op_name: 'text' } as const;
  const f = compileFilter('family == map and (opc in (1, 2) or calling_gt ~ "^882") and not retrans', cols);
  assert.equal(f.where, `"family" = ? AND (("opc" IN (?, ?) OR regexp_matches(CAST("calling_gt" AS VARCHAR), ?))) AND NOT (coalesce("retrans", false))`);
  assert.deepEqual(f.params, ['map', 1, 2, '^882']);
  assert.deepEqual(compileFilter('op_name contains "Loc"', cols).params, ['Loc']);
  assert.equal(compileFilter('', cols).where, 'TRUE');
  assert.throws(() => compileFilter('nope == 1', cols), (e: unknown) => e instanceof FilterError && /unknown column 'nope'/.test(e.message));
  assert.throws(() => compileFilter('opc == abc', cols), /not a number/);
  assert.throws(() => compileFilter('family == "x', cols), /unterminated string/);
  assert.throws(() => compileFilter('(family == map', cols), /missing '\)'/);
  assert.throws(() => compileFilter("family == map; DROP TABLE messages", cols), /unexpected character ';'/);
  // Values never reach the SQL text.
  const inj = compileFilter(`calling_gt == "'; DROP TABLE x; --"`, cols);
  assert.ok(!inj.where.includes('DROP'));
});

test('timeline lanes follow the operation', () => {
  assert.equal(laneOf('map', 'updateLocation'), 'mobility');
  assert.equal(laneOf('map', 'mo-forwardSM'), 'sms');
  assert.equal(laneOf('map', 'sendRoutingInfoForSM'), 'sms');
  assert.equal(laneOf('map', 'registerSS'), 'ss');
  assert.equal(laneOf('map', 'processUnstructuredSS-Request'), 'ussd');
  assert.equal(laneOf('map', 'sendRoutingInfo'), 'calls');
  assert.equal(laneOf('diameter', 'ULR'), 'diameter');
  assert.equal(laneOf('map', null), 'other');
});
