/**
 * `npm run bench`: runs every test/bench/*.bench.ts (each exports `bench(): Promise<void>`)
 * in name order, or only those whose name contains one of the arguments.
 * Each benchmark runs in a fresh Node process, so that its peak RSS, heap and JIT state are
 * its own (a DuckDB buffer pool or a generator heap left by an earlier benchmark would
 * otherwise show up in the next one's figures).
 * Each benchmark prints its own figures and ratios against a reference measured in the same run.
 */
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const self = fileURLToPath(import.meta.url);
const dir = dirname(self);
const args = process.argv.slice(2);

if (args[0] === '--one') {
  const mod = (await import(pathToFileURL(join(dir, args[1]!)).href)) as { bench: () => Promise<void> };
  await mod.bench();
} else {
  const files = readdirSync(dir).filter((f) => f.endsWith('.bench.ts') && (!args.length || args.some((x) => f.includes(x)))).sort();
  let failed = 0;
  for (const f of files) {
    console.log(`\n=== ${f.replace('.bench.ts', '')}`);
    const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', self, '--one', f], { stdio: 'inherit' });
    if (r.status !== 0) {
      failed++;
      console.log(`${f}: exited ${r.status ?? r.signal}`);
    }
  }
  if (failed) process.exitCode = 1;
}
