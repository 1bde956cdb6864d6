/**
 * Case report: what an investigator hands over and an auditor reads without Sigtrail. One
 * self-contained document (HTML with inline styles, or Markdown) built from a case's evidence,
 * alerts with their triage state, the detectors' own descriptions and the audit log:
 *
 *   chain of custody (every evidence file with its SHA-256) → findings summary → each alert with
 *   its rule trace and evidence frames → what each detector checks and its known false positives →
 *   the analysts' actions.
 *
 * Pure: the data is gathered elsewhere (shared/node/report.ts); this only renders it.
 */
import type { Alert, Severity } from '../model/alert.js';

export interface ReportEvidence {
  id: string;
  name: string;
  path: string;
  size: number | null;
  sha256: string | null;
  captureType: string | null;
  firstTs: number | null;
  lastTs: number | null;
  importedAt: string | null;
  decoderVersion: string | null;
  frames: number | null;
  messages: number | null;
  errors: number | null;
}

/** An alert as stored, with its triage state; times are null when the case does not have them. */
export interface ReportAlert extends Omit<Alert, 'start' | 'end' | 'facts'> {
  start: number | null;
  end: number | null;
  status: string;
  tags: string[];
  note: string;
}

export interface ReportDetector {
  id: string;
  title: string;
  category: string;
  description: string;
  techniques: string[];
  references: string[];
  falsePositives: string[];
}

export interface ReportAudit {
  ts: string;
  actor: string;
  action: string;
  target: string;
  detail: string;
}

export interface CaseReportData {
  caseName: string;
  casePath: string;
  /** ISO time the report was made. */
  generatedAt: string;
  /** Tool and version that made it. */
  generator: string;
  counts: { messages: number; dialogues: number; nodes: number; subscribers: number; decodeErrors: number };
  evidence: ReportEvidence[];
  /** The alerts in scope (after the filter). */
  alerts: ReportAlert[];
  /** Alerts in the case before the filter. */
  alertsInCase: number;
  /** What was left out, in words ("" = nothing). */
  scope: string;
  detectors: ReportDetector[];
  audit: ReportAudit[];
}

export const SEVERITY_ORDER: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** Alerts most severe first, then by start time and id (a stable order). */
export function sortAlerts(a: ReportAlert[]): ReportAlert[] {
  return [...a].sort((x, y) => SEVERITY_ORDER.indexOf(x.severity) - SEVERITY_ORDER.indexOf(y.severity) || (x.start ?? 0) - (y.start ?? 0) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

/** UTC time with milliseconds: 2026-12-07 08:47:37.125 UTC. */
export function utc(ts: number | null | undefined): string {
  if (ts == null || !Number.isFinite(ts)) return '—';
  return new Date(ts * 1000).toISOString().replace('T', ' ').replace('Z', ' UTC');
}

export function attackerText(a: ReportAlert['attacker']): string {
  const id = [a.gt ? `GT ${a.gt}` : '', a.pc != null ? `PC ${a.pc}` : '', a.host ? `host ${a.host}` : '', a.realm && !a.host ? `realm ${a.realm}` : ''].filter(Boolean).join(', ');
  const where = [a.network, a.country && !a.network?.includes(a.country) ? a.country : ''].filter(Boolean).join(', ');
  return [id || 'unknown sender', where ? `(${where})` : ''].filter(Boolean).join(' ');
}

export function victimText(v: ReportAlert['victim']): string {
  return [v.imsi ? `IMSI ${v.imsi}` : '', v.msisdn ? `MSISDN ${v.msisdn}` : ''].filter(Boolean).join(', ') || '—';
}

/** "capture.pcap: 12, 14, 15 (+3 more)" per evidence file, at most `max` frame numbers in all. */
export function framesText(frames: ReportAlert['frames'], max = 60): string {
  const by = new Map<string, number[]>();
  for (const f of frames) (by.get(f.evidence) ?? by.set(f.evidence, []).get(f.evidence)!).push(f.frame);
  let left = max;
  const parts: string[] = [];
  for (const [ev, list] of by) {
    const sorted = [...new Set(list)].sort((a, b) => a - b);
    const shown = sorted.slice(0, Math.max(0, left));
    left -= shown.length;
    const more = sorted.length - shown.length;
    parts.push(shown.length ? `${ev}: ${shown.join(', ')}${more ? ` (+${more} more)` : ''}` : `${ev}: ${more} frame(s)`);
  }
  return parts.join('; ') || '—';
}

function bytes(n: number | null): string {
  if (n == null) return '—';
  if (n < 1024) return `${n} B`;
  const u = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024, i = 0;
  while (v >= 1024 && i < u.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(1)} ${u[i]}`;
}

const int = (n: number | null | undefined): string => (n == null ? '—' : n.toLocaleString('en'));

interface Tally { key: string; n: number }
function tally(items: string[]): Tally[] {
  const m = new Map<string, number>();
  for (const k of items) m.set(k, (m.get(k) ?? 0) + 1);
  return [...m].map(([key, n]) => ({ key, n })).sort((a, b) => b.n - a.n || (a.key < b.key ? -1 : 1));
}

/** The summary tables both formats show. */
function summary(d: CaseReportData): { severity: Tally[]; status: Tally[]; detector: Tally[]; attackers: Tally[]; victims: number } {
  const sev = tally(d.alerts.map((a) => a.severity));
  sev.sort((a, b) => SEVERITY_ORDER.indexOf(a.key as Severity) - SEVERITY_ORDER.indexOf(b.key as Severity));
  const victims = new Set(d.alerts.map((a) => a.victim.imsi ?? a.victim.msisdn).filter(Boolean)).size;
  return {
    severity: sev,
    status: tally(d.alerts.map((a) => a.status)),
    detector: tally(d.alerts.map((a) => a.detector)),
    attackers: tally(d.alerts.map((a) => attackerText(a.attacker))).slice(0, 15),
    victims,
  };
}

// ---------------------------------------------------------------- HTML

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function esc(s: string | number | null | undefined): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ESC[c]!);
}

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;max-width:1100px;margin:24px auto;padding:0 20px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}h3{font-size:15px;margin:0}
table{border-collapse:collapse;width:100%;margin:6px 0 12px;font-size:13px}th,td{border:1px solid #d0d7de;padding:4px 6px;text-align:left;vertical-align:top}th{background:#f3f5f7}
.mono,td.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px;word-break:break-all}
.muted{color:#57606a}.alert{border:1px solid #d0d7de;border-left:5px solid #8c959f;border-radius:4px;padding:8px 12px;margin:10px 0;break-inside:avoid}
.sev{display:inline-block;border-radius:3px;padding:0 6px;font-size:12px;font-weight:600;color:#fff;background:#8c959f;text-transform:uppercase}
.sev-critical{background:#8b0000}.sev-high{background:#cf222e}.sev-medium{background:#bc4c00}.sev-low{background:#9a6700}.sev-info{background:#57606a}
.alert.a-critical{border-left-color:#8b0000}.alert.a-high{border-left-color:#cf222e}.alert.a-medium{border-left-color:#bc4c00}.alert.a-low{border-left-color:#9a6700}
dl{display:grid;grid-template-columns:140px 1fr;gap:2px 10px;margin:6px 0}dt{color:#57606a}dd{margin:0}
.trace{background:#f6f8fa;border-radius:4px;padding:6px 8px;margin:6px 0}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}}
`;

function tallyTable(title: string, rows: Tally[]): string {
  return `<table><thead><tr><th>${esc(title)}</th><th style="width:90px">alerts</th></tr></thead><tbody>${rows.map((r) => `<tr><td>${esc(r.key)}</td><td>${r.n}</td></tr>`).join('') || '<tr><td colspan="2" class="muted">none</td></tr>'}</tbody></table>`;
}

export function caseReportHtml(d: CaseReportData): string {
  const s = summary(d);
  const alerts = sortAlerts(d.alerts);
  const out: string[] = [];
  out.push(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`);
  out.push(`<title>${esc(`Sigtrail case report — ${d.caseName}`)}</title><style>${CSS}</style></head><body>`);
  out.push(`<h1>Case report: ${esc(d.caseName)}</h1>`);
  out.push(`<div class="muted">Made ${esc(utc(Date.parse(d.generatedAt) / 1000))} by ${esc(d.generator)} from case file <span class="mono">${esc(d.casePath)}</span>. ${d.alerts.length} of ${d.alertsInCase} alert(s)${d.scope ? ` (${esc(d.scope)})` : ''}.</div>`);

  out.push(`<h2>Evidence (chain of custody)</h2>`);
  out.push(`<table><thead><tr><th>#</th><th>file</th><th>SHA-256</th><th>size</th><th>type</th><th>first / last message</th><th>frames / messages / decode errors</th><th>imported</th></tr></thead><tbody>`);
  for (const e of d.evidence) {
    out.push(`<tr><td>${esc(e.id)}</td><td>${esc(e.name)}<div class="mono muted">${esc(e.path)}</div></td><td class="mono">${esc(e.sha256 ?? '—')}</td><td>${esc(bytes(e.size))}</td><td>${esc(e.captureType ?? '—')}</td><td>${esc(utc(e.firstTs))}<br>${esc(utc(e.lastTs))}</td><td>${esc(int(e.frames))} / ${esc(int(e.messages))} / ${esc(int(e.errors))}</td><td>${esc(e.importedAt ?? '—')}<div class="muted">${esc(e.decoderVersion ?? '')}</div></td></tr>`);
  }
  if (!d.evidence.length) out.push('<tr><td colspan="8" class="muted">no evidence loaded</td></tr>');
  out.push(`</tbody></table>`);
  out.push(`<div class="muted">The case holds ${esc(int(d.counts.messages))} messages, ${esc(int(d.counts.dialogues))} dialogues, ${esc(int(d.counts.nodes))} signaling points and GTs, ${esc(int(d.counts.subscribers))} subscribers and ${esc(int(d.counts.decodeErrors))} per-frame decode errors.</div>`);

  out.push(`<h2>Findings</h2>`);
  out.push(`<p>${d.alerts.length} alert(s) from ${s.detector.length} detector(s), against ${s.victims} distinct subscriber(s).</p>`);
  out.push(`<div style="display:grid;grid-template-columns:1fr 1fr;gap:0 16px;align-items:start">${tallyTable('severity', s.severity)}${tallyTable('triage status', s.status)}${tallyTable('detector', s.detector)}${tallyTable('sender (top 15)', s.attackers)}</div>`);

  out.push(`<h2>Alerts</h2>`);
  for (const a of alerts) {
    out.push(`<div class="alert a-${esc(a.severity)}" id="alert-${esc(a.id)}"><h3><span class="sev sev-${esc(a.severity)}">${esc(a.severity)}</span> ${esc(a.title)}</h3>`);
    out.push(`<dl><dt>detector</dt><dd>${esc(a.detector)} · ${esc(a.category)}${a.techniques.length ? ` · ${esc(a.techniques.join(', '))}` : ''}</dd>`);
    out.push(`<dt>time</dt><dd>${esc(utc(a.start))}${a.end != null && a.end !== a.start ? ` → ${esc(utc(a.end))}` : ''}</dd>`);
    out.push(`<dt>sender</dt><dd>${esc(attackerText(a.attacker))}</dd><dt>subscriber</dt><dd>${esc(victimText(a.victim))}</dd>`);
    out.push(`<dt>triage</dt><dd>${esc(a.status)}${a.tags.length ? ` · tags: ${esc(a.tags.join(', '))}` : ''}</dd>`);
    if (a.note) out.push(`<dt>analyst note</dt><dd>${esc(a.note)}</dd>`);
    out.push(`<dt>evidence frames</dt><dd class="mono">${esc(framesText(a.frames))}</dd><dt>alert id</dt><dd class="mono">${esc(a.id)}</dd></dl>`);
    out.push(`<div class="trace">${esc(a.explanation)}</div></div>`);
  }
  if (!alerts.length) out.push('<p class="muted">No alerts in scope.</p>');

  if (d.detectors.length) {
    out.push(`<h2>What the detectors check</h2>`);
    for (const x of d.detectors) {
      out.push(`<h3>${esc(x.title)} <span class="muted mono">${esc(x.id)}</span></h3><p>${esc(x.description)}</p>`);
      out.push(`<dl><dt>category</dt><dd>${esc(x.category)}${x.techniques.length ? ` · ${esc(x.techniques.join(', '))}` : ''}</dd>`);
      if (x.falsePositives.length) out.push(`<dt>false positives</dt><dd>${x.falsePositives.map(esc).join('<br>')}</dd>`);
      if (x.references.length) out.push(`<dt>references</dt><dd>${x.references.map(esc).join('<br>')}</dd>`);
      out.push(`</dl>`);
    }
  }

  out.push(`<h2>Audit log</h2>`);
  out.push(`<table><thead><tr><th>time</th><th>who</th><th>action</th><th>on</th><th>detail</th></tr></thead><tbody>`);
  for (const r of d.audit) out.push(`<tr><td>${esc(r.ts)}</td><td>${esc(r.actor)}</td><td>${esc(r.action)}</td><td class="mono">${esc(r.target)}</td><td class="mono">${esc(r.detail)}</td></tr>`);
  if (!d.audit.length) out.push('<tr><td colspan="5" class="muted">no recorded actions</td></tr>');
  out.push(`</tbody></table></body></html>\n`);
  return out.join('\n');
}

// ---------------------------------------------------------------- Markdown

/** A table cell: pipes and line breaks would break the row. */
function cell(s: string | number | null | undefined): string {
  return String(s ?? '').replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function mdTable(head: string[], rows: (string | number | null | undefined)[][]): string {
  return [`| ${head.map(cell).join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

export function caseReportMarkdown(d: CaseReportData): string {
  const s = summary(d);
  const out: string[] = [];
  out.push(`# Case report: ${d.caseName}`, '');
  out.push(`Made ${utc(Date.parse(d.generatedAt) / 1000)} by ${d.generator} from case file \`${d.casePath}\`. ${d.alerts.length} of ${d.alertsInCase} alert(s)${d.scope ? ` (${d.scope})` : ''}.`, '');
  out.push('## Evidence (chain of custody)', '');
  out.push(mdTable(['#', 'file', 'SHA-256', 'size', 'type', 'first message', 'last message', 'frames', 'messages', 'decode errors', 'imported'], d.evidence.map((e) => [e.id, e.name, e.sha256 ?? '—', bytes(e.size), e.captureType ?? '—', utc(e.firstTs), utc(e.lastTs), int(e.frames), int(e.messages), int(e.errors), e.importedAt ?? '—'])), '');
  out.push(`The case holds ${int(d.counts.messages)} messages, ${int(d.counts.dialogues)} dialogues, ${int(d.counts.nodes)} signaling points and GTs, ${int(d.counts.subscribers)} subscribers and ${int(d.counts.decodeErrors)} per-frame decode errors.`, '');
  out.push('## Findings', '', `${d.alerts.length} alert(s) from ${s.detector.length} detector(s), against ${s.victims} distinct subscriber(s).`, '');
  for (const [t, rows] of [['severity', s.severity], ['triage status', s.status], ['detector', s.detector], ['sender (top 15)', s.attackers]] as const) out.push(mdTable([t, 'alerts'], rows.map((r) => [r.key, r.n])), '');
  out.push('## Alerts', '');
  for (const a of sortAlerts(d.alerts)) {
    out.push(`### [${a.severity.toUpperCase()}] ${a.title}`, '');
    out.push(`- detector: ${a.detector} · ${a.category}${a.techniques.length ? ` · ${a.techniques.join(', ')}` : ''}`);
    out.push(`- time: ${utc(a.start)}${a.end != null && a.end !== a.start ? ` → ${utc(a.end)}` : ''}`);
    out.push(`- sender: ${attackerText(a.attacker)}`, `- subscriber: ${victimText(a.victim)}`);
    out.push(`- triage: ${a.status}${a.tags.length ? ` · tags: ${a.tags.join(', ')}` : ''}`);
    if (a.note) out.push(`- analyst note: ${a.note.replace(/\r?\n/g, ' ')}`);
    out.push(`- evidence frames: ${framesText(a.frames)}`, `- alert id: \`${a.id}\``, '', `> ${a.explanation.replace(/\r?\n/g, ' ')}`, '');
  }
  if (!d.alerts.length) out.push('No alerts in scope.', '');
  if (d.detectors.length) {
    out.push('## What the detectors check', '');
    for (const x of d.detectors) {
      out.push(`### ${x.title} (\`${x.id}\`)`, '', x.description, '', `- category: ${x.category}${x.techniques.length ? ` · ${x.techniques.join(', ')}` : ''}`);
      if (x.falsePositives.length) out.push(`- false positives: ${x.falsePositives.join('; ')}`);
      if (x.references.length) out.push(`- references: ${x.references.join('; ')}`);
      out.push('');
    }
  }
  out.push('## Audit log', '');
  out.push(d.audit.length ? mdTable(['time', 'who', 'action', 'on', 'detail'], d.audit.map((r) => [r.ts, r.actor, r.action, r.target, r.detail])) : 'No recorded actions.', '');
  return out.join('\n');
}
