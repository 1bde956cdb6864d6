/** Behavioural: TCAP/SCCP encodings used to slip past signalling firewalls. */
import type { Detector } from '../types.js';
import { isInvoke, mapOp, opName } from '../ops.js';
import { attackerOf, isForeign, senderLabel, subLabel, victimOf } from './common.js';

/** Operations normally addressed with an E.214 mobile global title (first contact from a VLR/SGSN to the HLR). */
const E214_OK = new Set([2, 23, 56, 57, 9, 67, 3]);

export const detector: Detector = {
  meta: {
    id: 'evasion-encoding',
    title: 'Firewall-evasion encoding',
    description:
      'Inbound MAP with encodings that confuse opcode/application-context screening: a global operation code instead of MAP’s local one, a malformed or missing application-context name where one is required, several invokes or duplicated components in one TCAP message, or E.214 (numbering plan 7) routing for an operation that is addressed by E.164.',
    severity: 'high',
    category: 'behavioural',
    techniques: ['T1430.002'],
    references: ['GSMA FS.11 (TCAP/SCCP anomaly checks)', 'ITU-T Q.773 (TCAP)', 'ITU-T Q.713 §3.4 (numbering plan)', '3GPP TS 29.002 §17 (application contexts)', 'ITU-T E.214'],
    falsePositives: ['MAP v1 peers (no dialogue portion) – only reported for operations that do not exist in MAP v1'],
    tunables: {
      flags: { default: ['global-opcode', 'malformed-acn', 'no-dialogue', 'multi-invoke', 'duplicate-component', 'duplicate-invoke-id'], description: 'TCAP anomaly flags reported' },
    },
    needsProfile: true,
  },
  create(ctx) {
    const flags = new Set(ctx.list('flags'));
    /** MAP v1 operations (a v1 dialogue has no dialogue portion). */
    const v1ops = new Set([2, 3, 4, 7, 8, 9, 10, 11, 12, 13, 14, 22, 37, 43, 45, 46, 47, 55, 56, 57, 67]);
    /** The TCAP message (evidence, frame, message index) whose components are being seen. */
    let lastEv: string | undefined, lastFrame: number | undefined, lastMsgIdx: number | undefined;
    /** Invoke ids seen in the current message and how often (a message carries a handful of components). */
    const ids: number[] = [], idCounts: number[] = [];
    let nIds = 0;
    const NONE: string[] = [];
    return {
      row(r) {
        if (r.family === 'diameter' || !r.tcap_type) return;
        const ev = String(r.evidence_id ?? '');
        if (ev !== lastEv || r.frame !== lastFrame || r.msg_idx !== lastMsgIdx) {
          lastEv = ev;
          lastFrame = r.frame;
          lastMsgIdx = r.msg_idx;
          nIds = 0;
        }
        // Only invokes, flagged messages and global opcodes can give a reason.
        if (!isInvoke(r) && !r.tcap_flags && !r.global_opcode) return;
        const o = ctx.net.senderOf(r);
        if (!isForeign(o) || !ctx.net.towardHome(r)) return;
        const reasons: string[] = [];
        const op = mapOp(r);
        const f = r.tcap_flags ? r.tcap_flags.split(',').filter(Boolean) : NONE;
        for (const x of f) {
          if (!flags.has(x)) continue;
          if (x === 'no-dialogue' && (op === undefined || v1ops.has(op))) continue;
          if (x === 'multi-invoke' && r.comp_idx > 0) continue;
          reasons.push(x === 'global-opcode' ? `global operation code ${r.global_opcode ?? ''} instead of a local MAP opcode` : x === 'malformed-acn' ? `malformed application-context name ${r.acn ?? ''}` : x === 'no-dialogue' ? `no dialogue portion for ${opName(op)}, which needs MAP v2+` : x === 'multi-invoke' ? `${r.comp_count ?? 'several'} invokes in one TCAP message` : `TCAP anomaly '${x}'`);
        }
        if (r.global_opcode && !f.includes('global-opcode') && flags.has('global-opcode') && isInvoke(r)) reasons.push(`global operation code ${r.global_opcode}`);
        if (isInvoke(r) && r.invoke_id != null) {
          let i = 0;
          while (i < nIds && ids[i] !== r.invoke_id) i++;
          if (i === nIds) {
            ids[i] = r.invoke_id;
            idCounts[i] = 0;
            nIds++;
          }
          const n = ++idCounts[i]!;
          if (n === 2 && flags.has('duplicate-invoke-id')) reasons.push(`invoke id ${r.invoke_id} used twice in one TCAP message (duplicated component)`);
        }
        if (isInvoke(r) && r.called_np === 7 && op !== undefined && !E214_OK.has(op)) reasons.push(`E.214 (mobile GT, numbering plan 7) routing for ${opName(op)}, which is addressed by E.164`);
        if (!reasons.length) return;
        const sub = ctx.state.subscriber(r);
        ctx.emit({
          key: `${r.calling_gt ?? r.opc}|${r.frame}|${r.msg_idx}`,
          rows: [r],
          attacker: attackerOf(r, o),
          victim: victimOf(sub),
          explanation: `${op !== undefined ? opName(op) : 'TCAP message'} for ${subLabel(ctx.net, sub)} from ${senderLabel(r, o)} uses ${reasons.join('; ')}: an encoding that evades opcode/application-context screening.`,
        });
      },
    };
  },
};
