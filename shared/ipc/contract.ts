/**
 * The one typed contract between the workbench renderer and its backend.
 *
 * Every call is `method(args) → Promise<result>`. The same table is used by:
 *  - Electron: preload exposes one function per method (contextBridge) that
 *    invokes `ipcMain.handle(CHANNEL_PREFIX + method)`; main validates args here.
 *  - Web host: `POST /api/<method>` with JSON args and the per-start token; the
 *    server validates args here too.
 * Progress (imports, generation, detection) arrives as `ApiEvent`s: IPC channel
 * `EVENT_CHANNEL` under Electron, Server-Sent Events at `/api/events` on the web host.
 *
 * Pure TypeScript: no Node, Electron or DOM.
 */
import type { Severity, TriageStatus } from '../model/alert.js';

export const CHANNEL_PREFIX = 'sigtrail:';
export const EVENT_CHANNEL = 'sigtrail:event';

// ---------------------------------------------------------------- shared shapes
export type Scalar = string | number | boolean | null;
export type Row = Record<string, Scalar>;

export interface CaseInfo {
  path: string;
  name: string;
  messages: number;
  evidence: number;
  alerts: number;
  /** Epoch seconds of the first/last message, null when empty. */
  start: number | null;
  end: number | null;
}

export interface RecentCase {
  path: string;
  name: string;
  openedAt: number;
  exists: boolean;
}

export interface EvidenceItem {
  id: string;
  name: string;
  path: string;
  size: number | null;
  sha256: string | null;
  kind: string | null;
  status: string | null;
  messages: number;
  importedAt: string | null;
  start: number | null;
  end: number | null;
}

export type JobKind = 'import' | 'generate' | 'detect';
export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface JobProgress {
  jobId: string;
  kind: JobKind;
  state: JobState;
  /** Free text for the current step ("decoding capture.pcap", "building dialogues"). */
  step: string;
  bytesDone: number;
  bytesTotal: number;
  messages: number;
  /** Messages per second over the job so far. */
  rate: number;
  /** Seconds remaining, null when unknown. */
  eta: number | null;
  startedAt: number;
  error?: string;
  /** Set when the job produced a case (generation) or changed the open one. */
  casePath?: string;
  summary?: string;
}

export type ApiEvent = { type: 'job'; job: JobProgress } | { type: 'case'; info: CaseInfo | null };

export interface Overview {
  info: CaseInfo;
  counts: { label: string; value: number | null; note?: string }[];
  alertsBySeverity: { severity: Severity; count: number }[];
  histogram: { bucketStart: number; bucketSeconds: number; counts: number[]; families: string[] };
  topTalkers: { id: string; label: string; kind: string; messages: number; alerts: number }[];
  families: { family: string; messages: number }[];
}

export interface GraphQuery {
  families?: string[];
  from?: number;
  to?: number;
  /** Maximum nodes returned (strongest first). */
  limit?: number;
}

export interface GraphNode {
  id: string;
  kind: 'pc' | 'gt' | 'host' | 'ip';
  label: string;
  network: string | null;
  country: string | null;
  role: string | null;
  messages: number;
  alerts: number;
  maxSeverity: Severity | null;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  messages: number;
  families: string[];
}

export interface GraphData {
  nodes: GraphNode[];
  edges: GraphEdge[];
  truncated: boolean;
  timeRange: { start: number; end: number } | null;
  families: string[];
}

export interface NodeDetail {
  node: GraphNode | null;
  peers: { id: string; label: string; sent: number; received: number }[];
  operations: { name: string; count: number }[];
  alerts: AlertItem[];
}

export interface SubscriberHit {
  imsi: string | null;
  msisdn: string | null;
  messages: number;
  first: number | null;
  last: number | null;
}

export type Lane = 'mobility' | 'sms' | 'calls' | 'ss' | 'ussd' | 'diameter' | 'other';
export const LANES: Lane[] = ['mobility', 'sms', 'calls', 'ss', 'ussd', 'diameter', 'other'];

/** Columnar so 100k events travel and render cheaply. */
export interface TimelineData {
  subscriber: { imsi: string | null; msisdn: string | null };
  events: {
    ts: number[];
    lane: number[];
    op: string[];
    frame: number[];
    evidence: string[];
    dialogue: (string | null)[];
    peer: (string | null)[];
    error: (boolean)[];
  };
  locations: { ts: number; node: string; country: string | null; speedKmh: number | null; frame: number }[];
  alerts: { id: string; ts: number; end: number; severity: Severity; title: string }[];
  truncated: boolean;
}

export interface LadderMessage {
  evidence: string;
  frame: number;
  msgIdx: number;
  compIdx: number;
  ts: number;
  from: string;
  to: string;
  label: string;
  family: string;
  dialogue: string | null;
  error: boolean;
}

export interface LadderData {
  title: string;
  parties: string[];
  messages: LadderMessage[];
  truncated: boolean;
}

export type LadderQuery =
  | { dialogue: string }
  | { evidence: string; frame: number }
  | { imsi?: string; msisdn?: string; from: number; to: number };

export interface FrameDetail {
  row: Row | null;
  /** Hex of the frame's captured bytes, re-read from the evidence file at file_offset. */
  hex: string | null;
  bytesError: string | null;
  linkType: number | null;
}

export interface MessagesQuery {
  filter?: string;
  columns?: string[];
  offset?: number;
  limit?: number;
  orderBy?: string;
  desc?: boolean;
}

export interface MessagesPage {
  columns: string[];
  rows: Scalar[][];
  total: number;
  offset: number;
}

export interface AlertItem {
  id: string;
  detector: string;
  title: string;
  severity: Severity;
  category: string;
  start: number;
  end: number;
  attacker: string;
  victim: string;
  victimImsi: string | null;
  victimMsisdn: string | null;
  status: TriageStatus;
  tags: string[];
  frames: number;
}

export interface AlertDetail extends AlertItem {
  explanation: string;
  techniques: string[];
  facts: Record<string, Scalar>;
  evidenceFrames: { evidence: string; frame: number; row: Row | null }[];
  attackerInfo: Record<string, Scalar>;
  note: string;
  history: { at: string; action: string; detail: string }[];
  graphNode: string | null;
  dialogue: string | null;
}

export interface TriageUpdate {
  alertId: string;
  status: TriageStatus;
  tags: string[];
  note: string;
}

export interface SqlResult {
  columns: string[];
  types: string[];
  rows: Scalar[][];
  truncated: boolean;
  ms: number;
}

export interface ScenarioInfo {
  id: string;
  title: string;
  category: string;
  description: string;
  extra: Record<string, Scalar>;
}

export interface AppInfo {
  version: string;
  host: 'electron' | 'web';
  casesDir: string;
  demoCase: string | null;
  backend: { store: boolean; detect: boolean; generator: boolean; notes: string[] };
}

// ---------------------------------------------------------------- the methods
export interface Methods {
  appInfo: { args: Record<string, never>; result: AppInfo };
  caseCurrent: { args: Record<string, never>; result: CaseInfo | null };
  caseOpen: { args: { path: string }; result: CaseInfo };
  caseCreate: { args: { path: string }; result: CaseInfo };
  caseClose: { args: Record<string, never>; result: null };
  caseRecent: { args: Record<string, never>; result: RecentCase[] };
  evidenceList: { args: Record<string, never>; result: EvidenceItem[] };
  importStart: { args: { files: string[]; profile?: string }; result: { jobId: string } };
  jobStatus: { args: { jobId: string }; result: JobProgress | null };
  jobCancel: { args: { jobId: string }; result: boolean };
  jobsList: { args: Record<string, never>; result: JobProgress[] };
  detectStart: { args: { profile?: string }; result: { jobId: string } };
  overview: { args: { buckets?: number }; result: Overview };
  graph: { args: GraphQuery; result: GraphData };
  nodeDetail: { args: { id: string }; result: NodeDetail };
  subscriberSearch: { args: { q: string; limit?: number }; result: SubscriberHit[] };
  timeline: { args: { imsi?: string; msisdn?: string; limit?: number }; result: TimelineData };
  ladder: { args: LadderQuery; result: LadderData };
  frameDetail: { args: { evidence: string; frame: number; msgIdx?: number; compIdx?: number }; result: FrameDetail };
  messages: { args: MessagesQuery; result: MessagesPage };
  messagesExport: { args: { filter?: string; columns?: string[]; frames?: number[]; limit?: number }; result: { csv: string; rows: number } };
  messageColumns: { args: Record<string, never>; result: { name: string; type: string }[] };
  /** Row index of a frame in the filtered, default-ordered message list (for "jump to frame"). */
  messageIndex: { args: { filter?: string; frame: number; evidence?: string }; result: { index: number | null } };
  alerts: { args: { status?: TriageStatus; severity?: Severity; q?: string }; result: AlertItem[] };
  alertDetail: { args: { id: string }; result: AlertDetail };
  triageSet: { args: TriageUpdate; result: AlertItem };
  sql: { args: { sql: string; limit?: number }; result: SqlResult };
  sqlCsv: { args: { sql: string; limit?: number }; result: { csv: string; rows: number } };
  /** The case report (evidence hashes, findings, alerts with rule traces and frames, detector notes, audit log). */
  reportExport: { args: { format?: 'html' | 'markdown'; statuses?: TriageStatus[]; minSeverity?: Severity }; result: { fileName: string; text: string; alerts: number } };
  scenarios: { args: Record<string, never>; result: ScenarioInfo[] };
  scenarioGenerate: { args: { scenarios: string[]; path?: string; seed?: number; messages?: number }; result: { jobId: string } };
  scenarioLabels: { args: Record<string, never>; result: ScenarioStep[] };
}

export interface ScenarioStep {
  instance: string;
  scenario: string;
  attack: string;
  category: string;
  difficulty: string;
  benign: boolean;
  frames: number[];
  start: number;
  end: number;
  victims: { imsi?: string; msisdn?: string }[];
}

export type MethodName = keyof Methods;
export type Args<M extends MethodName> = Methods[M]['args'];
export type Result<M extends MethodName> = Methods[M]['result'];

/** What a backend implementation provides (Electron main and the web host both bind it). */
export type Api = { [M in MethodName]: (args: Args<M>) => Promise<Result<M>> };

/** Error raised for invalid arguments or backend failures; carried as `{ error: message, code }`. */
export class ApiError extends Error {
  constructor(message: string, readonly code: 'bad-args' | 'no-case' | 'not-found' | 'failed' | 'unavailable' = 'failed') {
    super(message);
    this.name = 'ApiError';
  }
}

// ---------------------------------------------------------------- validators
type V<T> = (x: unknown, at: string) => T;
const fail = (at: string, want: string, got: unknown): never => {
  const shown = typeof got === 'string' ? JSON.stringify(got.slice(0, 40)) : got === null ? 'null' : Array.isArray(got) ? 'array' : typeof got;
  throw new ApiError(`${at}: expected ${want}, got ${shown}`, 'bad-args');
};
const str = (max = 4096): V<string> => (x, at) => (typeof x === 'string' && x.length <= max ? x : fail(at, `string ≤${max} chars`, x));
const nonEmpty = (max = 4096): V<string> => (x, at) => (typeof x === 'string' && x.length > 0 && x.length <= max && !x.includes('\0') ? x : fail(at, 'non-empty string', x));
const num = (min = -Infinity, max = Infinity): V<number> => (x, at) => (typeof x === 'number' && Number.isFinite(x) && x >= min && x <= max ? x : fail(at, `number in [${min}, ${max}]`, x));
const int = (min: number, max: number): V<number> => (x, at) => (typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max ? x : fail(at, `integer in [${min}, ${max}]`, x));
const bool: V<boolean> = (x, at) => (typeof x === 'boolean' ? x : fail(at, 'boolean', x));
const oneOf = <T extends string>(vals: readonly T[]): V<T> => (x, at) => (typeof x === 'string' && (vals as readonly string[]).includes(x) ? (x as T) : fail(at, `one of ${vals.join('|')}`, x));
const arr = <T>(item: V<T>, max = 10000): V<T[]> => (x, at) => {
  if (!Array.isArray(x) || x.length > max) return fail(at, `array (≤${max})`, x);
  return x.map((v, i) => item(v, `${at}[${i}]`));
};
type Shape = Record<string, { v: V<unknown>; opt?: boolean }>;
const obj = <T>(shape: Shape): V<T> => (x, at) => {
  if (x === undefined || x === null) x = {};
  if (typeof x !== 'object' || Array.isArray(x)) return fail(at, 'object', x);
  const src = x as Record<string, unknown>;
  for (const k of Object.keys(src)) if (!(k in shape)) throw new ApiError(`${at}.${k}: unknown argument`, 'bad-args');
  const out: Record<string, unknown> = {};
  for (const [k, { v, opt }] of Object.entries(shape)) {
    const val = src[k];
    if (val === undefined) {
      if (!opt) throw new ApiError(`${at}.${k}: required`, 'bad-args');
      continue;
    }
    out[k] = v(val, `${at}.${k}`);
  }
  return out as T;
};
const req = <T>(v: V<T>) => ({ v: v as V<unknown> });
const opt = <T>(v: V<T>) => ({ v: v as V<unknown>, opt: true });

export const SEVERITIES: Severity[] = ['info', 'low', 'medium', 'high', 'critical'];
export const TRIAGE_STATUSES: TriageStatus[] = ['new', 'investigating', 'confirmed', 'false-positive', 'closed'];
const none = obj<Record<string, never>>({});

const ladderArgs: V<LadderQuery> = (x, at) => {
  const o = (x ?? {}) as Record<string, unknown>;
  if (typeof o !== 'object') return fail(at, 'object', x);
  if ('dialogue' in o) return obj<LadderQuery>({ dialogue: req(nonEmpty(200)) })(x, at);
  if ('frame' in o) return obj<LadderQuery>({ evidence: req(nonEmpty(200)), frame: req(int(1, 2 ** 40)) })(x, at);
  const r = obj<{ imsi?: string; msisdn?: string; from: number; to: number }>({ imsi: opt(str(32)), msisdn: opt(str(32)), from: req(num()), to: req(num()) })(x, at);
  if (!r.imsi && !r.msisdn) throw new ApiError(`${at}: give dialogue, evidence+frame, or imsi/msisdn with from/to`, 'bad-args');
  return r;
};

export const validators: { [M in MethodName]: (x: unknown) => Args<M> } = {
  appInfo: (x) => none(x, 'appInfo'),
  caseCurrent: (x) => none(x, 'caseCurrent'),
  caseOpen: (x) => obj<Args<'caseOpen'>>({ path: req(nonEmpty()) })(x, 'caseOpen'),
  caseCreate: (x) => obj<Args<'caseCreate'>>({ path: req(nonEmpty()) })(x, 'caseCreate'),
  caseClose: (x) => none(x, 'caseClose'),
  caseRecent: (x) => none(x, 'caseRecent'),
  evidenceList: (x) => none(x, 'evidenceList'),
  importStart: (x) => obj<Args<'importStart'>>({ files: req(arr(nonEmpty(), 1000)), profile: opt(nonEmpty()) })(x, 'importStart'),
  jobStatus: (x) => obj<Args<'jobStatus'>>({ jobId: req(nonEmpty(64)) })(x, 'jobStatus'),
  jobCancel: (x) => obj<Args<'jobCancel'>>({ jobId: req(nonEmpty(64)) })(x, 'jobCancel'),
  jobsList: (x) => none(x, 'jobsList'),
  detectStart: (x) => obj<Args<'detectStart'>>({ profile: opt(nonEmpty()) })(x, 'detectStart'),
  overview: (x) => obj<Args<'overview'>>({ buckets: opt(int(1, 2000)) })(x, 'overview'),
  graph: (x) => obj<Args<'graph'>>({ families: opt(arr(nonEmpty(32), 50)), from: opt(num()), to: opt(num()), limit: opt(int(1, 20000)) })(x, 'graph'),
  nodeDetail: (x) => obj<Args<'nodeDetail'>>({ id: req(nonEmpty(300)) })(x, 'nodeDetail'),
  subscriberSearch: (x) => obj<Args<'subscriberSearch'>>({ q: req(str(32)), limit: opt(int(1, 1000)) })(x, 'subscriberSearch'),
  timeline: (x) => {
    const r = obj<Args<'timeline'>>({ imsi: opt(str(32)), msisdn: opt(str(32)), limit: opt(int(1, 1_000_000)) })(x, 'timeline');
    if (!r.imsi && !r.msisdn) throw new ApiError('timeline: give imsi or msisdn', 'bad-args');
    return r;
  },
  ladder: (x) => ladderArgs(x, 'ladder'),
  frameDetail: (x) => obj<Args<'frameDetail'>>({ evidence: req(nonEmpty(200)), frame: req(int(1, 2 ** 40)), msgIdx: opt(int(0, 1e6)), compIdx: opt(int(-1, 1e6)) })(x, 'frameDetail'),
  messages: (x) => obj<Args<'messages'>>({ filter: opt(str(2000)), columns: opt(arr(nonEmpty(64), 200)), offset: opt(int(0, 2 ** 40)), limit: opt(int(1, 5000)), orderBy: opt(nonEmpty(64)), desc: opt(bool) })(x, 'messages'),
  messagesExport: (x) => obj<Args<'messagesExport'>>({ filter: opt(str(2000)), columns: opt(arr(nonEmpty(64), 200)), frames: opt(arr(int(1, 2 ** 40), 100000)), limit: opt(int(1, 1_000_000)) })(x, 'messagesExport'),
  messageColumns: (x) => none(x, 'messageColumns'),
  messageIndex: (x) => obj<Args<'messageIndex'>>({ filter: opt(str(2000)), frame: req(int(1, 2 ** 40)), evidence: opt(nonEmpty(200)) })(x, 'messageIndex'),
  alerts: (x) => obj<Args<'alerts'>>({ status: opt(oneOf(TRIAGE_STATUSES)), severity: opt(oneOf(SEVERITIES)), q: opt(str(200)) })(x, 'alerts'),
  alertDetail: (x) => obj<Args<'alertDetail'>>({ id: req(nonEmpty(200)) })(x, 'alertDetail'),
  triageSet: (x) => obj<Args<'triageSet'>>({ alertId: req(nonEmpty(200)), status: req(oneOf(TRIAGE_STATUSES)), tags: req(arr(nonEmpty(40), 30)), note: req(str(10000)) })(x, 'triageSet'),
  sql: (x) => obj<Args<'sql'>>({ sql: req(nonEmpty(100000)), limit: opt(int(1, 100000)) })(x, 'sql'),
  sqlCsv: (x) => obj<Args<'sqlCsv'>>({ sql: req(nonEmpty(100000)), limit: opt(int(1, 1_000_000)) })(x, 'sqlCsv'),
  reportExport: (x) => obj<Args<'reportExport'>>({ format: opt(oneOf(['html', 'markdown'] as const)), statuses: opt(arr(oneOf(TRIAGE_STATUSES), 5)), minSeverity: opt(oneOf(SEVERITIES)) })(x, 'reportExport'),
  scenarios: (x) => none(x, 'scenarios'),
  scenarioGenerate: (x) => obj<Args<'scenarioGenerate'>>({ scenarios: req(arr(nonEmpty(100), 200)), path: opt(nonEmpty()), seed: opt(int(0, 2 ** 31)), messages: opt(int(10, 10_000_000)) })(x, 'scenarioGenerate'),
  scenarioLabels: (x) => none(x, 'scenarioLabels'),
};

export const METHOD_NAMES = Object.keys(validators) as MethodName[];

export function isMethodName(x: unknown): x is MethodName {
  return typeof x === 'string' && Object.prototype.hasOwnProperty.call(validators, x);
}

/** Validates `args` for `method`; throws ApiError('bad-args') with a path-qualified message. */
export function validateArgs<M extends MethodName>(method: M, args: unknown): Args<M> {
  return validators[method](args) as Args<M>;
}

/** Which lane a message lands in on the subscriber timeline. */
export function laneOf(family: string, op: string | null): Lane {
  if (family === 'diameter') return 'diameter';
  const o = (op ?? '').toLowerCase();
  if (!o) return 'other';
  if (o.includes('ussd') || o.includes('unstructuredss')) return 'ussd';
  if (o.includes('sm') && (o.includes('forward') || o.includes('routinginfoforsm') || o.includes('servicecentre') || o.includes('readyforsm') || o.includes('deliverystatus'))) return 'sms';
  if (o.includes('ss') && (o.includes('register') || o.includes('erase') || o.includes('activate') || o.includes('interrogatess'))) return 'ss';
  if (o.includes('location') || o.includes('purge') || o.includes('subscriberdata') || o.includes('authentication') || o.includes('subscriberinfo') || o.includes('anytime') || o.includes('identif') || o.includes('sendimsi') || o.includes('restore') || o.includes('gprs')) return 'mobility';
  if (o.includes('routinginfo') || o.includes('roamingnumber') || o.includes('initialdp') || o.includes('connect') || o.includes('iam') || o.includes('release') || family === 'cap' || family === 'isup') return 'calls';
  return 'other';
}
