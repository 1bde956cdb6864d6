/** FS.11 Cat 3: authentication vectors fetched by a foreign node that never registers the subscriber. */
import type { Detector, DetectRow } from '../types.js';
import { DIAM, isDiamRequest, isInvoke, mapOp } from '../ops.js';
import { attackerOf, fmtDur, isForeign, senderLabel, subLabel, victimOf } from './common.js';
import type { Owner } from '../net.js';

export const detector: Detector = {
  meta: {
    id: 'sai-without-ul',
    title: 'sendAuthenticationInfo / AIR not followed by a location update',
    description:
      'A visited network fetches authentication vectors (MAP sendAuthenticationInfo, S6a AIR) for a home subscriber before registering it (updateLocation / ULR). Vectors requested by a node that never follows with a location update are a sign of key-material harvesting or a probe for an impersonation attack.',
    severity: 'medium',
    category: 'FS.11 Cat 3',
    techniques: ['T1430.002'],
    references: ['GSMA FS.11 Category 3 (sendAuthenticationInfo)', 'GSMA FS.19 (AIR)', '3GPP TS 33.102 / TS 29.002 §8.5.2'],
    falsePositives: ['A failed attach (radio loss) after authentication', 'Capture window ending right after the SAI'],
    tunables: { windowSec: { default: 600, description: 'how long to wait for the location update from the same network' } },
    needsProfile: true,
  },
  create(ctx) {
    const win = ctx.num('windowSec');
    const open = new Map<string, { r: DetectRow; o: Owner; sub: { imsi?: string; msisdn?: string } }>();
    let lastTs = 0;
    const flush = (now: number): void => {
      for (const [k, p] of open) {
        if (now - p.r.ts <= win) continue;
        open.delete(k);
        ctx.emit({
          key: k,
          rows: [p.r],
          attacker: attackerOf(p.r, p.o),
          victim: victimOf(p.sub),
          explanation: `${p.r.family === 'diameter' ? 'Authentication-Information-Request' : 'sendAuthenticationInfo'} for ${subLabel(ctx.net, p.sub)} from ${senderLabel(p.r, p.o)} was not followed by a location update from that network within ${fmtDur(win)}; FS.11 Cat 3: vectors are only needed by the network about to serve the subscriber.`,
        });
      }
    };
    const netKey = (r: DetectRow): string => {
      if (r.family === 'diameter') return (r.origin_realm ?? r.origin_host ?? '').toLowerCase();
      return ctx.net.senderOf(r).label;
    };
    return {
      row(r) {
        if (r.ts - lastTs > 30) {
          flush(r.ts);
          lastTs = r.ts;
        }
        const isSai = (r.family === 'diameter' && isDiamRequest(r, DIAM.AIR)) || (isInvoke(r) && mapOp(r) === 56);
        const isUl = (r.family === 'diameter' && isDiamRequest(r, DIAM.ULR)) || (isInvoke(r) && (mapOp(r) === 2 || mapOp(r) === 23));
        if (!isSai && !isUl) return;
        const imsi = r.imsi;
        if (!imsi || !ctx.net.isHomeImsi(imsi)) return;
        const k = `${imsi}|${netKey(r)}`;
        if (isUl) {
          open.delete(k);
          return;
        }
        const o = ctx.net.senderOf(r);
        if (!isForeign(o) || !ctx.net.towardHome(r)) return;
        if (!open.has(k)) open.set(k, { r, o, sub: ctx.state.subscriber(r) });
      },
      finish() {
        flush(Number.POSITIVE_INFINITY);
      },
    };
  },
};
