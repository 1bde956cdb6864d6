/**
 * MsgRow → CSV line, the bulk-load format of the case store (DuckDB read_csv
 * with explicit column types; empty unquoted field = NULL, quoted "" = empty string).
 * Generated once from MESSAGE_COLUMNS so serialising a row is one straight-line
 * function (no per-column dispatch), which keeps ingest above 300k rows/s.
 */
import type { MsgRow } from '../model/row.js';
import { MESSAGE_COLUMNS } from './schema.js';

const NEEDS_QUOTE = /[",\r\n]/;

/** CSV cell for a string value; null/undefined → empty (NULL). */
export function csvStr(v: string | null | undefined): string {
  if (v == null) return '';
  if (v === '') return '""';
  return NEEDS_QUOTE.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function csvNum(v: number | bigint | null | undefined): string {
  if (v == null) return '';
  if (typeof v === 'bigint') return v.toString();
  return Number.isFinite(v) ? String(v) : '';
}

export function csvBool(v: boolean | null | undefined): string {
  return v == null ? '' : v ? 'true' : 'false';
}

type RowFn = (r: MsgRow) => string;

/** Scan for a character that needs quoting (cheaper than a regex on the short values of a row). */
function needsQuote(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 34 || c === 44 || c === 10 || c === 13) return true;
  }
  return false;
}

/** Quoted CSV cell for a non-empty string that needs it. */
function quoted(v: string): string {
  return `"${v.replace(/"/g, '""')}"`;
}

function build(): RowFn {
  // One straight-line function with the null / type checks inlined per column
  // (most of the ~115 cells of a row are NULL, so the common case is one
  // comparison and an empty string, no call); falls back to the generic loop
  // where code generation is unavailable (CSP).
  try {
    const lines = MESSAGE_COLUMNS.map((c, i) => {
      const sep = i ? "s += ',';\n" : '';
      const get = `v = r.${c.name};\n`;
      if (c.type === 'VARCHAR') {
        return `${sep}${get}if (v != null) { if (typeof v === 'string') s += v === '' ? '""' : nq(v) ? qt(v) : v; else s += cs(v); }`;
      }
      if (c.type === 'BOOLEAN') return `${sep}${get}if (v != null) s += v ? 'true' : 'false';`;
      return `${sep}${get}if (v != null) s += typeof v === 'number' ? (v - v === 0 ? '' + v : '') : cn(v);`;
    });
    const body = `let s = '';\nlet v;\n${lines.join('\n')}\nreturn s + '\\n';`;
    const fn = new Function('nq', 'qt', 'cs', 'cn', `return function msgRowCsv(r) {\n${body}\n};`) as (nq: typeof needsQuote, qt: typeof quoted, cs: typeof csvStr, cn: typeof csvNum) => RowFn;
    return fn(needsQuote, quoted, csvStr, csvNum);
  } catch {
    const kinds = MESSAGE_COLUMNS.map((c) => (c.type === 'VARCHAR' ? 0 : c.type === 'BOOLEAN' ? 2 : 1));
    const names = MESSAGE_COLUMNS.map((c) => c.name);
    return (r: MsgRow): string => {
      let s = '';
      for (let i = 0; i < names.length; i++) {
        if (i) s += ',';
        const v = r[names[i]!] as never;
        s += kinds[i] === 0 ? csvStr(v) : kinds[i] === 2 ? csvBool(v) : csvNum(v);
      }
      return s + '\n';
    };
  }
}

/** One CSV line (with trailing newline) in MESSAGE_COLUMNS order. */
export const msgRowCsv: RowFn = build();

/**
 * Byte writer for the same CSV line: writes `r` into `out` at `pos` and returns
 * the new end. Skips building a ~230-piece string per row and its UTF-8
 * encoding (2.2 µs instead of 5.8 µs per row incl. encoding on the generated
 * capture). The caller keeps at least ROW_RESERVE bytes free before each row;
 * a long string value that would eat into that reserve makes it return -1
 * (nothing valid written: the caller then writes msgRowCsv(r) instead).
 */
export const ROW_RESERVE = 8192;

const UTF8 = new TextEncoder();

type ByteRowFn = (r: MsgRow, out: Uint8Array, pos: number) => number;

/** String cell (non-empty): ASCII without special characters byte by byte, else quoted / UTF-8 via csvStr. */
function writeStr(v: string, o: Uint8Array, p: number): number {
  const n = v.length;
  if (p + 3 * n + 2 + ROW_RESERVE / 2 > o.length) return -1;
  const p0 = p;
  for (let i = 0; i < n; i++) {
    const c = v.charCodeAt(i);
    if (c >= 0x80 || c === 34 || c === 44 || c === 10 || c === 13) return p0 + UTF8.encodeInto(csvStr(v), o.subarray(p0)).written;
    o[p++] = c;
  }
  return p;
}

/** Numeric cell: non-negative integers digit by digit, anything else through its JS string form (csvNum rules). */
function writeNum(v: unknown, o: Uint8Array, p: number): number {
  if (typeof v === 'number') {
    if (v >= 0 && v <= 0x7fffffff && (v | 0) === v) {
      let d = 1;
      let x = v;
      while (x >= 10) {
        x = (x / 10) | 0;
        d++;
      }
      const e = p + d;
      let q = e;
      x = v;
      while (x >= 10) {
        const y = (x / 10) | 0;
        o[--q] = 48 + x - y * 10;
        x = y;
      }
      o[--q] = 48 + x;
      return e;
    }
    const s = v - v === 0 ? '' + v : '';
    for (let i = 0; i < s.length; i++) o[p++] = s.charCodeAt(i);
    return p;
  }
  const s = csvNum(v as never);
  for (let i = 0; i < s.length; i++) o[p++] = s.charCodeAt(i);
  return p;
}

function buildBytes(): ByteRowFn {
  try {
    const lines = MESSAGE_COLUMNS.map((c, i) => {
      const sep = i ? 'o[p++] = 44;\n' : '';
      const get = `v = r.${c.name};\n`;
      if (c.type === 'VARCHAR') return `${sep}${get}if (v != null) { if (v === '') { o[p++] = 34; o[p++] = 34; } else if ((p = ws('' + v, o, p)) < 0) return -1; }`;
      if (c.type === 'BOOLEAN') return `${sep}${get}if (v != null) p = ws(v ? 'true' : 'false', o, p);`;
      return `${sep}${get}if (v != null) p = wn(v, o, p);`;
    });
    const fn = new Function('ws', 'wn', `return function writeMsgRowCsv(r, o, p) {\nlet v;\n${lines.join('\n')}\no[p++] = 10;\nreturn p;\n};`) as (ws: typeof writeStr, wn: typeof writeNum) => ByteRowFn;
    return fn(writeStr, writeNum);
  } catch {
    return () => -1;
  }
}

/** Writes one CSV line (MESSAGE_COLUMNS order, trailing newline) into `out` at `pos`; returns the end, or -1 (see ROW_RESERVE). */
export const writeMsgRowCsv: ByteRowFn = buildBytes();
