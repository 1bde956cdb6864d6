/** `sigtrail analyze CAPTURE… --profile P [--case CASE] [--format table|ndjson]`: ingest + detect in one go. */
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, UsageError } from './args.js';
import { loadConfig, loadProfile, printAlerts } from './detect.js';
import { openCase, closeCase, ingestFiles } from '../../shared/node/store/case.js';
import { detectOpenCase } from '../../shared/node/detect/run-case.js';
import { withEvidenceNames } from '../../shared/node/detect/format.js';

export async function run(args: string[]): Promise<number> {
  const a = parseArgs(args, { values: ['case', 'profile', 'format', 'config', 'only'], flags: ['help', 'force'] });
  if (a.opts.help || a.positional.length === 0) {
    console.error('usage: sigtrail analyze CAPTURE… --profile PROFILE.json [--case CASE.duckdb] [--format table|ndjson] [--config CONFIG.json] [--only id,id]');
    return a.opts.help ? 0 : 2;
  }
  const format = String(a.opts.format ?? 'table');
  if (format !== 'table' && format !== 'ndjson') throw new UsageError(`--format must be table or ndjson, got ${format}`);
  for (const f of a.positional) if (!existsSync(f)) throw new Error(`${f}: no such file`);
  const profile = loadProfile(a.opts.profile === undefined ? undefined : String(a.opts.profile));
  if (!profile) console.error('sigtrail analyze: no --profile given; detectors that need to know the home network are skipped (see the info alert)');
  const config = loadConfig(a.opts.config === undefined ? undefined : String(a.opts.config), a.opts.only === undefined ? undefined : String(a.opts.only));
  const tmp = a.opts.case ? undefined : mkdtempSync(join(tmpdir(), 'sigtrail-analyze-'));
  const casePath = a.opts.case ? String(a.opts.case) : join(tmp!, 'case.duckdb');
  const h = await openCase(casePath);
  try {
    const ing = await ingestFiles(h, a.positional, { ...(profile ? { profile } : {}), force: !!a.opts.force, actor: 'sigtrail analyze' });
    for (const f of ing.files) if (f.skipped || f.errors) console.error(`${f.path}: ${f.messages} messages, ${f.errors} decode errors${f.note ? ' — ' + f.note : ''}`);
    const r = await detectOpenCase(h, { profile, config, write: true });
    printAlerts(r.alerts.map((x) => withEvidenceNames(x, r.evidenceNames)), format);
    for (const e of r.errors) console.error(`detector error: ${e}`);
    console.error(`sigtrail analyze: ${ing.messages} messages ingested in ${ing.seconds.toFixed(2)} s, ${r.alerts.length} alert(s) in ${r.seconds.toFixed(2)} s${tmp ? '' : ` (case ${casePath})`}`);
  } finally {
    await closeCase(h);
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
  return 0;
}
