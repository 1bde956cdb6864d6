/** Baseline: per-GT hourly rate and operation-mix deviation against the GT's own history in the case. */
import type { Detector, DetectRow } from '../types.js';
import { isInvoke, mapOp, opName } from '../ops.js';
import { attackerOf, isForeign, senderLabel, victimOf } from './common.js';

export const detector: Detector = {
  meta: {
    id: 'baseline-rate',
    title: 'Per-GT rate / operation-mix deviation',
    description:
      'Buckets each foreign GT’s invokes per interval; reports an interval whose volume is far above the GT’s median interval, or in which one operation dominates although it is rare in the GT’s history.',
    severity: 'low',
    category: 'baseline',
    techniques: ['T1430.002', 'T1464'],
    references: ['GSMA FS.11 §5 (volumetric monitoring)'],
    falsePositives: ['Busy-hour peaks, bulk SMS campaigns'],
    tunables: {
      bucketSec: { default: 3600, description: 'interval length' },
      minBuckets: { default: 4, description: 'intervals with traffic a GT needs before it is judged' },
      rateFactor: { default: 8, description: 'interval volume / median volume that counts as a spike' },
      minCount: { default: 40, description: 'minimum invokes in the reported interval' },
      mixShare: { default: 0.6, description: 'share of one operation in an interval that counts as dominant' },
      mixRareShare: { default: 0.05, description: 'that operation’s largest share of the GT’s traffic outside the interval' },
    },
    needsProfile: true,
  },
  create(ctx) {
    const bs = ctx.num('bucketSec'), minB = ctx.num('minBuckets'), fac = ctx.num('rateFactor'), minC = ctx.num('minCount');
    const mixShare = ctx.num('mixShare'), rare = ctx.num('mixRareShare');
    interface B { n: number; ops: Map<number, number>; rows: DetectRow[] }
    const per = new Map<string, Map<number, B>>();
    return {
      row(r) {
        if (!isInvoke(r) || !r.calling_gt) return;
        const op = mapOp(r);
        if (op === undefined) return;
        const o = ctx.net.senderOf(r);
        if (!isForeign(o)) return;
        let m = per.get(r.calling_gt);
        if (!m) per.set(r.calling_gt, (m = new Map()));
        const k = Math.floor(r.ts / bs);
        let b = m.get(k);
        if (!b) m.set(k, (b = { n: 0, ops: new Map(), rows: [] }));
        b.n++;
        b.ops.set(op, (b.ops.get(op) ?? 0) + 1);
        if (b.rows.length < 10) b.rows.push(r);
      },
      finish() {
        for (const [gt, m] of per) {
          if (m.size < minB) continue;
          const counts = [...m.values()].map((b) => b.n).sort((a, b) => a - b);
          const median = counts[Math.floor(counts.length / 2)]!;
          const total = counts.reduce((a, b) => a + b, 0);
          const opTotal = new Map<number, number>();
          for (const b of m.values()) for (const [op, n] of b.ops) opTotal.set(op, (opTotal.get(op) ?? 0) + n);
          for (const b of m.values()) {
            if (b.n < minC) continue;
            const r0 = b.rows[0]!;
            const o = ctx.net.senderOf(r0);
            let why: string | undefined;
            if (b.n >= fac * median) why = `${b.n} invokes in one ${bs / 60}-minute interval against a median of ${median}`;
            for (const [op, n] of b.ops) {
              const outside = (opTotal.get(op) ?? 0) - n;
              const otherTotal = total - b.n;
              if (n / b.n >= mixShare && otherTotal > 0 && outside / otherTotal <= rare) why = (why ? why + '; ' : '') + `${opName(op)} makes ${Math.round((100 * n) / b.n)}% of the interval but ${Math.round((100 * outside) / otherTotal)}% of the GT's other traffic`;
            }
            // A burst of SRI-for-SM matched by MT-ForwardSM is message delivery (a bulk campaign), not probing.
            const srism = b.ops.get(45) ?? 0, mt = (b.ops.get(44) ?? 0) + (b.ops.get(46) ?? 0);
            if (srism && mt >= 0.5 * srism) continue;
            if (!why) continue;
            ctx.emit({
              key: `${gt}|${r0.ts}`,
              rows: b.rows,
              attacker: attackerOf(r0, o),
              victim: victimOf({}),
              explanation: `${senderLabel(r0, o)}: ${why}.`,
              facts: { count: b.n, median },
            });
          }
        }
      },
    };
  },
};
