/** Behavioural: one foreign source querying many different subscribers or nodes. */
import type { Detector, DetectRow } from '../types.js';
import { isInvoke, mapOp, opName, opSet } from '../ops.js';
import { attackerOf, fmtDur, isForeign, parseOps, senderLabel, victimOf } from './common.js';

export const detector: Detector = {
  meta: {
    id: 'mass-scanning',
    title: 'Mass scanning from one source',
    description:
      'A GT (or Diameter host) outside the home network sends subscriber-information or routing queries for many distinct subscribers, or to many distinct called GTs, within a window: reconnaissance (IMSI harvesting, HLR/VLR discovery).',
    severity: 'high',
    category: 'behavioural',
    techniques: ['T1430.002', 'T1422'],
    references: ['GSMA FS.11 (reconnaissance)', 'SigPloit / GTScan style scanning'],
    falsePositives: ['A foreign SMSC delivering a bulk campaign (SRI-for-SM followed by MT-ForwardSM is excluded by default)'],
    tunables: {
      ops: {
        default: ['anyTimeInterrogation', 'provideSubscriberInfo', 'sendRoutingInfo', 'sendIMSI', 'sendRoutingInfoForGprs', 'sendRoutingInfoForLCS', 'provideSubscriberLocation', 'sendIdentification', 'anyTimeSubscriptionInterrogation', 'sendRoutingInfoForSM'],
        description: 'operations counted as probes',
      },
      minDistinct: { default: 8, description: 'distinct subscribers (or called GTs) that make a scan' },
      windowSec: { default: 3600, description: 'window' },
      smsExempt: { default: true, description: 'do not count sendRoutingInfoForSM from a source that also delivers MT-ForwardSM' },
    },
    needsProfile: true,
  },
  create(ctx) {
    const ops = parseOps(ctx.list('ops'), 'mass-scanning', opSet);
    const minD = ctx.num('minDistinct'), win = ctx.num('windowSec');
    const smsExempt = ctx.bool('smsExempt');
    interface Src { q: Array<{ r: DetectRow; v: string | undefined; called: string | null; srism: boolean }>; head: number; vAll: Map<string, number>; vNoSms: Map<string, number>; cAll: Map<string, number>; cNoSms: Map<string, number> }
    const bySrc = new Map<string, Src>();
    const deliversSms = new Set<string>();
    const reported = new Set<string>();
    const inc = (m: Map<string, number>, k: string | null | undefined, d: number): void => {
      if (!k) return;
      const n = (m.get(k) ?? 0) + d;
      if (n <= 0) m.delete(k);
      else m.set(k, n);
    };
    return {
      row(r) {
        if (!isInvoke(r) && !(r.family === 'diameter' && r.diam_request)) return;
        const src = r.calling_gt ?? r.origin_host ?? (r.opc != null ? `pc${r.opc}` : undefined);
        if (!src) return;
        const op = r.family === 'diameter' ? undefined : mapOp(r);
        if (op === 44 || op === 46) deliversSms.add(src);
        const counted = r.family === 'diameter' ? r.diam_cmd === 319 : op !== undefined && ops.has(op);
        if (!counted) return;
        const o = ctx.net.senderOf(r);
        if (!isForeign(o) || !ctx.net.towardHome(r)) return;
        let s = bySrc.get(src);
        if (!s) bySrc.set(src, (s = { q: [], head: 0, vAll: new Map(), vNoSms: new Map(), cAll: new Map(), cNoSms: new Map() }));
        const e = { r, v: r.imsi ?? r.msisdn ?? undefined, called: r.called_gt, srism: op === 45 };
        s.q.push(e);
        inc(s.vAll, e.v, 1);
        inc(s.cAll, e.called, 1);
        if (!e.srism) {
          inc(s.vNoSms, e.v, 1);
          inc(s.cNoSms, e.called, 1);
        }
        while (s.head < s.q.length && r.ts - s.q[s.head]!.r.ts > win) {
          const x = s.q[s.head++]!;
          inc(s.vAll, x.v, -1);
          inc(s.cAll, x.called, -1);
          if (!x.srism) {
            inc(s.vNoSms, x.v, -1);
            inc(s.cNoSms, x.called, -1);
          }
        }
        if (s.head > 1024 && s.head * 2 > s.q.length) {
          s.q = s.q.slice(s.head);
          s.head = 0;
        }
        const exempt = smsExempt && deliversSms.has(src);
        const subs = exempt ? s.vNoSms : s.vAll;
        const called = exempt ? s.cNoSms : s.cAll;
        const what = subs.size >= minD ? `${subs.size} distinct subscribers` : called.size >= minD ? `${called.size} distinct called GTs` : undefined;
        if (!what) return;
        // First crossing: cite the window (up to 200 probes); afterwards each new probe extends the episode.
        const first = !reported.has(src);
        reported.add(src);
        const live = first ? s.q.slice(s.head).filter((x) => !exempt || !x.srism) : [e];
        const rows = live.length > 200 ? live.slice(live.length - 200).map((x) => x.r) : live.map((x) => x.r);
        const n = s.q.length - s.head;
        const opsUsed = [...new Set(s.q.slice(Math.max(s.head, s.q.length - 200)).map((y) => y.r).map((x) => (x.family === 'diameter' ? x.diam_cmd_name ?? 'Diameter' : opName(mapOp(x)))))];
        ctx.emit({
          key: `${src}|scan`,
          rows,
          merge: win,
          attacker: attackerOf(r, o),
          victim: victimOf({}),
          explanation: `${senderLabel(r, o)} sent ${n} probes (${opsUsed.join(', ')}) covering ${what} within ${fmtDur(r.ts - s.q[s.head]!.r.ts)}: mass scanning from one source.`,
          facts: { probes: n, subscribers: subs.size, calledGts: called.size },
        });
      },
    };
  },
};
