/**
 * Mappers from exported metadata (tshark fields by name: the oracle TSV, tshark
 * -T ek JSON; user CSV with a header mapping) onto the `messages` columns.
 * One table drives both the JS mapper (ek, line by line in the worker) and the
 * SQL mapper (TSV / CSV, set-based inside DuckDB).
 */
import type { MsgRow } from '../model/row.js';
import { MESSAGE_COLUMNS, type SqlType } from './schema.js';

/** How a tshark cell is read: integer (decimal or 0x hex), string, boolean, TCAP message-type marker. */
type Kind = 'int' | 'str' | 'bool' | 'mark' | 'tid';

interface FieldMap {
  /** tshark field name (dots), also matched with dots as underscores (ek). */
  field: string;
  column: keyof MsgRow;
  kind: Kind;
  /** For 'mark': the tcap_type value when the marker is present. */
  mark?: string;
}

export const TSHARK_FIELD_MAP: readonly FieldMap[] = [
  { field: 'frame.number', column: 'frame', kind: 'int' },
  { field: 'msg_idx', column: 'msg_idx', kind: 'int' },
  { field: 'comp_idx', column: 'comp_idx', kind: 'int' },
  { field: 'msg_protos', column: 'protos', kind: 'str' },
  { field: 'frame.protocols', column: 'protos', kind: 'str' },
  { field: 'ip.src', column: 'src_ip', kind: 'str' },
  { field: 'ip.dst', column: 'dst_ip', kind: 'str' },
  { field: 'ipv6.src', column: 'src_ip', kind: 'str' },
  { field: 'ipv6.dst', column: 'dst_ip', kind: 'str' },
  { field: 'sctp.srcport', column: 'src_port', kind: 'int' },
  { field: 'sctp.dstport', column: 'dst_port', kind: 'int' },
  { field: 'tcp.srcport', column: 'src_port', kind: 'int' },
  { field: 'tcp.dstport', column: 'dst_port', kind: 'int' },
  { field: 'sctp.data_sid', column: 'sctp_stream', kind: 'int' },
  { field: 'sctp.data_payload_proto_id', column: 'ppid', kind: 'int' },
  { field: 'm3ua.message_class', column: 'm3ua_class', kind: 'int' },
  { field: 'm3ua.message_type', column: 'm3ua_type', kind: 'int' },
  { field: 'm3ua.protocol_data_opc', column: 'opc', kind: 'int' },
  { field: 'm3ua.protocol_data_dpc', column: 'dpc', kind: 'int' },
  { field: 'm3ua.protocol_data_si', column: 'si', kind: 'int' },
  { field: 'mtp3.opc', column: 'opc', kind: 'int' },
  { field: 'mtp3.dpc', column: 'dpc', kind: 'int' },
  { field: 'sccp.message_type', column: 'sccp_type', kind: 'int' },
  { field: 'sccp.called.ssn', column: 'called_ssn', kind: 'int' },
  { field: 'sccp.calling.ssn', column: 'calling_ssn', kind: 'int' },
  { field: 'sccp.called.digits', column: 'called_gt', kind: 'str' },
  { field: 'sccp.calling.digits', column: 'calling_gt', kind: 'str' },
  { field: 'tcap.otid', column: 'otid', kind: 'tid' },
  { field: 'tcap.dtid', column: 'dtid', kind: 'tid' },
  { field: 'tcap.begin_element', column: 'tcap_type', kind: 'mark', mark: 'begin' },
  { field: 'tcap.continue_element', column: 'tcap_type', kind: 'mark', mark: 'continue' },
  { field: 'tcap.end_element', column: 'tcap_type', kind: 'mark', mark: 'end' },
  { field: 'tcap.abort_element', column: 'tcap_type', kind: 'mark', mark: 'abort' },
  { field: 'gsm_map.old.Component', column: 'comp_kind', kind: 'int' },
  { field: 'gsm_old.invokeID', column: 'invoke_id', kind: 'int' },
  { field: 'gsm_old.localValue', column: 'opcode', kind: 'int' },
  { field: 'camel.opcode', column: 'opcode', kind: 'int' },
  { field: 'e212.imsi', column: 'imsi', kind: 'str' },
  { field: 'e164.msisdn', column: 'msisdn', kind: 'str' },
  { field: 'isup.message_type', column: 'isup_type', kind: 'int' },
  { field: 'isup.cic', column: 'cic', kind: 'int' },
  { field: 'isup.called', column: 'isup_called', kind: 'str' },
  { field: 'isup.calling', column: 'isup_calling', kind: 'str' },
  { field: 'diameter.cmd.code', column: 'diam_cmd', kind: 'int' },
  { field: 'diameter.flags.request', column: 'diam_request', kind: 'bool' },
  { field: 'diameter.applicationId', column: 'diam_app', kind: 'int' },
  { field: 'diameter.hopbyhopid', column: 'hbh', kind: 'int' },
  { field: 'diameter.endtoendid', column: 'e2e', kind: 'int' },
  { field: 'diameter.Session-Id', column: 'session_id', kind: 'str' },
  { field: 'diameter.Origin-Host', column: 'origin_host', kind: 'str' },
  { field: 'diameter.Origin-Realm', column: 'origin_realm', kind: 'str' },
  { field: 'diameter.Destination-Host', column: 'dest_host', kind: 'str' },
  { field: 'diameter.Destination-Realm', column: 'dest_realm', kind: 'str' },
  { field: 'diameter.User-Name', column: 'imsi', kind: 'str' },
  { field: 'diameter.Result-Code', column: 'result_code', kind: 'int' },
];

const norm = (f: string): string => f.replace(/\./g, '_').toLowerCase();
const BY_NORM = new Map<string, FieldMap[]>();
for (const f of TSHARK_FIELD_MAP) {
  const k = norm(f.field);
  const l = BY_NORM.get(k);
  if (l) l.push(f);
  else BY_NORM.set(k, [f]);
}

export function emptyRow(): MsgRow {
  const r: Record<string, unknown> = {};
  for (const c of MESSAGE_COLUMNS) r[c.name] = null;
  r.retrans = false;
  r.file_offset = -1;
  r.msg_idx = 0;
  r.comp_idx = -1;
  r.protos = '';
  r.family = 'unknown';
  return r as unknown as MsgRow;
}

function parseInt0x(s: string): number | null {
  const t = s.trim();
  if (!t) return null;
  const v = /^0x[0-9a-f]+$/i.test(t) ? parseInt(t, 16) : Number(t);
  return Number.isFinite(v) ? v : null;
}

/** Epoch text 'S.fffffffff' → [sec, nsec]. */
export function parseEpoch(s: string): [number, number] | null {
  const m = /^(\d+)(?:\.(\d{1,9}))?/.exec(s.trim());
  if (!m) return null;
  return [Number(m[1]), Number((m[2] ?? '').padEnd(9, '0'))];
}

/** Family from the filled columns (same precedence as flattenRecord). */
export function inferFamily(r: MsgRow): string {
  if (r.diam_cmd != null) return 'diameter';
  const p = r.protos;
  if (p.includes('camel')) return 'cap';
  if (p.includes('gsm_map') || r.comp_kind != null) return 'map';
  if (r.isup_type != null || p.includes('isup')) return 'isup';
  if (r.tcap_type != null || p.includes('tcap')) return 'tcap';
  if (r.sccp_type != null || p.includes('sccp')) return 'sccp';
  if (r.opc != null && r.m3ua_class == null) return 'mtp3';
  if (r.m3ua_class != null || p.includes('m3ua')) return 'm3ua';
  const last = p.split(':').pop();
  return last || 'unknown';
}

/**
 * tshark -T ek document ('layers' object, either flat `-e` style or nested
 * per protocol) → one MsgRow per frame (first occurrence of each field).
 */
export function ekToRow(layers: Record<string, unknown>): MsgRow {
  const flat: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(layers)) {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      for (const [k2, v2] of Object.entries(v as Record<string, unknown>)) flat[k2.startsWith(k + '_') ? k2.slice(k.length + 1) : k2] = v2;
    } else flat[k] = v;
  }
  const r = emptyRow() as unknown as Record<string, unknown>;
  for (const [k, raw] of Object.entries(flat)) {
    const maps = BY_NORM.get(k.toLowerCase());
    if (!maps && k.toLowerCase() !== 'frame_time_epoch') continue;
    const v0 = Array.isArray(raw) ? raw[0] : raw;
    if (maps?.some((m) => m.kind === 'mark')) {
      // presence markers: ek writes them with a null value
      for (const m of maps) if (m.kind === 'mark') r[m.column] = m.mark;
      continue;
    }
    if (v0 == null) continue;
    const s = typeof v0 === 'string' ? v0 : String(v0);
    if (k.toLowerCase() === 'frame_time_epoch') {
      const e = parseEpoch(s);
      if (e) {
        r.ts_sec = e[0];
        r.ts_nsec = e[1];
        r.ts = e[0] + e[1] / 1e9;
      }
      continue;
    }
    for (const m of maps!) {
      if (m.kind === 'int') r[m.column] = parseInt0x(s);
      else if (m.kind === 'str') r[m.column] = s;
      else if (m.kind === 'tid') r[m.column] = s.replace(/[:\s]/g, '').toLowerCase();
      else if (m.kind === 'bool') r[m.column] = s === '1' || s === 'true' || v0 === true;
      else if (m.kind === 'mark') r[m.column] = m.mark;
    }
  }
  const row = r as unknown as MsgRow;
  if (row.comp_kind != null) row.comp_idx = 0;
  if (row.comp_kind === 3 && row.error_code == null) {
    row.error_code = row.opcode;
    row.opcode = null;
  }
  row.family = inferFamily(row);
  return row;
}

function qi(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

function castExpr(src: string, type: SqlType): string {
  if (type === 'VARCHAR') return `NULLIF(${src}, '')`;
  if (type === 'BOOLEAN') return `CASE WHEN ${src} IN ('1','true','True','TRUE') THEN true WHEN ${src} IN ('0','false','False','FALSE') THEN false END`;
  if (type === 'DOUBLE') return `TRY_CAST(${src} AS DOUBLE)`;
  // integers: DuckDB casts both decimal and 0x-hex text
  return `TRY_CAST(${src} AS ${type})`;
}

const COLTYPE = new Map<string, SqlType>(MESSAGE_COLUMNS.map((c) => [c.name, c.type]));

/** SQL family expression over mapped columns (in a sub-select `m`). */
const FAMILY_SQL = `CASE WHEN m.diam_cmd IS NOT NULL THEN 'diameter'
  WHEN m.protos LIKE '%camel%' THEN 'cap'
  WHEN m.protos LIKE '%gsm_map%' OR m.comp_kind IS NOT NULL THEN 'map'
  WHEN m.isup_type IS NOT NULL OR m.protos LIKE '%isup%' THEN 'isup'
  WHEN m.tcap_type IS NOT NULL OR m.protos LIKE '%tcap%' THEN 'tcap'
  WHEN m.sccp_type IS NOT NULL OR m.protos LIKE '%sccp%' THEN 'sccp'
  WHEN m.m3ua_class IS NOT NULL OR m.protos LIKE '%m3ua%' THEN 'm3ua'
  WHEN m.opc IS NOT NULL THEN 'mtp3'
  ELSE coalesce(NULLIF(regexp_extract(m.protos, '([^:]+)$', 1), ''), 'unknown') END`;

/**
 * SELECT list producing all MESSAGE_COLUMNS from a source relation whose
 * columns are given by `mapping` (messages column → SQL expression over raw text).
 * Unmapped columns become NULL/defaults; ts/ts_sec/ts_nsec derive from each other.
 */
function selectFromMapped(mapped: Map<string, string>, source: string, evidenceId: number): string {
  const inner: string[] = [];
  for (const col of MESSAGE_COLUMNS) {
    if (col.name === 'ts' || col.name === 'ts_sec' || col.name === 'ts_nsec' || col.name === 'family') continue;
    const e = mapped.get(col.name);
    inner.push(`${e ?? 'NULL'}::${col.type} AS ${col.name}`);
  }
  inner.push(`(${mapped.get('ts') ?? 'NULL'})::VARCHAR AS __ts`);
  inner.push(`(${mapped.get('family') ?? 'NULL'})::VARCHAR AS __family`);
  const outer = MESSAGE_COLUMNS.map((col) => {
    switch (col.name) {
      case 'frame': return 'coalesce(m.frame, (row_number() OVER ())::INTEGER) AS frame';
      case 'ts': return `coalesce(TRY_CAST(m.__ts AS DOUBLE), epoch(TRY_CAST(m.__ts AS TIMESTAMP))) AS ts`;
      case 'ts_sec': return `coalesce(TRY_CAST(regexp_extract(m.__ts, '^(\\d+)', 1) AS BIGINT), floor(epoch(TRY_CAST(m.__ts AS TIMESTAMP)))::BIGINT) AS ts_sec`;
      case 'ts_nsec': return `coalesce(TRY_CAST(rpad(NULLIF(regexp_extract(m.__ts, '^\\d+\\.(\\d{1,9})', 1), ''), 9, '0') AS INTEGER), 0) AS ts_nsec`;
      case 'family': return `coalesce(NULLIF(m.__family, ''), ${FAMILY_SQL}) AS family`;
      case 'file_offset': return 'coalesce(m.file_offset, -1) AS file_offset';
      case 'msg_idx': return 'coalesce(m.msg_idx, 0) AS msg_idx';
      case 'comp_idx': return 'coalesce(m.comp_idx, CASE WHEN m.comp_kind IS NOT NULL THEN 0 ELSE -1 END) AS comp_idx';
      case 'protos': return "coalesce(m.protos, '') AS protos";
      case 'retrans': return 'coalesce(m.retrans, false) AS retrans';
      // tshark's gsm_old.localValue is the error code in a returnError component
      case 'opcode': return 'CASE WHEN m.comp_kind = 3 AND m.error_code IS NULL THEN NULL ELSE m.opcode END AS opcode';
      case 'error_code': return 'coalesce(m.error_code, CASE WHEN m.comp_kind = 3 THEN m.opcode END) AS error_code';
      default: return `m.${col.name}`;
    }
  });
  return `SELECT ${evidenceId} AS evidence_id, ${outer.join(', ')} FROM (SELECT ${inner.join(', ')} FROM ${source}) m`;
}

/** INSERT … SELECT for an oracle-style TSV (`--format tshark`) read with all columns as text. */
export function tsvImportSql(path: string, evidenceId: number, header: string[]): string {
  const mapped = new Map<string, string>();
  const marks: string[] = [];
  for (const h of header) {
    const maps = BY_NORM.get(norm(h));
    if (norm(h) === 'frame_time_epoch') mapped.set('ts', qi(h));
    if (!maps) continue;
    for (const m of maps) {
      if (m.kind === 'mark') marks.push(`WHEN NULLIF(${qi(h)}, '') IS NOT NULL THEN '${m.mark}'`);
      else if (m.kind === 'tid' && !mapped.has(m.column)) mapped.set(m.column, `NULLIF(lower(replace(${qi(h)}, ':', '')), '')`);
      else if (!mapped.has(m.column)) mapped.set(m.column, castExpr(qi(h), COLTYPE.get(m.column)!));
    }
  }
  if (marks.length) mapped.set('tcap_type', `CASE ${marks.join(' ')} END`);
  const src = `read_csv(${sqlStr(path)}, delim='\\t', header=true, all_varchar=true, quote='', escape='', auto_detect=false, columns={${header.map((h) => `${sqlStr(h)}: 'VARCHAR'`).join(', ')}}, null_padding=true)`;
  return `INSERT INTO messages ${selectFromMapped(mapped, src, evidenceId)}`;
}

/** Parses `col=field,col2=field2` (CSV header → messages column). */
export function parseCsvMap(spec: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of spec.split(',')) {
    const p = part.trim();
    if (!p) continue;
    const eq = p.indexOf('=');
    if (eq <= 0) throw new Error(`--map: '${p}' is not col=field`);
    const col = p.slice(0, eq).trim(), field = p.slice(eq + 1).trim();
    if (!COLTYPE.has(field)) throw new Error(`--map: '${field}' is not a messages column (see SCHEMA.md)`);
    out.set(field, col);
  }
  return out;
}

/** INSERT … SELECT for a CSV with a header mapping (field → CSV column). */
export function csvImportSql(path: string, evidenceId: number, fieldToCol: Map<string, string>, delim: string): string {
  const mapped = new Map<string, string>();
  for (const [field, col] of fieldToCol) {
    mapped.set(field, field === 'ts' || field === 'family' ? qi(col) : castExpr(qi(col), COLTYPE.get(field)!));
  }
  const src = `read_csv(${sqlStr(path)}, delim=${sqlStr(delim)}, header=true, all_varchar=true)`;
  return `INSERT INTO messages ${selectFromMapped(mapped, src, evidenceId)}`;
}

export function sqlStr(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}
