import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openCase, closeCase, caseQuery, caseSummary, toJson } from '../../shared/node/store/case.js';
import { TABLES, MESSAGE_COLUMNS } from '../../shared/store/schema.js';
import { flattenRecord } from '../../shared/model/row.js';
import { synthRecords } from './synth.js';
import { tmpDir } from './helpers.js';

test('a new case has every documented table, with column comments, and messages = evidence_id + MsgRow', async () => {
  const t = tmpDir('schema');
  try {
    const h = await openCase(join(t.dir, 'c.duckdb'));
    const tables = (await caseQuery(h, "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() ORDER BY 1")).map((r) => r.table_name);
    for (const want of ['evidence', 'messages', 'decode_errors', 'dialogues', 'nodes', 'links', 'subscribers', 'locations', 'kpis', 'alerts', 'alert_triage', 'audit_log']) assert.ok(tables.includes(want), `table ${want}`);
    const cols = (await caseQuery(h, "SELECT column_name, comment FROM duckdb_columns() WHERE table_name = 'messages' AND database_name = current_database() ORDER BY column_index")).map((r) => r.column_name);
    const row = flattenRecord(synthRecords(1, 1).records[0]!);
    assert.deepEqual(cols, ['evidence_id', ...Object.keys(row)]);
    assert.deepEqual(MESSAGE_COLUMNS.map((c) => c.name), Object.keys(row));
    const undocumented = await caseQuery(h, "SELECT table_name, column_name FROM duckdb_columns() WHERE database_name = current_database() AND (comment IS NULL OR comment = '')");
    assert.deepEqual(undocumented, []);
    for (const tb of TABLES) {
      if (!['evidence', 'messages', 'decode_errors', 'dialogues', 'locations', 'links'].includes(tb.name)) continue;
      const cs = (await caseQuery(h, `SELECT column_name FROM duckdb_columns() WHERE table_name = '${tb.name}' AND database_name = current_database()`)).map((r) => r.column_name);
      assert.ok(tb.name === 'evidence' || cs.includes('frame'), `${tb.name} has a frame column`);
    }
    const s = await caseSummary(h);
    assert.equal(s.counts.messages, 0);
    assert.equal(s.schemaVersion, 1);
    await closeCase(h);
    // reopening an existing case keeps it
    const h2 = await openCase(join(t.dir, 'c.duckdb'), { readOnly: true });
    assert.equal((await caseSummary(h2)).counts.evidence, 0);
    await closeCase(h2);
  } finally {
    t.done();
  }
});

test('toJson makes DuckDB values JSON-safe', () => {
  assert.equal(toJson(5n), 5);
  assert.equal(toJson(2n ** 60n), '1152921504606846976');
  assert.equal(toJson(new Date(0)), '1970-01-01T00:00:00.000Z');
  assert.deepEqual(toJson([1n, { a: 2n }]), [1, { a: 2 }]);
  assert.equal(toJson(Number.NaN), 'NaN');
});

test('opening a case in a folder that does not exist is a clear error', async () => {
  await assert.rejects(openCase('/nonexistent-sigtrail-dir/x/case.duckdb'), /folder .* does not exist/);
  await assert.rejects(openCase('/nonexistent-sigtrail-dir/case.duckdb', { readOnly: true }), /no case file/);
});

test('SCHEMA.md documents every table and column of schema.ts', async () => {
  const { readFileSync } = await import('node:fs');
  const md = readFileSync(new URL('../../shared/store/SCHEMA.md', import.meta.url), 'utf8');
  for (const tb of TABLES) {
    assert.ok(md.includes(`### \`${tb.name}\``), `table ${tb.name}`);
    for (const col of tb.columns) assert.ok(md.includes(`| \`${col.name}\` |`), `${tb.name}.${col.name}`);
  }
});
