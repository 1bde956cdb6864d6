/** `sigtrail decode CAPTURE [--format ndjson|tshark] [--mtp3 itu|ansi] [--m3ua auto|rfc4666|draft6]` */
import { createWriteStream } from 'node:fs';
import { parseArgs } from './args.js';
import { decodeCaptureFile } from '../../shared/node/capture-file.js';
import { tsharkHeader, tsharkRow } from '../../shared/decoder/tshark-format.js';
import { NotACaptureError } from '../../shared/decoder/capture/types.js';
import type { DecodeOptions } from '../../shared/decoder/context.js';

export async function run(args: string[]): Promise<number> {
  const a = parseArgs(args, { values: ['format', 'mtp3', 'm3ua', 'out'], flags: ['errors', 'heuristics'] });
  const file = a.positional[0];
  if (!file || a.positional.length > 1) {
    console.error('usage: sigtrail decode CAPTURE [--format ndjson|tshark] [--mtp3 itu|ansi] [--m3ua auto|rfc4666|draft6] [--out FILE] [--errors] [--heuristics]');
    return 2;
  }
  const format = (a.opts.format as string | undefined) ?? 'ndjson';
  if (format !== 'ndjson' && format !== 'tshark') {
    console.error(`sigtrail decode: unknown --format ${format} (ndjson or tshark)`);
    return 2;
  }
  const opts: Partial<DecodeOptions> = {};
  if (a.opts.mtp3) opts.mtp3Variant = a.opts.mtp3 === 'ansi' ? 'ansi' : 'itu';
  if (a.opts.m3ua) opts.m3uaVersion = a.opts.m3ua as DecodeOptions['m3uaVersion'];
  if (a.opts.heuristics) opts.heuristics = true;
  const out = a.opts.out ? createWriteStream(a.opts.out as string) : process.stdout;
  const write = (s: string): Promise<void> | void => {
    if (!out.write(s)) return new Promise((res) => out.once('drain', () => res()));
  };
  let nErr = 0;
  try {
    if (format === 'tshark') await write(tsharkHeader() + '\n');
    for await (const batch of decodeCaptureFile(file, opts)) {
      let s = '';
      for (const r of batch.records) s += (format === 'tshark' ? tsharkRow(r) : JSON.stringify(r)) + '\n';
      for (const e of batch.errors) {
        nErr++;
        if (format === 'ndjson' && a.opts.errors) s += JSON.stringify({ error: e }) + '\n';
        if (a.opts.errors || e.layer === 'file') console.error(`frame ${e.frame}: ${e.layer}: ${e.reason}`);
      }
      if (s) await write(s);
    }
  } catch (e) {
    if (e instanceof NotACaptureError) {
      console.error(`sigtrail decode: ${file}: ${e.message}`);
      return 1;
    }
    throw e;
  } finally {
    if (out !== process.stdout) await new Promise<void>((res) => (out as ReturnType<typeof createWriteStream>).end(() => res()));
  }
  if (nErr && !a.opts.errors) console.error(`${nErr} frame error(s); rerun with --errors to list them`);
  return 0;
}
