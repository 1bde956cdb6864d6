/**
 * `sigtrail report --case CASE [--out FILE] [--format html|markdown] [--status S,…] [--min-severity SEV]`:
 * the case report (evidence with hashes, findings, each alert with its rule trace and frames, the
 * detectors' descriptions, the audit log) as one self-contained HTML or Markdown document.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs, UsageError } from './args.js';
import { openCase, closeCase, caseQuery } from '../../shared/node/store/case.js';
import { caseReport, type ReportFormat } from '../../shared/node/report.js';
import { SEVERITIES, TRIAGE_STATUSES } from '../../shared/ipc/contract.js';
import type { Severity, TriageStatus } from '../../shared/model/alert.js';

export async function run(args: string[]): Promise<number> {
  const a = parseArgs(args, { values: ['case', 'out', 'format', 'status', 'min-severity'] });
  const casePath = a.opts.case as string | undefined;
  if (!casePath || a.positional.length) throw new UsageError('give --case CASE.duckdb (and optionally --out FILE)');
  const format = (a.opts.format as string | undefined) ?? ((a.opts.out as string | undefined)?.endsWith('.md') ? 'markdown' : 'html');
  if (format !== 'html' && format !== 'markdown') throw new UsageError(`--format must be html or markdown, not ${format}`);
  const statuses = ((a.opts.status as string | undefined) ?? '').split(',').filter(Boolean);
  for (const s of statuses) if (!(TRIAGE_STATUSES as string[]).includes(s)) throw new UsageError(`--status ${s}: expected ${TRIAGE_STATUSES.join(', ')}`);
  const minSeverity = a.opts['min-severity'] as string | undefined;
  if (minSeverity && !(SEVERITIES as string[]).includes(minSeverity)) throw new UsageError(`--min-severity ${minSeverity}: expected ${SEVERITIES.join(', ')}`);
  let c;
  try {
    c = await openCase(casePath, { readOnly: true });
  } catch (e) {
    console.error(`sigtrail report: ${(e as Error).message}`);
    return 1;
  }
  try {
    const h = c;
    const r = await caseReport((sql, params) => caseQuery(h, sql, params), {
      casePath,
      ...(statuses.length ? { statuses: statuses as TriageStatus[] } : {}),
      ...(minSeverity ? { minSeverity: minSeverity as Severity } : {}),
    }, format as ReportFormat);
    const out = a.opts.out as string | undefined;
    if (!out) {
      process.stdout.write(r.text);
      return 0;
    }
    writeFileSync(out, r.text);
    console.error(`${out}: ${format} report, ${r.alerts} alert(s)`);
    return 0;
  } catch (e) {
    console.error(`sigtrail report: ${(e as Error).message}`);
    return 1;
  } finally {
    await closeCase(c);
  }
}
