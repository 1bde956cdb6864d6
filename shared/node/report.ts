/**
 * Gathers a case report's data from a case database (evidence, counts, alerts with their triage
 * state, the audit log) and the built-in detectors' metadata. Used by `sigtrail report` and by the
 * workbench's `reportExport` call; rendering is shared/report/case-report.ts.
 */
import { basename } from 'node:path';
import type { Severity, TriageStatus } from '../model/alert.js';
import { BUILTIN } from '../detect/detectors/index.js';
import { SEVERITY_ORDER, caseReportHtml, caseReportMarkdown, type CaseReportData, type ReportAlert, type ReportAudit } from '../report/case-report.js';
import { DECODER_VERSION } from './store/case.js';

/** Runs SQL with positional parameters and returns row objects (values JSON-safe). */
export type ReportQuery = (sql: string, params?: (string | number | boolean | null)[]) => Promise<Record<string, unknown>[]>;

export interface ReportOptions {
  casePath: string;
  /** Only alerts in these triage states (default: all). */
  statuses?: TriageStatus[];
  /** Only alerts at least this severe (default: all). */
  minSeverity?: Severity;
  /** Fixed report time (tests); default now. */
  now?: Date;
}

export type ReportFormat = 'html' | 'markdown';

const str = (v: unknown): string => (v == null ? '' : String(v));
const numOrNull = (v: unknown): number | null => (v == null || v === '' || !Number.isFinite(Number(v)) ? null : Number(v));

/** A list column read as JSON text (to_json), whatever the driver returns for it. */
function jsonList<T>(v: unknown): T[] {
  if (v == null) return [];
  if (Array.isArray(v)) return v as T[];
  try {
    const x = JSON.parse(String(v)) as unknown;
    return Array.isArray(x) ? (x as T[]) : [];
  } catch {
    return [];
  }
}

async function tables(q: ReportQuery): Promise<Set<string>> {
  return new Set((await q('SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()')).map((r) => str(r.table_name)));
}

export async function gatherCaseReport(q: ReportQuery, o: ReportOptions): Promise<CaseReportData> {
  const have = await tables(q);
  const count = async (t: string): Promise<number> => (have.has(t) ? Number((await q(`SELECT count(*) AS n FROM ${t}`))[0]?.n ?? 0) : 0);

  const evidence = have.has('evidence')
    ? (await q('SELECT id, name, path, size, sha256, capture_type, first_ts, last_ts, CAST(imported_at AS VARCHAR) AS imported_at, decoder_version, frames, messages, errors FROM evidence ORDER BY id')).map((r) => ({
        id: str(r.id), name: str(r.name), path: str(r.path), size: numOrNull(r.size), sha256: r.sha256 == null ? null : str(r.sha256), captureType: r.capture_type == null ? null : str(r.capture_type),
        firstTs: numOrNull(r.first_ts), lastTs: numOrNull(r.last_ts), importedAt: r.imported_at == null ? null : `${str(r.imported_at)} UTC`, decoderVersion: r.decoder_version == null ? null : str(r.decoder_version),
        frames: numOrNull(r.frames), messages: numOrNull(r.messages), errors: numOrNull(r.errors),
      }))
    : [];
  const evName = new Map(evidence.map((e) => [e.id, e.name]));

  let all: ReportAlert[] = [];
  if (have.has('alerts')) {
    const triage = have.has('alert_triage');
    const rows = await q(
      `SELECT a.id, a.detector, a.title, a.severity, a.category, to_json(a.techniques) AS techniques, a.start_ts, a.end_ts, a.attacker_gt, a.attacker_pc, a.attacker_host, a.attacker_realm,
              a.attacker_network, a.attacker_country, a.victim_imsi, a.victim_msisdn, to_json(a.frames) AS frames, a.explanation,
              ${triage ? "coalesce(t.status, 'new') AS status, to_json(t.tags) AS tags, t.note" : "'new' AS status, NULL AS tags, NULL AS note"}
       FROM alerts a ${triage ? 'LEFT JOIN alert_triage t ON t.alert_id = a.id' : ''}`,
    );
    all = rows.map((r) => {
      const attacker: ReportAlert['attacker'] = {};
      if (r.attacker_gt != null) attacker.gt = str(r.attacker_gt);
      if (r.attacker_pc != null) attacker.pc = Number(r.attacker_pc);
      if (r.attacker_host != null) attacker.host = str(r.attacker_host);
      if (r.attacker_realm != null) attacker.realm = str(r.attacker_realm);
      if (r.attacker_network != null) attacker.network = str(r.attacker_network);
      if (r.attacker_country != null) attacker.country = str(r.attacker_country);
      const victim: ReportAlert['victim'] = {};
      if (r.victim_imsi != null) victim.imsi = str(r.victim_imsi);
      if (r.victim_msisdn != null) victim.msisdn = str(r.victim_msisdn);
      const sev = str(r.severity) as Severity;
      return {
        id: str(r.id), detector: str(r.detector), title: str(r.title), severity: SEVERITY_ORDER.includes(sev) ? sev : 'info', category: str(r.category),
        techniques: jsonList<string>(r.techniques).map(String), start: numOrNull(r.start_ts), end: numOrNull(r.end_ts), attacker, victim, explanation: str(r.explanation),
        frames: jsonList<{ evidence: unknown; frame: unknown }>(r.frames).map((f) => ({ evidence: evName.get(str(f.evidence)) ?? str(f.evidence), frame: Number(f.frame) })),
        status: str(r.status) || 'new', tags: jsonList<string>(r.tags).map(String), note: str(r.note),
      };
    });
  }
  const minRank = o.minSeverity ? SEVERITY_ORDER.indexOf(o.minSeverity) : SEVERITY_ORDER.length;
  const alerts = all.filter((a) => SEVERITY_ORDER.indexOf(a.severity) <= minRank && (!o.statuses?.length || o.statuses.includes(a.status as TriageStatus)));
  const scope = [o.minSeverity ? `severity ${o.minSeverity} and above` : '', o.statuses?.length ? `triage status ${o.statuses.join(' or ')}` : ''].filter(Boolean).join(', ');

  const used = new Set(alerts.map((a) => a.detector));
  const detectors = BUILTIN.filter((d) => used.has(d.meta.id)).map((d) => ({
    id: d.meta.id, title: d.meta.title, category: d.meta.category, description: d.meta.description, techniques: d.meta.techniques, references: d.meta.references, falsePositives: d.meta.falsePositives,
  }));

  let audit: ReportAudit[] = [];
  if (have.has('audit_log')) {
    audit = (await q('SELECT CAST(ts AS VARCHAR) AS ts, actor, action, target, CAST(detail AS VARCHAR) AS detail FROM audit_log ORDER BY ts')).map((r) => ({
      ts: r.ts == null ? '' : `${str(r.ts)} UTC`, actor: str(r.actor), action: str(r.action), target: str(r.target), detail: str(r.detail),
    }));
  }

  return {
    caseName: basename(o.casePath).replace(/\.duckdb$/, ''),
    casePath: o.casePath,
    generatedAt: (o.now ?? new Date()).toISOString(),
    generator: DECODER_VERSION,
    counts: { messages: await count('messages'), dialogues: await count('dialogues'), nodes: await count('nodes'), subscribers: await count('subscribers'), decodeErrors: await count('decode_errors') },
    evidence,
    alerts,
    alertsInCase: all.length,
    scope,
    detectors,
    audit,
  };
}

/** The report as a document, with the file name to save it under. */
export async function caseReport(q: ReportQuery, o: ReportOptions, format: ReportFormat = 'html'): Promise<{ fileName: string; text: string; alerts: number }> {
  const d = await gatherCaseReport(q, o);
  const stamp = d.generatedAt.slice(0, 10);
  return {
    fileName: `${d.caseName}-report-${stamp}.${format === 'html' ? 'html' : 'md'}`,
    text: format === 'html' ? caseReportHtml(d) : caseReportMarkdown(d),
    alerts: d.alerts.length,
  };
}
