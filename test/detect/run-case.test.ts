/** Detection over a DuckDB case: rows streamed in time order, alerts stored (and replaced on re-run), evidence names. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCase, closeCase, caseQuery, type CaseHandle } from '../../shared/node/store/case.js';
import { caseRowChunks, detectOpenCase, DetectCancelled } from '../../shared/node/detect/run-case.js';
import { alertToNdjson, withEvidenceNames } from '../../shared/node/detect/format.js';
import { parseProfile } from '../../shared/detect/profile-schema.js';
import { mapBegin, mapEnd, OPS, H, ATT, MSISDN_HOME, IMSI_HOME, resetFrames } from './build.js';

const profile = parseProfile(readFileSync(new URL('./fixtures/profile.json', import.meta.url), 'utf8'));
const lit = (v: unknown): string => (v === null || v === undefined ? 'NULL' : typeof v === 'string' ? `'${v.replace(/'/g, "''")}'` : String(v));

/** Inserts built MAP rows into the case's messages table under one evidence id. */
async function insertRows(h: CaseHandle, evidence: number, rows: ReturnType<typeof mapBegin>[]): Promise<void> {
  const cols = ['frame', 'ts', 'msg_idx', 'comp_idx', 'family', 'opc', 'dpc', 'calling_gt', 'called_gt', 'called_np', 'tcap_type', 'otid', 'dtid', 'comp_kind', 'invoke_id', 'opcode', 'imsi', 'msisdn'] as const;
  for (const r of rows) await h.conn.run(`INSERT INTO messages (evidence_id, ${cols.join(', ')}) VALUES (${evidence}, ${cols.map((c) => lit(r[c])).join(', ')})`);
}

test('detect over a case stores alerts with evidence frames and replaces them on re-run', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sigtrail-detect-test-'));
  const h = await openCase(join(dir, 'c.duckdb'));
  try {
    await h.conn.run("INSERT INTO evidence (id, name) VALUES (7, 'attack.pcap')");
    resetFrames();
    const a = mapBegin({ ts: 1_700_000_100, op: OPS.ATI, from: ATT.GT, to: H.HLR, opc: ATT.PC, dpc: H.PC_HLR, msisdn: MSISDN_HOME });
    const b = mapBegin({ ts: 1_700_000_000, op: OPS.PSI, from: ATT.GT, to: H.VLR, opc: ATT.PC, dpc: H.PC_VLR, imsi: IMSI_HOME });
    const rows = [a, mapEnd(a), b, mapEnd(b)];
    await insertRows(h, 7, rows);
    const r1 = await detectOpenCase(h, { profile });
    assert.equal(r1.rows, 4);
    const cat1 = r1.alerts.find((x) => x.detector === 'fs11-cat1');
    const cat2 = r1.alerts.find((x) => x.detector === 'fs11-cat2');
    assert.ok(cat1 && cat2, r1.alerts.map((x) => x.detector).join(','));
    assert.ok(cat2.start < cat1.start, 'rows are streamed in time order, not insertion order');
    const stored = await caseQuery(h, "SELECT id, detector, attacker_gt, victim_msisdn, frames FROM alerts WHERE detector = 'fs11-cat1'");
    assert.equal(stored.length, 1);
    assert.equal(stored[0]!.attacker_gt, ATT.GT);
    assert.equal(stored[0]!.victim_msisdn, MSISDN_HOME);
    assert.deepEqual(stored[0]!.frames, [{ evidence: '7', frame: a.frame }]);
    const line = JSON.parse(alertToNdjson(withEvidenceNames(cat1, r1.evidenceNames))) as { frames: unknown; detector: string; explanation: string };
    assert.deepEqual(line.frames, [{ evidence: 'attack.pcap', frame: a.frame }]);
    const n1 = Number((await caseQuery(h, 'SELECT count(*) AS n FROM alerts'))[0]!.n);
    const r2 = await detectOpenCase(h, { profile });
    const n2 = Number((await caseQuery(h, 'SELECT count(*) AS n FROM alerts'))[0]!.n);
    assert.equal(n1, n2, 'a re-run replaces, it does not duplicate');
    assert.deepEqual(r2.alerts.map((x) => x.id).sort(), r1.alerts.map((x) => x.id).sort(), 'stable ids');
  } finally {
    await closeCase(h);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('rows stored in time order are read without sorting, and any other storage order still comes out sorted', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sigtrail-order-test-'));
  const h = await openCase(join(dir, 'c.duckdb'));
  try {
    await h.conn.run("INSERT INTO evidence (id, name) VALUES (1, 'a.pcap'), (2, 'b.pcap')");
    const insert = async (rows: Array<[number, number, number, number, number]>): Promise<void> => {
      await h.conn.run('DELETE FROM messages');
      await h.conn.run(`INSERT INTO messages (evidence_id, frame, ts, msg_idx, comp_idx, family, tcap_type, imsi) VALUES ${rows.map(([ev, fr, ts, mi, ci]) => `(${ev}, ${fr}, ${ts}, ${mi}, ${ci}, 'map', 'begin', '2620${fr}${mi}${ci}')`).join(', ')}`);
    };
    const read = async (order: 'auto' | 'sort'): Promise<string[]> => {
      const out: string[] = [];
      for await (const chunk of caseRowChunks(h, undefined, undefined, order)) for (const r of chunk) out.push(`${r.ts}/${r.evidence_id}/${r.frame}/${r.msg_idx}/${r.comp_idx}/${r.imsi}`);
      return out;
    };
    // Enough rows for several chunks; two evidence files interleaved in time, several components per frame.
    const ordered: Array<[number, number, number, number, number]> = [];
    for (let i = 0; i < 5000; i++) ordered.push([1 + (i % 2), i, 1000 + Math.floor(i / 3), 0, 0], [1 + (i % 2), i, 1000 + Math.floor(i / 3), 0, 1]);
    const cases: Array<[string, Array<[number, number, number, number, number]>]> = [
      ['time order', ordered],
      ['reversed', [...ordered].reverse()],
      ['one row late', [...ordered.slice(0, 4000), ...ordered.slice(4001), ordered[4000]!]],
      ['a duplicated key', [...ordered.slice(0, 10), ordered[9]!, ...ordered.slice(10)]],
    ];
    for (const [name, rows] of cases) {
      await insert(rows);
      const sorted = await read('sort');
      assert.equal(sorted.length, rows.length, name);
      assert.deepEqual(await read('auto'), sorted, name);
    }
  } finally {
    await closeCase(h);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a cancelled detection throws DetectCancelled and leaves the stored alerts as they were', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sigtrail-detect-cancel-'));
  const h = await openCase(join(dir, 'c.duckdb'));
  try {
    await h.conn.run("INSERT INTO evidence (id, name) VALUES (1, 'a.pcap')");
    resetFrames();
    const a = mapBegin({ ts: 1_700_000_100, op: OPS.ATI, from: ATT.GT, to: H.HLR, opc: ATT.PC, dpc: H.PC_HLR, msisdn: MSISDN_HOME });
    await insertRows(h, 1, [a, mapEnd(a)]);
    await detectOpenCase(h, { profile });
    const before = await caseQuery(h, 'SELECT id, detector FROM alerts ORDER BY id');
    assert.ok(before.length > 0);
    await h.conn.run("UPDATE alerts SET explanation = 'kept'");
    const ctl = new AbortController();
    ctl.abort();
    await assert.rejects(detectOpenCase(h, { profile, signal: ctl.signal }), DetectCancelled);
    // cancelled mid-run (after the first chunk has been read)
    const ctl2 = new AbortController();
    await assert.rejects(detectOpenCase(h, { profile, signal: ctl2.signal, onProgress: () => ctl2.abort() }), DetectCancelled);
    const after = await caseQuery(h, 'SELECT id, detector, explanation FROM alerts ORDER BY id');
    assert.deepEqual(after.map((x) => [x.id, x.detector]), before.map((x) => [x.id, x.detector]));
    assert.ok(after.every((x) => x.explanation === 'kept'), 'alerts were not rewritten');
    // the connection still answers after a cancelled stream
    assert.equal(Number((await caseQuery(h, 'SELECT count(*) AS n FROM messages'))[0]!.n), 2);
  } finally {
    await closeCase(h);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('detection reads in stored order beside the order check, and reads again sorted when the check says the stored order is not the time order', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sigtrail-detect-order-'));
  const h = await openCase(join(dir, 'c.duckdb'));
  try {
    await h.conn.run("INSERT INTO evidence (id, name) VALUES (1, 'a.pcap')");
    resetFrames();
    const a = mapBegin({ ts: 1_700_000_100, op: OPS.ATI, from: ATT.GT, to: H.HLR, opc: ATT.PC, dpc: H.PC_HLR, msisdn: MSISDN_HOME });
    const b = mapBegin({ ts: 1_700_000_200, op: OPS.PSI, from: ATT.GT, to: H.VLR, opc: ATT.PC, dpc: H.PC_VLR, imsi: IMSI_HOME });
    const rows = [a, mapEnd(a), b, mapEnd(b)];
    const passes = async (): Promise<{ reads: number; ids: string[] }> => {
      const seen: number[] = [];
      const r = await detectOpenCase(h, { profile, write: false, onProgress: (n) => seen.push(n) });
      // onProgress counts the rows read so far: a count that does not grow starts another read.
      return { reads: 1 + seen.filter((n, i) => i > 0 && n <= seen[i - 1]!).length, ids: r.alerts.map((x) => x.id).sort() };
    };
    await insertRows(h, 1, rows);
    const inOrder = await passes();
    assert.equal(inOrder.reads, 1, 'rows stored in time order are read once');
    assert.ok(inOrder.ids.length > 0);
    // A row without a time stored first: the stored order passes the per-row check while reading (nothing is
    // smaller than the first row) but is not the time order (NULL sorts last), which only the order check sees.
    await h.conn.run('DELETE FROM messages');
    await h.conn.run(`INSERT INTO messages (evidence_id, frame, ts, msg_idx, comp_idx, family, tcap_type) VALUES (1, 999, NULL, 0, 0, 'map', 'begin')`);
    await insertRows(h, 1, rows);
    const nullFirst = await passes();
    assert.equal(nullFirst.reads, 2, 'read again, sorted');
    assert.deepEqual(nullFirst.ids, inOrder.ids);
    const sorted: string[] = [];
    for await (const chunk of caseRowChunks(h, undefined, undefined, 'sort')) for (const r of chunk) sorted.push(String(r.frame));
    assert.equal(sorted.at(-1), '999', 'the row without a time comes last in time order');
  } finally {
    await closeCase(h);
    rmSync(dir, { recursive: true, force: true });
  }
});
