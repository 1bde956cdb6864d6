/**
 * Generator throughput: messages/s and peak RSS while streaming a capture to disk,
 * next to tshark's reading speed of the same file as the reference (ratio printed),
 * and the live heap after full GCs across a second run (flat = streaming holds).
 * SIGTRAIL_BENCH_MESSAGES sets the size (default 1,000,000).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { writeGeneration } from '../../electron/cli/generate.js';

export async function bench(): Promise<void> {
  const n = Number(process.env.SIGTRAIL_BENCH_MESSAGES ?? 1_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'sigtrail-genbench-'));
  try {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const r = await writeGeneration(dir, { seed: 1, messages: n });
    const s = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const peak = process.resourceUsage().maxRSS * 1024;
    const rate = r.labels.messages / s;
    console.log(`generate: ${r.labels.messages} messages, ${r.labels.frames} frames, ${(r.bytes / 1048576).toFixed(0)} MiB in ${s.toFixed(1)} s wall (${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU, ${(((cpu.user + cpu.system) / r.labels.messages)).toFixed(1)} µs/message): ${Math.round(rate)} msgs/s, peak RSS ${(peak / 1048576).toFixed(0)} MiB`);
    if (spawnSync('tshark', ['-v'], { stdio: 'ignore' }).status === 0) {
      const t1 = performance.now();
      spawnSync('tshark', ['-r', r.pcapPath, '-T', 'fields', '-e', 'frame.number'], { stdio: 'ignore', maxBuffer: 1 << 30 });
      const ts = (performance.now() - t1) / 1000;
      console.log(`tshark reading the same capture: ${Math.round(r.labels.frames / ts)} frames/s; the generator writes ${(rate / (r.labels.frames / ts)).toFixed(2)}× as fast as tshark reads`);
    } else console.log('tshark not installed: no reference ratio');

    const g = globalThis as { gc?: () => void };
    if (g.gc) {
      const m = Math.max(10, Math.floor(n / 4));
      const live: number[] = [];
      let k = 0;
      await writeGeneration(dir, {
        seed: 2,
        messages: m,
        onFrame: () => {
          if (++k % Math.floor(m / 8) === 0) {
            g.gc!();
            live.push(process.memoryUsage().heapUsed);
          }
        },
      });
      console.log(`live heap after full GCs across a ${m}-message run: ${live.map((x) => (x / 1048576).toFixed(1)).join(', ')} MiB`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
