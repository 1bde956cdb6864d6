/**
 * `npm run bench`: runs every test/bench/*.bench.ts (each exports `bench(): Promise<void>`)
 * in name order, or only those whose name contains one of the arguments.
 * Each benchmark prints its own figures and ratios against a reference measured in the same run.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const dir = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(dir).filter((f) => f.endsWith('.bench.ts') && (!filters.length || filters.some((x) => f.includes(x)))).sort();
for (const f of files) {
  console.log(`\n=== ${f.replace('.bench.ts', '')}`);
  const mod = (await import(pathToFileURL(join(dir, f)).href)) as { bench: () => Promise<void> };
  await mod.bench();
}
