/** `sigtrail detect --case CASE [--profile P] [--format table|ndjson] [--config C] [--only a,b] [--no-store]` */
import { readFileSync, existsSync } from 'node:fs';
import { parseArgs, UsageError } from './args.js';
import { parseProfile } from '../../shared/detect/profile-schema.js';
import { detectCase } from '../../shared/node/detect/run-case.js';
import { alertToNdjson, alertsTable, withEvidenceNames } from '../../shared/node/detect/format.js';
import type { DetectConfig } from '../../shared/detect/types.js';
import type { NetworkProfile } from '../../shared/model/profile.js';

export function loadProfile(path: string | undefined): NetworkProfile | null {
  if (!path) return null;
  if (!existsSync(path)) throw new Error(`profile ${path} not found`);
  return parseProfile(readFileSync(path, 'utf8'), path);
}

export function loadConfig(path: string | undefined, only: string | undefined): DetectConfig {
  let cfg: DetectConfig = {};
  if (path) {
    try {
      cfg = JSON.parse(readFileSync(path, 'utf8')) as DetectConfig;
    } catch (e) {
      throw new Error(`config ${path}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (only) cfg.only = only.split(',').map((s) => s.trim()).filter(Boolean);
  return cfg;
}

export async function run(args: string[]): Promise<number> {
  const a = parseArgs(args, { values: ['case', 'profile', 'format', 'config', 'only'], flags: ['no-store', 'help'] });
  if (a.opts.help || !a.opts.case) {
    console.error('usage: sigtrail detect --case CASE.duckdb [--profile PROFILE.json] [--format table|ndjson] [--config CONFIG.json] [--only id,id] [--no-store]');
    return a.opts.help ? 0 : 2;
  }
  const format = String(a.opts.format ?? 'table');
  if (format !== 'table' && format !== 'ndjson') throw new UsageError(`--format must be table or ndjson, got ${format}`);
  const casePath = String(a.opts.case);
  if (!existsSync(casePath)) throw new Error(`no case file at ${casePath}`);
  const profile = loadProfile(a.opts.profile === undefined ? undefined : String(a.opts.profile));
  const config = loadConfig(a.opts.config === undefined ? undefined : String(a.opts.config), a.opts.only === undefined ? undefined : String(a.opts.only));
  if (!profile) console.error('sigtrail detect: no --profile given; detectors that need to know the home network are skipped (see the info alert)');
  const r = await detectCase(casePath, { profile, config, write: !a.opts['no-store'] });
  printAlerts(r.alerts.map((x) => withEvidenceNames(x, r.evidenceNames)), format);
  for (const e of r.errors) console.error(`detector error: ${e}`);
  console.error(`sigtrail detect: ${r.rows} messages, ${r.alerts.length} alert(s) in ${r.seconds.toFixed(2)} s${a.opts['no-store'] ? '' : ' (stored in the case)'}`);
  return 0;
}

export function printAlerts(alerts: import('../../shared/model/alert.js').Alert[], format: string): void {
  if (format === 'ndjson') for (const x of alerts) process.stdout.write(alertToNdjson(x) + '\n');
  else console.log(alertsTable(alerts));
}
