/**
 * Runs the detection engine over a DuckDB case: streams `messages` in time order in chunks,
 * feeds the pure engine (shared/detect/engine.ts), and stores the alerts in the case's `alerts`
 * table (replacing earlier alerts of the detectors that ran; ids are stable, so triage survives).
 */
import { openCase, closeCase, caseQuery, type CaseHandle } from '../store/case.js';
import { Engine } from '../../detect/engine.js';
import type { DetectConfig, DetectRow } from '../../detect/types.js';
import type { NetworkProfile } from '../../model/profile.js';
import type { Alert } from '../../model/alert.js';
import { defaultRegistry } from '../../detect/detectors/index.js';
import { ChunkReader, piecesFor, stringPieces } from './chunk-reader.js';

export interface DetectCaseOptions {
  profile: NetworkProfile | null;
  config?: DetectConfig;
  /** Store alerts in the case (default true). */
  write?: boolean;
  onProgress?: (rows: number) => void;
  /** Cancels between chunks: nothing is written and DetectCancelled is thrown. */
  signal?: AbortSignal;
}

/** Detection stopped by its AbortSignal; the case's alerts are unchanged. */
export class DetectCancelled extends Error {
  constructor() {
    super('detection cancelled; alerts unchanged');
    this.name = 'DetectCancelled';
  }
}

export interface DetectCaseResult {
  alerts: Alert[];
  rows: number;
  seconds: number;
  /** Detector errors (a failing detector never stops the others). */
  errors: string[];
  /** evidence id → file name, to print frames as "file#frame". */
  evidenceNames: Map<string, string>;
}

/**
 * Columns the detectors read; the others stay null (streaming every column costs ~2× more, and each
 * column costs ~2% of the reading time). test/detect/columns.test.ts checks that every messages column
 * the detection code mentions is listed.
 */
export const DETECT_COLUMNS = [
  'evidence_id', 'frame', 'ts', 'msg_idx', 'comp_idx', 'family', 'src_ip', 'opc', 'dpc', 'called_gt', 'called_np', 'called_ssn', 'calling_gt',
  'calling_ssn', 'tcap_type', 'otid', 'dtid', 'acn', 'ac_name', 'ac_version', 'tcap_flags', 'comp_count', 'comp_kind', 'invoke_id',
  'opcode', 'op_name', 'global_opcode', 'imsi', 'msisdn', 'msc', 'vlr', 'sgsn', 'sm_rp_da', 'ss_code', 'fwd_to', 'gsmscf',
  'msrn', 'ussd', 'dest_ref', 'diam_cmd', 'diam_cmd_name', 'diam_request', 'hbh', 'e2e', 'origin_host', 'origin_realm', 'dest_host',
  'dest_realm', 'visited_plmn', 'idr_flags', 'error_code', 'result_code', 'exp_result',
] as const;

/** Time order of the messages: ORDER BY these columns. */
const ORDER_KEY = ['ts', 'evidence_id', 'frame', 'msg_idx', 'comp_idx'] as const;

/** Raised when rows read in stored order turn out not to be in time order (the caller re-reads them sorted). */
export class OrderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OrderError';
  }
}

/**
 * Whether the selected messages are stored in strictly increasing (ts, evidence_id, frame, msg_idx,
 * comp_idx) order with no NULL key, so that a plain scan returns them exactly as ORDER BY would.
 * Captures are ingested in file order, so this is the common case; checking costs one pass over five
 * columns (~50 ms per million rows) where sorting the detector columns costs over a second.
 */
async function storedInTimeOrder(h: CaseHandle, where: string, query: (sql: string) => Promise<Array<Record<string, unknown>>> = (sql) => caseQuery(h, sql)): Promise<boolean> {
  try {
    const keep = await query("SELECT current_setting('preserve_insertion_order') AS p");
    if (keep[0]?.p !== true) return false;
    const k = ORDER_KEY.join(', ');
    const r = await query(`SELECT count(*) FILTER (WHERE NOT (k > pk)) AS bad, count(*) FILTER (WHERE ${ORDER_KEY.map((c) => `${c} IS NULL`).join(' OR ')}) AS nulls FROM (SELECT ${k}, (${k}) AS k, lag((${k})) OVER () AS pk FROM messages${where})`);
    return Number(r[0]?.bad) === 0 && Number(r[0]?.nulls) === 0;
  } catch {
    return false;
  }
}

/** The messages a detector can use: those that reach TCAP or Diameter (given the table's columns). */
function messagesFilter(have: ReadonlySet<string>): string {
  // ISUP, SCCP management, M3UA ASP/MGMT rows are skipped in SQL, which matters for real captures with a lot of such traffic.
  return have.has('tcap_type') && have.has('family') ? ` WHERE tcap_type IS NOT NULL OR family IN ('map', 'cap', 'tcap', 'diameter')` : '';
}

/**
 * The storedInTimeOrder check for the detector columns, run on a second connection of the case's database so
 * that it runs beside the stream on `h.conn` instead of before it. False on any error.
 */
async function timeOrderVerdict(h: CaseHandle): Promise<boolean> {
  let conn: Awaited<ReturnType<CaseHandle['instance']['connect']>> | undefined;
  try {
    conn = await h.instance.connect();
    const c = conn;
    const query = async (sql: string): Promise<Array<Record<string, unknown>>> => (await c.runAndReadAll(sql)).getRowObjectsJS();
    const have = new Set((await query("SELECT column_name FROM duckdb_columns() WHERE table_name = 'messages' AND database_name = current_database()")).map((r) => String(r.column_name)));
    if (!ORDER_KEY.every((k) => have.has(k) && (DETECT_COLUMNS as readonly string[]).includes(k))) return false;
    return await storedInTimeOrder(h, messagesFilter(have), query);
  } catch {
    return false;
  } finally {
    conn?.closeSync();
  }
}

/**
 * Streams the case's messages in time order as detector rows, one array per DuckDB chunk (2048 rows).
 * The next chunk is fetched while the caller works on the current one. With `order: 'auto'` (default)
 * messages already stored in time order are read without sorting; if the rows then contradict that,
 * `OrderError` is thrown before any out-of-order row is yielded and the caller should re-read with
 * `order: 'sort'`. With `order: 'stored'` the stored order is read without that check first (the caller
 * runs it itself, see detectOpenCase); rows out of order still raise `OrderError` before they are yielded.
 */
export async function* caseRowChunks(h: CaseHandle, chunkHint?: (n: number) => void, columns: readonly string[] | '*' = DETECT_COLUMNS, order: 'auto' | 'sort' | 'stored' = 'auto'): AsyncGenerator<DetectRow[]> {
  const types = new Map((await caseQuery(h, "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'messages' AND database_name = current_database()")).map((r) => [String(r.column_name), String(r.data_type)]));
  const have = new Set(types.keys());
  const cols = columns === '*' ? [...have] : columns.filter((c) => have.has(c));
  // Only messages that reach TCAP or Diameter carry anything a detector reads.
  const where = messagesFilter(have);
  const keyAt = ORDER_KEY.map((c) => cols.indexOf(c));
  const stored = keyAt.every((i) => i >= 0) && (order === 'stored' || (order === 'auto' && (await storedInTimeOrder(h, where))));
  // Strings longer than DuckDB stores inline are selected in pieces (after the sort: a projection keeps the order).
  const maxLen = await varcharMaxLengths(h);
  const pieces = cols.map((c) => (types.get(c) === 'VARCHAR' ? piecesFor(maxLen.get(c)) : 1));
  const list = cols.flatMap((c, i) => stringPieces(c, pieces[i]!)).join(', ');
  const plain = cols.map((c) => `"${c}"`).join(', ');
  const sql = stored
    ? `SELECT ${list} FROM messages${where}`
    : pieces.some((k) => k > 1)
      ? `SELECT ${list} FROM (SELECT ${plain} FROM messages${where} ORDER BY ${ORDER_KEY.join(', ')})`
      : `SELECT ${plain} FROM messages${where} ORDER BY ${ORDER_KEY.join(', ')}`;
  const res = await h.conn.stream(sql);
  const names = cols;
  // Columns not streamed read as null through the prototype; streamed ones are own properties set by a
  // generated constructor in a fixed order, so every row shares one hidden class (fast property access in
  // the detectors, far less memory and GC work than 120-property objects).
  const proto: Record<string, unknown> = {};
  for (const c of have) proto[c] = null;
  const ident = (c: string): string => (/^[a-z_][a-z0-9_]*$/.test(c) ? c : '');
  const safe = names.map(ident);
  if (safe.some((x) => !x)) throw new Error(`unexpected column name in messages: ${names.join(', ')}`);
  const Row = new Function('d', 'r', safe.map((c, i) => `this.${c} = d[${i}][r];`).join('\n')) as unknown as new (d: unknown[][], r: number) => DetectRow;
  (Row as unknown as { prototype: object }).prototype = proto;
  const reader = new ChunkReader(res.columnTypes(), pieces);
  // Last key seen, to confirm the stored order while reading.
  let kTs = -Infinity, kEv = -Infinity, kFrame = -Infinity, kMsg = -Infinity, kComp = -Infinity;
  let n = 0;
  let next = res.fetchChunk();
  try {
    for (;;) {
      const chunk = await next;
      if (!chunk || chunk.rowCount === 0) break;
      next = res.fetchChunk();
      const count = reader.read(chunk);
      const data = reader.columns;
      if (stored) {
        const ts = data[keyAt[0]!]!, ev = data[keyAt[1]!]!, fr = data[keyAt[2]!]!, mi = data[keyAt[3]!]!, ci = data[keyAt[4]!]!;
        for (let r = 0; r < count; r++) {
          const a = ts[r] as number, b = ev[r] as number, c = fr[r] as number, d = mi[r] as number, e = ci[r] as number;
          const after = a > kTs || (a === kTs && (b > kEv || (b === kEv && (c > kFrame || (c === kFrame && (d > kMsg || (d === kMsg && e > kComp)))))));
          if (!after) {
            // Drain the prefetch before giving up, so the connection is free for the sorted re-read.
            await next;
            throw new OrderError(`messages are not stored in time order after row ${n + r} (frame ${c})`);
          }
          kTs = a;
          kEv = b;
          kFrame = c;
          kMsg = d;
          kComp = e;
        }
      }
      const rows = new Array<DetectRow>(count);
      for (let r = 0; r < count; r++) rows[r] = new Row(data, r);
      n += count;
      chunkHint?.(n);
      yield rows;
    }
  } finally {
    // A caller that stops reading early leaves a fetch in flight: let it finish before the connection is reused.
    await next.catch(() => null);
  }
}

/**
 * Longest string per VARCHAR column of `messages`, from the storage statistics (no scan); empty when they
 * are not available. Only a reading-speed hint: any length reads correctly.
 */
async function varcharMaxLengths(h: CaseHandle): Promise<Map<string, number>> {
  const m = new Map<string, number>();
  try {
    const rows = await caseQuery(h, `SELECT column_name, max(TRY_CAST(regexp_extract(stats, 'Max String Length: (\\d+)', 1) AS INTEGER)) AS n FROM pragma_storage_info('messages') WHERE segment_type = 'VARCHAR' GROUP BY column_name`);
    for (const r of rows) if (r.n != null) m.set(String(r.column_name), Number(r.n));
  } catch {
    /* statistics unavailable: strings are read whole */
  }
  return m;
}

/** Streams the case's messages in time order as detector rows (sorted by DuckDB; see caseRowChunks for the faster path). */
export async function* caseRows(h: CaseHandle, chunkHint?: (n: number) => void, columns: readonly string[] | '*' = DETECT_COLUMNS): AsyncGenerator<DetectRow> {
  for await (const rows of caseRowChunks(h, chunkHint, columns, 'sort')) yield* rows;
}

export async function evidenceNames(h: CaseHandle): Promise<Map<string, string>> {
  const m = new Map<string, string>();
  try {
    for (const r of await caseQuery(h, 'SELECT id, name FROM evidence')) m.set(String(r.id), String(r.name));
  } catch {
    /* no evidence table: ids stay as they are */
  }
  return m;
}

const sqlLit = (v: string | null | undefined): string => (v == null ? 'NULL' : `'${v.replace(/'/g, "''")}'`);

/** Replaces the alerts of `detectors` in the case with `alerts`. */
export async function writeAlerts(h: CaseHandle, alerts: Alert[], detectors: string[]): Promise<void> {
  await h.conn.run(`CREATE TABLE IF NOT EXISTS alerts (id VARCHAR PRIMARY KEY, detector VARCHAR, title VARCHAR, severity VARCHAR, category VARCHAR, techniques VARCHAR[], start_ts DOUBLE, end_ts DOUBLE, attacker_gt VARCHAR, attacker_pc INTEGER, attacker_host VARCHAR, attacker_realm VARCHAR, attacker_network VARCHAR, attacker_country VARCHAR, victim_imsi VARCHAR, victim_msisdn VARCHAR, frames STRUCT(evidence VARCHAR, frame INTEGER)[], explanation VARCHAR, facts JSON, created_at TIMESTAMP)`);
  await h.conn.run('BEGIN TRANSACTION');
  try {
    if (detectors.length) await h.conn.run(`DELETE FROM alerts WHERE detector IN (${detectors.map(sqlLit).join(', ')})`);
    const BATCH = 200;
    for (let i = 0; i < alerts.length; i += BATCH) {
      const vals = alerts.slice(i, i + BATCH).map((a) => {
        const frames = `[${a.frames.map((f) => `{'evidence': ${sqlLit(f.evidence)}, 'frame': ${Math.trunc(f.frame)}}`).join(', ')}]::STRUCT(evidence VARCHAR, frame INTEGER)[]`;
        const tech = `[${a.techniques.map(sqlLit).join(', ')}]::VARCHAR[]`;
        return `(${[
          sqlLit(a.id), sqlLit(a.detector), sqlLit(a.title), sqlLit(a.severity), sqlLit(a.category), tech, String(a.start), String(a.end),
          sqlLit(a.attacker.gt), a.attacker.pc ?? 'NULL', sqlLit(a.attacker.host), sqlLit(a.attacker.realm), sqlLit(a.attacker.network), sqlLit(a.attacker.country),
          sqlLit(a.victim.imsi), sqlLit(a.victim.msisdn), frames, sqlLit(a.explanation), a.facts ? `${sqlLit(JSON.stringify(a.facts))}::JSON` : 'NULL', 'now()::TIMESTAMP',
        ].join(', ')})`;
      });
      await h.conn.run(`INSERT OR REPLACE INTO alerts (id, detector, title, severity, category, techniques, start_ts, end_ts, attacker_gt, attacker_pc, attacker_host, attacker_realm, attacker_network, attacker_country, victim_imsi, victim_msisdn, frames, explanation, facts, created_at) VALUES ${vals.join(', ')}`);
    }
    await h.conn.run('COMMIT');
  } catch (e) {
    await h.conn.run('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

/** Runs all (configured) detectors over an open case. */
export async function detectOpenCase(h: CaseHandle, opts: DetectCaseOptions): Promise<DetectCaseResult> {
  const t0 = performance.now();
  // Whether the stored order is the time order is checked on a second connection while the first pass already
  // reads in stored order (the check takes a few hundred ms on a 1M-message case); the pass is abandoned as
  // soon as the check says no, and the rows are read again sorted.
  let ordered: boolean | undefined;
  const verdict = timeOrderVerdict(h).then((v) => (ordered = v));
  const run = async (order: 'stored' | 'sort'): Promise<{ engine: Engine; rows: number }> => {
    const engine = new Engine({ profile: opts.profile, ...(opts.config ? { config: opts.config } : {}) });
    let rows = 0;
    const notInOrder = (): OrderError => new OrderError('messages are not stored in time order');
    for await (const chunk of caseRowChunks(h, opts.onProgress, DETECT_COLUMNS, order)) {
      if (opts.signal?.aborted) throw new DetectCancelled();
      if (order === 'stored' && ordered === false) throw notInOrder();
      for (const r of chunk) engine.push(r);
      rows += chunk.length;
    }
    if (order === 'stored' && !(await verdict)) throw notInOrder();
    return { engine, rows };
  };
  let pass: { engine: Engine; rows: number };
  try {
    try {
      pass = await run('stored');
    } catch (e) {
      // The stored order was not the time order after all: start over on sorted rows.
      if (!(e instanceof OrderError)) throw e;
      pass = await run('sort');
    }
  } finally {
    // The check's connection is closed before the caller may close the case.
    await verdict;
  }
  const { engine, rows } = pass;
  if (opts.signal?.aborted) throw new DetectCancelled();
  const alerts = engine.finish();
  if (opts.signal?.aborted) throw new DetectCancelled();
  if (opts.write !== false) {
    const reg = defaultRegistry();
    const ran = reg.ids().filter((id) => (!opts.config?.only || opts.config.only.includes(id)) && !(opts.config?.disable ?? []).includes(id));
    await writeAlerts(h, alerts, [...ran, 'engine']);
  }
  return { alerts, rows, seconds: (performance.now() - t0) / 1000, errors: engine.errors, evidenceNames: await evidenceNames(h) };
}

/** Opens a case file, detects, stores the alerts, closes it. */
export async function detectCase(path: string, opts: DetectCaseOptions): Promise<DetectCaseResult> {
  const h = await openCase(path, { readOnly: opts.write === false });
  try {
    return await detectOpenCase(h, opts);
  } finally {
    await closeCase(h);
  }
}
