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
    const bySrc = new Map<string, DetectRow[]>();
    const deliversSms = new Set<string>();
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
        let a = bySrc.get(src);
        if (!a) bySrc.set(src, (a = []));
        a.push(r);
        while (a.length && r.ts - a[0]!.ts > win) a.shift();
        const rows = smsExempt && deliversSms.has(src) ? a.filter((x) => mapOp(x) !== 45) : a;
        const subs = new Set<string>();
        const called = new Set<string>();
        for (const x of rows) {
          const v = x.imsi ?? x.msisdn;
          if (v) subs.add(v);
          if (x.called_gt) called.add(x.called_gt);
        }
        const what = subs.size >= minD ? `${subs.size} distinct subscribers` : called.size >= minD ? `${called.size} distinct called GTs` : undefined;
        if (!what) return;
        const opsUsed = [...new Set(rows.map((x) => (x.family === 'diameter' ? x.diam_cmd_name ?? 'Diameter' : opName(mapOp(x)))))];
        ctx.emit({
          key: `${src}|scan`,
          rows,
          merge: win,
          attacker: attackerOf(r, o),
          victim: victimOf({}),
          explanation: `${senderLabel(r, o)} sent ${rows.length} probes (${opsUsed.join(', ')}) covering ${what} within ${fmtDur(r.ts - rows[0]!.ts)}: mass scanning from one source.`,
          facts: { probes: rows.length, subscribers: subs.size, calledGts: called.size },
        });
      },
    };
  },
};
