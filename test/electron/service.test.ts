/**
 * The backend service over a small case built with known rows (through the
 * store's schema): alerts and triage persistence, graph, timeline, ladder,
 * message paging/filter/jump, SQL console, evidence bytes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiService, type ApiService } from '../../shared/node/api/service.js';

const dir = mkdtempSync(join(tmpdir(), 'sigtrail-svc-'));
const opts = { host: 'web' as const, stateDir: join(dir, 'state'), casesDir: join(dir, 'cases') };
const casePath = join(dir, 'cases', 'svc.duckdb');
const T = 1_700_000_000;

// A two-frame pcap whose records we know, to check raw bytes come back by file_offset.
function pcap(): Buffer {
  const hdr = Buffer.alloc(24);
  hdr.writeUInt32LE(0xa1b2c3d4, 0);
  hdr.writeUInt16LE(2, 4);
  hdr.writeUInt16LE(4, 6);
  hdr.writeUInt32LE(65535, 16);
  hdr.writeUInt32LE(1, 20);
  const rec = (bytes: number[]) => {
    const r = Buffer.alloc(16);
    r.writeUInt32LE(T, 0);
    r.writeUInt32LE(bytes.length, 8);
    r.writeUInt32LE(bytes.length, 12);
    return Buffer.concat([r, Buffer.from(bytes)]);
  };
  return Buffer.concat([hdr, rec([1, 2, 3, 4]), rec([0xde, 0xad, 0xbe, 0xef, 0x42])]);
}

async function seed(s: ApiService) {
  await s.caseCreate({ path: casePath });
  const cap = join(dir, 'two.pcap');
  writeFileSync(cap, pcap());
  return cap;
}

test('service: alerts, triage persistence, graph, timeline, ladder, messages, SQL, frame bytes', async () => {
  let s = createApiService(opts);
  try {
    const cap = await seed(s);
    // Insert known rows through the SQL surface the store documents.
    const { DuckDBInstance } = await import('@duckdb/node-api');
    await s.caseClose({});
    const inst = await DuckDBInstance.create(casePath);
    const c = await inst.connect();
    await c.run(`INSERT INTO evidence (id, path, name, size, sha256, capture_type, status) VALUES (1, '${cap}', 'two.pcap', 60, 'ab', 'pcap', 'complete')`);
    const rows: string[] = [];
    // Begin (ATI from a foreign GT), End, and an updateLocation with VLR for the victim.
    rows.push(`(1, 1, ${T + 0.5}, 24, 0, 0, 'map', 'gt1', 'gt2', 100, 200, 'begin', 'aa01', NULL, 'anyTimeInterrogation', '001010000000001', NULL, NULL, 'invoke')`);
    rows.push(`(1, 2, ${T + 0.7}, 44, 0, 0, 'map', 'gt2', 'gt1', 200, 100, 'end', NULL, 'aa01', 'anyTimeInterrogation', NULL, NULL, NULL, 'returnResultLast')`);
    for (let i = 0; i < 20; i++) rows.push(`(1, ${3 + i}, ${T + 10 + i}, -1, 0, 0, 'map', '4917000${i % 3}', '3519100', 300, 400, 'begin', 'bb${i}', NULL, 'updateLocation', '001010000000001', '491710000001', '4917000${i % 3}', 'invoke')`);
    await c.run(`INSERT INTO messages (evidence_id, frame, ts, file_offset, msg_idx, comp_idx, family, calling_gt, called_gt, opc, dpc, tcap_type, otid, dtid, op_name, imsi, msisdn, vlr, comp_kind_name) VALUES ${rows.join(',')}`);
    await c.run(`INSERT INTO alerts (id, detector, title, severity, category, techniques, start_ts, end_ts, attacker_gt, attacker_pc, victim_imsi, victim_msisdn, frames, explanation, facts)
      VALUES ('al-1', 'fs11-cat1', 'ATI from foreign GT', 'high', 'FS.11 Cat 1', ['FGT1430'], ${T + 0.5}, ${T + 0.7}, 'gt1', 100, '001010000000001', NULL, [{'evidence': '1', 'frame': 1}], 'anyTimeInterrogation from GT gt1: not a home network node', '{"count": 1}')`);
    c.closeSync();
    inst.closeSync();

    await s.caseOpen({ path: casePath });
    const alerts = await s.alerts({});
    assert.equal(alerts.length, 1);
    assert.equal(alerts[0]!.status, 'new');
    assert.equal(alerts[0]!.severity, 'high');
    assert.match(alerts[0]!.attacker, /GT \+gt1 · PC 100/);
    const d = await s.alertDetail({ id: 'al-1' });
    assert.deepEqual(d.techniques, ['FGT1430']);
    assert.equal(d.facts.count, 1);
    assert.equal(d.evidenceFrames[0]!.row?.op_name, 'anyTimeInterrogation');
    assert.equal(d.graphNode, 'gt:gt1');
    assert.equal(d.dialogue, '1:1');

    await s.triageSet({ alertId: 'al-1', status: 'confirmed', tags: ['tracking', 'e2e'], note: 'seen twice' });
    await s.close();
    s = createApiService(opts);
    await s.caseOpen({ path: casePath });
    const again = await s.alertDetail({ id: 'al-1' });
    assert.equal(again.status, 'confirmed', 'triage survives reopening the case');
    assert.deepEqual(again.tags, ['tracking', 'e2e']);
    assert.equal(again.note, 'seen twice');
    assert.ok(again.history.some((h) => h.action === 'triage' && /new → confirmed/.test(h.detail)), JSON.stringify(again.history));
    assert.equal((await s.alerts({ status: 'confirmed' })).length, 1);
    assert.equal((await s.alerts({ status: 'new' })).length, 0);

    const g = await s.graph({});
    assert.ok(g.nodes.some((n) => n.id === 'gt:gt1' && n.alerts === 1 && n.maxSeverity === 'high'));
    assert.ok(g.edges.some((e) => e.source === 'gt:gt1' && e.target === 'gt:gt2' && e.messages === 1));
    assert.equal((await s.graph({ from: T + 5 })).nodes.some((n) => n.id === 'gt:gt1'), false, 'time window filters');
    const nd = await s.nodeDetail({ id: 'gt:gt1' });
    assert.equal(nd.alerts.length, 1);
    assert.deepEqual(nd.peers.map((p) => [p.id, p.sent, p.received]), [['gt:gt2', 1, 1]]);

    const tl = await s.timeline({ imsi: '001010000000001' });
    assert.equal(tl.subscriber.msisdn, '491710000001', 'MSISDN resolved from the IMSI');
    assert.equal(tl.events.ts.length, 22, 'the End answering the ATI joins by transaction id');
    assert.equal(tl.alerts.length, 1);
    assert.ok(tl.locations.length >= 2 && tl.locations.every((l) => l.country === 'Germany'), JSON.stringify(tl.locations.slice(0, 2)));

    const l = await s.ladder({ evidence: '1', frame: 2 });
    assert.deepEqual(l.messages.map((m) => m.frame), [1, 2]);
    assert.deepEqual(l.parties, ['+gt1', '+gt2']);

    const page = await s.messages({ filter: 'op_name == updateLocation and calling_gt ~ "2$"', limit: 5 });
    assert.equal(page.total, 6);
    const ix = await s.messageIndex({ frame: 5 });
    assert.equal(ix.index, 4);
    await assert.rejects(s.messages({ filter: 'bogus == 1' }), /filter: unknown column 'bogus'/);
    const exp = await s.messagesExport({ filter: 'frame <= 2', columns: ['frame', 'op_name'] });
    assert.equal(exp.csv, 'frame,op_name\n1,anyTimeInterrogation\n2,anyTimeInterrogation\n');

    const fd = await s.frameDetail({ evidence: '1', frame: 2 });
    assert.equal(fd.hex, 'deadbeef42', 'raw bytes re-read from the evidence by file_offset');
    assert.equal(fd.linkType, 1);
    const fd3 = await s.frameDetail({ evidence: '1', frame: 3 });
    assert.equal(fd3.hex, null);
    assert.match(fd3.bytesError ?? '', /no file offset recorded/);

    const q = await s.sql({ sql: 'SELECT op_name, count(*) AS n FROM messages GROUP BY 1 ORDER BY 2 DESC' });
    assert.deepEqual(q.rows, [['updateLocation', 20], ['anyTimeInterrogation', 2]]);
    const csv = await s.sqlCsv({ sql: "SELECT 'a,b' AS x, NULL AS y" });
    assert.equal(csv.csv, 'x,y\n"a,b",\n');
    const o = await s.overview({});
    assert.equal(o.info.messages, 22);
    assert.equal(o.alertsBySeverity.find((a) => a.severity === 'high')?.count, 1);
    assert.equal(o.histogram.counts.reduce((a, b) => a + b, 0), 22);
  } finally {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
