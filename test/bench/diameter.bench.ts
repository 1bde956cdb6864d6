/**
 * Diameter decoder throughput: every Diameter message of the largest Diameter capture
 * (magma gx_gy_combined_04: 1,288 messages, S6a/Gx/Gy/base) through the layer handler,
 * repeated to ~1 M messages: (a) header + summary fields (the AVP tree stays lazy),
 * (b) the same plus reading the whole AVP tree; against tshark reading the same file
 * with the Diameter oracle fields in the same run.
 * The message bytes are taken from tshark (-T json -x), so the figure is the Diameter
 * layer's own cost.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DecodeContext, DispatchTables, StateBag, defaultDecodeOptions } from '../../shared/decoder/context.js';
import { registerDiameter } from '../../shared/decoder/diameter/register.js';
import { parseDiameter } from '../../shared/decoder/diameter/decode.js';
import type { SigRecord } from '../../shared/model/record.js';

const CAP = resolve(new URL('../../..', import.meta.url).pathname, 'shared/captures/magma__gx_gy_combined_04_210505_133027-1.pcapng');

function messages(): Uint8Array[] {
  const r = spawnSync('tshark', ['-n', '-r', CAP, '-Y', 'diameter', '-T', 'json', '-x', '--no-duplicate-keys', '-J', 'frame diameter'], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (r.status !== 0) return [];
  const out: Uint8Array[] = [];
  for (const p of JSON.parse(r.stdout) as { _source: { layers: Record<string, unknown> } }[]) {
    let raws = p._source.layers['diameter_raw'] as unknown[] | undefined;
    if (!raws) continue;
    if (!Array.isArray(raws[0])) raws = [raws];
    for (const raw of raws as unknown[][]) out.push(Uint8Array.from(String(raw[0]).match(/../g)!.map((x) => parseInt(x, 16))));
  }
  return out;
}

export async function bench(): Promise<void> {
  if (!existsSync(CAP) || spawnSync('tshark', ['-v']).status !== 0) {
    console.log('skipped: needs tshark and ' + CAP);
    return;
  }
  const msgs = messages();
  const bytes = msgs.reduce((s, m) => s + m.length, 0);
  const t = new DispatchTables();
  registerDiameter(t);
  const ctx = new DecodeContext(t, defaultDecodeOptions, new StateBag());
  const rounds = Math.max(1, Math.round(1_000_000 / msgs.length));
  const run = (tree: boolean): number => {
    let n = 0;
    for (let k = 0; k < rounds; k++)
      for (let i = 0; i < msgs.length; i++) {
        const rec: SigRecord = { frame: i + 1, tsSec: 0, tsNsec: 0, fileOffset: 0, msgIdx: 0, compIdx: -1, protos: [] };
        ctx.rec = rec;
        ctx.dispatch('tcp.port', 3868, msgs[i]!);
        if (rec.diameter && (!tree || rec.diameter.avps.length > 0)) n++;
      }
    return n;
  };
  const timed = (tree: boolean): [number, number, number] => {
    run(tree); // warm-up
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const n = run(tree);
    const c = process.cpuUsage(c0);
    return [n, performance.now() - t0, (c.user + c.system) / 1000];
  };
  // CPU time is printed too: on a shared machine it tracks the decoder's own cost better than wall time.
  const [n, ms, cpu] = timed(false);
  const [nTree, msTree, cpuTree] = timed(true);
  let avps = 0;
  const count = (a: { children?: unknown[] }[]): void => {
    for (const x of a) {
      avps++;
      if (x.children) count(x.children as { children?: unknown[] }[]);
    }
  };
  for (const m of msgs) count(parseDiameter(m).info!.avps);

  const t1 = performance.now();
  const ts = spawnSync('tshark', ['-n', '-r', CAP, '-Y', 'diameter', '-T', 'fields', '-e', 'diameter.cmd.code', '-e', 'diameter.Session-Id', '-e', 'diameter.Result-Code', '-e', 'e212.imsi'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const tsMs = performance.now() - t1;
  const tsRows = ts.stdout.split('\n').filter((l) => l).length;

  const rate = n / (ms / 1000);
  const rateTree = nTree / (msTree / 1000);
  const tsRate = tsRows / (tsMs / 1000);
  console.log(`messages: ${msgs.length} distinct (${(bytes / msgs.length).toFixed(0)} B, ${(avps / msgs.length).toFixed(1)} AVPs each on average), ${rounds} rounds`);
  console.log(`sigtrail summary (tree lazy): ${n} messages in ${ms.toFixed(0)} ms = ${(rate / 1e3).toFixed(0)} k msg/s (${(n / cpu).toFixed(0)} k msg/s of CPU time), ${((bytes * rounds) / (ms / 1000) / 1e6).toFixed(0)} MB/s`);
  console.log(`sigtrail summary + whole AVP tree: ${nTree} messages in ${msTree.toFixed(0)} ms = ${(rateTree / 1e3).toFixed(0)} k msg/s (${(nTree / cpuTree).toFixed(0)} k msg/s of CPU time)`);
  console.log(`tshark (whole file, 4 Diameter fields): ${tsRows} messages in ${tsMs.toFixed(0)} ms = ${(tsRate / 1e3).toFixed(1)} k msg/s`);
  console.log(`ratio sigtrail/tshark (messages per second): summary ${(rate / tsRate).toFixed(0)}x, with tree ${(rateTree / tsRate).toFixed(0)}x`);
}
