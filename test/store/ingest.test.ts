/**
 * Ingest of synthetic records (known dialogues): stitching, duplicates, --force,
 * bad lines, and the metadata round trips (NDJSON, oracle TSV, tshark ek, Parquet export).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { writeFileSync, readdirSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { openCase, closeCase, caseQuery, ingestFiles, exportParquet, caseSummary, type IngestProgress } from '../../shared/node/store/case.js';
import { tsharkHeader, tsharkRow } from '../../shared/decoder/tshark-format.js';
import { synthRecords } from './synth.js';
import { tmpDir, writeNdjson, fingerprint } from './helpers.js';
import { CAPTURES } from '../helpers/shared-dir.js';

const { records, dialogues } = synthRecords(3000, 11);

test('NDJSON ingest: every synthetic dialogue is stitched with its outcome and frames; progress events; bad line → decode_errors', async () => {
  const t = tmpDir('ndjson');
  try {
    const nd = join(t.dir, 'a.ndjson');
    writeNdjson(nd, records, '{"frame": oops}\n');
    const h = await openCase(join(t.dir, 'c.duckdb'));
    const events: IngestProgress[] = [];
    const r = await ingestFiles(h, [nd], { onProgress: (p) => events.push(p), chunkRows: 1000 });
    assert.equal(r.messages, records.length);
    assert.equal(r.errors, 1);
    assert.ok(events.some((e) => e.phase === 'load' && e.messages > 0 && e.bytesDone > 0 && e.bytesTotal > 0));
    assert.ok(events.some((e) => e.phase === 'derive'));
    assert.equal(events.at(-1)!.phase, 'done');
    const err = await caseQuery(h, 'SELECT layer, frame, reason FROM decode_errors');
    assert.equal(err.length, 1);
    assert.equal(err[0]!.layer, 'ndjson');
    assert.match(String(err[0]!.reason), /line \d+: not JSON/);

    const got = await caseQuery(h, 'SELECT kind, otid, outcome, frames, imsi, messages FROM dialogues ORDER BY frame');
    assert.equal(got.length, dialogues.length);
    const want = [...dialogues].sort((a, b) => a.frames[0]! - b.frames[0]!);
    for (let i = 0; i < want.length; i++) {
      const g = got[i]!, w = want[i]!;
      assert.equal(g.kind, w.kind, `dialogue ${i}`);
      assert.equal(g.outcome, w.outcome, `dialogue ${i} (${w.kind} ${w.otid ?? ''}) outcome`);
      assert.deepEqual(g.frames, w.frames, `dialogue ${i} frames`);
      assert.equal(g.imsi, w.imsi);
      if (w.kind === 'tcap') assert.equal(g.otid, w.otid);
    }
    // unanswered invokes = the timeouts' Begins; response times only where answered
    const ua = await caseQuery(h, "SELECT sum(unanswered) AS u FROM dialogues WHERE kind = 'tcap'");
    assert.equal(ua[0]!.u, want.filter((d) => d.kind === 'tcap' && (d.outcome === 'timeout' || d.outcome === 'abort')).length);
    const noRt = await caseQuery(h, "SELECT count(*) AS n FROM dialogues WHERE outcome = 'timeout' AND response_ms IS NOT NULL");
    assert.equal(noRt[0]!.n, 0);
    // derived tables are filled
    const s = await caseSummary(h);
    for (const tb of ['nodes', 'links', 'subscribers', 'locations', 'kpis']) assert.ok(s.counts[tb]! > 0, tb);
    const loc = await caseQuery(h, "SELECT count(*) AS n FROM locations WHERE source = 'updateLocation' AND serving_kind = 'vlr' AND country IS NOT NULL");
    assert.equal(loc[0]!.n, want.filter((d) => d.kind === 'tcap').length);
    const hlr = await caseQuery(h, "SELECT role, country FROM nodes WHERE node = '447700900001'");
    assert.deepEqual(hlr, [{ role: 'hlr', country: 'GB' }]);
    await closeCase(h);
  } finally {
    t.done();
  }
});

test('duplicate import is skipped with a message; --force replaces it', async () => {
  const t = tmpDir('dup');
  try {
    const nd = join(t.dir, 'a.ndjson');
    writeNdjson(nd, records.slice(0, 500));
    const copy = join(t.dir, 'b.ndjson');
    writeNdjson(copy, records.slice(0, 500));
    const h = await openCase(join(t.dir, 'c.duckdb'));
    await ingestFiles(h, [nd]);
    const before = await fingerprint(h);
    const r2 = await ingestFiles(h, [copy]);
    assert.equal(r2.files[0]!.skipped, true);
    assert.match(r2.files[0]!.note, /already in the case as evidence 1/);
    const after = await caseQuery(h, 'SELECT count(*) AS n FROM evidence');
    assert.equal(after[0]!.n, 1);
    assert.equal((await fingerprint(h)).split('\n').filter((l) => !l.startsWith('audit_log')).join('\n'), before.split('\n').filter((l) => !l.startsWith('audit_log')).join('\n'));
    const r3 = await ingestFiles(h, [copy], { force: true });
    assert.equal(r3.files[0]!.skipped, false);
    const ev = await caseQuery(h, 'SELECT id, name, messages FROM evidence');
    assert.equal(ev.length, 1);
    assert.equal(ev[0]!.name, 'b.ndjson');
    assert.equal(ev[0]!.messages, 500);
    assert.equal((await caseQuery(h, 'SELECT count(*) AS n FROM messages'))[0]!.n, 500);
    await closeCase(h);
  } finally {
    t.done();
  }
});

test('metadata round trips: oracle TSV and Parquet export → ingest give the same rows', async () => {
  const t = tmpDir('rt');
  try {
    const nd = join(t.dir, 'a.ndjson');
    writeNdjson(nd, records);
    const tsv = join(t.dir, 'a.tsv');
    writeFileSync(tsv, tsharkHeader() + '\n' + records.map((r) => tsharkRow(r)).join('\n') + '\n');
    const h = await openCase(join(t.dir, 'c.duckdb'));
    await ingestFiles(h, [nd, tsv]);
    const ev = await caseQuery(h, 'SELECT id, capture_type, messages FROM evidence ORDER BY id');
    assert.deepEqual(ev.map((e) => [e.capture_type, e.messages]), [['ndjson', records.length], ['tshark-tsv', records.length]]);
    // the TSV carries the oracle columns: they must equal the NDJSON rows' values
    const cols = 'frame, ts_sec, ts_nsec, msg_idx, comp_idx, protos, family, opc, dpc, called_ssn, calling_ssn, called_gt, calling_gt, otid, dtid, tcap_type, comp_kind, invoke_id, opcode, error_code, diam_cmd, diam_request, diam_app, hbh, e2e';
    const diff = await caseQuery(h, `(SELECT ${cols} FROM messages WHERE evidence_id = 1 EXCEPT ALL SELECT ${cols} FROM messages WHERE evidence_id = 2)
      UNION ALL (SELECT ${cols} FROM messages WHERE evidence_id = 2 EXCEPT ALL SELECT ${cols} FROM messages WHERE evidence_id = 1) LIMIT 3`);
    assert.deepEqual(diff, []);

    const out = join(t.dir, 'export');
    const ex = await exportParquet(h, out);
    assert.equal(ex.messages, 2 * records.length);
    assert.ok(readdirSync(join(out, 'messages')).every((d) => /^day=\d{4}-\d{2}-\d{2}$/.test(d)));
    assert.ok(existsSync(join(out, 'evidence.parquet')));
    const fpA = await caseQuery(h, 'SELECT count(*) AS n, sum(hash(m::VARCHAR))::VARCHAR AS hs FROM messages m');
    const dA = await caseQuery(h, 'SELECT count(*) AS n, sum(hash(d::VARCHAR))::VARCHAR AS hs FROM dialogues d');
    await closeCase(h);

    const h2 = await openCase(join(t.dir, 'restored.duckdb'));
    const rr = await ingestFiles(h2, [out]);
    assert.equal(rr.messages, 2 * records.length);
    assert.deepEqual(await caseQuery(h2, 'SELECT count(*) AS n, sum(hash(m::VARCHAR))::VARCHAR AS hs FROM messages m'), fpA);
    assert.deepEqual(await caseQuery(h2, 'SELECT count(*) AS n, sum(hash(d::VARCHAR))::VARCHAR AS hs FROM dialogues d'), dA);
    // the restored evidence keeps the original hashes, so the same export again is a duplicate
    const again = await ingestFiles(h2, [out]);
    assert.ok(again.files.every((f) => f.skipped));
    // a plain Parquet file of messages columns also loads
    await h2.conn.run(`COPY (SELECT * FROM messages WHERE evidence_id = 1) TO '${join(t.dir, 'one.parquet')}' (FORMAT parquet)`);
    const p = await ingestFiles(h2, [join(t.dir, 'one.parquet')]);
    assert.equal(p.files[0]!.messages, records.length);
    await closeCase(h2);
  } finally {
    t.done();
  }
});

test('CSV with a header mapping', async () => {
  const t = tmpDir('csv');
  try {
    const csv = join(t.dir, 'x.csv');
    writeFileSync(csv, 'No,Time,Src GT,Dst GT,IMSI,Op\n1,1781000000.5,4477001,4917001,262011234567890,2\n2,2026-06-09 10:13:20,4917001,4477001,,2\n3,bad,,,,x\n');
    const h = await openCase(join(t.dir, 'c.duckdb'));
    await assert.rejects(ingestFiles(h, [csv]), /header mapping/);
    await ingestFiles(h, [csv], { format: 'csv', csvMap: 'No=frame,Time=ts,Src GT=calling_gt,Dst GT=called_gt,IMSI=imsi,Op=opcode' });
    const rows = await caseQuery(h, 'SELECT frame, ts, ts_sec, calling_gt, imsi, opcode FROM messages ORDER BY frame');
    assert.deepEqual(rows[0], { frame: 1, ts: 1781000000.5, ts_sec: 1781000000, calling_gt: '4477001', imsi: '262011234567890', opcode: 2 });
    assert.equal(rows[1]!.ts, 1781000000);
    assert.equal(rows[2]!.ts, null);
    assert.equal(rows[2]!.opcode, null);
    await assert.rejects(ingestFiles(h, [csv], { format: 'csv', csvMap: 'No=nonsense', force: true }), /not a messages column/);
    await closeCase(h);
  } finally {
    t.done();
  }
});

test('tshark -T ek JSON of a real capture gives one row per frame', { skip: !hasTshark() ? 'tshark not installed' : false }, async () => {
  const t = tmpDir('ek');
  try {
    const cap = join(CAPTURES, 'ss7-firewall-rule-mining__test_op_code.pcap');
    const ek = join(t.dir, 'x.ek.json');
    writeFileSync(ek, execFileSync('tshark', ['-r', cap, '-T', 'ek'], { stdio: ['ignore', 'pipe', 'ignore'] }));
    const h = await openCase(join(t.dir, 'c.duckdb'));
    const r = await ingestFiles(h, [ek]);
    assert.equal(r.files[0]!.kind, 'tshark-ek');
    const rows = await caseQuery(h, 'SELECT frame, opc, called_gt, otid, opcode, family, tcap_type FROM messages');
    assert.deepEqual(rows, [{ frame: 1, opc: 4850, called_gt: '393205922000', otid: '00006374', opcode: 7, family: 'map', tcap_type: 'continue' }]);
    await closeCase(h);
  } finally {
    t.done();
  }
});

function hasTshark(): boolean {
  try {
    execFileSync('tshark', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
