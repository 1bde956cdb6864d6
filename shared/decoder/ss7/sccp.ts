/**
 * SCCP (ITU-T Q.713; ANSI T1.112 addresses when the MTP3 variant is 'ansi').
 *
 * Connectionless messages (UDT, UDTS, XUDT, XUDTS, LUDT, LUDTS) are decoded in
 * full and their user data is dispatched on `sccp.ssn` (called SSN, then the
 * calling SSN, then '*'). XUDT/LUDT segments are reassembled per calling
 * address + local reference. Connection-oriented messages are named and their
 * references / causes recorded. SCCP management (SSN 1) is decoded as 'sccpmg'.
 */
import type { DecodeContext } from '../context.js';
import type { SccpAddress, SccpInfo } from '../../model/record.js';
import { newSccpAddress, newSccpInfo } from '../shapes.js';
import { DigitMemo } from '../util/digits.js';

/** Placeholder called/calling address until the real one is parsed (shared, read-only: no allocation per message). */
const NO_ADDRESS: SccpAddress = Object.freeze(newSccpAddress(false));

/** Message type acronyms indexed by the type code. */
const TYPE_NAMES = ['', 'CR', 'CC', 'CREF', 'RLSD', 'RLC', 'DT1', 'DT2', 'AK', 'UDT', 'UDTS', 'ED', 'EA', 'RSR', 'RSC',
  'ERR', 'IT', 'XUDT', 'XUDTS', 'LUDT', 'LUDTS'];

export function sccpTypeName(t: number): string {
  return TYPE_NAMES[t] || `type 0x${t.toString(16).padStart(2, '0')}`;
}

/** Rendering of BCD address signals, as Wireshark prints GT digits. */
const SIGNALS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '(spare)', '11', '12', '(spare)', '(spare)', 'ST'];

/** Both signals of an octet (low nibble first), precomputed. */
const PAIRS: string[] = [];
for (let v = 0; v < 256; v++) PAIRS.push(SIGNALS[v & 15]! + SIGNALS[v >> 4]!);

/** Global title digits by their octets (the same GTs recur all through a capture). */
const gtMemo = new DigitMemo();

/**
 * Decoded addresses by their octets (tag: ITU 0 / ANSI 1). The same few called and calling
 * parties (network nodes' global titles and SSNs) recur all through a capture: a hit costs a
 * hash of the octets instead of an object and a parse. The objects are frozen, as a record
 * shares its address with the other records of that address.
 */
const addrMemo = new DigitMemo<SccpAddress>(4096);

/** Set by parseAddress when it returns undefined. */
let addrError = '';

/**
 * Called/calling party address (Q.713 §3.4). `s`/`e` bound the address octets
 * (after the length octet). The result is frozen and may be shared with other messages.
 */
export function parseAddress(d: Uint8Array, s: number, e: number, ansi: boolean): SccpAddress | undefined {
  const tag = ansi ? 1 : 0;
  const hit = addrMemo.get(d, s, e, tag);
  if (hit !== undefined) return hit;
  const a = parseAddressOnce(d, s, e, ansi);
  return a === undefined ? undefined : addrMemo.put(Object.freeze(a));
}

function parseAddressOnce(d: Uint8Array, s: number, e: number, ansi: boolean): SccpAddress | undefined {
  if (e <= s) {
    addrError = 'empty address';
    return undefined;
  }
  const ai = d[s]!;
  const gti = (ai >> 2) & 15;
  const a = newSccpAddress(((ai >> 6) & 1) === 1);
  let o = s + 1;
  if (ansi) {
    if (ai & 1) {
      if (o >= e) return fail('truncated SSN');
      a.ssn = d[o++]!;
    }
    if (ai & 2) {
      if (o + 3 > e) return fail('truncated point code');
      a.pc = d[o]! | (d[o + 1]! << 8) | (d[o + 2]! << 16);
      o += 3;
    }
  } else {
    if (ai & 1) {
      if (o + 2 > e) return fail('truncated point code');
      a.pc = (d[o]! | (d[o + 1]! << 8)) & 0x3fff;
      o += 2;
    }
    if (ai & 2) {
      if (o >= e) return fail('truncated SSN');
      a.ssn = d[o++]!;
    }
  }
  if (gti === 0) return a;
  a.gti = gti;
  let even: boolean;
  // ITU GTI 1: O/E+NAI; 2: TT; 3: TT, NP/ES; 4: TT, NP/ES, NAI. ANSI GTI 1: TT, NP/ES; 2: TT.
  const form = ansi ? (gti === 1 ? 3 : gti === 2 ? 2 : 0) : gti;
  switch (form) {
    case 1:
      if (o >= e) return fail('truncated global title');
      a.nai = d[o]! & 0x7f;
      even = (d[o]! & 0x80) === 0;
      o += 1;
      break;
    case 2:
      if (o >= e) return fail('truncated global title');
      a.tt = d[o]!;
      even = true;
      o += 1;
      break;
    case 3:
      if (o + 2 > e) return fail('truncated global title');
      a.tt = d[o]!;
      a.np = d[o + 1]! >> 4;
      a.es = d[o + 1]! & 15;
      even = a.es === 2;
      o += 2;
      break;
    case 4:
      if (o + 3 > e) return fail('truncated global title');
      a.tt = d[o]!;
      a.np = d[o + 1]! >> 4;
      a.es = d[o + 1]! & 15;
      a.nai = d[o + 2]! & 0x7f;
      even = a.es === 2;
      o += 3;
      break;
    default:
      return a;
  }
  const tag = even ? 2 : 3;
  let digits = gtMemo.get(d, o, e, tag);
  if (digits === undefined) {
    digits = '';
    const last = even ? e : e - 1;
    for (let i = o; i < last; i++) digits += PAIRS[d[i]!]!;
    if (!even && e > o) digits += SIGNALS[d[e - 1]! & 15]!;
    gtMemo.put(digits);
  }
  a.digits = digits;
  return a;
}

function fail(reason: string): undefined {
  addrError = reason;
  return undefined;
}

/** Mandatory-variable part locator: 1-octet pointers and lengths (or 2-octet for LUDT/LUDTS long data). */
function variable(d: Uint8Array, ptrAt: number, twoOctetPtr: boolean, twoOctetLen: boolean, end: number): number {
  // Returns the start of the value (after its length), or -1; the length is left in `varLen`.
  let p: number;
  if (twoOctetPtr) {
    if (ptrAt + 2 > end) return -1;
    p = d[ptrAt]! | (d[ptrAt + 1]! << 8);
  } else {
    if (ptrAt >= end) return -1;
    p = d[ptrAt]!;
  }
  if (p === 0) return -1;
  // A 2-octet pointer counts from its second (most significant) octet, as Wireshark reads LUDT/LUDTS.
  const at = twoOctetPtr ? ptrAt + 1 + p : ptrAt + p;
  if (twoOctetLen) {
    if (at + 2 > end) return -1;
    varLen = d[at]! | (d[at + 1]! << 8);
    if (at + 2 + varLen > end) return -1;
    return at + 2;
  }
  if (at >= end) return -1;
  varLen = d[at]!;
  if (at + 1 + varLen > end) return -1;
  return at + 1;
}
let varLen = 0;

interface ReasmEntry {
  parts: Uint8Array[];
  size: number;
  remaining: number;
  frame: number;
}
interface SccpState {
  reasm: Map<string, ReasmEntry>;
}
const MAX_PENDING = 1024;
const MAX_REASM_BYTES = 1 << 16;
const makeState = (): SccpState => ({ reasm: new Map() });

function addrKey(a: SccpAddress): string {
  return `${a.pc ?? ''}/${a.ssn ?? ''}/${a.digits ?? ''}`;
}

const enum Layout { Udt, Udts, Xudt, Xudts, Ludt, Ludts }

export function sccp(d: Uint8Array, ctx: DecodeContext): void {
  sccpAt(d, 0, d.length, ctx);
}

/** Start of the message being decoded in its buffer (stop offsets are relative to it). */
let sccpBase = 0;

function stopSccp(ctx: DecodeContext, reason: string, at: number): void {
  ctx.stop('sccp', reason, at - sccpBase);
}

/** sccp() on d[z, end): offsets inside are absolute (what MTP3 / M3UA dispatch: no view per message). */
export function sccpAt(d: Uint8Array, z: number, end: number, ctx: DecodeContext): void {
  const rec = ctx.rec;
  rec.protos.push('sccp');
  sccpBase = z;
  if (end - z < 1) {
    stopSccp(ctx, 'empty SCCP message', z);
    return;
  }
  const type = d[z]!;
  const info = newSccpInfo(type, sccpTypeName(type), NO_ADDRESS, NO_ADDRESS);
  rec.sccp = info;
  let layout: Layout;
  switch (type) {
    case 0x09: layout = Layout.Udt; break;
    case 0x0a: layout = Layout.Udts; break;
    case 0x11: layout = Layout.Xudt; break;
    case 0x12: layout = Layout.Xudts; break;
    case 0x13: layout = Layout.Ludt; break;
    case 0x14: layout = Layout.Ludts; break;
    default:
      connectionOriented(z === 0 && end === d.length ? d : d.subarray(z, end), ctx, info);
      return;
  }
  const ansi = ctx.opts.mtp3Variant === 'ansi';
  const service = layout === Layout.Udts || layout === Layout.Xudts || layout === Layout.Ludts;
  const hasHop = layout >= Layout.Xudt;
  const long = layout >= Layout.Ludt;
  const fixed = hasHop ? 3 : 2;
  const nPtr = hasHop ? 4 : 3;
  const ptrSize = long ? 2 : 1;
  if (end - z < fixed + nPtr * ptrSize) {
    stopSccp(ctx, `truncated ${info.typeName} fixed part`, end);
    return;
  }
  if (service) info.returnCause = d[z + 1]!;
  else {
    info.protocolClass = d[z + 1]! & 15;
    info.returnOnError = (d[z + 1]! & 0x80) !== 0;
  }
  if (hasHop) info.hopCounter = d[z + 2]!;
  const p0 = z + fixed;
  // Called party address
  let at = variable(d, p0, long, false, end);
  if (at < 0) {
    stopSccp(ctx, 'called party address pointer/length out of range', p0);
    return;
  }
  const called = parseAddress(d, at, at + varLen, ansi);
  if (!called) {
    stopSccp(ctx, `called party address: ${addrError}`, at);
    return;
  }
  info.called = called;
  at = variable(d, p0 + ptrSize, long, false, end);
  if (at < 0) {
    stopSccp(ctx, 'calling party address pointer/length out of range', p0 + ptrSize);
    return;
  }
  const calling = parseAddress(d, at, at + varLen, ansi);
  if (!calling) {
    stopSccp(ctx, `calling party address: ${addrError}`, at);
    return;
  }
  info.calling = calling;
  let dataAt = variable(d, p0 + 2 * ptrSize, long, long, end);
  let dataCut = false;
  if (dataAt < 0 && ctx.cut > 0 && end === d.length) {
    // The frame was cut by the snap length inside the data: hand on what was captured, as
    // tshark does (the user layer then stops where the bytes end).
    dataAt = variable(d, p0 + 2 * ptrSize, long, long, end + ctx.cut);
    if (dataAt >= 0 && dataAt <= end) {
      varLen = end - dataAt;
      dataCut = true;
      ctx.note(`sccp data cut by the snap length (${ctx.cut} octet(s) not captured)`);
    } else dataAt = -1;
  }
  if (dataAt < 0) {
    stopSccp(ctx, 'data pointer/length out of range', p0 + 2 * ptrSize);
    return;
  }
  const dataLen = varLen;
  // Optional part (XUDT/XUDTS/LUDT/LUDTS): segmentation, importance.
  let segFirst = false, segRemaining = -1, segRef = 0;
  if (hasHop && !dataCut) {
    const optPtrAt = p0 + 3 * ptrSize;
    const op = long ? d[optPtrAt]! | (d[optPtrAt + 1]! << 8) : d[optPtrAt]!;
    if (op !== 0) {
      let o = long ? optPtrAt + 1 + op : optPtrAt + op;
      if (o >= end) stopSccp(ctx, 'optional part pointer beyond the message', optPtrAt);
      while (o < end) {
        const pt = d[o]!;
        if (pt === 0) break;
        if (o + 2 > end) {
          stopSccp(ctx, 'truncated optional parameter', o);
          break;
        }
        const pl = d[o + 1]!;
        if (o + 2 + pl > end) {
          stopSccp(ctx, `optional parameter 0x${pt.toString(16)} exceeds message`, o);
          break;
        }
        if (pt === 0x10 && pl >= 4) {
          segFirst = (d[o + 2]! & 0x80) !== 0;
          segRemaining = d[o + 2]! & 15;
          segRef = d[o + 3]! | (d[o + 4]! << 8) | (d[o + 5]! << 16);
        } else if (pt === 0x12 && pl >= 1) info.importance = d[o + 2]! & 7;
        o += 2 + pl;
        if (o >= end) stopSccp(ctx, 'optional part without end-of-optional-parameters octet', o);
      }
    }
  }
  // user data: userBuf[us, ue) (no view made unless a segment must be kept)
  let userBuf = d, us = dataAt, ue = dataAt + dataLen;
  if (segRemaining >= 0) {
    const user = d.subarray(dataAt, dataAt + dataLen);
    const seg = { first: segFirst, remaining: segRemaining, localRef: segRef, reassembled: false };
    info.segment = seg;
    if (!(segFirst && segRemaining === 0)) {
      if (!ctx.opts.sccpReassembly) return;
      const st = ctx.state.get('sccp', makeState);
      const key = `${addrKey(calling)}#${segRef}`;
      let ent = st.reasm.get(key);
      if (segFirst) {
        if (ent) st.reasm.delete(key);
        if (st.reasm.size >= MAX_PENDING) {
          const oldest = st.reasm.keys().next().value;
          if (oldest !== undefined) st.reasm.delete(oldest);
        }
        ent = { parts: [user.slice()], size: user.length, remaining: segRemaining, frame: ctx.frame };
        st.reasm.set(key, ent);
        info.dataLength = user.length;
        return;
      }
      if (!ent || segRemaining !== ent.remaining - 1) {
        if (ent) st.reasm.delete(key);
        ctx.note(ent ? 'sccp segment out of sequence' : 'sccp segment without first segment');
        info.dataLength = user.length;
        return;
      }
      ent.remaining = segRemaining;
      ent.size += user.length;
      if (ent.size > MAX_REASM_BYTES) {
        st.reasm.delete(key);
        ctx.note('sccp reassembly abandoned: over 64 KiB');
        return;
      }
      if (segRemaining > 0) {
        ent.parts.push(user.slice());
        info.dataLength = user.length;
        return;
      }
      st.reasm.delete(key);
      const whole = new Uint8Array(ent.size);
      let w = 0;
      for (const p of ent.parts) {
        whole.set(p, w);
        w += p.length;
      }
      whole.set(user, w);
      userBuf = whole;
      us = 0;
      ue = whole.length;
      seg.reassembled = true;
    }
  }
  info.dataLength = ue - us;
  dispatchUser(ctx, called.ssn, calling.ssn, userBuf, us, ue);
}

/** Hands SCCP user data, buf[s, e), to the user registered for the called SSN, else the calling SSN, else '*'. */
export function dispatchUser(ctx: DecodeContext, calledSsn: number | undefined, callingSsn: number | undefined, buf: Uint8Array, s: number, e: number): void {
  if (e <= s) return;
  if (calledSsn !== undefined && ctx.dispatchRange('sccp.ssn', calledSsn, buf, s, e)) return;
  if (callingSsn !== undefined && calledSsn !== callingSsn && ctx.dispatchRange('sccp.ssn', callingSsn, buf, s, e)) return;
  ctx.dispatchRange('sccp.ssn', '*', buf, s, e);
}

/** Minimum length of each connection-oriented message type (fixed part and pointers), 0 = not connection-oriented. */
const CO_MIN = [0, 7, 9, 6, 9, 7, 6, 7, 6, 0, 0, 5, 4, 8, 7, 5, 11];

function ref3(d: Uint8Array, o: number): number {
  return d[o]! | (d[o + 1]! << 8) | (d[o + 2]! << 16);
}

/**
 * Connection-oriented messages: fixed part per Q.713 Table 2-19; CR/CC/CREF/RLSD
 * optional part may carry a calling/called address and data.
 */
function connectionOriented(d: Uint8Array, ctx: DecodeContext, info: SccpInfo): void {
  const end = d.length;
  const t = info.type;
  const min = t < CO_MIN.length ? CO_MIN[t]! : 0;
  if (min === 0) {
    ctx.stop('sccp', `unknown message type 0x${t.toString(16).padStart(2, '0')}`, 0);
    return;
  }
  if (end < min) {
    ctx.stop('sccp', `truncated ${info.typeName}`, end);
    return;
  }
  let optPtrAt = -1, calledPtrAt = -1, dataPtrAt = -1;
  switch (t) {
    case 0x01: // CR: SLR, class, called (V), optional
      info.slr = ref3(d, 1);
      info.protocolClass = d[4]! & 15;
      calledPtrAt = 5;
      optPtrAt = 6;
      break;
    case 0x02: // CC: DLR, SLR, class, optional
    case 0x04: // RLSD: DLR, SLR, release cause, optional
      info.dlr = ref3(d, 1);
      info.slr = ref3(d, 4);
      if (t === 0x02) info.protocolClass = d[7]! & 15;
      else info.cause = d[7]!;
      optPtrAt = 8;
      break;
    case 0x03: // CREF: DLR, refusal cause, optional
      info.dlr = ref3(d, 1);
      info.cause = d[4]!;
      optPtrAt = 5;
      break;
    case 0x05: case 0x0d: case 0x0e: case 0x10: // RLC, RSR (reset cause), RSC, IT (class …)
      info.dlr = ref3(d, 1);
      info.slr = ref3(d, 4);
      if (t === 0x0d) info.cause = d[7]!;
      if (t === 0x10) info.protocolClass = d[7]! & 15;
      break;
    default: // DT1, DT2, AK, ED, EA, ERR (error cause)
      info.dlr = ref3(d, 1);
      if (t === 0x0f) info.cause = d[4]!;
      if (t === 0x06) dataPtrAt = 5;
      else if (t === 0x07) dataPtrAt = 6;
      else if (t === 0x0b) dataPtrAt = 4;
  }
  if (dataPtrAt >= 0) {
    if (variable(d, dataPtrAt, false, false, end) < 0) ctx.stop('sccp', 'data pointer/length out of range', dataPtrAt);
    else info.dataLength = varLen;
  }
  const ansi = ctx.opts.mtp3Variant === 'ansi';
  if (calledPtrAt >= 0) {
    const at = variable(d, calledPtrAt, false, false, end);
    if (at < 0) {
      ctx.stop('sccp', 'called party address pointer/length out of range', calledPtrAt);
      return;
    }
    const a = parseAddress(d, at, at + varLen, ansi);
    if (!a) {
      ctx.stop('sccp', `called party address: ${addrError}`, at);
      return;
    }
    info.called = a;
  }
  if (optPtrAt >= 0 && d[optPtrAt]) {
    let p = optPtrAt + d[optPtrAt]!;
    let dataS = -1, dataE = -1;
    if (p >= end) ctx.stop('sccp', 'optional part pointer beyond the message', optPtrAt);
    while (p < end && d[p] !== 0) {
      if (p + 2 > end || p + 2 + d[p + 1]! > end) {
        ctx.stop('sccp', 'optional parameter exceeds message', p);
        return;
      }
      const pt = d[p]!, pl = d[p + 1]!;
      if (pt === 0x03 || pt === 0x04) {
        const a = parseAddress(d, p + 2, p + 2 + pl, ansi);
        if (!a) {
          ctx.stop('sccp', `${pt === 3 ? 'called' : 'calling'} party address: ${addrError}`, p + 2);
          return;
        }
        if (pt === 0x03) info.called = a;
        else info.calling = a;
      } else if (pt === 0x0f) {
        dataS = p + 2;
        dataE = p + 2 + pl;
      } else if (pt === 0x12 && pl >= 1) info.importance = d[p + 2]! & 7;
      p += 2 + pl;
      if (p >= end) ctx.stop('sccp', 'optional part without end-of-optional-parameters octet', p);
    }
    if (dataS >= 0) {
      info.dataLength = dataE - dataS;
      if (t === 0x01 || t === 0x02) dispatchUser(ctx, info.called.ssn, info.calling.ssn, d, dataS, dataE);
    }
  }
}

// ---- SCCP management (SSN 1), Q.713 §5.3 ----

const SCMG_NAMES = ['', 'SSA', 'SSP', 'SST', 'SOR', 'SOG', 'SSC'];

export function sccpmg(d: Uint8Array, ctx: DecodeContext): void {
  const rec = ctx.rec;
  rec.protos.push('sccpmg');
  const ansi = ctx.opts.mtp3Variant === 'ansi';
  const need = ansi ? 6 : 5;
  if (d.length < need) {
    ctx.stop('sccp', 'truncated SCCP management message', d.length);
    return;
  }
  const type = d[0]!;
  const typeName = SCMG_NAMES[type] || (type === 0xfd ? 'SBR' : type === 0xfe ? 'SNR' : type === 0xff ? 'SRT' : `type ${type}`);
  const affectedPc = ansi ? d[2]! | (d[3]! << 8) | (d[4]! << 16) : (d[2]! | (d[3]! << 8)) & 0x3fff;
  const scmg: NonNullable<SccpInfo['scmg']> = { type, typeName, affectedSsn: d[1]!, affectedPc, smi: d[need - 1]! & 3 };
  if (type === 6 && d.length > need) scmg.congestion = d[need]! & 15;
  if (rec.sccp) rec.sccp.scmg = scmg;
}
