/** Behavioural: sendRoutingInfoForSM answered but never followed by an MT-ForwardSM (IMSI/location harvesting). */
import type { Detector, DetectRow } from '../types.js';
import { isError, isInvoke, isResult, mapOp, smDirection } from '../ops.js';
import { attackerOf, fmtDur, isForeign, senderLabel, subLabel, victimOf } from './common.js';
import type { Owner } from '../net.js';

export const detector: Detector = {
  meta: {
    id: 'srism-no-mt',
    title: 'sendRoutingInfoForSM without MT-ForwardSM',
    description:
      'An SMSC outside the home network asks for the routing of a short message to a home subscriber (sendRoutingInfoForSM), receives the IMSI and serving MSC, and never delivers a message (no MT-ForwardSM for that subscriber): the classic way to harvest IMSIs and locate subscribers through SMS routing.',
    severity: 'high',
    category: 'behavioural',
    techniques: ['T1430', 'T1430.002', 'FGT1430'],
    references: ['GSMA FS.11 (SRI-for-SM, SMS home routing)', 'GSMA IR.70 / 3GPP TS 23.840 (SMS home routing)', '3GPP TS 29.002 §12.1'],
    falsePositives: ['MT-ForwardSM not captured (other link)', 'Delivery abandoned after the answer (rare; errors are ignored)'],
    tunables: { windowSec: { default: 300, description: 'time allowed between the SRI-for-SM answer and the MT-ForwardSM' } },
    needsProfile: true,
  },
  create(ctx) {
    const win = ctx.num('windowSec');
    interface Open { req: DetectRow; res?: DetectRow; o: Owner; sub: { imsi?: string | undefined; msisdn?: string | undefined }; errored: boolean; closed: boolean; keys: Array<[Map<string, Open[]>, string]> }
    /** Open requests in arrival order. */
    const open = new Set<Open>();
    const byImsi = new Map<string, Open[]>();
    const byMsisdn = new Map<string, Open[]>();
    const byTx = new Map<DetectRow, Open>();
    let lastTs = 0;
    const index = (m: Map<string, Open[]>, k: string | undefined, p: Open): void => {
      if (!k) return;
      let a = m.get(k);
      if (!a) m.set(k, (a = []));
      if (!a.includes(p)) {
        a.push(p);
        p.keys.push([m, k]);
      }
    };
    /** Closes a request and takes it out of the indexes (a closed request is never looked up again). */
    const close = (p: Open): void => {
      if (p.closed) return;
      p.closed = true;
      open.delete(p);
      byTx.delete(p.req);
      for (const [m, k] of p.keys) {
        const a = m.get(k);
        if (!a) continue;
        const i = a.indexOf(p);
        if (i >= 0) a.splice(i, 1);
        if (!a.length) m.delete(k);
      }
    };
    const closeAll = (a: Open[] | undefined): void => {
      if (a) for (const p of [...a]) close(p);
    };
    const flush = (now: number): void => {
      for (const p of open) {
        const t0 = (p.res ?? p.req).ts;
        if (now - t0 <= win) continue;
        close(p);
        if (p.errored || !p.res) continue;
        // An MT-ForwardSM only crosses the home network when the serving node is a home node
        // (subscriber at home, or SMS home routing); otherwise it goes straight to the visited MSC, unseen here.
        const node = p.res.msc ?? p.res.vlr ?? p.res.sgsn;
        if (!node || !ctx.net.isHomeGt(node)) continue;
        ctx.emit({
          key: `${p.req.calling_gt}|${p.sub.imsi ?? p.sub.msisdn}|${p.req.frame}`,
          rows: [p.req, p.res],
          attacker: attackerOf(p.req, p.o),
          victim: victimOf(p.sub),
          explanation: `sendRoutingInfoForSM for ${subLabel(ctx.net, p.sub)} from ${senderLabel(p.req, p.o)} was answered${p.res.imsi ? ` with IMSI ${p.res.imsi}` : ''}${p.res.msc ? ` and serving node ${p.res.msc}` : ''}, but no MT-ForwardSM followed within ${fmtDur(win)}: routing information obtained without delivering a message.`,
        });
      }
    };
    return {
      row(r) {
        if (r.ts - lastTs > 10) {
          flush(r.ts);
          lastTs = r.ts;
        }
        const op = mapOp(r);
        if (op === 45) {
          if (isInvoke(r)) {
            const o = ctx.net.senderOf(r);
            if (!isForeign(o) || !ctx.net.towardHome(r)) return;
            const sub = ctx.state.subscriber(r);
            if (!ctx.net.isHomeSubscriber(sub.imsi, sub.msisdn) && !(sub.msisdn && ctx.net.isHomeMsisdn(sub.msisdn))) return;
            // A copy: the answer's IMSI is filled in later, and the resolved subscriber is shared with other detectors.
            const p: Open = { req: r, o, sub: { imsi: sub.imsi, msisdn: sub.msisdn }, errored: false, closed: false, keys: [] };
            open.add(p);
            byTx.set(r, p);
            index(byMsisdn, p.sub.msisdn, p);
            return;
          }
          const req = ctx.state.requestOf();
          const p = req ? byTx.get(req) : undefined;
          if (!p) return;
          if (isError(r)) p.errored = true;
          else if (isResult(r)) {
            p.res = r;
            if (r.imsi) {
              p.sub.imsi = r.imsi;
              index(byImsi, r.imsi, p);
            }
          }
          return;
        }
        if (r.tcap_type === 'abort' && ctx.state.requestOf()) {
          const p = byTx.get(ctx.state.requestOf()!);
          if (p) p.errored = true;
          return;
        }
        if (isInvoke(r) && smDirection(r) === 'mt') {
          const sub = ctx.state.subscriber(r);
          // The message delivers to this subscriber: its open requests are answered.
          if (sub.imsi) closeAll(byImsi.get(sub.imsi));
          if (sub.msisdn) closeAll(byMsisdn.get(sub.msisdn));
          if (r.sm_rp_da) closeAll(byImsi.get(r.sm_rp_da));
        }
      },
      finish() {
        flush(Number.POSITIVE_INFINITY);
      },
    };
  },
};
