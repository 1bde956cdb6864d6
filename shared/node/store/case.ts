/**
 * Case files: one DuckDB database per investigation. This is the library API
 * the CLI, the workbench and the detectors call:
 *
 *   const c = await openCase('case.duckdb');
 *   await ingestFiles(c, ['a.pcap'], { onProgress, signal, profile });
 *   const rows = await caseQuery(c, 'SELECT … FROM dialogues');
 *   await closeCase(c);
 *
 * An ingest is one transaction: messages, decode errors, evidence rows and the
 * rebuilt derived tables commit together or not at all (a failure, a cancel or
 * a killed process leaves the case as it was).
 */
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { existsSync, statSync, mkdirSync, mkdtempSync, rmSync, readdirSync, openSync, readSync, closeSync, createReadStream, writeFileSync, readFileSync, unlinkSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { gunzipSync, constants as zc } from 'node:zlib';
import { tmpdir } from 'node:os';
import { basename, join, resolve, dirname } from 'node:path';
import { SCHEMA_VERSION, schemaDDL, schemaComments, messageCsvColumns, MESSAGE_COLUMN_NAMES } from '../../store/schema.js';
import { sniffKind, type InputKind } from '../../store/detect-format.js';
import { derivedSql } from '../../store/derived.js';
import { profileMatches } from '../../store/profile-match.js';
import { tsvImportSql, csvImportSql, parseCsvMap, sqlStr } from '../../store/import-map.js';
import type { NetworkProfile } from '../../model/profile.js';
import { startDecodeWorker } from '../ingest/run-worker.js';
import type { ToMain, ToWorker, WorkerKind } from '../ingest/protocol.js';

export const DECODER_VERSION = 'sigtrail-0.1.0';

export interface CaseHandle {
  path: string;
  readOnly: boolean;
  instance: DuckDBInstance;
  conn: DuckDBConnection;
  /** Set while an ingest runs (one at a time per handle). */
  busy: boolean;
}

export type JsonValue = null | boolean | number | string | JsonValue[] | { [k: string]: JsonValue };
export type JsonRow = Record<string, JsonValue>;

export class CaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CaseError';
  }
}

function describeOpenError(path: string, e: unknown): CaseError {
  const msg = e instanceof Error ? e.message : String(e);
  const dir = dirname(resolve(path));
  if (!existsSync(dir)) return new CaseError(`cannot open case ${path}: folder ${dir} does not exist`);
  if (/lock/i.test(msg)) return new CaseError(`cannot open case ${path}: it is open in another process (${msg.split('\n')[0]})`);
  return new CaseError(`cannot open case ${path}: ${msg.split('\n')[0]}`);
}

/** Opens (creating when needed, unless readOnly) a case file and makes sure its schema exists. */
export async function openCase(path: string, opts: { readOnly?: boolean; threads?: number } = {}): Promise<CaseHandle> {
  const readOnly = opts.readOnly === true;
  if (readOnly && !existsSync(path)) throw new CaseError(`no case file at ${path}`);
  let instance: DuckDBInstance;
  try {
    const cfg: Record<string, string> = {};
    if (readOnly) cfg.access_mode = 'READ_ONLY';
    if (opts.threads) cfg.threads = String(opts.threads);
    instance = await DuckDBInstance.create(path, cfg);
  } catch (e) {
    throw describeOpenError(path, e);
  }
  const conn = await instance.connect();
  const h: CaseHandle = { path, readOnly, instance, conn, busy: false };
  if (!readOnly) {
    try {
      await ensureSchema(h);
    } catch (e) {
      conn.closeSync();
      instance.closeSync();
      throw new CaseError(`cannot initialise case ${path}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    }
  }
  return h;
}

async function ensureSchema(h: CaseHandle): Promise<void> {
  const r = await h.conn.runAndReadAll("SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = 'case_meta' AND database_name = current_database()");
  const exists = Number(r.getRowObjectsJS()[0]?.n ?? 0) > 0;
  if (exists) {
    const v = await h.conn.runAndReadAll("SELECT value FROM case_meta WHERE key = 'schema_version'");
    const ver = Number(v.getRowObjectsJS()[0]?.value ?? 0);
    if (ver > SCHEMA_VERSION) throw new Error(`case schema version ${ver} is newer than this Sigtrail (${SCHEMA_VERSION})`);
    for (const s of schemaDDL()) await h.conn.run(s);
    return;
  }
  await h.conn.run('BEGIN TRANSACTION');
  try {
    for (const s of schemaDDL()) await h.conn.run(s);
    for (const s of schemaComments()) await h.conn.run(s);
    await h.conn.run("INSERT INTO case_meta VALUES ('schema_version', $1), ('created_at', $2), ('created_by', $3)", [String(SCHEMA_VERSION), new Date().toISOString(), DECODER_VERSION]);
    await h.conn.run('COMMIT');
  } catch (e) {
    await h.conn.run('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

export async function closeCase(h: CaseHandle): Promise<void> {
  try {
    if (!h.readOnly) await h.conn.run('CHECKPOINT').catch(() => undefined);
  } finally {
    h.conn.closeSync();
    h.instance.closeSync();
  }
}

/** Converts DuckDB JS values to plain JSON: bigint → number when safe (else string), dates → ISO text, bytes → hex. */
export function toJson(v: unknown): JsonValue {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'bigint':
      return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(v) : v.toString();
    case 'number':
      return Number.isFinite(v) ? v : String(v);
    case 'string':
    case 'boolean':
      return v;
    case 'object': {
      if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
      if (v instanceof Uint8Array) return Buffer.from(v).toString('hex');
      if (Array.isArray(v)) return v.map(toJson);
      const o: Record<string, JsonValue> = {};
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) o[k] = toJson(x);
      return o;
    }
    default:
      return String(v);
  }
}

/** Runs SQL (positional $1… parameters) and returns JSON-safe row objects. */
export async function caseQuery(h: CaseHandle, sql: string, params?: DuckDBValue[]): Promise<JsonRow[]> {
  const r = await h.conn.runAndReadAll(sql, params);
  return r.getRowObjectsJS().map((row) => {
    const o: JsonRow = {};
    for (const k of Object.keys(row)) o[k] = toJson(row[k]);
    return o;
  });
}

/** Like caseQuery but also returns column names and types (for the CLI's table/CSV output). */
export async function caseQueryColumns(h: CaseHandle, sql: string, params?: DuckDBValue[]): Promise<{ columns: { name: string; type: string }[]; rows: JsonValue[][] }> {
  const r = await h.conn.runAndReadAll(sql, params);
  const names = r.columnNames();
  const types = r.columnTypes().map((t) => t.toString());
  return { columns: names.map((name, i) => ({ name, type: types[i] ?? '' })), rows: r.getRowsJS().map((row) => row.map(toJson)) };
}

export interface CaseSummary {
  path: string;
  schemaVersion: number;
  evidence: JsonRow[];
  counts: Record<string, number>;
  firstTs: number | null;
  lastTs: number | null;
}

export async function caseSummary(h: CaseHandle): Promise<CaseSummary> {
  const tables = ['evidence', 'messages', 'decode_errors', 'dialogues', 'nodes', 'links', 'subscribers', 'locations', 'kpis', 'alerts', 'alert_triage', 'audit_log'];
  const counts: Record<string, number> = {};
  const q = tables.map((t) => `SELECT '${t}' AS t, count(*) AS n FROM ${t}`).join(' UNION ALL ');
  for (const r of await caseQuery(h, q)) counts[String(r.t)] = Number(r.n);
  const evidence = await caseQuery(h, 'SELECT id, name, path, size, sha256, capture_type, first_ts, last_ts, imported_at, decoder_version, status, frames, messages, errors, note FROM evidence ORDER BY id');
  const span = (await caseQuery(h, 'SELECT min(first_ts) AS f, max(last_ts) AS l FROM evidence'))[0] ?? {};
  const ver = (await caseQuery(h, "SELECT value FROM case_meta WHERE key = 'schema_version'"))[0]?.value;
  return { path: h.path, schemaVersion: Number(ver ?? SCHEMA_VERSION), evidence, counts, firstTs: (span.f as number | null) ?? null, lastTs: (span.l as number | null) ?? null };
}

// ---------------------------------------------------------------- ingest

export interface IngestProgress {
  phase: 'hash' | 'load' | 'derive' | 'commit' | 'done';
  file: string;
  fileIndex: number;
  fileCount: number;
  /** Bytes of input processed, over all files. */
  bytesDone: number;
  bytesTotal: number;
  messages: number;
  errors: number;
  /** Messages per second since the ingest started. */
  rate: number;
  /** Seconds left, estimated from the byte rate; null when unknown. */
  etaSeconds: number | null;
}

export interface IngestOptions {
  onProgress?: (p: IngestProgress) => void;
  signal?: AbortSignal;
  profile?: NetworkProfile;
  /** Re-import files already in the case (their old rows are replaced). */
  force?: boolean;
  /** Force the input format instead of sniffing it. */
  format?: 'pcap' | 'ndjson' | 'ek' | 'tshark' | 'csv' | 'parquet';
  /** CSV header mapping `col=field,…` (messages columns). */
  csvMap?: string;
  /** Decoder options for captures. */
  decode?: { mtp3Variant?: 'itu' | 'ansi'; m3uaVersion?: string };
  /** Temp folder for bulk-load chunks (default: OS temp). */
  tmpDir?: string;
  /**
   * Rows per bulk-load chunk (default 50 000). The last chunk is loaded after
   * the worker has finished, so its load is serial time; smaller chunks shorten
   * that tail (a chunk costs ~13 µs per row to load, little per chunk).
   */
  chunkRows?: number;
  /**
   * DuckDB threads while the decode worker runs (default 1: the worker has the other core; on the 1 M
   * generated capture, idle 2-core box, alternating runs: 28.5/32.7 s wall with 1 thread against
   * 33.4/33.7 s with DuckDB's default of 2, and less process CPU). Derived tables get DuckDB's setting.
   */
  loadThreads?: number;
  /** Test hook: throw after this many chunks are loaded (simulates a write failure mid-import). */
  failAfterChunks?: number;
  /** Who is importing (audit log). */
  actor?: string;
}

export interface IngestFileResult {
  path: string;
  evidenceId: number | null;
  kind: string;
  messages: number;
  errors: number;
  frames: number;
  skipped: boolean;
  note: string;
}

export interface IngestResult {
  files: IngestFileResult[];
  messages: number;
  errors: number;
  seconds: number;
  derivedSeconds: number;
  /** Where the time went: waiting for the decoder, bulk-loading chunks into DuckDB. */
  waitSeconds: number;
  loadSeconds: number;
}

class Cancelled extends Error {
  constructor() {
    super('import cancelled');
    this.name = 'AbortError';
  }
}

function readHead(path: string, n = 65536): Buffer {
  const fd = openSync(path, 'r');
  try {
    const b = Buffer.alloc(n);
    const got = readSync(fd, b, 0, n, 0);
    return b.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

function sniffFile(path: string): { kind: InputKind; captureType: string; gzip: boolean } {
  let head = readHead(path);
  const gzip = head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
  if (gzip) {
    try {
      head = gunzipSync(head, { finishFlush: zc.Z_SYNC_FLUSH });
    } catch {
      return { kind: 'unknown', captureType: 'gz', gzip };
    }
  }
  return { ...sniffKind(head, gzip), gzip };
}

async function hashFile(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const c of createReadStream(path, { highWaterMark: 1 << 20 })) h.update(c as Buffer);
  return h.digest('hex');
}

function listFiles(dir: string, ext: string): string[] {
  const out: string[] = [];
  (function walk(d: string): void {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (n.endsWith(ext)) out.push(p);
    }
  })(dir);
  return out;
}

async function hashDir(dir: string, files: string[]): Promise<string> {
  const h = createHash('sha256');
  for (const f of files) h.update(`${f.slice(dir.length)}\0${await hashFile(f)}\n`);
  return h.digest('hex');
}

const MSG_COLS_SQL = MESSAGE_COLUMN_NAMES.join(', ');

/** read_csv(…) of a message chunk file in the worker's CSV dialect (also used by the ingest benchmark). */
export function readCsvSql(file: string): string {
  return `read_csv(${sqlStr(file)}, columns=${messageCsvColumns()}, header=false, delim=',', quote='"', escape='"', nullstr='', allow_quoted_nulls=false, auto_detect=false)`;
}

interface Ctx {
  h: CaseHandle;
  opts: IngestOptions;
  t0: number;
  bytesTotal: number;
  bytesBefore: number;
  messages: number;
  errors: number;
  fileIndex: number;
  fileCount: number;
  seen: Set<string>;
  chunksLoaded: number;
  waitMs: number;
  loadMs: number;
}

function progress(ctx: Ctx, phase: IngestProgress['phase'], file: string, bytesInFile: number): void {
  if (!ctx.opts.onProgress) return;
  const el = (performance.now() - ctx.t0) / 1000;
  const done = ctx.bytesBefore + bytesInFile;
  const byteRate = el > 0 ? done / el : 0;
  ctx.opts.onProgress({
    phase, file, fileIndex: ctx.fileIndex, fileCount: ctx.fileCount, bytesDone: done, bytesTotal: ctx.bytesTotal,
    messages: ctx.messages, errors: ctx.errors, rate: el > 0 ? ctx.messages / el : 0,
    etaSeconds: byteRate > 0 && phase === 'load' ? Math.max(0, (ctx.bytesTotal - done) / byteRate) : null,
  });
}

function checkAbort(ctx: Ctx): void {
  if (ctx.opts.signal?.aborted) throw new Cancelled();
}

async function existingEvidence(ctx: Ctx, sha: string): Promise<number | null> {
  const r = await caseQuery(ctx.h, 'SELECT id FROM evidence WHERE sha256 = $1 ORDER BY id LIMIT 1', [sha]);
  return r.length ? Number(r[0]!.id) : null;
}

async function dropEvidence(ctx: Ctx, id: number): Promise<void> {
  for (const t of ['messages', 'decode_errors']) await ctx.h.conn.run(`DELETE FROM ${t} WHERE evidence_id = $1`, [id]);
  await ctx.h.conn.run('DELETE FROM evidence WHERE id = $1', [id]);
}

async function nextEvidenceId(ctx: Ctx): Promise<number> {
  const r = await caseQuery(ctx.h, "SELECT greatest(nextval('evidence_seq'), (SELECT coalesce(max(id), 0) + 1 FROM evidence)) AS id");
  return Number(r[0]!.id);
}

/** Decides skip / replace for a hash; returns null to skip. */
async function claim(ctx: Ctx, sha: string, path: string): Promise<{ skip: string } | { id: number }> {
  if (ctx.seen.has(sha)) return { skip: `${path}: same content as a file earlier in this import; skipped` };
  const old = await existingEvidence(ctx, sha);
  if (old !== null && !ctx.opts.force) return { skip: `${path}: already in the case as evidence ${old} (same SHA-256); skipped (use --force to re-import)` };
  if (old !== null) await dropEvidence(ctx, old);
  ctx.seen.add(sha);
  return { id: await nextEvidenceId(ctx) };
}

async function finishEvidence(ctx: Ctx, id: number, path: string, size: number, sha: string, captureType: string, frames: number, note: string): Promise<IngestFileResult> {
  const st = (await caseQuery(ctx.h, 'SELECT count(*) AS n, min(ts) AS f, max(ts) AS l FROM messages WHERE evidence_id = $1', [id]))[0]!;
  const er = (await caseQuery(ctx.h, 'SELECT count(*) AS n FROM decode_errors WHERE evidence_id = $1', [id]))[0]!;
  const messages = Number(st.n), errors = Number(er.n);
  await ctx.h.conn.run('INSERT INTO evidence VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now()::TIMESTAMP, $9, $10, $11, $12, $13, $14)', [
    id, resolve(path), basename(path), size, sha, captureType, (st.f as number | null) ?? null, (st.l as number | null) ?? null,
    DECODER_VERSION, errors ? 'complete-with-errors' : 'complete', frames, messages, errors, note || null,
  ]);
  return { path, evidenceId: id, kind: captureType, messages, errors, frames, skipped: false, note };
}

/** Chunk folders left by an ingest process that was killed (its pid no longer runs). */
function removeStaleTemp(base: string): void {
  let names: string[] = [];
  try {
    names = readdirSync(base);
  } catch {
    return;
  }
  for (const n of names) {
    const m = /^sigtrail-ingest-(\d+)-/.exec(n);
    if (!m || Number(m[1]) === process.pid) continue;
    try {
      process.kill(Number(m[1]), 0);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ESRCH') rmSync(join(base, n), { recursive: true, force: true });
    }
  }
}

/** Captures, NDJSON, ek: decoded in the worker, bulk-loaded here chunk by chunk. */
async function ingestViaWorker(ctx: Ctx, path: string, kind: WorkerKind, captureType: string): Promise<IngestFileResult> {
  const size = statSync(path).size;
  // chunks live only until loaded: RAM-backed /dev/shm when there is one (Linux), else the OS temp folder
  const base = ctx.opts.tmpDir ?? (process.platform === 'linux' && existsSync('/dev/shm') ? '/dev/shm' : tmpdir());
  let tmp: string;
  removeStaleTemp(base);
  try {
    tmp = mkdtempSync(join(base, `sigtrail-ingest-${process.pid}-`));
  } catch (e) {
    throw new CaseError(`cannot create a temp folder in ${base}: ${(e as Error).message}`);
  }
  // DuckDB may load with fewer threads while the worker decodes (loadThreads); the derived tables, built
  // after the worker is done, get DuckDB's setting again.
  const threads = String((await caseQuery(ctx.h, "SELECT current_setting('threads') AS t"))[0]!.t);
  await ctx.h.conn.run(`SET threads = ${Math.max(1, Math.floor(ctx.opts.loadThreads ?? 1))}`);
  const worker = startDecodeWorker({ path, kind, tmpDir: tmp, chunkRows: ctx.opts.chunkRows ?? 50_000, maxInFlight: 2, decode: ctx.opts.decode ?? {} });
  const post = (m: ToWorker): void => worker.postMessage(m);
  const queue: ToMain[] = [];
  let wake: (() => void) | null = null;
  let exitErr: Error | null = null;
  let exited = false;
  worker.on('message', (m: ToMain) => {
    queue.push(m);
    wake?.();
  });
  worker.on('error', (e) => {
    exitErr = e;
    wake?.();
  });
  worker.on('exit', () => {
    exited = true;
    wake?.();
  });
  const onAbort = (): void => wake?.();
  ctx.opts.signal?.addEventListener('abort', onAbort);
  const next = async (): Promise<ToMain> => {
    for (;;) {
      checkAbort(ctx);
      if (queue.length) return queue.shift()!;
      if (exitErr) throw exitErr;
      if (exited) throw new CaseError(`${path}: decoder worker stopped unexpectedly`);
      const tw = performance.now();
      await new Promise<void>((res) => (wake = res));
      ctx.waitMs += performance.now() - tw;
      wake = null;
    }
  };
  let id = -1;
  let frames = 0;
  let sha = '';
  try {
    // hashed here while the worker already decodes the first chunks (they wait in the queue until the duplicate check)
    progress(ctx, 'hash', path, 0);
    const tw = performance.now();
    sha = await shaOf(path);
    ctx.waitMs += performance.now() - tw;
    checkAbort(ctx);
    const c = await claim(ctx, sha, path);
    if ('skip' in c) return { path, evidenceId: null, kind: captureType, messages: 0, errors: 0, frames: 0, skipped: true, note: c.skip };
    id = c.id;
    for (;;) {
      const m = await next();
      if (m.t === 'fail') throw new CaseError(m.notCapture ? `${path}: not a capture or a known export format (${m.message})` : `${path}: ${m.message}`);
      if (m.t === 'done') {
        frames = m.framesSeen;
        break;
      }
      if (m.t !== 'chunk') continue;
      const tl = performance.now();
      if (m.msgFile) {
        await ctx.h.conn.run(`INSERT INTO messages SELECT ${id} AS evidence_id, * FROM ${readCsvSql(m.msgFile)}`);
        unlinkSync(m.msgFile);
      }
      if (m.errFile) {
        await ctx.h.conn.run(`INSERT INTO decode_errors SELECT ${id}, * FROM read_csv(${sqlStr(m.errFile)}, columns={'frame': 'INTEGER', 'file_offset': 'BIGINT', 'layer': 'VARCHAR', 'reason': 'VARCHAR'}, header=false, delim=',', quote='"', escape='"', nullstr='', allow_quoted_nulls=false, auto_detect=false)`);
        unlinkSync(m.errFile);
      }
      ctx.loadMs += performance.now() - tl;
      ctx.messages += m.rows;
      ctx.errors += m.errRows;
      ctx.chunksLoaded++;
      if (ctx.opts.failAfterChunks !== undefined && ctx.chunksLoaded >= ctx.opts.failAfterChunks) throw new CaseError('injected write failure (test hook)');
      post({ t: 'ack', seq: m.seq });
      progress(ctx, 'load', path, Math.min(m.bytesRead, size));
      checkAbort(ctx);
    }
  } finally {
    ctx.opts.signal?.removeEventListener('abort', onAbort);
    await worker.terminate().catch(() => undefined);
    rmSync(tmp, { recursive: true, force: true });
    await ctx.h.conn.run(`SET threads = ${Number(threads) || 1}`).catch(() => undefined);
  }
  return finishEvidence(ctx, id, path, size, sha, captureType, frames, '');
}

const shaCache = new Map<string, string>();
async function shaOf(path: string): Promise<string> {
  const st = statSync(path);
  const k = `${resolve(path)}|${st.size}|${st.mtimeMs}`;
  let v = shaCache.get(k);
  if (!v) {
    v = await hashFile(path);
    shaCache.set(k, v);
  }
  return v;
}

/** TSV / CSV / Parquet: hashed here, mapped and loaded by one INSERT … SELECT inside DuckDB. */
async function ingestViaSql(ctx: Ctx, path: string, kind: 'tshark-tsv' | 'csv' | 'parquet', captureType: string, gzip: boolean): Promise<IngestFileResult> {
  const size = statSync(path).size;
  progress(ctx, 'hash', path, 0);
  const sha = await shaOf(path);
  const c = await claim(ctx, sha, path);
  if ('skip' in c) return { path, evidenceId: null, kind: captureType, messages: 0, errors: 0, frames: 0, skipped: true, note: c.skip };
  const id = c.id;
  let note = '';
  if (kind === 'tshark-tsv') {
    const head = gzip ? gunzipSync(readHead(path), { finishFlush: zc.Z_SYNC_FLUSH }) : readHead(path);
    const firstLine = head.toString('utf8').split('\n')[0]!.replace(/\r$/, '');
    await ctx.h.conn.run(tsvImportSql(path, id, firstLine.split('\t')));
    note = 'oracle-style TSV (tshark field columns)';
  } else if (kind === 'csv') {
    if (!ctx.opts.csvMap) throw new CaseError(`${path}: CSV needs a header mapping: --map col=field,… (fields are messages columns)`);
    const head = (gzip ? gunzipSync(readHead(path), { finishFlush: zc.Z_SYNC_FLUSH }) : readHead(path)).toString('utf8').split('\n')[0]!;
    const delim = head.includes('\t') && !head.includes(',') ? '\t' : head.includes(';') && !head.includes(',') ? ';' : ',';
    await ctx.h.conn.run(csvImportSql(path, id, parseCsvMap(ctx.opts.csvMap), delim));
    note = `csv --map ${ctx.opts.csvMap}`;
  } else {
    await ctx.h.conn.run(`INSERT INTO messages BY NAME SELECT ${id} AS evidence_id, COLUMNS(c -> list_contains([${MESSAGE_COLUMN_NAMES.map((n) => `'${n}'`).join(', ')}], c)) FROM read_parquet(${sqlStr(path)}, union_by_name=true)`);
    note = 'parquet (messages columns by name)';
  }
  const r = await finishEvidence(ctx, id, path, size, sha, captureType, 0, note);
  await ctx.h.conn.run('UPDATE evidence SET frames = messages WHERE id = $1', [id]);
  r.frames = r.messages;
  ctx.messages += r.messages;
  progress(ctx, 'load', path, size);
  return r;
}

/** A folder written by exportParquet: restores evidence, messages and decode errors. */
async function ingestExportDir(ctx: Ctx, dir: string): Promise<IngestFileResult[]> {
  const manifest = JSON.parse(readFileSync(join(dir, 'sigtrail-export.json'), 'utf8')) as { format?: string; schemaVersion?: number };
  if (manifest.format !== 'sigtrail-export') throw new CaseError(`${dir}: sigtrail-export.json is not a Sigtrail export manifest`);
  const msgGlob = join(dir, 'messages', '**', '*.parquet');
  const ev = await caseQuery(ctx.h, `SELECT * FROM read_parquet(${sqlStr(join(dir, 'evidence.parquet'))}) ORDER BY id`);
  const out: IngestFileResult[] = [];
  await ctx.h.conn.run('CREATE OR REPLACE TEMP TABLE _emap (old INTEGER, new INTEGER)');
  for (const e of ev) {
    const sha = String(e.sha256);
    const c = await claim(ctx, sha, String(e.path));
    if ('skip' in c) {
      out.push({ path: String(e.path), evidenceId: null, kind: String(e.capture_type), messages: 0, errors: 0, frames: 0, skipped: true, note: c.skip });
      continue;
    }
    await ctx.h.conn.run('INSERT INTO _emap VALUES ($1, $2)', [Number(e.id), c.id]);
    await ctx.h.conn.run('INSERT INTO evidence VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::TIMESTAMP, $10, $11, $12, $13, $14, $15)', [
      c.id, String(e.path), String(e.name), Number(e.size), sha, String(e.capture_type), (e.first_ts as number | null) ?? null, (e.last_ts as number | null) ?? null,
      String(e.imported_at ?? new Date().toISOString()), String(e.decoder_version ?? ''), String(e.status ?? 'complete'), Number(e.frames ?? 0), Number(e.messages ?? 0), Number(e.errors ?? 0),
      `restored from export ${resolve(dir)}${e.note ? `; ${String(e.note)}` : ''}`,
    ]);
    out.push({ path: String(e.path), evidenceId: c.id, kind: String(e.capture_type), messages: Number(e.messages ?? 0), errors: Number(e.errors ?? 0), frames: Number(e.frames ?? 0), skipped: false, note: 'restored from export' });
  }
  const n = (await caseQuery(ctx.h, 'SELECT count(*) AS n FROM _emap'))[0]!.n;
  if (Number(n) > 0) {
    if (listFiles(join(dir, 'messages'), '.parquet').length) {
      await ctx.h.conn.run(`INSERT INTO messages SELECT e.new, ${MESSAGE_COLUMN_NAMES.map((c) => `p.${c}`).join(', ')} FROM read_parquet(${sqlStr(msgGlob)}, hive_partitioning=true, union_by_name=true) p JOIN _emap e ON p.evidence_id = e.old`);
    }
    if (existsSync(join(dir, 'decode_errors.parquet'))) {
      await ctx.h.conn.run(`INSERT INTO decode_errors SELECT e.new, p.frame, p.file_offset, p.layer, p.reason FROM read_parquet(${sqlStr(join(dir, 'decode_errors.parquet'))}) p JOIN _emap e ON p.evidence_id = e.old`);
    }
    const identity = Number((await caseQuery(ctx.h, 'SELECT count(*) AS n FROM _emap WHERE old <> new'))[0]!.n) === 0;
    if (identity) {
      for (const t of ['alerts', 'alert_triage']) {
        const f = join(dir, `${t}.parquet`);
        if (existsSync(f)) await ctx.h.conn.run(`INSERT OR IGNORE INTO ${t} BY NAME SELECT * FROM read_parquet(${sqlStr(f)})`);
      }
    }
  }
  await ctx.h.conn.run('DROP TABLE IF EXISTS _emap');
  for (const r of out) if (!r.skipped) ctx.messages += r.messages;
  return out;
}

/**
 * Loads captures / exported metadata into the case in ONE transaction, then
 * rebuilds the derived tables. Throws (case unchanged) on unreadable input,
 * write failure or cancel; damaged frames become decode_errors rows.
 */
export async function ingestFiles(h: CaseHandle, files: string[], opts: IngestOptions = {}): Promise<IngestResult> {
  if (h.readOnly) throw new CaseError('case is open read-only');
  if (h.busy) throw new CaseError('an import is already running on this case');
  for (const f of files) if (!existsSync(f)) throw new CaseError(`${f}: no such file or folder`);
  const bytesTotal = files.reduce((s, f) => s + (statSync(f).isDirectory() ? 0 : statSync(f).size), 0);
  const ctx: Ctx = { h, opts, t0: performance.now(), bytesTotal, bytesBefore: 0, messages: 0, errors: 0, fileIndex: 0, fileCount: files.length, seen: new Set(), chunksLoaded: 0, waitMs: 0, loadMs: 0 };
  const results: IngestFileResult[] = [];
  let derivedSeconds = 0;
  h.busy = true;
  await h.conn.run('BEGIN TRANSACTION');
  try {
    for (const [i, f] of files.entries()) {
      ctx.fileIndex = i;
      checkAbort(ctx);
      const st = statSync(f);
      if (st.isDirectory()) {
        if (existsSync(join(f, 'sigtrail-export.json'))) results.push(...(await ingestExportDir(ctx, f)));
        else {
          const pq = listFiles(f, '.parquet');
          if (!pq.length) throw new CaseError(`${f}: folder holds no Sigtrail export (sigtrail-export.json) and no .parquet files`);
          const sha = await hashDir(f, pq);
          const c = await claim(ctx, sha, f);
          if ('skip' in c) results.push({ path: f, evidenceId: null, kind: 'parquet', messages: 0, errors: 0, frames: 0, skipped: true, note: c.skip });
          else {
            await h.conn.run(`INSERT INTO messages BY NAME SELECT ${c.id} AS evidence_id, COLUMNS(c -> list_contains([${MESSAGE_COLUMN_NAMES.map((n) => `'${n}'`).join(', ')}], c)) FROM read_parquet(${sqlStr(join(f, '**', '*.parquet'))}, hive_partitioning=true, union_by_name=true)`);
            const r = await finishEvidence(ctx, c.id, f, pq.reduce((s, p) => s + statSync(p).size, 0), sha, 'parquet', 0, 'parquet folder');
            ctx.messages += r.messages;
            results.push(r);
          }
        }
        continue;
      }
      const s = sniffFile(f);
      let kind: InputKind = s.kind;
      const fmt = opts.format;
      if (fmt === 'pcap') kind = s.kind === 'pcapng' ? 'pcapng' : 'pcap';
      else if (fmt === 'ndjson') kind = 'ndjson';
      else if (fmt === 'ek') kind = 'tshark-ek';
      else if (fmt === 'tshark') kind = 'tshark-tsv';
      else if (fmt === 'csv') kind = 'csv';
      else if (fmt === 'parquet') kind = 'parquet';
      const ct = kind === s.kind ? s.captureType : kind + (s.gzip ? '.gz' : '');
      let r: IngestFileResult;
      if (kind === 'pcap' || kind === 'pcapng') r = await ingestViaWorker(ctx, f, 'capture', ct);
      else if (kind === 'ndjson' || kind === 'tshark-ek') r = await ingestViaWorker(ctx, f, kind, ct);
      else if (kind === 'tshark-tsv' || kind === 'csv' || kind === 'parquet') r = await ingestViaSql(ctx, f, kind, ct, s.gzip);
      else throw new CaseError(`${f}: not a capture (pcap/pcapng) or a known export format (NDJSON, tshark ek/TSV, CSV with --map, Parquet)`);
      results.push(r);
      ctx.bytesBefore += st.size;
    }
    checkAbort(ctx);
    progress(ctx, 'derive', '', 0);
    const td = performance.now();
    if (results.some((r) => !r.skipped)) {
      for (const s of derivedSql(profileMatches(opts.profile))) {
        checkAbort(ctx);
        await h.conn.run(s);
      }
      if (opts.profile) await h.conn.run("INSERT OR REPLACE INTO case_meta VALUES ('profile', $1)", [JSON.stringify(opts.profile)]);
    }
    derivedSeconds = (performance.now() - td) / 1000;
    await h.conn.run("INSERT INTO audit_log VALUES (now()::TIMESTAMP, $1, 'ingest', $2, $3::JSON)", [
      opts.actor ?? 'sigtrail', files.map((f) => basename(f)).join(', '),
      JSON.stringify({ files: results.map((r) => ({ path: r.path, evidence: r.evidenceId, messages: r.messages, errors: r.errors, skipped: r.skipped })), force: !!opts.force }),
    ]);
    checkAbort(ctx);
    progress(ctx, 'commit', '', 0);
    await h.conn.run('COMMIT');
  } catch (e) {
    await h.conn.run('ROLLBACK').catch(() => undefined);
    h.busy = false;
    if (e instanceof CaseError || e instanceof Cancelled) throw e;
    const msg = e instanceof Error ? e.message.split('\n')[0]! : String(e);
    throw new CaseError(`import failed, case unchanged: ${msg}`);
  }
  h.busy = false;
  const res: IngestResult = { files: results, messages: ctx.messages, errors: results.reduce((s, r) => s + r.errors, 0), seconds: (performance.now() - ctx.t0) / 1000, derivedSeconds, waitSeconds: ctx.waitMs / 1000, loadSeconds: ctx.loadMs / 1000 };
  progress(ctx, 'done', '', 0);
  return res;
}

/** Rebuilds the derived tables from messages (e.g. with a new profile), in one transaction. */
export async function rebuildDerived(h: CaseHandle, profile?: NetworkProfile): Promise<void> {
  await h.conn.run('BEGIN TRANSACTION');
  try {
    for (const s of derivedSql(profileMatches(profile))) await h.conn.run(s);
    await h.conn.run('COMMIT');
  } catch (e) {
    await h.conn.run('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

// ---------------------------------------------------------------- export

export interface ExportResult {
  dir: string;
  messages: number;
  days: number;
  files: number;
}

/**
 * Writes the case as Parquet: messages/day=YYYY-MM-DD/*.parquet (hive
 * partitioning, zstd), evidence / decode_errors / dialogues / alerts … as one
 * file each, and sigtrail-export.json. `ingest DIR` restores it.
 */
export async function exportParquet(h: CaseHandle, dir: string): Promise<ExportResult> {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new CaseError(`cannot create ${dir}: ${(e as Error).message}`);
  }
  if (existsSync(join(dir, 'messages')) && readdirSync(join(dir, 'messages')).length) throw new CaseError(`${dir} already holds an export (messages/); choose an empty folder`);
  const run = async (sql: string): Promise<void> => {
    try {
      await h.conn.run(sql);
    } catch (e) {
      throw new CaseError(`export to ${dir} failed: ${(e as Error).message.split('\n')[0]}`);
    }
  };
  const n = Number((await caseQuery(h, 'SELECT count(*) AS n FROM messages'))[0]!.n);
  if (n > 0) {
    await run(`COPY (SELECT evidence_id, ${MSG_COLS_SQL}, coalesce(strftime(to_timestamp(floor(ts)::BIGINT), '%Y-%m-%d'), 'unknown') AS day FROM messages ORDER BY evidence_id, ts, frame, msg_idx, comp_idx)
       TO ${sqlStr(join(dir, 'messages'))} (FORMAT parquet, PARTITION_BY (day), COMPRESSION zstd, OVERWRITE_OR_IGNORE true)`);
  }
  for (const t of ['evidence', 'decode_errors', 'dialogues', 'nodes', 'links', 'subscribers', 'locations', 'kpis', 'alerts', 'alert_triage', 'audit_log']) {
    await run(`COPY ${t} TO ${sqlStr(join(dir, `${t}.parquet`))} (FORMAT parquet, COMPRESSION zstd)`);
  }
  const days = Number((await caseQuery(h, "SELECT count(DISTINCT coalesce(strftime(to_timestamp(floor(ts)::BIGINT), '%Y-%m-%d'), 'unknown')) AS n FROM messages"))[0]!.n);
  writeFileSync(join(dir, 'sigtrail-export.json'), JSON.stringify({ format: 'sigtrail-export', version: 1, schemaVersion: SCHEMA_VERSION, exportedAt: new Date().toISOString(), case: resolve(h.path), messages: n, layout: 'messages/day=YYYY-MM-DD/*.parquet (hive); one <table>.parquet per other table' }, null, 2) + '\n');
  await h.conn.run("INSERT INTO audit_log VALUES (now()::TIMESTAMP, 'sigtrail', 'export', $1, $2::JSON)", [resolve(dir), JSON.stringify({ messages: n, days })]).catch(() => undefined);
  return { dir, messages: n, days, files: listFiles(dir, '.parquet').length };
}
