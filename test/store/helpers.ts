/** Shared helpers for the case-store tests. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCase, closeCase, caseQuery, type CaseHandle } from '../../shared/node/store/case.js';
import type { SigRecord } from '../../shared/model/record.js';

export function tmpDir(tag: string): { dir: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `sigtrail-store-${tag}-`));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

export function writeNdjson(path: string, records: SigRecord[], extra = ''): void {
  writeFileSync(path, records.map((r) => JSON.stringify(r)).join('\n') + '\n' + extra);
}

/** Everything that must stay identical when an import fails: per-table counts and a content hash of the main tables. */
export async function fingerprint(h: CaseHandle): Promise<string> {
  const tables = ['evidence', 'messages', 'decode_errors', 'dialogues', 'dialogue_messages', 'nodes', 'links', 'subscribers', 'locations', 'kpis', 'alerts', 'alert_triage', 'audit_log'];
  const parts: string[] = [];
  for (const t of tables) {
    const r = await caseQuery(h, `SELECT count(*) AS n, coalesce(sum(hash(x::VARCHAR)), 0)::VARCHAR AS hsum FROM ${t} x`);
    parts.push(`${t}:${JSON.stringify(r[0])}`);
  }
  return parts.join('\n');
}

export async function fingerprintOf(path: string): Promise<string> {
  const h = await openCase(path);
  try {
    return await fingerprint(h);
  } finally {
    await closeCase(h);
  }
}
