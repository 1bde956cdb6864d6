/** `sigtrail query --case CASE "SQL" [--format table|csv|json] [--write]`: runs SQL over a case (read-only unless --write). */
import { parseArgs } from './args.js';
import { openCase, closeCase, caseQueryColumns, type JsonValue } from '../../shared/node/store/case.js';
import { csvStr } from '../../shared/store/csv.js';

const USAGE = 'usage: sigtrail query --case CASE.duckdb "SQL" [--format table|csv|json] [--write]';

function cell(v: JsonValue): string {
  if (v === null) return '';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

export function formatTable(cols: string[], rows: JsonValue[][], maxWidth = 60): string {
  const cells = rows.map((r) => r.map((v) => {
    const s = cell(v).replace(/[\r\n\t]/g, ' ');
    return s.length > maxWidth ? s.slice(0, maxWidth - 1) + '…' : s;
  }));
  const w = cols.map((c, i) => Math.max(c.length, ...cells.map((r) => (r[i] ?? '').length)));
  const line = (vals: string[]): string => vals.map((v, i) => v.padEnd(w[i]!)).join('  ').trimEnd();
  return [line(cols), line(w.map((n) => '-'.repeat(n))), ...cells.map(line)].join('\n');
}

export async function run(args: string[]): Promise<number> {
  const a = parseArgs(args, { values: ['case', 'format'], flags: ['write'] });
  const casePath = a.opts.case as string | undefined;
  const sql = a.positional.join(' ').trim();
  const format = (a.opts.format as string | undefined) ?? 'table';
  if (!casePath || !sql || !['table', 'csv', 'json'].includes(format)) {
    console.error(USAGE);
    return 2;
  }
  let c;
  try {
    c = await openCase(casePath, { readOnly: a.opts.write !== true });
  } catch (e) {
    console.error(`sigtrail query: ${(e as Error).message}`);
    return 1;
  }
  try {
    const r = await caseQueryColumns(c, sql);
    const cols = r.columns.map((x) => x.name);
    if (format === 'json') {
      for (const row of r.rows) process.stdout.write(JSON.stringify(Object.fromEntries(cols.map((k, i) => [k, row[i] ?? null]))) + '\n');
    } else if (format === 'csv') {
      let s = cols.map(csvStr).join(',') + '\n';
      for (const row of r.rows) s += row.map((v) => (v === null ? '' : csvStr(cell(v)))).join(',') + '\n';
      process.stdout.write(s);
    } else {
      process.stdout.write(formatTable(cols, r.rows) + '\n');
      console.error(`(${r.rows.length} row${r.rows.length === 1 ? '' : 's'})`);
    }
    return 0;
  } catch (e) {
    console.error(`sigtrail query: ${(e as Error).message.split('\n')[0]}`);
    return 1;
  } finally {
    await closeCase(c);
  }
}
