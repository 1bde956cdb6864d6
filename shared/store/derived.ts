/**
 * Set-based SQL that (re)builds the derived forensic tables from `messages`:
 * dialogues (+ dialogue_messages), nodes, links, subscribers, locations, kpis.
 * Runs inside the ingest transaction, after the messages are loaded.
 *
 * TCAP stitching (ITU Q.771/Q.773 transaction rules): a Begin opens a
 * transaction at the initiator (its OTID). The responder's messages carry that
 * id as DTID and go to the initiator's address (called = initiator), the first
 * Continue also gives the responder's own id (OTID). The initiator's later
 * Continues carry its OTID; its End/Abort carries only the responder's id.
 * So a message belongs to the most recent (ASOF) transaction whose key it matches:
 *   (sender, OTID)  = (initiator, Begin OTID)          initiator Begin/Continue
 *   (receiver, DTID) = (initiator, Begin OTID)         responder Continue/End/Abort
 *   (receiver, DTID) = (responder, responder OTID)     initiator Continue/End/Abort
 * An address is the SCCP GT, else the SCCP point code, else the MTP3/M3UA OPC/DPC.
 * Messages whose Begin is not in the evidence form 'no-begin' dialogues.
 * Diameter answers pair with the latest earlier request with the same
 * hop-by-hop id, end-to-end id and command code (RFC 6733 §6.2).
 *
 * Cost notes (the statements run inside the ingest transaction, where the new
 * messages and the temp tables have no statistics, so DuckDB keeps the written
 * join order and builds its hash table on the RIGHT side): `messages` is always
 * written on the left of a join (probe side, streamed) and the small per-message
 * tables on the right; wide per-row relations stream into their aggregate rather
 * than being materialised as temp tables; "earliest" picks use one integer key.
 */
import { COUNTRIES, E164_CODES, MCC_CODES, NANP_AREAS } from '../detect/geo-data.js';

export const KPI_BUCKET_SECONDS = 60;

/** SQL literal helpers. */
const q = (s: string): string => `'${s.replace(/'/g, "''")}'`;

function pairs(table: string): [string, string][] {
  return table.split(/\s+/).filter(Boolean).map((p) => p.split('|') as [string, string]);
}

/**
 * Reference tables (temp) for countries, from the detection helper's ITU-T
 * E.164 / E.212 tables (shared/detect/geo-data.ts): _ref_cc(prefix, cc, iso, name)
 * matched by longest prefix (NANP area codes as '1'+NPA), _ref_mcc(mcc, iso, name).
 */
export function refTablesSql(): string[] {
  const names = new Map<string, string>();
  for (const line of COUNTRIES.split('\n')) {
    const [iso, name] = line.trim().split('|');
    if (iso && name) names.set(iso, name);
  }
  const e164 = pairs(E164_CODES);
  const base = new Set(e164.map(([cc]) => cc).filter((cc) => cc.length <= 3));
  const baseOf = (code: string): string => {
    for (let l = 3; l >= 1; l--) if (base.has(code.slice(0, l))) return code.slice(0, l);
    return code;
  };
  const cc = [...e164.map(([code, iso]) => [code, code.length > 3 ? baseOf(code) : code, iso] as const), ...pairs(NANP_AREAS).map(([npa, iso]) => ['1' + npa, '1', iso] as const)];
  return [
    `CREATE OR REPLACE TEMP TABLE _ref_cc AS SELECT * FROM (VALUES ${cc.map(([p, c, iso]) => `(${q(p)}, ${q(c)}, ${q(iso)}, ${q(names.get(iso) ?? iso)})`).join(', ')}) t(prefix, cc, iso, name)`,
    `CREATE OR REPLACE TEMP TABLE _ref_mcc AS SELECT * FROM (VALUES ${pairs(MCC_CODES).map(([mcc, iso]) => `(${q(mcc)}, ${q(iso)}, ${q(names.get(iso) ?? iso)})`).join(', ')}) t(mcc, iso, name)`,
  ];
}

export interface ProfileMatch {
  /** 'gt' prefix, 'pc' exact, 'host' exact, 'realm' suffix. */
  kind: 'gt' | 'pc' | 'host' | 'realm';
  value: string;
  network: string;
  relation: 'home' | 'partner';
  role: string | null;
}

export function profileTableSql(rows: ProfileMatch[]): string[] {
  const head = 'CREATE OR REPLACE TEMP TABLE _prof (kind VARCHAR, value VARCHAR, network VARCHAR, relation VARCHAR, role VARCHAR)';
  if (!rows.length) return [head];
  const vals = rows.map((r) => `(${q(r.kind)}, ${q(r.value)}, ${q(r.network)}, ${q(r.relation)}, ${r.role ? q(r.role) : 'NULL'})`);
  return [head, `INSERT INTO _prof VALUES ${vals.join(', ')}`];
}

const SND = `coalesce(calling_gt, 'pc:' || coalesce(calling_pc, opc)::VARCHAR)`;
const RCV = `coalesce(called_gt, 'pc:' || coalesce(called_pc, dpc)::VARCHAR)`;
/** SND of the row aliased m. */
const SND_M = `coalesce(m.calling_gt, 'pc:' || coalesce(m.calling_pc, m.opc)::VARCHAR)`;

export function dialoguesSql(): string[] {
  return [
    'DELETE FROM dialogues',
    'DELETE FROM dialogue_messages',
    // one row per TCAP message (its first component row)
    `CREATE OR REPLACE TEMP TABLE _tm AS
     SELECT evidence_id, frame, msg_idx, ts, tcap_type, otid, dtid, ${SND} AS snd, ${RCV} AS rcv,
            row_number() OVER (ORDER BY ts, frame, msg_idx) AS mo
     FROM messages WHERE tcap_type IS NOT NULL AND comp_idx <= 0`,
    `CREATE OR REPLACE TEMP TABLE _b AS
     SELECT evidence_id, snd, otid, ts AS bts, row_number() OVER (ORDER BY evidence_id, ts, frame, msg_idx) AS did
     FROM _tm WHERE tcap_type = 'begin' AND otid IS NOT NULL`,
    // (equality hash joins + latest-earlier pick: faster than ASOF inside a transaction)
    `CREATE OR REPLACE TEMP TABLE _mab AS
     SELECT t.evidence_id, t.frame, t.msg_idx, any_value(t.snd) AS snd, any_value(t.otid) AS otid, any_value(t.ts) AS ts,
            arg_max(b.did, b.bts) AS did, max(b.bts) AS bts, 'a' AS via
       FROM _tm t JOIN _b b ON t.evidence_id = b.evidence_id AND t.snd = b.snd AND t.otid = b.otid AND t.ts >= b.bts
      WHERE t.tcap_type IN ('begin', 'continue') GROUP BY t.evidence_id, t.frame, t.msg_idx
     UNION ALL
     SELECT t.evidence_id, t.frame, t.msg_idx, any_value(t.snd), any_value(t.otid), any_value(t.ts),
            arg_max(b.did, b.bts), max(b.bts), 'b'
       FROM _tm t JOIN _b b ON t.evidence_id = b.evidence_id AND t.rcv = b.snd AND t.dtid = b.otid AND t.ts >= b.bts
      WHERE t.dtid IS NOT NULL GROUP BY t.evidence_id, t.frame, t.msg_idx`,
    // responder transaction ids learnt from the responder's Continue
    `CREATE OR REPLACE TEMP TABLE _r AS
     SELECT evidence_id, snd, otid, did, min(bts) AS bts, min(ts) AS rts FROM _mab
      WHERE via = 'b' AND otid IS NOT NULL GROUP BY evidence_id, snd, otid, did`,
    `CREATE OR REPLACE TEMP TABLE _m AS
     SELECT evidence_id, frame, msg_idx, did, bts FROM _mab
     UNION ALL
     SELECT t.evidence_id, t.frame, t.msg_idx, arg_max(r.did, r.rts), max(r.bts)
       FROM _tm t JOIN _r r ON t.evidence_id = r.evidence_id AND t.rcv = r.snd AND t.dtid = r.otid AND t.ts >= r.rts
      WHERE t.dtid IS NOT NULL GROUP BY t.evidence_id, t.frame, t.msg_idx`,
    `CREATE OR REPLACE TEMP TABLE _dm AS
     WITH best AS (SELECT evidence_id, frame, msg_idx, arg_max(did, bts) AS did FROM _m GROUP BY ALL),
     maxd AS (SELECT coalesce(max(did), 0) AS m FROM _b),
     orphan AS (
       SELECT t.evidence_id, t.frame, t.msg_idx,
              coalesce(CASE WHEN t.tcap_type = 'unidirectional' THEN NULL
                            WHEN t.dtid IS NOT NULL THEN t.rcv || '|' || t.dtid ELSE t.snd || '|' || t.otid END,
                       'x|' || t.frame || '|' || t.msg_idx) AS k
         FROM _tm t ANTI JOIN best USING (evidence_id, frame, msg_idx))
     SELECT evidence_id, frame, msg_idx, did FROM best
     UNION ALL
     SELECT evidence_id, frame, msg_idx, (SELECT m FROM maxd) + dense_rank() OVER (ORDER BY evidence_id, k) AS did FROM orphan`,
    `INSERT INTO dialogue_messages SELECT evidence_id, frame, msg_idx, did FROM _dm`,
    // initiator of each dialogue = sender of its first message (by time, then frame and message: mo)
    `CREATE OR REPLACE TEMP TABLE _do AS
     SELECT d.evidence_id, d.frame, d.msg_idx, d.did, o.orig FROM _dm d JOIN (
       SELECT d.did, arg_min(t.snd, t.mo) AS orig FROM _dm d JOIN _tm t USING (evidence_id, frame, msg_idx) GROUP BY d.did) o USING (did)`,
    // one narrow pass over the dialogues' message rows (all components): the dialogue, the row's place in
    // (time, frame, message, component) order as one integer (cheaper to compare than a struct), whether
    // the initiator sent it, and the invoke/answer fields; the wide columns are fetched later by rowid.
    `CREATE OR REPLACE TEMP TABLE _ord AS
     SELECT m.rowid AS rid, d.did, ${SND_M} = d.orig AS iso, row_number() OVER (ORDER BY m.ts, m.frame, m.msg_idx, m.comp_idx) AS o,
            m.comp_kind, m.invoke_id, CASE WHEN m.comp_kind IN (1, 2, 3, 4, 7) THEN ${SND_M} END AS snd
       FROM messages m JOIN _do d USING (evidence_id, frame, msg_idx)`,
    // invokes per dialogue, and those with no answer (returnResult/Error/reject with the same invoke id from another address)
    `CREATE OR REPLACE TEMP TABLE _inv AS
     WITH a AS (
       SELECT did, invoke_id, count(DISTINCT snd) AS n, min(snd) AS s FROM _ord
        WHERE comp_kind IN (2, 3, 4, 7) AND invoke_id IS NOT NULL AND snd IS NOT NULL GROUP BY did, invoke_id)
     SELECT i.did, count(*) AS invokes, count(*) FILTER (WHERE NOT coalesce(i.snd IS NOT NULL AND (a.n >= 2 OR a.s <> i.snd), false)) AS unanswered
       FROM _ord i LEFT JOIN a ON a.did = i.did AND a.invoke_id = i.invoke_id
      WHERE i.comp_kind = 1 GROUP BY i.did`,
    // earliest by (time, frame, message, component): components of one message share a timestamp
    `INSERT INTO dialogues
     SELECT g.did, g.ev, 'tcap', g.orig_tid, g.resp_tid, NULL, NULL, NULL, g.orig_gt, g.orig_pc, g.dest_gt, g.dest_pc, g.resp_gt,
            NULL, NULL, NULL, NULL, g.acn, g.ac_name, g.ops, g.opcode, g.imsi, g.msisdn, g.outcome, g.error_code,
            g.t0, g.t1, g.dur, g.resp_ms, g.msgs, coalesce(i.invokes, 0), coalesce(i.unanswered, 0), g.frame, g.frames
     FROM (
       SELECT k.did, any_value(m.evidence_id) AS ev,
         arg_min(m.otid, k.o) FILTER (WHERE k.iso AND m.otid IS NOT NULL) AS orig_tid,
         arg_min(m.otid, k.o) FILTER (WHERE NOT k.iso AND m.otid IS NOT NULL) AS resp_tid,
         arg_min(m.calling_gt, k.o) FILTER (WHERE k.iso) AS orig_gt,
         arg_min(coalesce(m.calling_pc, m.opc), k.o) FILTER (WHERE k.iso) AS orig_pc,
         arg_min(m.called_gt, k.o) FILTER (WHERE k.iso) AS dest_gt,
         arg_min(coalesce(m.called_pc, m.dpc), k.o) FILTER (WHERE k.iso) AS dest_pc,
         arg_min(m.calling_gt, k.o) FILTER (WHERE NOT k.iso) AS resp_gt,
         arg_min(m.acn, k.o) FILTER (WHERE m.acn IS NOT NULL) AS acn,
         arg_min(m.ac_name, k.o) FILTER (WHERE m.ac_name IS NOT NULL) AS ac_name,
         array_to_string(list_transform(list_sort(list({'f': m.frame, 'm': m.msg_idx, 'c': m.comp_idx, 'o': coalesce(m.op_name, m.opcode::VARCHAR, m.global_opcode)}) FILTER (WHERE m.comp_kind = 1)), e -> e.o), ',') AS ops,
         arg_min(m.opcode, k.o) FILTER (WHERE m.comp_kind = 1) AS opcode,
         arg_min(m.imsi, k.o) FILTER (WHERE m.imsi IS NOT NULL) AS imsi,
         arg_min(m.msisdn, k.o) FILTER (WHERE m.msisdn IS NOT NULL) AS msisdn,
         CASE WHEN bool_and(m.tcap_type = 'unidirectional') THEN 'unidirectional'
              WHEN bool_or(m.tcap_type = 'abort') THEN 'abort'
              WHEN bool_or(m.comp_kind IN (3, 4)) THEN 'error'
              WHEN bool_or(m.tcap_type = 'end') THEN 'end'
              WHEN NOT bool_or(m.tcap_type = 'begin') THEN 'no-begin'
              ELSE 'timeout' END AS outcome,
         arg_min(m.error_code, k.o) FILTER (WHERE m.error_code IS NOT NULL) AS error_code,
         min(m.ts) AS t0, max(m.ts) AS t1, (max(m.ts) - min(m.ts)) * 1000 AS dur,
         (min(m.ts) FILTER (WHERE NOT k.iso) - min(m.ts)) * 1000 AS resp_ms,
         count(*) FILTER (WHERE m.comp_idx <= 0) AS msgs,
         min(m.frame) AS frame,
         list_sort(list(m.frame) FILTER (WHERE m.comp_idx <= 0)) AS frames
       FROM messages m JOIN _ord k ON m.rowid = k.rid GROUP BY k.did) g
     LEFT JOIN _inv i USING (did)`,
    // Diameter request/answer pairs
    `CREATE OR REPLACE TEMP TABLE _dq AS
     SELECT evidence_id, frame, msg_idx, ts, hbh, e2e, diam_cmd,
            (SELECT coalesce(max(dialogue_id), 0) FROM dialogues) + row_number() OVER (ORDER BY evidence_id, ts, frame, msg_idx) AS did
       FROM messages WHERE diam_cmd IS NOT NULL AND diam_request`,
    `CREATE OR REPLACE TEMP TABLE _dpair AS
     SELECT a.evidence_id, a.frame, a.msg_idx, arg_max(r.did, r.ts) AS did
       FROM (SELECT evidence_id, frame, msg_idx, hbh, e2e, diam_cmd, ts FROM messages WHERE diam_cmd IS NOT NULL AND NOT diam_request) a
       JOIN _dq r ON a.evidence_id = r.evidence_id AND a.hbh = r.hbh AND a.e2e = r.e2e AND a.diam_cmd = r.diam_cmd AND a.ts >= r.ts
      GROUP BY a.evidence_id, a.frame, a.msg_idx`,
    `CREATE OR REPLACE TEMP TABLE _ddm AS
     WITH ans AS (SELECT evidence_id, frame, msg_idx, did FROM _dpair),
     orphan AS (
       SELECT m.evidence_id, m.frame, m.msg_idx FROM messages m
        ANTI JOIN ans USING (evidence_id, frame, msg_idx)
        WHERE m.diam_cmd IS NOT NULL AND NOT m.diam_request)
     SELECT evidence_id, frame, msg_idx, did FROM _dq
     UNION ALL SELECT evidence_id, frame, msg_idx, did FROM ans
     UNION ALL SELECT evidence_id, frame, msg_idx,
       (SELECT coalesce(max(did), (SELECT coalesce(max(dialogue_id), 0) FROM dialogues)) FROM _dq) + row_number() OVER (ORDER BY evidence_id, frame, msg_idx) FROM orphan`,
    `INSERT INTO dialogue_messages SELECT evidence_id, frame, msg_idx, did FROM _ddm`,
    `INSERT INTO dialogues
     SELECT d.did, any_value(m.evidence_id), 'diameter', NULL, NULL,
       any_value(m.hbh), any_value(m.e2e),
       arg_min(m.session_id, m.ts) FILTER (WHERE m.session_id IS NOT NULL),
       NULL, NULL, NULL, NULL, NULL,
       arg_min(m.origin_host, m.ts) FILTER (WHERE m.diam_request),
       arg_min(m.origin_realm, m.ts) FILTER (WHERE m.diam_request),
       coalesce(arg_min(m.origin_host, m.ts) FILTER (WHERE NOT m.diam_request), arg_min(m.dest_host, m.ts) FILTER (WHERE m.diam_request)),
       arg_min(m.dest_realm, m.ts) FILTER (WHERE m.diam_request),
       any_value(m.diam_app)::VARCHAR, NULL,
       arg_min(coalesce(m.diam_cmd_name, m.diam_cmd::VARCHAR), m.ts) FILTER (WHERE m.diam_request),
       any_value(m.diam_cmd),
       arg_min(m.imsi, m.ts) FILTER (WHERE m.imsi IS NOT NULL),
       arg_min(m.msisdn, m.ts) FILTER (WHERE m.msisdn IS NOT NULL),
       CASE WHEN NOT bool_or(m.diam_request) THEN 'no-begin'
            WHEN NOT bool_or(NOT m.diam_request) THEN 'timeout'
            WHEN bool_or(NOT m.diam_request AND coalesce(m.result_code, m.exp_result) IS NOT NULL AND coalesce(m.result_code, m.exp_result) NOT BETWEEN 2000 AND 2999) THEN 'error'
            ELSE 'end' END,
       arg_min(coalesce(m.result_code, m.exp_result), m.ts) FILTER (WHERE NOT m.diam_request AND coalesce(m.result_code, m.exp_result) NOT BETWEEN 2000 AND 2999),
       min(m.ts), max(m.ts), (max(m.ts) - min(m.ts)) * 1000,
       (min(m.ts) FILTER (WHERE NOT m.diam_request) - min(m.ts) FILTER (WHERE m.diam_request)) * 1000,
       count(*), count(*) FILTER (WHERE m.diam_request),
       CASE WHEN bool_or(NOT m.diam_request) THEN 0 ELSE count(*) FILTER (WHERE m.diam_request) END,
       min(m.frame), list_sort(list(m.frame))
     FROM messages m JOIN _ddm d USING (evidence_id, frame, msg_idx) GROUP BY d.did`,
    'DROP TABLE IF EXISTS _tm', 'DROP TABLE IF EXISTS _b', 'DROP TABLE IF EXISTS _mab', 'DROP TABLE IF EXISTS _r', 'DROP TABLE IF EXISTS _m',
    'DROP TABLE IF EXISTS _dm', 'DROP TABLE IF EXISTS _do', 'DROP TABLE IF EXISTS _ord', 'DROP TABLE IF EXISTS _inv', 'DROP TABLE IF EXISTS _dq', 'DROP TABLE IF EXISTS _dpair', 'DROP TABLE IF EXISTS _ddm',
  ];
}

/** Longest E.164 CC prefix of a digit string column `col` → iso (subquery). */
const ccOf = (col: string, what: 'iso' | 'cc' | 'name'): string =>
  `(SELECT arg_max(r.${what}, length(r.prefix)) FROM _ref_cc r WHERE starts_with(${col}, r.prefix))`;

const mccOfRealm = (col: string): string =>
  `(SELECT r.iso FROM _ref_mcc r WHERE r.mcc = regexp_extract(${col}, 'mcc(\\d{3})', 1))`;

export function nodesSql(): string[] {
  return [
    'DELETE FROM nodes',
    // per-branch pre-aggregation keeps the intermediate small (distinct node/peer pairs, not messages)
    `CREATE OR REPLACE TEMP TABLE _ev AS
     WITH m AS (SELECT calling_gt, called_gt, calling_ssn, called_ssn, opc, dpc, ts FROM messages WHERE comp_idx <= 0)
     SELECT calling_gt AS node, 'gt' AS kind, called_gt AS peer, calling_ssn AS ssn, NULL::VARCHAR AS drole, min(ts) AS f, max(ts) AS l, count(*) AS s, 0 AS r FROM m WHERE calling_gt IS NOT NULL GROUP BY ALL
     UNION ALL SELECT called_gt, 'gt', calling_gt, called_ssn, NULL, min(ts), max(ts), 0, count(*) FROM m WHERE called_gt IS NOT NULL GROUP BY ALL
     UNION ALL SELECT 'pc:' || opc, 'pc', 'pc:' || dpc, NULL, NULL, min(ts), max(ts), count(*), 0 FROM m WHERE opc IS NOT NULL GROUP BY opc, dpc
     UNION ALL SELECT 'pc:' || dpc, 'pc', 'pc:' || opc, NULL, NULL, min(ts), max(ts), 0, count(*) FROM m WHERE dpc IS NOT NULL GROUP BY opc, dpc
     UNION ALL SELECT origin_host, 'host', coalesce(dest_host, dest_realm), NULL,
            CASE WHEN diam_app = 16777251 AND diam_request THEN 'mme' WHEN diam_app = 16777251 AND NOT diam_request THEN 'hss' END,
            min(ts), max(ts), count(*), 0
       FROM messages WHERE origin_host IS NOT NULL GROUP BY origin_host, coalesce(dest_host, dest_realm), diam_app, diam_request
     UNION ALL SELECT dest_host, 'host', origin_host, NULL, NULL, min(ts), max(ts), 0, count(*) FROM messages WHERE dest_host IS NOT NULL GROUP BY ALL`,
    // ties in the busiest SSN / role are broken by value (struct keys) so a rebuild is deterministic
    `CREATE OR REPLACE TEMP TABLE _n AS
     SELECT node, kind, min(f) AS first_ts, max(l) AS last_ts, sum(s) AS sent, sum(r) AS received, count(DISTINCT peer) AS peers,
            arg_max(ssn, {'n': s + r, 'k': -ssn}) FILTER (WHERE ssn IS NOT NULL) AS ssn, arg_max(drole, {'n': s + r, 'k': drole}) FILTER (WHERE drole IS NOT NULL) AS drole
       FROM _ev GROUP BY node, kind`,
    `INSERT INTO nodes
     SELECT n.node, n.kind,
       CASE WHEN n.kind = 'gt' THEN ${ccOf('n.node', 'iso')} WHEN n.kind = 'host' THEN ${mccOfRealm('n.node')} END AS country,
       CASE WHEN n.kind = 'gt' THEN ${ccOf('n.node', 'name')} WHEN n.kind = 'host' THEN (SELECT r.name FROM _ref_mcc r WHERE r.mcc = regexp_extract(n.node, 'mcc(\\d{3})', 1)) END,
       CASE WHEN n.kind = 'gt' THEN ${ccOf('n.node', 'cc')} WHEN n.kind = 'host' THEN NULLIF(regexp_extract(n.node, 'mcc(\\d{3})', 1), '') END,
       p.network, CASE WHEN p.relation IS NOT NULL THEN p.relation WHEN (SELECT count(*) FROM _prof) > 0 THEN 'foreign' END,
       coalesce(p.role, n.drole, CASE n.ssn WHEN 6 THEN 'hlr' WHEN 7 THEN 'vlr' WHEN 8 THEN 'msc' WHEN 9 THEN 'eir' WHEN 10 THEN 'auc'
         WHEN 145 THEN 'gmlc' WHEN 146 THEN 'gsmscf' WHEN 147 THEN 'gsmscf' WHEN 149 THEN 'sgsn' WHEN 150 THEN 'ggsn' END),
       n.first_ts, n.last_ts, n.sent, n.received, n.peers
     FROM _n n LEFT JOIN LATERAL (
       SELECT arg_max(pr.network, length(pr.value)) AS network, arg_max(pr.relation, length(pr.value)) AS relation,
              arg_max(pr.role, CASE WHEN pr.role IS NULL THEN 0 ELSE 1000 END + length(pr.value)) AS role
         FROM _prof pr
        WHERE (n.kind = 'gt' AND pr.kind = 'gt' AND starts_with(n.node, pr.value))
           OR (n.kind = 'pc' AND pr.kind = 'pc' AND n.node = 'pc:' || pr.value)
           OR (n.kind = 'host' AND pr.kind = 'host' AND n.node = pr.value)
           OR (n.kind = 'host' AND pr.kind = 'realm' AND (n.node = pr.value OR ends_with(n.node, '.' || pr.value)))
     ) p ON true`,
    'DROP TABLE IF EXISTS _ev', 'DROP TABLE IF EXISTS _n',
  ];
}

export function linksSql(): string[] {
  const agg = 'count(*), min(ts), max(ts), arg_min(frame, ts), arg_min(evidence_id, ts)';
  return [
    'DELETE FROM links',
    // IP endpoints are grouped by address and port and formatted afterwards ("addr:port" splits at its last
    // colon, so the groups are the same) instead of concatenating strings for every message
    `INSERT INTO links
     SELECT 'mtp', 'pc:' || opc, 'pc:' || dpc, ${agg} FROM messages WHERE opc IS NOT NULL AND dpc IS NOT NULL AND comp_idx <= 0 GROUP BY opc, dpc
     UNION ALL SELECT 'gt', calling_gt, called_gt, ${agg} FROM messages WHERE calling_gt IS NOT NULL AND called_gt IS NOT NULL AND comp_idx <= 0 GROUP BY calling_gt, called_gt
     UNION ALL SELECT CASE WHEN sctp THEN 'sctp' ELSE 'ip' END, src_ip || ':' || coalesce(src_port::VARCHAR, ''), dst_ip || ':' || coalesce(dst_port::VARCHAR, ''), n, f, l, fr, ev
       FROM (SELECT ppid IS NOT NULL OR sctp_stream IS NOT NULL AS sctp, src_ip, src_port, dst_ip, dst_port,
                    count(*) AS n, min(ts) AS f, max(ts) AS l, arg_min(frame, ts) AS fr, arg_min(evidence_id, ts) AS ev
               FROM messages WHERE src_ip IS NOT NULL AND dst_ip IS NOT NULL AND comp_idx <= 0 GROUP BY ALL)
     UNION ALL SELECT 'diameter', origin_host, coalesce(dest_host, dest_realm), ${agg}
       FROM messages WHERE origin_host IS NOT NULL AND diam_request AND coalesce(dest_host, dest_realm) IS NOT NULL GROUP BY ALL`,
  ];
}

export function subscribersSql(): string[] {
  return [
    'DELETE FROM subscribers',
    `INSERT INTO subscribers
     WITH pairs AS (
       SELECT DISTINCT imsi, msisdn FROM messages WHERE imsi IS NOT NULL AND msisdn IS NOT NULL
       UNION SELECT DISTINCT imsi, msisdn FROM dialogues WHERE imsi IS NOT NULL AND msisdn IS NOT NULL),
     si AS (SELECT imsi, min(ts) AS f, max(ts) AS l, count(*) AS n FROM messages WHERE imsi IS NOT NULL GROUP BY imsi),
     sm AS (SELECT msisdn, min(ts) AS f, max(ts) AS l, count(*) AS n FROM messages WHERE msisdn IS NOT NULL GROUP BY msisdn),
     di AS (SELECT imsi, count(*) AS n FROM dialogues WHERE imsi IS NOT NULL GROUP BY imsi),
     dn AS (SELECT msisdn, count(*) AS n FROM dialogues WHERE msisdn IS NOT NULL GROUP BY msisdn)
     SELECT p.imsi, p.msisdn, least(si.f, sm.f), greatest(si.l, sm.l), coalesce(si.n, sm.n), coalesce(di.n, dn.n, 0)
       FROM pairs p LEFT JOIN si USING (imsi) LEFT JOIN sm USING (msisdn) LEFT JOIN di USING (imsi) LEFT JOIN dn USING (msisdn)
     UNION ALL
     SELECT si.imsi, NULL, si.f, si.l, si.n, coalesce(di.n, 0) FROM si LEFT JOIN di USING (imsi) ANTI JOIN pairs USING (imsi)
     UNION ALL
     SELECT NULL, sm.msisdn, sm.f, sm.l, sm.n, coalesce(dn.n, 0) FROM sm LEFT JOIN dn USING (msisdn) ANTI JOIN pairs USING (msisdn)`,
  ];
}

export function locationsSql(): string[] {
  // MAP opcodes (3GPP TS 29.002): 2 updateLocation, 23 updateGprsLocation, 22 sendRoutingInfo,
  // 45 sendRoutingInfoForSM, 70 provideSubscriberInfo, 71 anyTimeInterrogation, 83 provideSubscriberLocation.
  // Diameter S6a (TS 29.272): 316 Update-Location-Request (Origin-Host = serving MME/SGSN).
  return [
    'DELETE FROM locations',
    `INSERT INTO locations
     WITH m AS (
       SELECT evidence_id, frame, msg_idx, ts, imsi, msisdn, op_name, opcode, diam_cmd, diam_cmd_name, vlr, msc, sgsn,
              origin_host, calling_gt, visited_plmn, cgi, lai, age_of_location
         FROM messages
        WHERE (comp_kind = 1 AND opcode IN (2, 23))
           OR (is_result AND opcode IN (22, 45, 70, 71, 83))
           OR (diam_cmd = 316 AND diam_request)),
     -- the dialogue's subscriber, for these few messages only (hash tables built on the small side)
     dd AS (
       SELECT dm.evidence_id, dm.frame, dm.msg_idx, d.imsi AS d_imsi, d.msisdn AS d_msisdn
         FROM dialogues d JOIN (SELECT * FROM dialogue_messages SEMI JOIN m USING (evidence_id, frame, msg_idx)) dm ON d.dialogue_id = dm.dialogue_id),
     ev AS (SELECT m.*, dd.d_imsi, dd.d_msisdn FROM m LEFT JOIN dd USING (evidence_id, frame, msg_idx)),
     ev2 AS (
       SELECT *, CASE WHEN diam_cmd = 316 THEN 'mme' WHEN opcode = 23 THEN 'sgsn' WHEN vlr IS NOT NULL THEN 'vlr' WHEN msc IS NOT NULL THEN 'msc' WHEN sgsn IS NOT NULL THEN 'sgsn' END AS skind,
              CASE WHEN diam_cmd = 316 THEN origin_host WHEN opcode = 23 THEN coalesce(sgsn, calling_gt) ELSE coalesce(vlr, msc, sgsn) END AS serving
         FROM ev)
     SELECT coalesce(imsi, d_imsi), coalesce(msisdn, d_msisdn), ts,
            coalesce(op_name, diam_cmd_name, CASE WHEN diam_cmd = 316 THEN 'ULR' END, 'opcode ' || opcode::VARCHAR),
            skind, serving,
            CASE WHEN diam_cmd = 316 THEN (SELECT r.iso FROM _ref_mcc r WHERE r.mcc = substr(visited_plmn, 1, 3))
                 ELSE ${ccOf('serving', 'iso')} END,
            cgi, lai, age_of_location, evidence_id, frame
       FROM ev2
      WHERE coalesce(imsi, d_imsi, msisdn, d_msisdn) IS NOT NULL AND (serving IS NOT NULL OR cgi IS NOT NULL OR lai IS NOT NULL)`,
  ];
}

export function kpisSql(): string[] {
  const b = KPI_BUCKET_SECONDS;
  const bucket = (col: string): string => `to_timestamp(floor(${col} / ${b}) * ${b})`;
  return [
    'DELETE FROM kpis',
    // grouped by the integer bucket and point codes, formatted after aggregation (same groups: both maps are one-to-one);
    // the three response-time quantiles come from one quantile state per group
    `INSERT INTO kpis
     SELECT to_timestamp(bk * ${b}), 'link', 'pc:' || opc, 'pc:' || dpc, n, n / ${b}.0,
            NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
       FROM (SELECT floor(ts / ${b}) AS bk, opc, dpc, count(*) AS n
               FROM messages WHERE opc IS NOT NULL AND dpc IS NOT NULL AND comp_idx <= 0 GROUP BY ALL)
     UNION ALL
     SELECT bk, kind, a, z, msgs, msgs / ${b}.0, n, q[1], q[2], q[3], errs, aborts, errs / n, aborts / n, unans
       FROM (SELECT ${bucket('start_ts')} AS bk, CASE kind WHEN 'tcap' THEN 'tcap-peer' ELSE 'diameter-peer' END AS kind,
                    CASE kind WHEN 'tcap' THEN coalesce(orig_gt, 'pc:' || orig_pc::VARCHAR) ELSE orig_host END AS a,
                    CASE kind WHEN 'tcap' THEN coalesce(resp_gt, dest_gt, 'pc:' || dest_pc::VARCHAR) ELSE dest_host END AS z,
                    sum(messages) AS msgs, count(*) AS n, quantile_cont(response_ms, [0.5, 0.9, 0.99]) AS q,
                    count(*) FILTER (WHERE outcome = 'error') AS errs, count(*) FILTER (WHERE outcome = 'abort') AS aborts,
                    sum(unanswered) AS unans
               FROM dialogues GROUP BY ALL)`,
  ];
}

/** Every statement that rebuilds the derived tables, in order. */
export function derivedSql(profile: ProfileMatch[] = []): string[] {
  return [...refTablesSql(), ...profileTableSql(profile), ...dialoguesSql(), ...nodesSql(), ...linksSql(), ...subscribersSql(), ...locationsSql(), ...kpisSql()];
}
