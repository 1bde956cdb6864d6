/**
 * SS7 lower layers throughput: M3UA → SCCP (→ dispatch on SSN) on every M3UA message of the
 * largest SS7 capture (146,533 frames), against tshark reading the same file with the SS7 oracle
 * fields in the same run. The payloads are cut out of the pcap by a minimal Ethernet/IPv4/SCTP
 * walk here, so the figure is the SS7 layers' own cost (the network layers are benchmarked apart).
 */
import { readFileSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DecodeContext, DispatchTables, StateBag, defaultDecodeOptions } from '../../shared/decoder/context.js';
import { registerSs7 } from '../../shared/decoder/ss7/register.js';
import type { SigRecord } from '../../shared/model/record.js';

const CAP = resolve(new URL('../../..', import.meta.url).pathname, 'shared/captures/sigtran.net__performance-20260724T093659Z.pcap.gz');

function m3uaPayloads(buf: Uint8Array): Uint8Array[] {
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const le = dv.getUint32(0, true) === 0xa1b2c3d4 || dv.getUint32(0, true) === 0xa1b23c4d;
  const out: Uint8Array[] = [];
  let off = 24;
  while (off + 16 <= buf.length) {
    const incl = dv.getUint32(off + 8, le);
    const p = buf.subarray(off + 16, off + 16 + incl);
    off += 16 + incl;
    if (p.length < 34 || p[12] !== 8 || p[13] !== 0 || p[23] !== 132) continue;
    let o = 14 + (p[14]! & 15) * 4 + 12;
    while (o + 16 <= p.length) {
      const len = (p[o + 2]! << 8) | p[o + 3]!;
      if (len < 4) break;
      const ppid = ((p[o + 12]! << 24) | (p[o + 13]! << 16) | (p[o + 14]! << 8) | p[o + 15]!) >>> 0;
      if (p[o] === 0 && (p[o + 1]! & 3) === 3 && ppid === 3) out.push(p.subarray(o + 16, o + len));
      o += (len + 3) & ~3;
    }
  }
  return out;
}

export async function bench(): Promise<void> {
  if (!existsSync(CAP)) {
    console.log(`skipped: ${CAP} not found`);
    return;
  }
  const gz = gunzipSync(readFileSync(CAP));
  const raw = new Uint8Array(gz.buffer, gz.byteOffset, gz.byteLength); // plain Uint8Array views, as the decoder gets them
  const msgs = m3uaPayloads(raw);
  const t = new DispatchTables();
  registerSs7(t);
  // A TCAP stand-in so SCCP hands its data over as in the full decoder.
  t.register('sccp.ssn', '*', (_d, c) => void c.rec.protos.push('tcap'));
  const ctx = new DecodeContext(t, defaultDecodeOptions, new StateBag());
  const decodeAll = (): number => {
    let n = 0;
    for (let i = 0; i < msgs.length; i++) {
      const rec: SigRecord = { frame: i + 1, tsSec: 0, tsNsec: 0, fileOffset: 0, msgIdx: 0, compIdx: -1, protos: [] };
      ctx.rec = rec;
      ctx.dispatch('sctp.ppid', 3, msgs[i]!);
      if (rec.sccp) n++;
    }
    return n;
  };
  decodeAll(); // warm-up
  const reps = 5;
  const t0 = performance.now();
  let sccpCount = 0;
  for (let r = 0; r < reps; r++) sccpCount = decodeAll();
  const dt = (performance.now() - t0) / 1000;
  const rate = (msgs.length * reps) / dt;
  console.log(`sigtrail ss7 layers: ${msgs.length} M3UA messages (${sccpCount} with SCCP) x${reps} in ${dt.toFixed(2)} s = ${Math.round(rate / 1000)} k msg/s`);

  const ts = spawnSync('tshark', ['-v'], { stdio: 'ignore' });
  if (ts.status !== 0) {
    console.log('tshark not installed: no reference ratio');
    return;
  }
  const t1 = performance.now();
  const r = spawnSync('tshark', ['-n', '-r', CAP, '-T', 'fields', '-e', 'm3ua.message_type', '-e', 'mtp3.opc', '-e', 'sccp.called.ssn', '-e', 'sccp.called.digits'], { maxBuffer: 1 << 28 });
  const dt1 = (performance.now() - t1) / 1000;
  const frames = r.stdout.toString().split('\n').length - 1;
  const trate = msgs.length / dt1;
  console.log(`tshark -T fields (same file, ${frames} frames): ${dt1.toFixed(2)} s = ${Math.round(trate / 1000)} k M3UA msg/s`);
  console.log(`ratio sigtrail ss7 layers / tshark: ${(rate / trate).toFixed(1)}x`);
}
