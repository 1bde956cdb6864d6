/**
 * The workbench backend: implements every method of the IPC contract
 * (shared/ipc/contract.ts) over a case database. Electron main binds it to
 * ipcMain.handle; the web host (electron/cli/web.ts) binds it to POST /api/<m>.
 *
 * Reads use SQL over the case store's documented tables (messages, evidence,
 * alerts, alert_triage, audit_log and the derived tables when present); heavy
 * work (ingest, detection, generation) runs through the integrations
 * (shared/node/api/integrations.ts), which call the store, detector and
 * generator libraries and report progress as jobs.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import {
  ApiError, LANES, laneOf, SEVERITIES, TRIAGE_STATUSES,
  type AlertDetail, type AlertItem, type Api, type ApiEvent, type AppInfo, type Args, type CaseInfo, type EvidenceItem,
  type GraphData, type GraphEdge, type GraphNode, type LadderData, type LadderMessage, type MethodName, type Overview,
  type RecentCase, type Result, type Row, type Scalar, type ScenarioStep, type TimelineData, validateArgs,
} from '../../ipc/contract.js';
import { compileFilter, FilterError } from '../../ipc/filter.js';
import type { Severity, TriageStatus } from '../../model/alert.js';
import { rowObjects, type CaseDb, type QueryResult } from './db.js';
import { JobRegistry } from './jobs.js';
import { caseReport } from '../report.js';
import { readFrameBytes, toHex } from './frame-bytes.js';
import { defaultIntegrations, type Integrations } from './integrations.js';

export interface ServiceOptions {
  host: 'electron' | 'web';
  /** Where recent.json lives. Default: $SIGTRAIL_STATE_DIR or ~/.config/sigtrail. */
  stateDir?: string;
  /** Where new/demo cases go. Default: $SIGTRAIL_CASES_DIR or ~/.local/share/sigtrail/cases. */
  casesDir?: string;
  onEvent?: (e: ApiEvent) => void;
  integrations?: Partial<Integrations>;
  version?: string;
}

export type ApiService = Api & { close(): Promise<void>; dispatch(method: MethodName, args: unknown): Promise<unknown> };

/** Source/destination node id of a message: GT, then Diameter host, then point code, then IP. */
export const SRC_NODE = `coalesce('gt:' || nullif(calling_gt, ''), 'host:' || nullif(origin_host, ''), 'pc:' || CAST(opc AS VARCHAR), 'ip:' || src_ip)`;
export const DST_NODE = `coalesce('gt:' || nullif(called_gt, ''), 'host:' || nullif(dest_host, ''), 'pc:' || CAST(dpc AS VARCHAR), 'ip:' || dst_ip)`;
/**
 * Per-connection view adding s_node/d_node to messages. A Diameter answer names
 * no destination host: it goes to the host that sends from the answer's
 * destination IP (the requester), learned from the case itself.
 */
export const NODE_VIEW = `CREATE OR REPLACE TEMP VIEW wb_msg AS
  WITH ih AS (SELECT src_ip AS ip, mode(origin_host) AS host FROM messages WHERE origin_host IS NOT NULL AND src_ip IS NOT NULL GROUP BY 1)
  SELECT m.*, ${SRC_NODE.replace(/\b(calling_gt|origin_host|opc|src_ip)\b/g, 'm.$1')} AS s_node,
    coalesce('gt:' || nullif(m.called_gt, ''), 'host:' || nullif(m.dest_host, ''), CASE WHEN m.family = 'diameter' THEN 'host:' || ih.host END, 'pc:' || CAST(m.dpc AS VARCHAR), 'ip:' || m.dst_ip) AS d_node
  FROM messages m LEFT JOIN ih ON ih.ip = m.dst_ip`;
/** Operation label of a message. */
export const OP_EXPR = `coalesce(op_name, diam_cmd_name, isup_name, sccp_type_name, m3ua_type_name, family)`;
const EV = `CAST(evidence_id AS VARCHAR)`;

const sevRank = (s: Severity | null) => (s ? SEVERITIES.indexOf(s) : -1);
const num = (v: Scalar | undefined): number | null => (typeof v === 'number' ? v : typeof v === 'string' && v !== '' && Number.isFinite(Number(v)) ? Number(v) : null);
const str = (v: Scalar | undefined): string | null => (v === null || v === undefined || v === '' ? null : String(v));
function parseJson(v: Scalar | undefined): unknown {
  if (typeof v !== 'string') return v ?? null;
  const t = v.trim();
  if (!t.startsWith('{') && !t.startsWith('[')) return v;
  try {
    return JSON.parse(t);
  } catch {
    return v;
  }
}
const toEpoch = (v: Scalar | undefined): number => {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const n = Number(v);
    if (Number.isFinite(n)) return n;
    const d = Date.parse(v.endsWith('Z') || v.includes('+') ? v : v + 'Z');
    if (Number.isFinite(d)) return d / 1000;
  }
  return 0;
};

export function nodeLabel(id: string): { kind: GraphNode['kind']; label: string } {
  const i = id.indexOf(':');
  const kind = id.slice(0, i) as GraphNode['kind'];
  const v = id.slice(i + 1);
  if (kind === 'pc') {
    const pc = Number(v);
    return { kind, label: `PC ${pc} (${(pc >> 11) & 7}-${(pc >> 3) & 255}-${pc & 7})` };
  }
  return { kind, label: kind === 'gt' ? `+${v}` : v };
}

function csvCell(v: Scalar): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
export function toCsv(columns: string[], rows: Scalar[][]): string {
  const out = [columns.map((c) => csvCell(c)).join(',')];
  for (const r of rows) out.push(r.map(csvCell).join(','));
  return out.join('\n') + '\n';
}

interface AlertRec extends AlertItem {
  explanation: string;
  techniques: string[];
  facts: Record<string, Scalar>;
  frameRefs: { evidence: string; frame: number }[];
  attackerInfo: Record<string, Scalar>;
  note: string;
  attackerNode: string | null;
}

const READ_ONLY_SQL = /^\s*(select|with|from|describe|show|summarize|explain|pragma\s+(table_info|show|database_list|storage_info)|values|table)\b/i;

export function createApiService(opts: ServiceOptions): ApiService {
  const integ: Integrations = { ...defaultIntegrations(), ...(opts.integrations ?? {}) };
  const stateDir = opts.stateDir ?? process.env.SIGTRAIL_STATE_DIR ?? join(homedir(), '.config', 'sigtrail');
  const casesDir = opts.casesDir ?? process.env.SIGTRAIL_CASES_DIR ?? join(homedir(), '.local', 'share', 'sigtrail', 'cases');
  const emit = (e: ApiEvent) => opts.onEvent?.(e);
  const jobs = new JobRegistry((job) => emit({ type: 'job', job }));

  let db: CaseDb | null = null;
  let tables: Map<string, Map<string, string>> | null = null; // table → column → type
  let alertCache: AlertRec[] | null = null;

  const need = (): CaseDb => {
    if (!db) throw new ApiError('no case is open: open or create a case first', 'no-case');
    return db;
  };
  const q = async (sql: string, params: (string | number | boolean | null)[] = []): Promise<QueryResult> => need().query(sql, params);
  const qo = async (sql: string, params: (string | number | boolean | null)[] = []): Promise<Row[]> => rowObjects(await q(sql, params));

  async function schema(): Promise<Map<string, Map<string, string>>> {
    if (tables) return tables;
    const r = await qo(`SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'main' ORDER BY table_name, ordinal_position`);
    const m = new Map<string, Map<string, string>>();
    for (const x of r) {
      const t = String(x.table_name);
      if (!m.has(t)) m.set(t, new Map());
      m.get(t)!.set(String(x.column_name), String(x.data_type));
    }
    tables = m;
    if (m.has('messages')) await q(NODE_VIEW);
    return m;
  }
  const has = async (t: string) => (await schema()).has(t);
  const cols = async (t: string) => (await schema()).get(t) ?? new Map<string, string>();
  const pick = (c: Map<string, string>, ...names: string[]) => names.find((n) => c.has(n)) ?? null;
  const invalidate = () => {
    tables = null;
    alertCache = null;
  };

  // ------------------------------------------------------------ recent cases
  const recentFile = join(stateDir, 'recent.json');
  function readRecent(): RecentCase[] {
    try {
      const x = JSON.parse(readFileSync(recentFile, 'utf8')) as { path: string; name: string; openedAt: number }[];
      return x.filter((r) => typeof r.path === 'string').map((r) => ({ ...r, exists: existsSync(r.path) }));
    } catch {
      return [];
    }
  }
  function pushRecent(path: string) {
    const list = readRecent().filter((r) => r.path !== path);
    list.unshift({ path, name: basename(path).replace(/\.duckdb$/, ''), openedAt: Date.now(), exists: true });
    try {
      mkdirSync(stateDir, { recursive: true });
      writeFileSync(recentFile, JSON.stringify(list.slice(0, 20).map(({ exists: _e, ...r }) => r), null, 1));
    } catch {
      /* recent list is a convenience: an unwritable state dir must not break opening */
    }
  }

  async function caseInfo(): Promise<CaseInfo> {
    const d = need();
    const hasMsg = await has('messages');
    const m = hasMsg ? (await qo(`SELECT count(*) AS n, min(ts) AS a, max(ts) AS b FROM messages`))[0] : undefined;
    const ev = (await has('evidence')) ? num((await qo(`SELECT count(*) AS n FROM evidence`))[0]?.n) : 0;
    const al = (await has('alerts')) ? num((await qo(`SELECT count(*) AS n FROM alerts`))[0]?.n) : 0;
    return { path: d.path, name: basename(d.path).replace(/\.duckdb$/, ''), messages: num(m?.n) ?? 0, evidence: ev ?? 0, alerts: al ?? 0, start: num(m?.a), end: num(m?.b) };
  }

  async function openPath(path: string, create: boolean, fromJob = false): Promise<CaseInfo> {
    const p = resolve(path);
    if (!create && !existsSync(p)) throw new ApiError(`case not found: ${p}`, 'not-found');
    if (create && existsSync(p)) throw new ApiError(`a file already exists at ${p}: open it instead`, 'bad-args');
    if (create && !p.endsWith('.duckdb')) throw new ApiError('a case file name must end in .duckdb', 'bad-args');
    if (!fromJob && jobs.running() > 0) throw new ApiError('a job is still running on the open case: wait or cancel it first', 'failed');
    if (create) mkdirSync(dirname(p), { recursive: true });
    const next = await integ.openDb(p, { create });
    if (db) await db.close();
    db = next;
    invalidate();
    pushRecent(p);
    const info = await caseInfo();
    emit({ type: 'case', info });
    return info;
  }

  // ------------------------------------------------------------ alerts
  async function loadAlerts(): Promise<AlertRec[]> {
    if (alertCache) return alertCache;
    if (!(await has('alerts'))) return (alertCache = []);
    const rows = await qo(`SELECT * FROM alerts`);
    const triage = new Map<string, Row>();
    if (await has('alert_triage')) {
      const tc = await cols('alert_triage');
      const idc = pick(tc, 'alert_id', 'id');
      if (idc) for (const t of await qo(`SELECT * FROM alert_triage`)) triage.set(String(t[idc]), t);
    }
    const out: AlertRec[] = rows.map((r) => {
      const att = (parseJson(r.attacker) ?? {}) as Record<string, Scalar>;
      const vic = (parseJson(r.victim) ?? {}) as Record<string, Scalar>;
      const a: Record<string, Scalar> = typeof att === 'object' && att ? { ...att } : {};
      for (const k of ['gt', 'pc', 'host', 'realm', 'network', 'country']) if (r[`attacker_${k}`] !== undefined && r[`attacker_${k}`] !== null) a[k] = r[`attacker_${k}`]!;
      const imsi = str(r.victim_imsi) ?? str((vic as Record<string, Scalar>)?.imsi);
      const msisdn = str(r.victim_msisdn) ?? str((vic as Record<string, Scalar>)?.msisdn);
      let frames = parseJson(r.frames);
      if (!Array.isArray(frames)) frames = [];
      const frameRefs = (frames as unknown[]).flatMap((f) => {
        if (f && typeof f === 'object' && 'frame' in f) return [{ evidence: String((f as { evidence?: unknown }).evidence ?? ''), frame: Number((f as { frame: unknown }).frame) }];
        if (typeof f === 'number') return [{ evidence: '', frame: f }];
        return [];
      });
      const id = String(r.id ?? r.alert_id);
      const t = triage.get(id);
      const tagsRaw = t ? parseJson(t.tags) : [];
      const tags = Array.isArray(tagsRaw) ? tagsRaw.map(String) : typeof tagsRaw === 'string' && tagsRaw ? tagsRaw.split(',').map((s) => s.trim()).filter(Boolean) : [];
      const status = (t && TRIAGE_STATUSES.includes(String(t.status) as TriageStatus) ? String(t.status) : 'new') as TriageStatus;
      const attackerNode = a.gt ? `gt:${a.gt}` : a.host ? `host:${a.host}` : a.pc !== undefined && a.pc !== null ? `pc:${a.pc}` : null;
      const techniques = parseJson(r.techniques);
      const facts = parseJson(r.facts);
      const severity = (SEVERITIES.includes(String(r.severity) as Severity) ? String(r.severity) : 'info') as Severity;
      return {
        id,
        detector: String(r.detector ?? ''),
        title: String(r.title ?? r.detector ?? ''),
        severity,
        category: String(r.category ?? ''),
        start: toEpoch(r.start ?? r.start_ts),
        end: toEpoch(r.end ?? r.end_ts ?? r.start),
        attacker: [a.gt ? `GT +${a.gt}` : null, a.pc !== undefined && a.pc !== null ? `PC ${a.pc}` : null, a.host ? String(a.host) : null, a.network ? String(a.network) : null, a.country ? String(a.country) : null].filter(Boolean).join(' · ') || '—',
        victim: [imsi ? `IMSI ${imsi}` : null, msisdn ? `MSISDN ${msisdn}` : null].filter(Boolean).join(' · ') || '—',
        victimImsi: imsi,
        victimMsisdn: msisdn,
        status,
        tags,
        frames: frameRefs.length,
        explanation: String(r.explanation ?? ''),
        techniques: Array.isArray(techniques) ? techniques.map(String) : typeof techniques === 'string' && techniques ? techniques.split(',') : [],
        facts: facts && typeof facts === 'object' && !Array.isArray(facts) ? (facts as Record<string, Scalar>) : {},
        frameRefs,
        attackerInfo: a,
        note: t ? String(t.note ?? t.notes ?? '') : '',
        attackerNode,
      };
    });
    out.sort((x, y) => sevRank(y.severity) - sevRank(x.severity) || x.start - y.start);
    return (alertCache = out);
  }
  const itemOf = (a: AlertRec): AlertItem => ({
    id: a.id, detector: a.detector, title: a.title, severity: a.severity, category: a.category, start: a.start, end: a.end,
    attacker: a.attacker, victim: a.victim, victimImsi: a.victimImsi, victimMsisdn: a.victimMsisdn, status: a.status, tags: a.tags, frames: a.frames,
  });

  /** Inserts a row into `table` using whichever of the candidate columns exist, casting by column type. */
  async function insertFlexible(table: string, values: { names: string[]; value: string | number | string[] }[]) {
    const c = await cols(table);
    const names: string[] = [], exprs: string[] = [], params: (string | number)[] = [];
    for (const v of values) {
      const col = pick(c, ...v.names);
      if (!col) continue;
      const type = c.get(col)!.toUpperCase();
      names.push(`"${col}"`);
      if (Array.isArray(v.value)) {
        params.push(JSON.stringify(v.value));
        exprs.push(type.endsWith('[]') ? `CAST(CAST(? AS JSON) AS VARCHAR[])` : type === 'JSON' ? `CAST(? AS JSON)` : '?');
      } else if (typeof v.value === 'number' && type.startsWith('TIMESTAMP')) {
        params.push(v.value);
        exprs.push(`to_timestamp(?)`);
      } else {
        params.push(type === 'JSON' ? JSON.stringify(v.value) : v.value);
        exprs.push(type === 'JSON' ? `CAST(? AS JSON)` : '?');
      }
    }
    if (names.length) await q(`INSERT INTO "${table}" (${names.join(', ')}) VALUES (${exprs.join(', ')})`, params);
  }

  // ------------------------------------------------------------ messages helpers
  async function messageColumns(): Promise<{ name: string; type: string }[]> {
    if (!(await has('messages'))) return [];
    return [...(await cols('messages')).entries()].map(([name, type]) => ({ name, type }));
  }
  async function filterSql(filter: string | undefined) {
    const types: Record<string, 'text' | 'number' | 'bool'> = {};
    for (const { name, type } of await messageColumns()) {
      const t = type.toUpperCase();
      types[name] = t === 'BOOLEAN' ? 'bool' : t.includes('CHAR') || t === 'JSON' || t.includes('[]') ? 'text' : 'number';
    }
    types.op = 'text';
    try {
      const f = compileFilter(filter ?? '', types);
      return { where: f.where.replace(/"op"/g, `(${OP_EXPR})`), params: f.params };
    } catch (e) {
      if (e instanceof FilterError) throw new ApiError(`filter: ${e.message}`, 'bad-args');
      throw e;
    }
  }
  async function frameRow(evidence: string, frame: number, msgIdx?: number, compIdx?: number): Promise<Row | null> {
    const conds = [`frame = ?`];
    const params: (string | number)[] = [frame];
    if (evidence) {
      conds.push(`${EV} = ?`);
      params.push(evidence);
    }
    if (msgIdx !== undefined) {
      conds.push('msg_idx = ?');
      params.push(msgIdx);
    }
    if (compIdx !== undefined) {
      conds.push('comp_idx = ?');
      params.push(compIdx);
    }
    return (await qo(`SELECT * FROM messages WHERE ${conds.join(' AND ')} ORDER BY msg_idx, comp_idx LIMIT 1`, params))[0] ?? null;
  }

  const ladderCols = `${EV} AS ev, frame, msg_idx, comp_idx, ts, family, s_node AS s, d_node AS d, ${OP_EXPR} AS op, tcap_type, comp_kind_name, is_result, error_code, result_code, diam_request, otid, dtid`;
  function toLadder(rows: Row[], title: string, limit: number): LadderData {
    const parties: string[] = [];
    const seen = new Set<string>();
    const msgs: LadderMessage[] = rows.slice(0, limit).map((r) => {
      const from = nodeLabel(String(r.s ?? 'ip:?')).label, to = nodeLabel(String(r.d ?? 'ip:?')).label;
      for (const p of [from, to]) if (!seen.has(p)) { seen.add(p); parties.push(p); }
      const isErr = r.error_code !== null || (num(r.result_code) !== null && num(r.result_code)! >= 3000);
      const kind = r.family === 'diameter' ? (r.diam_request === true ? 'request' : r.diam_request === false ? 'answer' : '') : [str(r.tcap_type), str(r.comp_kind_name)].filter(Boolean).join(' ');
      return {
        evidence: String(r.ev), frame: Number(r.frame), msgIdx: Number(r.msg_idx), compIdx: Number(r.comp_idx), ts: Number(r.ts),
        from, to, label: `${String(r.op)}${kind ? ` · ${kind}` : ''}`, family: String(r.family), dialogue: str(r.otid) ?? str(r.dtid), error: isErr,
      };
    });
    return { title, parties, messages: msgs, truncated: rows.length > limit };
  }

  // ------------------------------------------------------------ the API
  const api: Api = {
    async appInfo(): Promise<AppInfo> {
      const demo = join(casesDir, 'demo.duckdb');
      return { version: opts.version ?? '0.1.0', host: opts.host, casesDir, demoCase: existsSync(demo) ? demo : null, backend: integ.status() };
    },
    async caseCurrent() {
      return db ? caseInfo() : null;
    },
    caseOpen: ({ path }) => openPath(path, false),
    caseCreate: ({ path }) => openPath(path.includes('/') ? path : join(casesDir, path.endsWith('.duckdb') ? path : `${path}.duckdb`), true),
    async caseClose() {
      if (jobs.running() > 0) throw new ApiError('a job is still running: cancel it first', 'failed');
      if (db) await db.close();
      db = null;
      invalidate();
      emit({ type: 'case', info: null });
      return null;
    },
    async caseRecent() {
      return readRecent();
    },
    async evidenceList(): Promise<EvidenceItem[]> {
      need();
      if (!(await has('evidence'))) return [];
      const ec = await cols('evidence');
      const counts = new Map<string, number>();
      if (await has('messages')) for (const r of await qo(`SELECT ${EV} AS e, count(*) AS n FROM messages GROUP BY 1`)) counts.set(String(r.e), num(r.n) ?? 0);
      const rows = await qo(`SELECT * FROM evidence ORDER BY ${pick(ec, 'imported_at', 'import_time', 'id') ?? 'id'}`);
      return rows.map((r) => {
        const id = String(r.id ?? r.evidence_id);
        return {
          id, name: String(r.name ?? basename(String(r.path ?? ''))), path: String(r.path ?? ''), size: num(r.size ?? r.bytes), sha256: str(r.sha256),
          kind: str(r.kind ?? r.capture_type ?? r.format ?? r.type), status: str(r.status), messages: counts.get(id) ?? num(r.messages) ?? 0,
          importedAt: str(r.imported_at ?? r.import_time), start: num(r.start ?? r.first_ts ?? r.start_ts), end: num(r.end ?? r.last_ts ?? r.end_ts),
        };
      });
    },
    async importStart({ files, profile }) {
      const d = need();
      for (const f of files) if (!existsSync(f)) throw new ApiError(`file not found: ${f}`, 'not-found');
      if (jobs.running() > 0) throw new ApiError('another job is running on this case', 'failed');
      const jobId = jobs.start('import', `importing ${files.length} file(s)`, async (job) => {
        const total = files.reduce((s, f) => s + statSync(f).size, 0);
        job.update({ bytesTotal: total });
        const t0 = Date.now();
        let ingestRate = 0;
        const r = await integ.ingest(d, files, { profile, signal: job.signal, onProgress: (p) => {
          job.update(p);
          if (p.rate !== undefined) ingestRate = p.rate;
        } });
        if (r.messages && Date.now() > t0) ingestRate = r.messages / ((Date.now() - t0) / 1000);
        invalidate();
        emit({ type: 'case', info: await caseInfo() });
        // Detection follows every import so the alert queue matches the evidence.
        let det = '';
        if (!job.signal.aborted) {
          job.update({ step: 'running detectors', rate: ingestRate, messages: r.messages });
          try {
            const x = await integ.detect(d, { profile, signal: job.signal, onProgress: (p) => job.update({ step: p.step ?? 'running detectors', rate: ingestRate }) });
            det = `; ${x.alerts} alert(s)${x.errors?.length ? `, ${x.errors.length} detector error(s)` : ''}`;
          } catch (e) {
            det = `; detection failed: ${e instanceof Error ? e.message : String(e)}`;
          }
          invalidate();
          emit({ type: 'case', info: await caseInfo() });
        }
        return { summary: r.summary + det, messages: r.messages, rate: ingestRate, step: 'imported' };
      });
      return { jobId };
    },
    jobStatus: async ({ jobId }) => jobs.get(jobId),
    jobCancel: async ({ jobId }) => jobs.cancel(jobId),
    jobsList: async () => jobs.list(),
    async detectStart({ profile }) {
      const d = need();
      if (jobs.running() > 0) throw new ApiError('another job is running on this case', 'failed');
      const jobId = jobs.start('detect', 'running detectors', async (job) => {
        const r = await integ.detect(d, { profile, signal: job.signal, onProgress: (p) => job.update(p) });
        invalidate();
        emit({ type: 'case', info: await caseInfo() });
        return { summary: `${r.alerts} alert(s)${r.errors?.length ? `; detector errors: ${r.errors.join('; ')}` : ''}` };
      });
      return { jobId };
    },

    async overview({ buckets = 120 }): Promise<Overview> {
      const info = await caseInfo();
      const hasMsg = await has('messages');
      const counts: Overview['counts'] = [{ label: 'Messages', value: info.messages }];
      let families: Overview['families'] = [];
      const histogram: Overview['histogram'] = { bucketStart: info.start ?? 0, bucketSeconds: 1, counts: [], families: [] };
      let topTalkers: Overview['topTalkers'] = [];
      const countOf = async (sql: string) => num((await qo(sql))[0]?.n);
      if (hasMsg) {
        counts.push({ label: 'Signaling points', value: await countOf(`SELECT count(*) AS n FROM (SELECT opc AS pc FROM messages WHERE opc IS NOT NULL UNION SELECT dpc FROM messages WHERE dpc IS NOT NULL)`) });
        counts.push({ label: 'Global titles', value: await countOf(`SELECT count(*) AS n FROM (SELECT calling_gt AS g FROM messages WHERE calling_gt IS NOT NULL UNION SELECT called_gt FROM messages WHERE called_gt IS NOT NULL)`) });
        if (await has('nodes')) {
          const nc = await cols('nodes');
          const role = pick(nc, 'role', 'roles');
          counts.push(role ? { label: 'STPs', value: await countOf(`SELECT count(*) AS n FROM nodes WHERE lower(CAST("${role}" AS VARCHAR)) LIKE '%stp%'`) } : { label: 'STPs', value: null, note: 'no role column in nodes' });
        } else counts.push({ label: 'STPs', value: null, note: 'needs the nodes table' });
        counts.push(await has('links')
          ? { label: 'Links', value: await countOf(`SELECT count(*) AS n FROM links`) }
          : { label: 'Links', value: await countOf(`SELECT count(*) AS n FROM (SELECT DISTINCT opc, dpc FROM messages WHERE opc IS NOT NULL)`), note: 'OPC–DPC pairs' });
        counts.push(await has('subscribers')
          ? { label: 'Subscribers', value: await countOf(`SELECT count(*) AS n FROM subscribers`) }
          : { label: 'Subscribers', value: await countOf(`SELECT count(DISTINCT imsi) AS n FROM messages`), note: 'distinct IMSIs' });
        counts.push(await has('dialogues') ? { label: 'Dialogues', value: await countOf(`SELECT count(*) AS n FROM dialogues`) } : { label: 'Dialogues', value: null, note: 'needs the dialogues table' });
        counts.push({ label: 'Diameter hosts', value: await countOf(`SELECT count(DISTINCT origin_host) AS n FROM messages`) });
        if (await has('decode_errors')) counts.push({ label: 'Decode errors', value: await countOf(`SELECT count(*) AS n FROM decode_errors`) });
        families = (await qo(`SELECT family, count(*) AS n FROM messages GROUP BY 1 ORDER BY 2 DESC`)).map((r) => ({ family: String(r.family), messages: num(r.n) ?? 0 }));
        if (info.start !== null && info.end !== null) {
          const span = Math.max(1e-3, info.end - info.start);
          const nice = [0.001, 0.01, 0.1, 1, 5, 10, 30, 60, 300, 600, 1800, 3600, 3 * 3600, 6 * 3600, 86400];
          const bs = nice.find((b) => span / b <= buckets) ?? Math.ceil(span / buckets);
          const start = Math.floor(info.start / bs) * bs;
          const fams = families.slice(0, 6).map((f) => f.family);
          const n = Math.floor((info.end - start) / bs) + 1;
          const arr = new Array<number>(n * (fams.length + 1)).fill(0);
          const hr = await qo(`SELECT CAST(floor((ts - ?) / ?) AS BIGINT) AS b, family, count(*) AS n FROM messages GROUP BY 1, 2`, [start, bs]);
          for (const r of hr) {
            const b = num(r.b) ?? 0;
            let fi = fams.indexOf(String(r.family));
            if (fi < 0) fi = fams.length;
            if (b >= 0 && b < n) arr[b * (fams.length + 1) + fi]! += num(r.n) ?? 0;
          }
          Object.assign(histogram, { bucketStart: start, bucketSeconds: bs, counts: arr, families: [...fams, 'other'] });
        }
        const alerts = await loadAlerts();
        const alertsByNode = new Map<string, number>();
        for (const a of alerts) if (a.attackerNode) alertsByNode.set(a.attackerNode, (alertsByNode.get(a.attackerNode) ?? 0) + 1);
        topTalkers = (await qo(`SELECT s_node AS id, count(*) AS n FROM wb_msg GROUP BY 1 ORDER BY 2 DESC LIMIT 10`)).filter((r) => r.id !== null).map((r) => {
          const id = String(r.id);
          const l = nodeLabel(id);
          return { id, label: l.label, kind: l.kind, messages: num(r.n) ?? 0, alerts: alertsByNode.get(id) ?? 0 };
        });
      }
      counts.push({ label: 'Evidence files', value: info.evidence });
      counts.push({ label: 'Alerts', value: info.alerts });
      const alerts = await loadAlerts();
      const alertsBySeverity = SEVERITIES.slice().reverse().map((s) => ({ severity: s, count: alerts.filter((a) => a.severity === s).length }));
      return { info, counts, alertsBySeverity, histogram, topTalkers, families };
    },

    async graph({ families, from, to, limit = 5000 }): Promise<GraphData> {
      need();
      if (!(await has('messages'))) return { nodes: [], edges: [], truncated: false, timeRange: null, families: [] };
      const conds: string[] = [];
      const params: (string | number)[] = [];
      if (families && families.length) {
        conds.push(`family IN (${families.map(() => '?').join(',')})`);
        params.push(...families);
      }
      if (from !== undefined) { conds.push('ts >= ?'); params.push(from); }
      if (to !== undefined) { conds.push('ts <= ?'); params.push(to); }
      const where = conds.length ? `WHERE ${conds.join(' AND ')}` : '';
      const range = (await qo(`SELECT min(ts) AS a, max(ts) AS b FROM messages`))[0];
      const allFamilies = (await qo(`SELECT DISTINCT family FROM messages ORDER BY 1`)).map((r) => String(r.family));
      const er = await q(`SELECT s_node AS s, d_node AS d, count(*) AS n, string_agg(DISTINCT family, ',') AS f FROM wb_msg ${where} GROUP BY 1, 2`, params);
      const nodeMsgs = new Map<string, number>();
      for (const [s, d, n] of er.rows) {
        if (s === null || d === null) continue;
        nodeMsgs.set(String(s), (nodeMsgs.get(String(s)) ?? 0) + Number(n));
        nodeMsgs.set(String(d), (nodeMsgs.get(String(d)) ?? 0) + Number(n));
      }
      const ranked = [...nodeMsgs.entries()].sort((a, b) => b[1] - a[1]);
      const keep = new Set(ranked.slice(0, limit).map(([id]) => id));
      const alerts = await loadAlerts();
      const alertBy = new Map<string, { n: number; sev: Severity | null }>();
      for (const a of alerts) {
        if (!a.attackerNode) continue;
        const x = alertBy.get(a.attackerNode) ?? { n: 0, sev: null };
        x.n++;
        if (sevRank(a.severity) > sevRank(x.sev)) x.sev = a.severity;
        alertBy.set(a.attackerNode, x);
      }
      const geo = await integ.geo();
      const known = new Map<string, { country: string | null; network: string | null; role: string | null }>();
      if (await has('nodes')) {
        const nc = await cols('nodes');
        if (nc.has('node') && nc.has('kind')) {
          for (const r of await qo(`SELECT node, kind, ${nc.has('country_name') ? 'country_name' : 'NULL'} AS country, ${nc.has('network') ? 'network' : 'NULL'} AS network, ${nc.has('role') ? 'role' : 'NULL'} AS role FROM nodes`)) {
            const k = String(r.kind), v = String(r.node);
            const id = k === 'pc' ? (v.startsWith('pc:') ? v : `pc:${v}`) : `${k}:${v}`;
            if (keep.has(id)) known.set(id, { country: str(r.country), network: str(r.network), role: str(r.role) });
          }
        }
      }
      const nodes: GraphNode[] = [...keep].map((id) => {
        const l = nodeLabel(id);
        const al = alertBy.get(id);
        const k = known.get(id);
        const gg = geo ? geo.describe(id) : null;
        const g = k ? { country: k.country ?? gg?.country ?? null, network: k.network ?? gg?.network ?? null, role: k.role } : gg;
        return { id, kind: l.kind, label: l.label, network: g?.network ?? null, country: g?.country ?? null, role: g?.role ?? null, messages: nodeMsgs.get(id) ?? 0, alerts: al?.n ?? 0, maxSeverity: al?.sev ?? null };
      });
      const edges: GraphEdge[] = [];
      for (const [s, d, n, f] of er.rows) {
        if (s === null || d === null || !keep.has(String(s)) || !keep.has(String(d))) continue;
        edges.push({ id: `${s}>${d}`, source: String(s), target: String(d), messages: Number(n), families: String(f ?? '').split(',').filter(Boolean) });
      }
      return { nodes, edges, truncated: ranked.length > limit, timeRange: range && num(range.a) !== null ? { start: num(range.a)!, end: num(range.b)! } : null, families: allFamilies };
    },

    async nodeDetail({ id }) {
      need();
      const g = await api.graph({});
      const node = g.nodes.find((n) => n.id === id) ?? null;
      const peers = new Map<string, { sent: number; received: number }>();
      for (const r of await qo(`SELECT d_node AS p, count(*) AS n FROM wb_msg WHERE s_node = ? GROUP BY 1`, [id])) {
        const p = String(r.p);
        peers.set(p, { sent: num(r.n) ?? 0, received: peers.get(p)?.received ?? 0 });
      }
      for (const r of await qo(`SELECT s_node AS p, count(*) AS n FROM wb_msg WHERE d_node = ? GROUP BY 1`, [id])) {
        const p = String(r.p);
        peers.set(p, { sent: peers.get(p)?.sent ?? 0, received: num(r.n) ?? 0 });
      }
      const operations = (await qo(`SELECT ${OP_EXPR} AS op, count(*) AS n FROM wb_msg WHERE s_node = ? OR d_node = ? GROUP BY 1 ORDER BY 2 DESC LIMIT 30`, [id, id])).map((r) => ({ name: String(r.op), count: num(r.n) ?? 0 }));
      const alerts = (await loadAlerts()).filter((a) => a.attackerNode === id).map(itemOf);
      return {
        node,
        peers: [...peers.entries()].map(([pid, v]) => ({ id: pid, label: nodeLabel(pid).label, ...v })).sort((a, b) => b.sent + b.received - a.sent - a.received).slice(0, 50),
        operations,
        alerts,
      };
    },

    async subscriberSearch({ q: text, limit = 50 }) {
      need();
      if (!(await has('messages'))) return [];
      const t = text.replace(/[^0-9]/g, '');
      const rows = await qo(
        `WITH m AS (SELECT imsi, msisdn, ts FROM messages WHERE (imsi IS NOT NULL OR msisdn IS NOT NULL) AND (? = '' OR starts_with(imsi, ?) OR starts_with(msisdn, ?))),
         pairs AS (SELECT imsi, any_value(msisdn) FILTER (WHERE msisdn IS NOT NULL) AS msisdn FROM m WHERE imsi IS NOT NULL GROUP BY imsi)
         SELECT coalesce(m.imsi, p2.imsi) AS imsi, coalesce(m.msisdn, p1.msisdn) AS msisdn, count(*) AS n, min(ts) AS a, max(ts) AS b
         FROM m LEFT JOIN pairs p1 ON p1.imsi = m.imsi LEFT JOIN (SELECT imsi, msisdn FROM pairs WHERE msisdn IS NOT NULL) p2 ON p2.msisdn = m.msisdn AND m.imsi IS NULL
         GROUP BY 1, 2 ORDER BY 3 DESC LIMIT ?`,
        [t, t, t, limit],
      );
      return rows.map((r) => ({ imsi: str(r.imsi), msisdn: str(r.msisdn), messages: num(r.n) ?? 0, first: num(r.a), last: num(r.b) }));
    },

    async timeline({ imsi, msisdn, limit = 200_000 }): Promise<TimelineData> {
      need();
      let im = imsi || null, ms = msisdn || null;
      if (im && !ms) ms = str((await qo(`SELECT msisdn FROM messages WHERE imsi = ? AND msisdn IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`, [im]))[0]?.msisdn);
      if (ms && !im) im = str((await qo(`SELECT imsi FROM messages WHERE msisdn = ? AND imsi IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`, [ms]))[0]?.imsi);
      const p = [im ?? '', ms ?? ''];
      const r = await q(
        `WITH m AS (SELECT evidence_id, otid, hbh FROM messages WHERE imsi = ? OR msisdn = ?),
         t AS (SELECT DISTINCT evidence_id, otid FROM m WHERE otid IS NOT NULL),
         h AS (SELECT DISTINCT evidence_id, hbh FROM m WHERE hbh IS NOT NULL)
         SELECT ts, family, ${OP_EXPR} AS op, frame, ${EV} AS ev, coalesce(otid, dtid) AS dlg, ${SRC_NODE} AS s, (error_code IS NOT NULL OR coalesce(result_code, 2001) >= 3000) AS err
         FROM messages WHERE imsi = ? OR msisdn = ?
           OR (dtid IS NOT NULL AND (evidence_id, dtid) IN (SELECT (evidence_id, otid) FROM t))
           OR (hbh IS NOT NULL AND diam_request = false AND (evidence_id, hbh) IN (SELECT (evidence_id, hbh) FROM h))
         ORDER BY ts, frame, msg_idx, comp_idx LIMIT ?`,
        [...p, ...p, limit + 1],
      );
      const rows = r.rows;
      const n = Math.min(rows.length, limit);
      const ev: TimelineData['events'] = { ts: new Array(n), lane: new Array(n), op: new Array(n), frame: new Array(n), evidence: new Array(n), dialogue: new Array(n), peer: new Array(n), error: new Array(n) };
      for (let i = 0; i < n; i++) {
        const x = rows[i]!;
        ev.ts[i] = Number(x[0]);
        ev.lane[i] = LANES.indexOf(laneOf(String(x[1]), str(x[2])));
        ev.op[i] = String(x[2]);
        ev.frame[i] = Number(x[3]);
        ev.evidence[i] = String(x[4]);
        ev.dialogue[i] = str(x[5]);
        ev.peer[i] = str(x[6]);
        ev.error[i] = x[7] === true;
      }
      // Location track: serving nodes named by the subscriber's location-bearing messages.
      const locRows = await qo(
        `SELECT ts, frame, coalesce(vlr, msc, sgsn, CASE WHEN family = 'diameter' AND diam_request THEN origin_host END) AS node, visited_plmn, cgi
         FROM messages WHERE (imsi = ? OR msisdn = ?) AND (vlr IS NOT NULL OR msc IS NOT NULL OR sgsn IS NOT NULL OR visited_plmn IS NOT NULL OR cgi IS NOT NULL)
         ORDER BY ts LIMIT 20000`,
        p,
      );
      const geo = await integ.geo();
      const locations: TimelineData['locations'] = [];
      let prev = null as { ts: number; coord: [number, number] | null } | null;
      for (const l of locRows) {
        const node = str(l.node) ?? str(l.cgi) ?? str(l.visited_plmn) ?? '?';
        const c = geo ? geo.locate(str(l.node), str(l.visited_plmn), str(l.cgi)) : null;
        const ts = Number(l.ts);
        let speed: number | null = null;
        if (prev && prev.coord && c?.coord && ts > prev.ts) speed = geo!.distanceKm(prev.coord, c.coord) / ((ts - prev.ts) / 3600);
        const last = locations[locations.length - 1];
        if (!last || last.node !== node) locations.push({ ts, node, country: c?.country ?? null, speedKmh: speed, frame: Number(l.frame) });
        prev = { ts, coord: c?.coord ?? prev?.coord ?? null };
      }
      const alerts = (await loadAlerts()).filter((a) => (im && a.victimImsi === im) || (ms && a.victimMsisdn === ms)).map((a) => ({ id: a.id, ts: a.start, end: a.end, severity: a.severity, title: a.title }));
      return { subscriber: { imsi: im, msisdn: ms }, events: ev, locations, alerts, truncated: rows.length > limit };
    },

    async ladder(a): Promise<LadderData> {
      need();
      await schema();
      if ('dialogue' in a) {
        const m = /^(.*):(\d+)$/.exec(a.dialogue);
        if (!m) throw new ApiError(`unknown dialogue id '${a.dialogue}'`, 'not-found');
        return api.ladder({ evidence: m[1]!, frame: Number(m[2]) });
      }
      if ('frame' in a) {
        const row = await frameRow(a.evidence, a.frame);
        if (!row) throw new ApiError(`frame ${a.frame} of evidence ${a.evidence} is not in the case`, 'not-found');
        const ts = Number(row.ts);
        const ev = String(row.evidence_id);
        let rows: Row[];
        let title: string;
        if (row.otid !== null || row.dtid !== null) {
          const tids = [str(row.otid), str(row.dtid)].filter((x): x is string => !!x);
          // Follow the transaction ids one step further so both sides' ids are covered.
          const more = await qo(`SELECT DISTINCT otid, dtid FROM messages WHERE ${EV} = ? AND ts BETWEEN ? AND ? AND (otid IN (${tids.map(() => '?').join(',')}) OR dtid IN (${tids.map(() => '?').join(',')}))`, [ev, ts - 600, ts + 600, ...tids, ...tids]);
          for (const x of more) for (const t of [str(x.otid), str(x.dtid)]) if (t && !tids.includes(t)) tids.push(t);
          const ph = tids.map(() => '?').join(',');
          rows = await qo(`SELECT ${ladderCols} FROM wb_msg WHERE ${EV} = ? AND ts BETWEEN ? AND ? AND (otid IN (${ph}) OR dtid IN (${ph})) ORDER BY ts, frame, msg_idx, comp_idx LIMIT 501`, [ev, ts - 600, ts + 600, ...tids, ...tids]);
          title = `TCAP dialogue ${tids.join(' ↔ ')}`;
        } else if (row.hbh !== null) {
          const sid = str(row.session_id);
          rows = sid
            ? await qo(`SELECT ${ladderCols} FROM wb_msg WHERE ${EV} = ? AND ts BETWEEN ? AND ? AND (session_id = ? OR (hbh = ? AND e2e = ?)) ORDER BY ts, frame, msg_idx LIMIT 501`, [ev, ts - 3600, ts + 3600, sid, Number(row.hbh), Number(row.e2e)])
            : await qo(`SELECT ${ladderCols} FROM wb_msg WHERE ${EV} = ? AND ts BETWEEN ? AND ? AND hbh = ? AND e2e = ? ORDER BY ts, frame, msg_idx LIMIT 501`, [ev, ts - 600, ts + 600, Number(row.hbh), Number(row.e2e)]);
          title = sid ? `Diameter session ${sid}` : `Diameter exchange hbh 0x${Number(row.hbh).toString(16)}`;
        } else {
          rows = await qo(`SELECT ${ladderCols} FROM wb_msg WHERE ${EV} = ? AND frame BETWEEN ? AND ? AND coalesce(src_ip, '') IN (?, ?) ORDER BY ts, frame, msg_idx LIMIT 501`, [ev, a.frame - 10, a.frame + 10, String(row.src_ip ?? ''), String(row.dst_ip ?? '')]);
          title = `Frames around ${a.frame} on ${row.src_ip ?? '?'} ↔ ${row.dst_ip ?? '?'}`;
        }
        return toLadder(rows, title, 500);
      }
      const p = [a.imsi ?? '', a.msisdn ?? ''];
      const rows = await qo(`SELECT ${ladderCols} FROM wb_msg WHERE (imsi = ? OR msisdn = ?) AND ts BETWEEN ? AND ? ORDER BY ts, frame, msg_idx, comp_idx LIMIT 501`, [...p, a.from, a.to]);
      return toLadder(rows, `${a.imsi ? `IMSI ${a.imsi}` : `MSISDN ${a.msisdn}`} · ${new Date(a.from * 1000).toISOString()} – ${new Date(a.to * 1000).toISOString()}`, 500);
    },

    async frameDetail({ evidence, frame, msgIdx, compIdx }) {
      need();
      const row = await frameRow(evidence, frame, msgIdx, compIdx);
      if (!row) return { row: null, hex: null, bytesError: `frame ${frame} is not in the case`, linkType: null };
      let path: string | null = null;
      if (await has('evidence')) path = str((await qo(`SELECT path FROM evidence WHERE CAST(id AS VARCHAR) = ?`, [String(row.evidence_id)]))[0]?.path);
      if (!path) return { row, hex: null, bytesError: 'evidence file path is not recorded in the case', linkType: null };
      if (!existsSync(path)) return { row, hex: null, bytesError: `evidence file is no longer at ${path}`, linkType: null };
      try {
        const fb = await readFrameBytes(path, Number(row.file_offset), frame);
        return { row, hex: toHex(fb.bytes), bytesError: null, linkType: fb.linkType };
      } catch (e) {
        return { row, hex: null, bytesError: e instanceof Error ? e.message : String(e), linkType: null };
      }
    },

    async messages({ filter, columns, offset = 0, limit = 200, orderBy, desc }) {
      need();
      if (!(await has('messages'))) return { columns: [], rows: [], total: 0, offset };
      const all = await cols('messages');
      const chosen = (columns && columns.length ? columns : ['frame', 'ts', 'family', 'src_ip', 'dst_ip', 'opc', 'dpc', 'calling_gt', 'called_gt', 'tcap_type', 'op_name', 'diam_cmd_name', 'imsi', 'msisdn', 'evidence_id', 'msg_idx', 'comp_idx']).filter((c) => all.has(c));
      for (const c of columns ?? []) if (!all.has(c)) throw new ApiError(`messages: unknown column '${c}'`, 'bad-args');
      if (orderBy && !all.has(orderBy)) throw new ApiError(`messages: unknown column '${orderBy}'`, 'bad-args');
      const f = await filterSql(filter);
      const order = orderBy ? `"${orderBy}" ${desc ? 'DESC' : 'ASC'} NULLS LAST, ts, frame, msg_idx, comp_idx` : 'ts, frame, msg_idx, comp_idx';
      const total = num((await qo(`SELECT count(*) AS n FROM messages WHERE ${f.where}`, f.params))[0]?.n) ?? 0;
      const sel = chosen.map((c) => (c === 'evidence_id' ? `${EV} AS evidence_id` : `"${c}"`)).join(', ');
      const r = await q(`SELECT ${sel} FROM messages WHERE ${f.where} ORDER BY ${order} LIMIT ? OFFSET ?`, [...f.params, limit, offset]);
      return { columns: r.columns, rows: r.rows, total, offset };
    },
    async messagesExport({ filter, columns, frames, limit = 1_000_000 }) {
      need();
      const all = await cols('messages');
      const chosen = (columns && columns.length ? columns : [...all.keys()]).filter((c) => all.has(c));
      const f = await filterSql(filter);
      let where = f.where;
      const params: (string | number)[] = [...f.params];
      if (frames && frames.length) {
        where += ` AND frame IN (${frames.map(() => '?').join(',')})`;
        params.push(...frames);
      }
      const r = await q(`SELECT ${chosen.map((c) => `"${c}"`).join(', ')} FROM messages WHERE ${where} ORDER BY ts, frame, msg_idx, comp_idx LIMIT ?`, [...params, limit]);
      return { csv: toCsv(r.columns, r.rows), rows: r.rows.length };
    },
    async messageIndex({ filter, frame, evidence }) {
      need();
      const f = await filterSql(filter);
      const cond = evidence ? `frame = ? AND ${EV} = ?` : 'frame = ?';
      const at = (await qo(`SELECT ts, frame, msg_idx, comp_idx FROM messages WHERE ${f.where} AND ${cond} ORDER BY ts, frame, msg_idx, comp_idx LIMIT 1`, [...f.params, frame, ...(evidence ? [evidence] : [])]))[0];
      if (!at) return { index: null };
      const n = await qo(`SELECT count(*) AS n FROM messages WHERE ${f.where} AND (ts, frame, msg_idx, comp_idx) < (?, ?, ?, ?)`, [...f.params, Number(at.ts), Number(at.frame), Number(at.msg_idx), Number(at.comp_idx)]);
      return { index: num(n[0]?.n) ?? 0 };
    },
    messageColumns: async () => {
      need();
      return messageColumns();
    },

    async alerts({ status, severity, q: text }) {
      need();
      const t = (text ?? '').toLowerCase();
      return (await loadAlerts())
        .filter((a) => (!status || a.status === status) && (!severity || a.severity === severity) && (!t || `${a.title} ${a.detector} ${a.attacker} ${a.victim} ${a.tags.join(' ')}`.toLowerCase().includes(t)))
        .map(itemOf);
    },
    async alertDetail({ id }): Promise<AlertDetail> {
      need();
      const a = (await loadAlerts()).find((x) => x.id === id);
      if (!a) throw new ApiError(`alert ${id} not found`, 'not-found');
      const evidenceFrames: AlertDetail['evidenceFrames'] = [];
      for (const f of a.frameRefs.slice(0, 100)) evidenceFrames.push({ ...f, row: await frameRow(f.evidence, f.frame) });
      const history: AlertDetail['history'] = [];
      if (await has('audit_log')) {
        const ac = await cols('audit_log');
        const tgt = pick(ac, 'target', 'alert_id', 'object_id', 'subject');
        const at = pick(ac, 'at', 'ts', 'time', 'created_at');
        if (tgt) {
          for (const r of await qo(`SELECT * FROM audit_log WHERE CAST("${tgt}" AS VARCHAR) = ? ${at ? `ORDER BY "${at}"` : ''}`, [id])) {
            const d = parseJson(r.detail ?? r.details ?? '');
            history.push({ at: String(at ? r[at] : ''), action: String(r.action ?? ''), detail: typeof d === 'string' ? d : JSON.stringify(d) });
          }
        }
      }
      const first = evidenceFrames.find((f) => f.row)?.row ?? null;
      const dialogue = first ? `${first.evidence_id}:${first.frame}` : null;
      return { ...itemOf(a), explanation: a.explanation, techniques: a.techniques, facts: a.facts, evidenceFrames, attackerInfo: a.attackerInfo, note: a.note, history, graphNode: a.attackerNode, dialogue };
    },
    async triageSet({ alertId, status, tags, note }) {
      need();
      const a = (await loadAlerts()).find((x) => x.id === alertId);
      if (!a) throw new ApiError(`alert ${alertId} not found`, 'not-found');
      await integ.ensureTriageTables(need());
      tables = null;
      const tc = await cols('alert_triage');
      const idc = pick(tc, 'alert_id', 'id')!;
      const now = Date.now() / 1000;
      await q('BEGIN TRANSACTION');
      try {
        await q(`DELETE FROM alert_triage WHERE "${idc}" = ?`, [alertId]);
        await insertFlexible('alert_triage', [
          { names: ['alert_id', 'id'], value: alertId },
          { names: ['status'], value: status },
          { names: ['tags'], value: tags },
          { names: ['note', 'notes'], value: note },
          { names: ['updated_at', 'updated', 'ts'], value: Date.now() },
        ]);
        const changes = [a.status !== status ? `status ${a.status} → ${status}` : null, a.tags.join(',') !== tags.join(',') ? `tags [${tags.join(', ')}]` : null, a.note !== note ? 'note edited' : null].filter(Boolean).join('; ') || 'saved';
        await insertFlexible('audit_log', [
          { names: ['at', 'ts', 'time', 'created_at'], value: now },
          { names: ['actor', 'user', 'analyst'], value: process.env.USER ?? 'analyst' },
          { names: ['action'], value: 'triage' },
          { names: ['target', 'alert_id', 'object_id', 'subject'], value: alertId },
          { names: ['detail', 'details'], value: changes },
        ]);
        await q('COMMIT');
      } catch (e) {
        await q('ROLLBACK').catch(() => undefined);
        throw e;
      }
      alertCache = null;
      const updated = (await loadAlerts()).find((x) => x.id === alertId)!;
      return itemOf(updated);
    },

    async sql({ sql, limit = 10000 }) {
      need();
      const s = sql.trim().replace(/;\s*$/, '');
      if (s.includes(';')) throw new ApiError('sql: one statement at a time', 'bad-args');
      if (!READ_ONLY_SQL.test(s)) throw new ApiError('sql: the console is read-only (SELECT, WITH, FROM, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN, VALUES)', 'bad-args');
      const t0 = performance.now();
      let r: QueryResult;
      try {
        r = await q(s);
      } catch (e) {
        throw new ApiError(`sql: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`, 'bad-args');
      }
      const ms = performance.now() - t0;
      return { columns: r.columns, types: r.types, rows: r.rows.slice(0, limit), truncated: r.rows.length > limit, ms };
    },
    async sqlCsv({ sql, limit = 1_000_000 }) {
      const r = await api.sql({ sql, limit });
      return { csv: toCsv(r.columns, r.rows), rows: r.rows.length };
    },

    async reportExport({ format = 'html', statuses, minSeverity }) {
      const db = need();
      return caseReport(qo, { casePath: db.path, ...(statuses ? { statuses } : {}), ...(minSeverity ? { minSeverity } : {}) }, format);
    },
    scenarios: async () => integ.scenarios(),
    async scenarioGenerate({ scenarios, path, seed, messages }) {
      if (jobs.running() > 0) throw new ApiError('another job is running', 'failed');
      const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
      const target = resolve(path ?? join(casesDir, `scenario-${scenarios.length === 1 ? scenarios[0]!.replace(/[^\w.-]/g, '_') : 'mix'}-${stamp}.duckdb`));
      if (existsSync(target)) throw new ApiError(`a file already exists at ${target}`, 'bad-args');
      const jobId = jobs.start('generate', 'generating capture', async (job) => {
        const outDir = target.replace(/\.duckdb$/, '') + '.capture';
        const g = await integ.generate({ scenarios, seed, messages, outDir, signal: job.signal });
        job.update({ step: 'creating case' });
        await openPath(target, true, true);
        job.update({ step: 'importing capture', bytesTotal: statSync(g.capture).size });
        const ing = await integ.ingest(need(), [g.capture], { profile: g.profile, signal: job.signal, onProgress: (p) => job.update(p) });
        job.update({ step: 'running detectors' });
        const det = await integ.detect(need(), { profile: g.profile, signal: job.signal, onProgress: () => undefined });
        writeFileSync(target.replace(/\.duckdb$/, '.labels.json'), readFileSync(g.labels));
        invalidate();
        emit({ type: 'case', info: await caseInfo() });
        return { casePath: target, messages: ing.messages, summary: `${ing.messages} messages, ${det.alerts} alert(s)` };
      });
      return { jobId };
    },
    async scenarioLabels(): Promise<ScenarioStep[]> {
      const d = need();
      const f = d.path.replace(/\.duckdb$/, '.labels.json');
      if (!existsSync(f)) return [];
      const x = JSON.parse(readFileSync(f, 'utf8')) as { instances?: Record<string, unknown>[] };
      return (x.instances ?? []).map((i) => ({
        instance: String(i.id), scenario: String(i.scenario), attack: String(i.attack ?? ''), category: String(i.category ?? ''), difficulty: String(i.difficulty ?? ''),
        benign: i.benign === true, frames: Array.isArray(i.frames) ? (i.frames as unknown[]).map(Number) : [], start: Number(i.start), end: Number(i.end),
        victims: Array.isArray(i.victims) ? (i.victims as { imsi?: string; msisdn?: string }[]) : [],
      }));
    },
  };

  return {
    ...api,
    async dispatch(method: MethodName, args: unknown) {
      const fn = api[method] as (a: unknown) => Promise<unknown>;
      return fn(validateArgs(method, args));
    },
    async close() {
      jobs.cancelAll();
      if (db) await db.close();
      db = null;
    },
  };
}

export type { Args, Result };
