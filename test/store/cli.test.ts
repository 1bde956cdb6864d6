/** `sigtrail ingest / query / export` end to end through the CLI entry (under tsx). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { synthRecords } from './synth.js';
import { tmpDir, writeNdjson } from './helpers.js';

const root = new URL('../..', import.meta.url).pathname;
const cli = (...args: string[]): { code: number | null; out: string; err: string } => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'electron/cli.ts'), ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

test('CLI: ingest, duplicate message, query as json/csv/table, export', () => {
  const t = tmpDir('cli');
  try {
    const nd = join(t.dir, 'a.ndjson');
    writeNdjson(nd, synthRecords(300, 3).records);
    const cp = join(t.dir, 'c.duckdb');
    const a = cli('ingest', nd, '--case', cp);
    assert.equal(a.code, 0, a.err);
    assert.match(a.out, /evidence 1 \(ndjson\): \d+ messages/);
    const again = cli('ingest', nd, '--case', cp);
    assert.equal(again.code, 0);
    assert.match(again.err, /already in the case as evidence 1/);
    const j = cli('query', '--case', cp, 'SELECT kind, count(*) AS n FROM dialogues GROUP BY kind ORDER BY kind', '--format', 'json');
    assert.equal(j.code, 0, j.err);
    const rows = j.out.trim().split('\n').map((l) => JSON.parse(l) as { kind: string; n: number });
    assert.deepEqual(rows.map((r) => r.kind), ['diameter', 'tcap']);
    assert.equal(typeof rows[0]!.n, 'number');
    const c = cli('query', '--case', cp, "SELECT 'a,b' AS x, NULL AS y, 3 AS z", '--format', 'csv');
    assert.equal(c.out, 'x,y,z\n"a,b",,3\n');
    const tb = cli('query', '--case', cp, 'SELECT count(*) AS n FROM messages');
    assert.match(tb.out, /^n\s*\n-+\n\d+/);
    const bad = cli('query', '--case', cp, 'SELECT nope FROM messages');
    assert.equal(bad.code, 1);
    assert.match(bad.err, /sigtrail query: .*nope/);
    const ex = cli('export', '--case', cp, '--parquet', join(t.dir, 'out'));
    assert.equal(ex.code, 0, ex.err);
    assert.ok(existsSync(join(t.dir, 'out', 'sigtrail-export.json')));
    const junk = cli('ingest', join(t.dir, 'c.duckdb.none'), '--case', cp);
    assert.equal(junk.code, 1);
    assert.match(junk.err, /no such file/);
  } finally {
    t.done();
  }
});
