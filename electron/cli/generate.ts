/**
 * `sigtrail generate --out DIR [--seed N] [--messages N] [--scenarios all|none|id[:variant],…] [--hours H]`
 * Writes DIR/capture.pcap (streamed), DIR/labels.json and DIR/profile.json.
 * `writeGeneration` is the Node writer other Node code (workbench, benches) can call.
 */
import { mkdirSync, openSync, writeSync, closeSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, UsageError } from './args.js';
import { generateToSink, planScenarios, type GenerateOptions, type GenerateResult } from '../../shared/generator/index.js';

export async function writeGeneration(dir: string, opts: GenerateOptions): Promise<GenerateResult & { pcapPath: string; bytes: number }> {
  mkdirSync(dir, { recursive: true });
  const pcapPath = join(dir, 'capture.pcap');
  const fd = openSync(pcapPath, 'w');
  let bytes = 0;
  try {
    const r = await generateToSink(opts, (chunk) => {
      let o = 0;
      while (o < chunk.length) o += writeSync(fd, chunk, o, chunk.length - o);
      bytes += chunk.length;
    });
    writeFileSync(join(dir, 'labels.json'), JSON.stringify(r.labels, null, 1) + '\n');
    writeFileSync(join(dir, 'profile.json'), JSON.stringify(r.profile, null, 2) + '\n');
    return { ...r, pcapPath, bytes };
  } finally {
    closeSync(fd);
  }
}

function num(v: string | true | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v === true || !Number.isFinite(n) || n < 0) throw new UsageError(`--${name} needs a non-negative number`);
  return n;
}

export async function run(args: string[]): Promise<number> {
  const a = parseArgs(args, { values: ['out', 'seed', 'messages', 'scenarios', 'hours'], flags: ['quiet', 'help'] });
  if (a.opts.help) {
    console.log(
      [
        'usage: sigtrail generate --out DIR [--seed N] [--messages N] [--scenarios all|none|id[:variant],…] [--hours H] [--quiet]',
        '',
        '  --seed N        world and traffic seed (default 1); the same seed gives byte-identical files',
        '  --messages N    target number of signaling messages, i.e. SCTP DATA chunks (M3UA or Diameter), default 20000',
        '  --scenarios     all (default), none, or catalogue ids, optionally id:variant (see sigtrail scenarios)',
        '  --hours H       capture length (default 24, with a day/night rhythm in the home country’s time)',
        '',
        'Writes DIR/capture.pcap (Ethernet/IPv4/SCTP: M3UA/SCCP/TCAP/MAP/CAP, ISUP, Diameter S6a),',
        'DIR/labels.json (scenario instances with their frame numbers) and DIR/profile.json (network profile).',
      ].join('\n'),
    );
    return 0;
  }
  const out = a.opts.out;
  if (typeof out !== 'string') {
    console.error('sigtrail generate: --out DIR is required');
    return 2;
  }
  const sel = typeof a.opts.scenarios === 'string' ? a.opts.scenarios : 'all';
  const opts: GenerateOptions = {
    seed: num(a.opts.seed, 'seed') ?? 1,
    messages: num(a.opts.messages, 'messages') ?? 20000,
    scenarios: sel === 'all' || sel === 'none' ? sel : sel.split(',').map((s) => s.trim()).filter(Boolean),
  };
  const hours = num(a.opts.hours, 'hours');
  if (hours !== undefined) opts.hours = hours;
  try {
    planScenarios(opts.scenarios ?? 'all');
  } catch (e) {
    console.error(`sigtrail generate: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  const t0 = Date.now();
  const r = await writeGeneration(out, opts);
  if (!a.opts.quiet) {
    const s = (Date.now() - t0) / 1000;
    console.log(`wrote ${r.pcapPath}: ${r.labels.frames} frames, ${r.labels.messages} messages, ${r.labels.instances.length} scenario instances (${(r.bytes / 1048576).toFixed(1)} MiB, ${s.toFixed(1)} s, ${Math.round(r.labels.messages / s)} msgs/s)`);
    const kinds = (k: string): number => r.profile.partners.filter((p) => p.kind === k).length;
    console.log(`wrote ${join(out, 'labels.json')} and ${join(out, 'profile.json')} (home ${r.profile.home.name}, MCC ${r.profile.home.mcc}, CC +${r.profile.home.cc}; ${kinds('roaming')} roaming partners, ${kinds('sms-hub')} SMS hubs, ${kinds('ipx')} IPX carriers)`);
  }
  return 0;
}
