/**
 * TCAP/MAP/CAP decoding speed: messages per second through the registered
 * TCAP handlers (fan-out to one record per component included), on the real
 * TCAP messages of the corpus and on the hand-built MAP/CAP set, against
 * tshark reading the sigtran.net performance capture (TCAP fields only) in the same run.
 */
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { decodeTcap, hexBytes } from '../fixtures/tcap/harness.js';
import { CAPTURES } from '../helpers/shared-dir.js';

interface Msg { tcap: string; called: number | null }

function rate(msgs: { b: Uint8Array; ssn: number }[], rounds: number): number {
  const t0 = process.hrtime.bigint();
  let n = 0;
  for (let r = 0; r < rounds; r++) {
    for (const m of msgs) {
      decodeTcap(m.b, m.ssn);
      n++;
    }
  }
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  return n / s;
}

export async function bench(): Promise<void> {
  const load = (f: string): { b: Uint8Array; ssn: number }[] =>
    (JSON.parse(readFileSync(new URL(`../fixtures/tcap/${f}`, import.meta.url), 'utf8')) as Msg[])
      .map((m) => ({ b: hexBytes(m.tcap), ssn: m.called && m.called !== 147 ? m.called : 6 }));
  const real = load('oracle-tcap.json');
  const built = load('cases.json');
  rate(real, 200); // warm-up
  rate(built, 200);
  const rReal = rate(real, 2000);
  const rBuilt = rate(built, 5000);
  console.log(`sigtrail TCAP, corpus messages (${real.length} distinct, mostly malformed TCAP): ${(rReal / 1e3).toFixed(0)} k msg/s`);
  console.log(`sigtrail TCAP+MAP/CAP, hand-built set (${built.length} messages, full parameter decode): ${(rBuilt / 1e3).toFixed(0)} k msg/s`);
  const cap = join(CAPTURES, 'sigtran.net__performance-20260724T093659Z.pcap.gz');
  const t0 = process.hrtime.bigint();
  const p = spawnSync('tshark', ['-n', '-r', cap, '-T', 'fields', '-e', 'tcap.otid', '-e', 'gsm_old.localValue'], { maxBuffer: 1 << 28 });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  if (p.status !== 0 || p.error) {
    console.log('tshark reference skipped: tshark not available');
    return;
  }
  const frames = p.stdout.toString().split('\n').length - 1;
  const ts = frames / s;
  console.log(`tshark reference: ${frames} frames in ${s.toFixed(1)} s = ${(ts / 1e3).toFixed(1)} k frames/s`);
  console.log(`ratio sigtrail/tshark: corpus ${(rReal / ts).toFixed(1)}x, MAP/CAP set ${(rBuilt / ts).toFixed(1)}x`);
}
