/**
 * Developer tool: `node --import tsx test/decoder/variants/explore.ts [OUTDIR] [name-substring…]`
 * writes every variant as its own pcap (and the test's combined files) to OUTDIR, runs the
 * tshark oracle script and Sigtrail on each and prints the differences.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildVariants, stamp, variantFiles } from './variants.js';
import { pcapFile, pcapngFile } from './frames.js';
import { compareLines, sigtrailLines, summarize, SHARED } from '../oracle-lib.js';
import { spawnSync } from 'node:child_process';

const [dir = '/tmp/sigtrail-variants', ...filters] = process.argv.slice(2);
mkdirSync(dir, { recursive: true });
const ORACLE = join(SHARED, 'oracle', 'tshark-fields.sh');
const files: string[] = [];
const variantsByFile = new Map<string, ReturnType<typeof buildVariants>[number]>();
for (const [i, v] of buildVariants().entries()) {
  if (filters.length && !filters.some((f) => v.name.includes(f))) continue;
  const links = new Set(v.frames.map((f) => f.link));
  const name = `v${String(i).padStart(2, '0')}-${v.name.replace(/[^A-Za-z0-9]+/g, '_')}.pcap`;
  const file = links.size === 1 ? name : `${name}ng`;
  writeFileSync(join(dir, file), links.size === 1 ? pcapFile(stamp(v.frames), { ns: true }) : pcapngFile([...links].map((link) => ({ link, tsresol: 9 })), stamp(v.frames)));
  files.push(file);
  variantsByFile.set(file, v);
}
if (!filters.length) for (const f of variantFiles()) { writeFileSync(join(dir, f.name), f.bytes); files.push(f.name); }
for (const f of files) {
  const p = join(dir, f);
  const v = variantsByFile.get(f);
  const o = spawnSync(ORACLE, [...(v?.tshark?.opts ?? []), p], { encoding: 'utf8' });
  const exp = o.stdout.split('\n').filter((l) => l.length > 0);
  writeFileSync(p + '.tshark.tsv', o.stdout);
  const got = await sigtrailLines(p);
  writeFileSync(p + '.sigtrail.tsv', got.join('\n') + '\n');
  const c = compareLines(f, exp, got);
  const ok = c.headerEqual && c.diffs.length === 0 && c.missing.length === 0 && c.extra.length === 0;
  console.log((ok ? 'OK   ' : 'DIFF ') + summarize(c, 8));
}
