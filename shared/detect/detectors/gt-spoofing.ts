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
     * Per OPC not listed as a home point code: how many messages it carried with a home calling GT and with
     * any other calling GT, and its first home-GT rows (with whether they went to a listed home DPC). An
     * operator's GTs are originated by its own signaling points; an OPC that carries home GTs once or twice
     * is not one of them. A home point code missing from the profile carries home GTs all the time.
     */
    interface PcUse { home: number; other: number; homeRows: Array<{ r: DetectRow; intoHome: boolean }> }
    const byOpc = new Map<number, PcUse>();
    const homePcs = ctx.net.hasHomePointCodes;
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
        const listedHome = ctx.net.isHomePc(r.opc);
        if (home && homePcs && !listedHome && ctx.net.isHomePc(r.dpc) && ctx.net.partnerOfPc(r.opc)) {
          flagged.add(r);
          emitRow(r, `GT ${r.calling_gt} is a home GT but OPC ${r.opc} belongs to partner ${ctx.net.partnerOfPc(r.opc)!.name}`);
        } else {
          const owner = ctx.net.ownerOfGt(r.calling_gt);
          const pcOwner = ctx.net.partnerOfPc(r.opc);
          if (owner.kind === 'partner' && pcOwner && pcOwner !== owner.partner && !(owner.partner.via && pcOwner.name === owner.partner.via) && pcOwner.kind !== 'ipx') {
            flagged.add(r);
            emitRow(r, `GT ${r.calling_gt} belongs to ${owner.partner.name} but OPC ${r.opc} belongs to ${pcOwner.name}`);
          }
        }
        if (!listedHome) {
          let u = byOpc.get(r.opc);
          if (!u) byOpc.set(r.opc, (u = { home: 0, other: 0, homeRows: [] }));
          if (home) {
            u.home++;
            if (u.homeRows.length < 3) u.homeRows.push({ r, intoHome: ctx.net.isHomePc(r.dpc) });
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
        // Home GTs from an OPC that is not a home point code. The home signaling points are the listed ones plus
        // the OPCs that carry home GTs (at least minBaseline messages, at least `pinned` of their traffic: a home
        // point code the profile forgot). Reported: an OPC that carried home GTs at most twice and either carries
        // other networks' GTs (at least minBaseline messages) or sent them into a listed home point code.
        const learnt = new Set([...byOpc].filter(([, u]) => u.home >= minBase && u.home >= pinned * (u.home + u.other)).map(([pc]) => pc));
        const homeSps = learnt.size ? `OPC ${[...learnt].slice(0, 5).join(', ')}${learnt.size > 5 ? ', …' : ''}` : 'the listed home point codes';
        for (const [pc, u] of byOpc) {
          if (u.home === 0 || u.home > 2 || learnt.has(pc)) continue;
          const carriesOthers = u.other >= minBase && (learnt.size > 0 || homePcs);
          for (const { r, intoHome } of u.homeRows) {
            if (flagged.has(r) || !(carriesOthers || (homePcs && intoHome))) continue;
            flagged.add(r);
            emitRow(
              r,
              carriesOthers
                ? `GT ${r.calling_gt} is a home GT, but OPC ${pc} carried ${u.other} message(s) with other networks' GTs and home GTs only ${u.home} time(s); home GTs arrive from the home signaling points (${homeSps})`
                : `GT ${r.calling_gt} is a home GT but OPC ${pc} is not a home point code and carried home GTs only ${u.home} time(s), on a message into the home network`,
              true,
            );
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
