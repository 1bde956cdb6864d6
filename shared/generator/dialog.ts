/** Dialogue helpers shared by benign traffic and attack scenarios: MAP/CAP over TCAP, ISUP calls, Diameter S6a request/answer. */
import { tcapAbort, tcapBegin, tcapContinue, tcapEnd, tidHex, userInformation, type Component, type Dialogue } from '../encode/tcap.js';
import { mapAcn, OP_CONTEXT, MAP_DIALOGUE_AS, mapOpen } from '../encode/map.js';
import { isupAcm, isupAnm, isupIam, isupRel, isupRlc } from '../encode/isup.js';
import { answerHead, diameterMessage, requestHead, APP_S6A, type AvpSpec } from '../encode/diameter.js';
import type { SccpAddr } from '../encode/sccp.js';
import type { Instance } from './labels.js';
import type { Rng } from './prng.js';
import type { Sp, World } from './world.js';
import type { Wire } from './wire.js';

export const SSN = { hlr: 6, vlr: 7, msc: 8, cap: 146, scf: 147, sgsn: 149, gmlc: 145 } as const;

export interface Ctx {
  world: World;
  wire: Wire;
  rng: Rng;
  /** Per-run counters (transaction ids, Diameter sessions). */
  counters: { tid: number; session: number };
}

/** One end of a TCAP dialogue: the SP that physically sends, and the SCCP address it uses. */
export interface Party {
  sp: Sp;
  gt: string;
  ssn: number;
}

export function newTid(ctx: Ctx): number {
  const c = ctx.counters;
  c.tid = (c.tid + 1 + ctx.rng.int(64)) >>> 0;
  return ((ctx.rng.int(256) << 24) | (c.tid & 0xffffff)) >>> 0;
}

export interface MapRequest {
  t: number;
  a: Party;
  b: Party;
  op: number;
  arg: Uint8Array;
  /** Result parameter; `null` for a returnResultLast without parameter. */
  result?: Uint8Array | null;
  error?: number;
  /** The responder aborts (P-Abort) instead of answering; 'none': no answer at all. */
  abort?: boolean;
  noAnswer?: boolean;
  /** Round-trip time in µs (default 60–250 ms). */
  rtt?: number;
  inst?: Instance;
  /** SCCP called address of the Begin when it is not the responder's node GT (MSISDN, E.214 MGT …). */
  calledFirst?: { digits: string; np?: number };
  /** Application-context name; null = Begin without dialogue portion; default from OP_CONTEXT. */
  acn?: string | Uint8Array | null;
  /** Global operation code instead of the local one. */
  opcode?: number | string;
  extraInvokes?: Component[];
  userInfo?: Uint8Array;
  /** Components exchanged in Continue messages before the final result (e.g. ISD inside an UL dialogue). */
  middle?: { fromB: boolean; comps: Component[] }[];
  xudt?: boolean;
  /** Components the responder ends the dialogue with instead of a result (e.g. CAP Continue / Connect). */
  endComps?: Component[];
  /** The responder rejects the invoke (Q.773 invoke problem code, e.g. 1 mistypedParameter). */
  reject?: number;
}

function addr(p: Party, np?: number): SccpAddr {
  return np !== undefined ? { digits: p.gt, ssn: p.ssn, np } : { digits: p.gt, ssn: p.ssn };
}

/**
 * A complete MAP (or CAP) request/response dialogue. Returns the time of the
 * last message and the number of messages scheduled.
 */
export function mapRequest(ctx: Ctx, r: MapRequest): { end: number; count: number } {
  const { wire, rng } = ctx;
  const sls = rng.int(16);
  const otid = newTid(ctx);
  const dtid = newTid(ctx);
  const acn = r.acn === undefined ? defaultAcn(r.op) : r.acn;
  const rtt = (): number => r.rtt ?? 40000 + rng.int(200000);
  let t = r.t;
  let count = 0;
  const dlg: Dialogue | undefined = acn === null ? undefined : { kind: 'aarq', acn, ...(r.userInfo ? { userInfo: r.userInfo } : {}) };
  const comps: Component[] = [{ type: 'invoke', invokeId: 1, opcode: r.opcode ?? r.op, param: r.arg }, ...(r.extraInvokes ?? [])];
  const called: SccpAddr = r.calledFirst ? { digits: r.calledFirst.digits, ssn: r.b.ssn, ...(r.calledFirst.np !== undefined ? { np: r.calledFirst.np } : {}) } : addr(r.b);
  const tap = wire.onFrame !== undefined;
  const meta = (o: number | undefined, d: number | undefined, cs: Component[]): { otid?: string; dtid?: string; opcodes: number[] } | undefined => (!tap ? undefined : {
    ...(o !== undefined ? { otid: tidHex(o) } : {}),
    ...(d !== undefined ? { dtid: tidHex(d) } : {}),
    // Local operation codes and error codes, as tshark lists them in gsm_old.localValue / camel.opcode.
    opcodes: cs.flatMap((c) => (c.type === 'invoke' && typeof c.opcode === 'number' ? [c.opcode] : c.type === 'resultLast' && c.opcode !== undefined ? [c.opcode] : c.type === 'error' ? [c.code] : [])),
  });
  wire.sccp(t, r.a.sp, r.b.sp, called, addr(r.a), tcapBegin(otid, dlg, comps), sls, r.inst, r.xudt, meta(otid, undefined, comps));
  count++;
  if (r.noAnswer) return { end: t, count };
  const aare: Dialogue | undefined = acn === null ? undefined : { kind: 'aare', acn };
  let aareSent = false;
  const back = (): Dialogue | undefined => {
    if (aareSent) return undefined;
    aareSent = true;
    return aare;
  };
  for (const m of r.middle ?? []) {
    t += rtt() / 2;
    if (m.fromB) wire.sccp(t, r.b.sp, r.a.sp, addr(r.a), addr(r.b), tcapContinue(dtid, otid, back(), m.comps), sls, r.inst, r.xudt, meta(dtid, otid, m.comps));
    else wire.sccp(t, r.a.sp, r.b.sp, addr(r.b), addr(r.a), tcapContinue(otid, dtid, undefined, m.comps), sls, r.inst, r.xudt, meta(otid, dtid, m.comps));
    count++;
  }
  t += rtt();
  let end: Uint8Array;
  let endComps: Component[] = [];
  if (r.endComps) end = tcapEnd(otid, back(), (endComps = r.endComps));
  else if (r.reject !== undefined) end = tcapEnd(otid, back(), [{ type: 'reject', invokeId: 1, problemTag: 0x81, problem: r.reject }]);
  else if (r.abort) end = tcapAbort(otid, { pAbortCause: rng.pick([1, 2, 4]) });
  else if (r.error !== undefined) end = tcapEnd(otid, back(), (endComps = [{ type: 'error', invokeId: 1, code: r.error }]));
  else {
    const res: Component = r.result === undefined || r.result === null ? { type: 'resultLast', invokeId: 1 } : { type: 'resultLast', invokeId: 1, opcode: r.op, param: r.result };
    const extra: Component[] = (r.extraInvokes ?? []).map((c) => ({ type: 'resultLast', invokeId: c.type === 'invoke' ? c.invokeId : 2 }));
    end = tcapEnd(otid, back(), (endComps = [res, ...extra]));
  }
  wire.sccp(t, r.b.sp, r.a.sp, addr(r.a), addr(r.b), end, sls, r.inst, r.xudt, meta(undefined, otid, endComps));
  count++;
  return { end: t, count };
}

export function defaultAcn(op: number): string {
  const c = OP_CONTEXT[op];
  return c ? mapAcn(c[0], c[1]) : mapAcn(0, 3);
}

/** MAP-OPEN user information (destination / origination reference) for the AARQ. */
export function openInfo(dest?: string, orig?: string): Uint8Array {
  return userInformation(MAP_DIALOGUE_AS, mapOpen(dest, orig));
}

/** A basic ISUP call: IAM → ACM → ANM … REL → RLC between two SPs on one circuit. */
export function isupCall(ctx: Ctx, t: number, from: Sp, to: Sp, called: string, calling: string, inst?: Instance, answered = true): { end: number; count: number } {
  const { wire, rng } = ctx;
  const cic = rng.range(1, 4000);
  const sls = cic & 15;
  wire.isup(t, from, to, isupIam(cic, called, calling), sls, inst);
  t += 300000 + rng.int(900000);
  wire.isup(t, to, from, isupAcm(cic), sls, inst);
  if (!answered) {
    t += 20e6 + rng.int(10e6);
    wire.isup(t, to, from, isupRel(cic, 19), sls, inst);
    t += 20000 + rng.int(60000);
    wire.isup(t, from, to, isupRlc(cic), sls, inst);
    return { end: t, count: 4 };
  }
  t += 3e6 + rng.int(15e6);
  wire.isup(t, to, from, isupAnm(cic), sls, inst);
  t += 10e6 + rng.exp(90e6);
  const fromCaller = rng.chance(0.5);
  wire.isup(t, fromCaller ? from : to, fromCaller ? to : from, isupRel(cic, 16), sls, inst);
  t += 20000 + rng.int(60000);
  wire.isup(t, fromCaller ? to : from, fromCaller ? from : to, isupRlc(cic), sls, inst);
  return { end: t, count: 5 };
}

export interface DiaRequest {
  t: number;
  from: Sp;
  to: Sp;
  cmd: number;
  /** Request AVPs after the common head (Session-Id … Destination-Realm). */
  req: AvpSpec[];
  ans?: AvpSpec[];
  result?: { resultCode: number } | { experimental: number };
  /** Spoofed origin (host/realm) the requester claims. */
  origin?: { host: string; realm: string };
  destHost?: boolean;
  noAnswer?: boolean;
  rtt?: number;
  inst?: Instance;
}

export function diaRequest(ctx: Ctx, r: DiaRequest): { end: number; count: number; sessionId: string } {
  const { wire, rng } = ctx;
  const orig = r.origin ?? { host: r.from.host!, realm: r.from.net.realm };
  const sessionId = `${orig.host};${(ctx.counters.session++).toString()};${rng.u32().toString(16)}`;
  const hbh = rng.u32();
  const e2e = rng.u32();
  const head = requestHead(sessionId, orig, { ...(r.destHost ? { host: r.to.host! } : {}), realm: r.to.net.realm });
  wire.diameter(r.t, r.from, r.to, diameterMessage({ cmd: r.cmd, appId: APP_S6A, request: true, hopByHop: hbh, endToEnd: e2e }, [...head, ...r.req]), r.inst);
  if (r.noAnswer) return { end: r.t, count: 1, sessionId };
  const t = r.t + (r.rtt ?? 20000 + rng.int(120000));
  const ah = answerHead(sessionId, { host: r.to.host!, realm: r.to.net.realm }, r.result ?? { resultCode: 2001 });
  wire.diameter(t, r.to, r.from, diameterMessage({ cmd: r.cmd, appId: APP_S6A, request: false, hopByHop: hbh, endToEnd: e2e }, [...ah, ...(r.ans ?? [])]), r.inst);
  return { end: t, count: 2, sessionId };
}

