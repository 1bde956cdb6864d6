/** Printing alerts for the CLI: NDJSON (one alert per line) and a readable table. */
import type { Alert } from '../../model/alert.js';

/** Alert with evidence ids replaced by file names. */
export function withEvidenceNames(a: Alert, names: Map<string, string>): Alert {
  return { ...a, frames: a.frames.map((f) => ({ evidence: names.get(f.evidence) ?? f.evidence, frame: f.frame })) };
}

export function alertToNdjson(a: Alert): string {
  return JSON.stringify({
    id: a.id,
    detector: a.detector,
    title: a.title,
    severity: a.severity,
    category: a.category,
    techniques: a.techniques,
    start: a.start,
    end: a.end,
    attacker: a.attacker,
    victim: a.victim,
    frames: a.frames,
    explanation: a.explanation,
    ...(a.facts ? { facts: a.facts } : {}),
  });
}

const iso = (t: number): string => (Number.isFinite(t) ? new Date(t * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '?');

export function alertsTable(alerts: Alert[]): string {
  if (!alerts.length) return 'no alerts';
  const out: string[] = [];
  const bySev: Record<string, number> = {};
  for (const a of alerts) {
    bySev[a.severity] = (bySev[a.severity] ?? 0) + 1;
    const who = a.attacker.gt ?? a.attacker.host ?? (a.attacker.pc !== undefined ? `PC ${a.attacker.pc}` : '-');
    const vic = a.victim.imsi ?? a.victim.msisdn ?? '-';
    const fr = a.frames.slice(0, 4).map((f) => `${f.evidence}#${f.frame}`).join(' ') + (a.frames.length > 4 ? ` +${a.frames.length - 4}` : '');
    out.push(`${iso(a.start)}  ${a.severity.toUpperCase().padEnd(8)} ${a.detector.padEnd(20)} attacker ${who}  victim ${vic}  frames ${fr}`);
    out.push(`    ${a.explanation}`);
  }
  out.push('', `${alerts.length} alert(s): ${['critical', 'high', 'medium', 'low', 'info'].filter((s) => bySev[s]).map((s) => `${bySev[s]} ${s}`).join(', ')}`);
  return out.join('\n');
}
