/**
 * Behavioural: GT spoofing. A calling GT is bound to the point code / SCTP association it is
 * routed from; a GT arriving from an OPC it otherwise never uses, a home GT from a foreign OPC,
 * or a partner's GT from another partner's point code, is spoofed.
 */
import type { Detector, DetectRow } from '../types.js';
import { opName, mapOp } from '../ops.js';
import { attackerOf, victimOf } from './common.js';

export const detector: Detector = {
  meta: {
    id: 'gt-spoofing',
    title: 'GT spoofing (GT from a point code it never uses)',
    description:
      'Checks the binding between the SCCP calling GT and the MTP3/M3UA originating point code (and SCTP association): a home GT arriving from a non-home OPC on an inbound message, a partner GT from another partner’s point code, or a GT seen from a point code it otherwise never uses in the case.',
    severity: 'high',
    category: 'behavioural',
    techniques: ['T1430.002'],
    references: ['GSMA FS.11 (SCCP/MTP consistency checks)', 'ITU-T Q.713, Q.704', 'RFC 4666 (M3UA)'],
    falsePositives: ['STP/IPX re-routing that changes the OPC for a partner’s traffic (list the IPX point codes under the partner)'],
    tunables: {
      minBaseline: { default: 5, description: 'messages from a GT’s usual OPC before an odd OPC is judged' },
      maxOddShare: { default: 0.02, description: 'largest share of a GT’s messages an odd OPC may carry to still be reported' },
      minPinnedShare: { default: 0.9, description: 'share of its messages a GT must send from its usual OPC (a load-shared GT is not judged)' },
    },
    needsProfile: true,
  },
  create(ctx) {
    const minBase = ctx.num('minBaseline'), maxShare = ctx.num('maxOddShare'), pinned = ctx.num('minPinnedShare');
    /** Per calling GT: the (OPC, source address) bindings it arrived from, in first-seen order. */
    interface Binding { opc: number; ip: string; key: string; n: number; rows: DetectRow[] }
    const stats = new Map<string, Binding[]>();
    /**
     * Per OPC, for profiles that list no home point codes: how many messages it carried with a home calling GT
     * and with any other calling GT, and its first home-GT rows. An operator's GTs are originated by its own
     * signaling points; an OPC that carries other networks' GTs and a home GT once or twice is not one of them.
     */
    interface PcUse { home: number; other: number; homeRows: DetectRow[] }
    const byOpc = new Map<number, PcUse>();
    const flagged = new Set<DetectRow>();
    const emitRow = (r: DetectRow, why: string, atEnd = false): void => {
      // At the end of the case the request link is gone: use the row's own identities.
      const sub = atEnd ? { ...(r.imsi ? { imsi: r.imsi } : {}), ...(r.msisdn ? { msisdn: r.msisdn } : {}) } : ctx.state.subscriber(r);
      ctx.emit({
        key: `${r.calling_gt}|${r.opc}`,
        rows: [r],
        attacker: attackerOf(r, ctx.net.ownerOfGt(r.calling_gt)),
        victim: victimOf(sub),
        explanation: `${r.op_name ?? opName(mapOp(r))} with calling GT ${r.calling_gt} arrived from OPC ${r.opc}${r.src_ip ? ` (${r.src_ip})` : ''}: ${why}; the GT is spoofed.`,
      });
    };
    return {
      row(r) {
        if (!r.calling_gt || r.opc == null || r.family === 'diameter') return;
        const home = ctx.net.isHomeGt(r.calling_gt);
        const homePcs = (ctx.profile?.home.pointCodes.length ?? 0) > 0;
        if (home && homePcs && !ctx.net.isHomePc(r.opc) && ctx.net.isHomePc(r.dpc) && ctx.net.partnerOfPc(r.opc)) {
          flagged.add(r);
          emitRow(r, `GT ${r.calling_gt} is a home GT but OPC ${r.opc} belongs to partner ${ctx.net.partnerOfPc(r.opc)!.name}`);
        } else if (home && homePcs && !ctx.net.isHomePc(r.opc) && ctx.net.isHomePc(r.dpc)) {
          flagged.add(r);
          emitRow(r, `GT ${r.calling_gt} is a home GT but OPC ${r.opc} is not a home point code, on a message into the home network`);
        } else {
          const owner = ctx.net.ownerOfGt(r.calling_gt);
          const pcOwner = ctx.net.partnerOfPc(r.opc);
          if (owner.kind === 'partner' && pcOwner && pcOwner !== owner.partner && !(owner.partner.via && pcOwner.name === owner.partner.via) && pcOwner.kind !== 'ipx') {
            flagged.add(r);
            emitRow(r, `GT ${r.calling_gt} belongs to ${owner.partner.name} but OPC ${r.opc} belongs to ${pcOwner.name}`);
          }
        }
        if (!homePcs) {
          let u = byOpc.get(r.opc);
          if (!u) byOpc.set(r.opc, (u = { home: 0, other: 0, homeRows: [] }));
          if (home) {
            u.home++;
            if (u.homeRows.length < 3) u.homeRows.push(r);
          } else u.other++;
        }
        const ip = r.src_ip ?? '';
        let m = stats.get(r.calling_gt);
        if (!m) stats.set(r.calling_gt, (m = []));
        let s: Binding | undefined;
        for (const b of m) {
          if (b.opc === r.opc && b.ip === ip) {
            s = b;
            break;
          }
        }
        if (!s) m.push((s = { opc: r.opc, ip, key: `${r.opc}|${ip}`, n: 0, rows: [] }));
        s.n++;
        if (s.rows.length < 20) s.rows.push(r);
      },
      finish() {
        // Without home point codes in the profile, the home signaling points are the OPCs that carry home GTs
        // (at least minBaseline messages, at least `pinned` of their traffic). A home GT from another OPC that
        // carries other networks' GTs — and home GTs at most twice — did not come from the home network.
        const learnt = [...byOpc].filter(([, u]) => u.home >= minBase && u.home >= pinned * (u.home + u.other)).map(([pc]) => pc);
        if (learnt.length) {
          for (const [pc, u] of byOpc) {
            if (u.home === 0 || u.home > 2 || u.other < minBase || learnt.includes(pc)) continue;
            const pa = ctx.net.partnerOfPc(pc);
            if (pa?.kind === 'ipx') continue;
            for (const r of u.homeRows) {
              if (flagged.has(r)) continue;
              flagged.add(r);
              emitRow(r, `GT ${r.calling_gt} is a home GT, but OPC ${pc} carried ${u.other} message(s) with other networks' GTs and home GTs only ${u.home} time(s); home GTs arrive from the home signaling points (OPC ${learnt.slice(0, 5).join(', ')}${learnt.length > 5 ? ', …' : ''})`, true);
            }
          }
        }
        for (const [gt, m] of stats) {
          if (m.length < 2) continue;
          let total = 0, top = 0, topKey = '';
          for (const { key: k, n } of m) {
            total += n;
            if (n > top) {
              top = n;
              topKey = k;
            }
          }
          if (top < minBase) continue;
          // A GT spread over several OPCs/associations (load sharing) has no single binding to check; the
          // odd OPCs must also be rare in absolute terms (≤ 2 messages) to look like injected traffic.
          if (top / total < pinned) continue;
          for (const s of m) {
            if (s.key === topKey || s.n / total > maxShare || s.n > 2) continue;
            const r = s.rows.find((x) => !flagged.has(x));
            if (!r) continue;
            const [pc, ip] = topKey.split('|');
            emitRow(r, `GT ${gt} normally arrives from OPC ${pc}${ip ? ` (${ip})` : ''} (${top} of ${total} messages) and only ${s.n} time(s) from this one`, true);
          }
        }
      },
    };
  },
};
