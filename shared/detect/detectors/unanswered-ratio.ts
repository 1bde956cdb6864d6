/** Baseline: a foreign GT whose dialogues mostly go unanswered (probing unknown subscribers/nodes). */
import type { Detector, DetectRow } from '../types.js';
import { isInvoke, mapOp, opName } from '../ops.js';
import { attackerOf, isForeign, senderLabel, victimOf } from './common.js';

export const detector: Detector = {
  meta: {
    id: 'unanswered-ratio',
    title: 'Unanswered-request ratio',
    description:
      'Share of TCAP dialogues opened by a foreign GT that never receive an answer (TC-END/CONTINUE/ABORT), compared with the case as a whole: probing of non-existent subscribers or nodes leaves mostly unanswered dialogues.',
    severity: 'low',
    category: 'baseline',
    techniques: ['T1422', 'T1430.002'],
    references: ['GSMA FS.11 §5 (monitoring)', 'ITU-T Q.771/Q.773 (TCAP dialogue handling)'],
    falsePositives: ['Asymmetric capture (answers on another link): the detector stays silent when the case shows almost no answers at all'],
    tunables: {
      minRequests: { default: 10, description: 'dialogues a GT must open to be judged' },
      minRatio: { default: 0.8, description: 'unanswered share that is reported' },
      maxCaseRatio: { default: 0.4, description: 'case-wide unanswered share above which the detector stays silent' },
    },
    needsProfile: true,
  },
  create(ctx) {
    const minReq = ctx.num('minRequests'), minRatio = ctx.num('minRatio'), maxCase = ctx.num('maxCaseRatio');
    const opened = new Map<string, number>();
    let total = 0;
    return {
      row(r) {
        if (r.tcap_type !== 'begin' || !isInvoke(r) || r.comp_idx > 0 || !r.calling_gt) return;
        total++;
        opened.set(r.calling_gt, (opened.get(r.calling_gt) ?? 0) + 1);
      },
      finish() {
        if (!ctx.state.sawResponses || total === 0) return;
        const un = new Map<string, DetectRow[]>();
        for (const { row } of ctx.state.unanswered) {
          if (!row.calling_gt) continue;
          let a = un.get(row.calling_gt);
          if (!a) un.set(row.calling_gt, (a = []));
          a.push(row);
        }
        const caseRatio = ctx.state.unanswered.length / total;
        if (caseRatio > maxCase) return;
        for (const [gt, rows] of un) {
          const n = opened.get(gt) ?? rows.length;
          if (n < minReq || rows.length / n < minRatio) continue;
          const o = ctx.net.senderOf(rows[0]!);
          if (!isForeign(o)) continue;
          const ops = [...new Set(rows.map((x) => opName(mapOp(x))))];
          ctx.emit({
            key: `${gt}|unanswered`,
            rows: rows.slice(0, 50),
            attacker: attackerOf(rows[0]!, o),
            victim: victimOf({}),
            explanation: `${senderLabel(rows[0]!, o)} opened ${n} dialogues (${ops.join(', ')}); ${rows.length} (${Math.round((100 * rows.length) / n)}%) were never answered, against ${Math.round(100 * caseRatio)}% for the whole case.`,
            facts: { opened: n, unanswered: rows.length },
          });
        }
      },
    };
  },
};
