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

function build(): RowFn {
  // One straight-line function; falls back to the generic loop where code generation is unavailable (CSP).
  try {
    const parts = MESSAGE_COLUMNS.map((c) => {
      const f = c.type === 'VARCHAR' ? 's' : c.type === 'BOOLEAN' ? 'b' : 'n';
      return `${f}(r.${c.name})`;
    });
    const body = `return ${parts.join(" + ',' + ")} + '\\n';`;
    const fn = new Function('s', 'n', 'b', `return function msgRowCsv(r) { ${body} };`) as (s: typeof csvStr, n: typeof csvNum, b: typeof csvBool) => RowFn;
    return fn(csvStr, csvNum, csvBool);
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
