/**
 * Developer tool: `node --import tsx test/decoder/oracle-diff.ts [capture-substring…] [--max N]`
 * prints, per capture, how Sigtrail's --format tshark output differs from the oracle.
 */
import { listCaptures, compareCapture, summarize } from './oracle-lib.js';

const args = process.argv.slice(2);
let max = 12;
const filters: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--max') max = Number(args[++i]);
  else filters.push(args[i]!);
}
let total = 0, bad = 0;
for (const cap of listCaptures()) {
  if (filters.length && !filters.some((f) => cap.includes(f))) continue;
  const c = await compareCapture(cap);
  if (!c) continue;
  total++;
  const ok = c.headerEqual && c.diffs.length === 0 && c.missing.length === 0 && c.extra.length === 0;
  if (!ok) bad++;
  console.log((ok ? 'OK   ' : 'DIFF ') + summarize(c, max));
}
console.log(`${total - bad}/${total} captures equal the oracle`);
