/** `sigtrail scenarios [--format table|json]`: the attack-scenario catalogue. */
import { parseArgs } from './args.js';
import { catalogue } from '../../shared/generator/index.js';

export async function run(args: string[]): Promise<number> {
  const a = parseArgs(args, { values: ['format', 'id'], flags: ['help'] });
  if (a.opts.help) {
    console.log('usage: sigtrail scenarios [--format table|json] [--id ID]');
    return 0;
  }
  const fmt = a.opts.format ?? 'table';
  let cat = catalogue();
  if (typeof a.opts.id === 'string') {
    cat = cat.filter((c) => c.id === a.opts.id);
    if (!cat.length) {
      console.error(`sigtrail scenarios: no scenario '${String(a.opts.id)}'`);
      return 2;
    }
  }
  if (fmt === 'json') {
    console.log(JSON.stringify(cat, null, 2));
    return 0;
  }
  if (fmt !== 'table') {
    console.error(`sigtrail scenarios: unknown format '${String(fmt)}' (table|json)`);
    return 2;
  }
  if (typeof a.opts.id === 'string') {
    const c = cat[0]!;
    console.log(`${c.id} — ${c.title}\n${c.category} · ${c.attack} · MITRE ${c.mitre.join(', ')} · variants: ${c.variants.join(', ')}\n`);
    console.log('Steps:\n' + c.steps.map((s, i) => `  ${i + 1}. ${s}`).join('\n'));
    console.log('\nEvidence:\n' + c.evidence.map((s) => `  - ${s}`).join('\n'));
    console.log(`\nVersus benign: ${c.distinguish}`);
    if (c.variantNotes) console.log('\nVariants:\n' + Object.entries(c.variantNotes).map(([k, v]) => `  ${k}: ${v}`).join('\n'));
    return 0;
  }
  const rows = cat.map((c) => [c.id, c.category.replace('FS.11 ', ''), c.attack, c.variants.join(','), c.title]);
  const head = ['ID', 'FS.11', 'ATTACK', 'VARIANTS', 'TITLE'];
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]): string => r.map((x, i) => (i === r.length - 1 ? x : x.padEnd(w[i]!))).join('  ');
  console.log(line(head));
  for (const r of rows) console.log(line(r));
  console.log(`\n${cat.length} scenarios; 'sigtrail scenarios --id ID' for the full entry, '--format json' for all of it.`);
  return 0;
}
