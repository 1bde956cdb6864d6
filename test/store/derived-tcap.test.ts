/**
 * TCAP dialogue fields on hand-made edge cases, checked against the plain
 * definitions written as slow reference SQL: "earliest" = first by (time,
 * frame, message, component) among the rows that qualify, "unanswered" = an
 * invoke with no returnResult/returnError/reject for its invoke id from
 * another address (a correlated NOT EXISTS). The derived SQL computes these
 * with integer order keys and grouped joins for speed; it must agree on ties,
 * several components per message, answers from the invoker's own address or
 * from a third address, missing invoke ids, point-code-only senders and
 * timestamps that run against the frame order.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openCase, rebuildDerived, caseQuery, closeCase } from '../../shared/node/store/case.js';
import { tmpDir } from './helpers.js';

const COLS = ['evidence_id', 'frame', 'msg_idx', 'comp_idx', 'ts', 'opc', 'dpc', 'calling_gt', 'called_gt', 'calling_pc', 'tcap_type', 'otid', 'dtid', 'acn', 'comp_kind', 'invoke_id', 'opcode', 'op_name', 'imsi', 'msisdn', 'error_code'];
type Row = [number, number, number, number, number, number | null, number | null, string | null, string | null, number | null, string, string | null, string | null, string | null, number | null, number | null, number | null, string | null, string | null, string | null, number | null];

const A = '111000001', B = '222000002', C = '333000003';
const T = 1781000000;
const ROWS: Row[] = [
  // d1: Begin with two invokes; Continue answers invoke 1 from B; invoke 2 answered only by A itself (does not count); End from A
  [1, 1, 0, 0, T, 1, 2, A, B, null, 'begin', 'aa01', null, '0.4.0.0.1.0.2.3', 1, 1, 2, 'updateLocation', null, null, null],
  [1, 1, 0, 1, T, 1, 2, A, B, null, 'begin', 'aa01', null, '0.4.0.0.1.0.2.3', 1, 2, 7, 'insertSubscriberData', '001010123456789', null, null],
  [1, 3, 0, 0, T + 0.5, 2, 1, B, A, null, 'continue', 'bb01', 'aa01', null, 2, 1, 2, 'updateLocation', '001010999999999', '4477001', null],
  [1, 4, 0, 0, T + 0.7, 1, 2, A, B, null, 'end', null, 'bb01', null, 2, 2, 7, 'insertSubscriberData', null, null, null],
  // d2: two messages with the same timestamp (frame decides), answer from a third address C, error answer with no invoke id
  [1, 5, 0, 0, T + 1, 1, 3, A, C, null, 'begin', 'aa02', null, null, 1, 5, 45, null, null, '4477002', null],
  [1, 6, 0, 0, T + 1, 3, 1, C, A, null, 'continue', 'cc02', 'aa02', '0.4.0.0.1.0.20.3', 1, 6, 46, 'mo-forwardSM', '001010222222222', null, null],
  [1, 7, 0, 0, T + 1.2, 4, 1, '444000004', A, null, 'continue', 'dd02', 'aa02', null, 2, 5, 45, null, null, null, null],
  [1, 8, 0, 0, T + 1.3, 3, 1, C, A, null, 'end', null, 'aa02', null, 3, null, null, null, null, null, 34],
  // d3/d4: point-code-only initiator, two Begins in one frame (message 1 stored first), answers out of frame order
  [1, 9, 1, 0, T + 3, 7, 8, null, null, null, 'begin', 'aa03', null, null, 1, 1, 71, 'anyTimeInterrogation', null, '4477003', null],
  [1, 9, 0, 0, T + 3, 7, 8, null, null, null, 'begin', 'aa04', null, null, 1, 1, 22, 'sendRoutingInfo', null, null, null],
  [1, 10, 0, 0, T + 3.4, 8, 7, null, null, 8, 'end', null, 'aa03', null, 2, 1, 71, 'anyTimeInterrogation', '001010333333333', null, null],
  [1, 11, 0, 0, T + 3.2, 8, 7, null, null, null, 'abort', null, 'aa04', null, null, null, null, null, null, null, null],
  // a unidirectional message without ids (a dialogue of its own); a Continue and an End whose Begin is missing
  // (no-begin: keyed by their destination transaction, so one dialogue each)
  [1, 12, 0, -1, T + 4, 1, 2, A, B, null, 'unidirectional', null, null, null, null, null, null, null, null, null, null],
  [1, 13, 0, 0, T + 5, 2, 1, B, A, null, 'continue', 'bb05', 'aa05', null, 1, 9, 44, 'mt-forwardSM', null, null, null],
  [1, 14, 0, 0, T + 5.1, 1, 2, A, B, null, 'end', null, 'bb05', null, 2, 9, 44, null, null, null, null],
];

const lit = (v: string | number | null): string => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v}'`);

const SND = "coalesce(m.calling_gt, 'pc:' || coalesce(m.calling_pc, m.opc)::VARCHAR)";
const KEY = '{t: m.ts, f: m.frame, m: m.msg_idx, c: m.comp_idx}';
/** The definitions, written directly (struct order keys, correlated NOT EXISTS). */
const REFERENCE = `
  WITH x AS (
    SELECT dm.dialogue_id AS did, m.*, ${SND} AS snd FROM dialogue_messages dm JOIN messages m USING (evidence_id, frame, msg_idx)),
  o AS (SELECT did, arg_min(snd, ${KEY.replace(/m\./g, '')}) AS orig FROM x m WHERE comp_idx <= 0 GROUP BY did)
  SELECT m.did AS dialogue_id,
    arg_min(m.otid, ${KEY}) FILTER (WHERE m.snd = o.orig AND m.otid IS NOT NULL) AS otid,
    arg_min(m.otid, ${KEY}) FILTER (WHERE m.snd <> o.orig AND m.otid IS NOT NULL) AS dtid,
    arg_min(m.calling_gt, ${KEY}) FILTER (WHERE m.snd = o.orig) AS orig_gt,
    arg_min(coalesce(m.calling_pc, m.opc), ${KEY}) FILTER (WHERE m.snd = o.orig) AS orig_pc,
    arg_min(m.calling_gt, ${KEY}) FILTER (WHERE m.snd <> o.orig) AS resp_gt,
    arg_min(m.acn, ${KEY}) FILTER (WHERE m.acn IS NOT NULL) AS acn,
    arg_min(m.opcode, ${KEY}) FILTER (WHERE m.comp_kind = 1) AS first_opcode,
    arg_min(m.imsi, ${KEY}) FILTER (WHERE m.imsi IS NOT NULL) AS imsi,
    arg_min(m.msisdn, ${KEY}) FILTER (WHERE m.msisdn IS NOT NULL) AS msisdn,
    arg_min(m.error_code, ${KEY}) FILTER (WHERE m.error_code IS NOT NULL) AS error_code,
    (min(m.ts) FILTER (WHERE m.snd <> o.orig) - min(m.ts)) * 1000 AS response_ms,
    count(*) FILTER (WHERE m.comp_kind = 1) AS invokes,
    count(*) FILTER (WHERE m.comp_kind = 1 AND NOT EXISTS (
      SELECT 1 FROM x a WHERE a.did = m.did AND a.invoke_id = m.invoke_id AND a.comp_kind IN (2, 3, 4, 7) AND a.snd <> m.snd)) AS unanswered
  FROM x m JOIN o USING (did) GROUP BY m.did`;
const FIELDS = ['otid', 'dtid', 'orig_gt', 'orig_pc', 'resp_gt', 'acn', 'first_opcode', 'imsi', 'msisdn', 'error_code', 'response_ms', 'invokes', 'unanswered'];

test('TCAP dialogue fields agree with their plain definitions on edge cases', async () => {
  const { dir, done } = tmpDir('derived-tcap');
  const h = await openCase(join(dir, 'case.duckdb'));
  try {
    await h.conn.run(`INSERT INTO messages BY NAME SELECT * FROM (VALUES ${ROWS.map((r) => `(${r.map(lit).join(', ')})`).join(', ')}) t(${COLS.join(', ')})`);
    await rebuildDerived(h);
    const got = await caseQuery(h, `SELECT dialogue_id, ${FIELDS.join(', ')}, operations, outcome FROM dialogues WHERE kind = 'tcap' ORDER BY dialogue_id`);
    const ref = await caseQuery(h, `SELECT * FROM (${REFERENCE}) ORDER BY dialogue_id`);
    assert.equal(got.length, 7, 'dialogues: four with a Begin, two no-begin, the unidirectional message');
    assert.equal(ref.length, got.length);
    for (const [i, g] of got.entries()) {
      for (const f of FIELDS) assert.deepEqual(g[f], ref[i]![f], `dialogue ${String(g.dialogue_id)} ${f}`);
    }
    const byOtid = new Map(got.map((g) => [g.otid, g]));
    // hand-checked values, so a shared mistake in both formulations cannot pass unnoticed
    const d1 = byOtid.get('aa01')!;
    assert.deepEqual([d1.dtid, d1.invokes, d1.unanswered, d1.imsi, d1.operations, d1.outcome], ['bb01', 2, 1, '001010123456789', 'updateLocation,insertSubscriberData', 'end']);
    const d2 = byOtid.get('aa02')!;
    assert.deepEqual([d2.dtid, d2.resp_gt, d2.invokes, d2.unanswered, d2.acn, d2.error_code, d2.outcome], ['cc02', C, 2, 1, '0.4.0.0.1.0.20.3', 34, 'error']);
    const d3 = byOtid.get('aa03')!;
    assert.deepEqual([d3.orig_gt, d3.orig_pc, d3.first_opcode, d3.unanswered, d3.msisdn, d3.outcome], [null, 7, 71, 0, '4477003', 'end']);
    assert.equal(byOtid.get('aa04')!.outcome, 'abort');
  } finally {
    await closeCase(h);
    done();
  }
});
