/** `sigtrail export --case CASE --parquet DIR`: Parquet, messages partitioned by day (hive style); `sigtrail ingest DIR` restores it. */
import { parseArgs } from './args.js';
import { openCase, closeCase, exportParquet } from '../../shared/node/store/case.js';

export async function run(args: string[]): Promise<number> {
  const a = parseArgs(args, { values: ['case', 'parquet'] });
  const casePath = a.opts.case as string | undefined;
  const dir = a.opts.parquet as string | undefined;
  if (!casePath || !dir || a.positional.length) {
    console.error('usage: sigtrail export --case CASE.duckdb --parquet DIR');
    return 2;
  }
  let c;
  try {
    c = await openCase(casePath);
  } catch (e) {
    console.error(`sigtrail export: ${(e as Error).message}`);
    return 1;
  }
  try {
    const r = await exportParquet(c, dir);
    console.log(`${dir}: ${r.messages} messages over ${r.days} day(s), ${r.files} Parquet file(s) (messages/day=YYYY-MM-DD/, one file per other table)`);
    return 0;
  } catch (e) {
    console.error(`sigtrail export: ${(e as Error).message}`);
    return 1;
  } finally {
    await closeCase(c);
  }
}
