/**
 * Differential check against Wireshark: decodes a capture with Sigtrail,
 * formats it as the oracle TSV (`--format tshark`) and compares it cell for
 * cell with ../shared/oracle/expected/<capture>.tsv (tshark 4.0.17's reading).
 */
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { decodeCaptureFile } from '../../shared/node/capture-file.js';
import { tsharkHeader, tsharkRow } from '../../shared/decoder/tshark-format.js';
import type { DecodeOptions } from '../../shared/decoder/context.js';

export const SHARED = resolve(new URL('../../..', import.meta.url).pathname, 'shared');
export const CAPTURES = join(SHARED, 'captures');
export const EXPECTED = join(SHARED, 'oracle', 'expected');

/** Captures that need a non-default tshark preference in the oracle, and how Sigtrail gets the same reading. */
export const CAPTURE_OPTIONS: Record<string, Partial<DecodeOptions>> = {
  // The oracle runs tshark with -o m3ua.version:draft-6; Sigtrail detects the draft tags by itself ('auto').
};

export function listCaptures(): string[] {
  if (!existsSync(CAPTURES)) return [];
  return readdirSync(CAPTURES)
    .filter((f) => /\.(pcap|pcapng)(\.gz)?$/.test(f))
    .sort();
}

export function expectedLines(capture: string): string[] | undefined {
  const p = join(EXPECTED, `${capture}.tsv`);
  const pg = `${p}.gz`;
  let text: string;
  if (existsSync(p)) text = readFileSync(p, 'utf8');
  else if (existsSync(pg)) text = gunzipSync(readFileSync(pg)).toString('utf8');
  else return undefined;
  return text.split('\n').filter((l) => l.length > 0);
}

export async function sigtrailLines(capturePath: string, opts: Partial<DecodeOptions> = {}): Promise<string[]> {
  const out = [tsharkHeader()];
  for await (const b of decodeCaptureFile(capturePath, opts)) for (const r of b.records) out.push(tsharkRow(r));
  return out;
}

export interface CellDiff {
  line: number;
  frame: string;
  column: string;
  expected: string;
  got: string;
}

export interface OracleComparison {
  capture: string;
  expectedRows: number;
  gotRows: number;
  headerEqual: boolean;
  diffs: CellDiff[];
  /** Rows present on one side only (by frame + msg_idx + comp_idx key). */
  missing: string[];
  extra: string[];
}

export function compareLines(capture: string, exp: string[], got: string[]): OracleComparison {
  const header = exp[0]!.split('\t');
  const res: OracleComparison = {
    capture,
    expectedRows: exp.length - 1,
    gotRows: got.length - 1,
    headerEqual: exp[0] === got[0],
    diffs: [],
    missing: [],
    extra: [],
  };
  const key = (cells: string[]): string => `${cells[0]}/${cells[2]}/${cells[3]}`;
  const gotMap = new Map<string, string[]>();
  for (let i = 1; i < got.length; i++) {
    const c = got[i]!.split('\t');
    gotMap.set(key(c), c);
  }
  const seen = new Set<string>();
  for (let i = 1; i < exp.length; i++) {
    const e = exp[i]!.split('\t');
    const k = key(e);
    seen.add(k);
    const g = gotMap.get(k);
    if (!g) {
      res.missing.push(k);
      continue;
    }
    for (let j = 0; j < header.length; j++) {
      const ev = e[j] ?? '';
      const gv = g[j] ?? '';
      if (ev !== gv) res.diffs.push({ line: i, frame: e[0]!, column: header[j]!, expected: ev, got: gv });
    }
  }
  for (const k of gotMap.keys()) if (!seen.has(k)) res.extra.push(k);
  // Row order must match too.
  if (res.missing.length === 0 && res.extra.length === 0 && res.diffs.length === 0) {
    for (let i = 1; i < exp.length; i++) {
      const ek = key(exp[i]!.split('\t'));
      const gk = key(got[i]!.split('\t'));
      if (ek !== gk) {
        res.diffs.push({ line: i, frame: ek, column: '(row order)', expected: ek, got: gk });
        break;
      }
    }
  }
  return res;
}

export async function compareCapture(capture: string): Promise<OracleComparison | undefined> {
  const exp = expectedLines(capture);
  if (!exp) return undefined;
  const got = await sigtrailLines(join(CAPTURES, capture), CAPTURE_OPTIONS[capture] ?? {});
  return compareLines(capture, exp, got);
}

export function summarize(c: OracleComparison, max = 12): string {
  const lines = [`${c.capture}: expected ${c.expectedRows} rows, got ${c.gotRows}; ${c.diffs.length} differing cells; ${c.missing.length} missing rows; ${c.extra.length} extra rows`];
  if (!c.headerEqual) lines.push('  header differs');
  const byCol = new Map<string, number>();
  for (const d of c.diffs) byCol.set(d.column, (byCol.get(d.column) ?? 0) + 1);
  if (byCol.size) lines.push('  by column: ' + [...byCol].map(([k, v]) => `${k}=${v}`).join(' '));
  for (const d of c.diffs.slice(0, max)) lines.push(`  frame ${d.frame} ${d.column}: expected ${JSON.stringify(d.expected)} got ${JSON.stringify(d.got)}`);
  if (c.missing.length) lines.push(`  missing rows (frame/msg/comp): ${c.missing.slice(0, max).join(' ')}`);
  if (c.extra.length) lines.push(`  extra rows (frame/msg/comp): ${c.extra.slice(0, max).join(' ')}`);
  return lines.join('\n');
}
