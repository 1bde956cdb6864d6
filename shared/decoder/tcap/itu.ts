/**
 * ITU-T TCAP (Q.773) message decoder: transaction portion, dialogue portion
 * (AARQ/AARE/ABRT/AUDT), component portion. One output record per component
 * whose user (MAP, CAP) is known; components are handed to the user through
 * the 'tcap.user' dispatch table with `ctx.rec` set to the component's record.
 *
 * Sequence handling follows BER sequence semantics as Wireshark applies them:
 * an element that does not match the expected field is reported, skipped, and
 * the definition advances; elements past the end of the definition are skipped.
 */
import type { DecodeContext, DispatchTables, RangeHandler } from '../context.js';
import type { ComponentInfo, TcapInfo } from '../../model/layers/tcap.js';
import { readTlv, tlv as tlvBinding, readInt, readOid, berErrorText, berErrOffset } from '../ber/ber.js';
import { toHex, tbcd } from '../util/digits.js';
import { acnInfo, mapAcAllows, type AcnInfo } from './acn.js';
import { DialogueMemory } from './dialogue-memory.js';
import { append, componentRecord, newComponentInfo, newTcapInfo } from '../shapes.js';

/** Local reference to the shared TLV scratch (avoids a live-binding getter per access in CJS-transpiled runs). */
const tlv = tlvBinding;

/** Message type names by identifier octet (dense, indexed by the octet). */
const MSG_NAMES: (string | undefined)[] = new Array<string | undefined>(256).fill(undefined);
MSG_NAMES[0x61] = 'unidirectional';
MSG_NAMES[0x62] = 'begin';
MSG_NAMES[0x64] = 'end';
MSG_NAMES[0x65] = 'continue';
MSG_NAMES[0x67] = 'abort';

/** Expected fields of each message type (identifier octets, optional flag). */
const OTID = 0x48, DTID = 0x49, DLG = 0x6b, COMPS = 0x6c, PABORT = 0x4a;
const SEQ_DEF: (readonly (readonly [number, boolean])[] | undefined)[] = new Array<readonly (readonly [number, boolean])[] | undefined>(256).fill(undefined);
SEQ_DEF[0x61] = [[DLG, true], [COMPS, false]];
SEQ_DEF[0x62] = [[OTID, false], [DLG, true], [COMPS, true]];
SEQ_DEF[0x64] = [[DTID, false], [DLG, true], [COMPS, true]];
SEQ_DEF[0x65] = [[OTID, false], [DTID, false], [DLG, true], [COMPS, true]];
SEQ_DEF[0x67] = [[DTID, false], [PABORT, true], [DLG, true]];

const KIND: ([ComponentInfo['kind'], ComponentInfo['kindName']] | undefined)[] = new Array<[ComponentInfo['kind'], ComponentInfo['kindName']] | undefined>(256).fill(undefined);
KIND[0xa1] = [1, 'invoke'];
KIND[0xa2] = [2, 'returnResultLast'];
KIND[0xa3] = [3, 'returnError'];
KIND[0xa4] = [4, 'reject'];
KIND[0xa7] = [7, 'returnResultNotLast'];

const P_ABORT = ['unrecognizedMessageType', 'unrecognizedTransactionID', 'badlyFormattedTransactionPortion', 'incorrectTransactionPortion', 'resourceLimitation'];
const DIAG_USER = ['null', 'no-reason-given', 'application-context-name-not-supported'];
const DIAG_PROV = ['null', 'no-reason-given', 'no-common-dialogue-portion'];
const ABRT_SOURCE = ['dialogue-service-user', 'dialogue-service-provider'];
const PROBLEM_KIND = ['generalProblem', 'invokeProblem', 'returnResultProblem', 'returnErrorProblem'];

/** A parsed component: info plus where its parameter lies. */
interface Comp {
  /** undefined for a component with an unknown tag (the user still sees it, as in Wireshark). */
  info: ComponentInfo | undefined;
  /** The component's TLV. */
  s: number;
  e: number;
  /** Parameter TLV (identifier to end), -1 when absent. */
  ps: number;
  pe: number;
}

/** Dialogue-memory key of a transaction id value. */
function tidKey(b: Uint8Array, vs: number, ve: number, hex: string): number | string {
  const n = ve - vs;
  if (n < 1 || n > 4) return hex;
  let v = 0;
  for (let i = vs; i < ve; i++) v = v * 256 + b[i]!;
  return v + n * 0x100000000;
}

const makeMemory = (): DialogueMemory => new DialogueMemory();

/** Parameter of a component without one (users only read it). */
const EMPTY = new Uint8Array(0);

function flag(t: TcapInfo, f: string): void {
  const a = t.flags;
  if (a === undefined) t.flags = [f];
  else if (!a.includes(f)) a.push(f);
}

/** Chooses the component user from the ACN, then the SSN (Wireshark's order). */
export function chooseUser(acnUser: string | undefined, ssn: number | undefined): string | undefined {
  if (acnUser) return acnUser;
  if (ssn === undefined) return undefined;
  if (ssn === 146) return 'camel';
  if ((ssn >= 6 && ssn <= 9) || ssn === 145 || (ssn >= 148 && ssn <= 150)) return 'gsm_map';
  if (ssn === 106 || ssn === 241) return 'inap';
  return undefined;
}

/** Start of the message being decoded in its buffer: offsets are absolute, stops are reported relative to it. */
let msgBase = 0;

function stopTcap(ctx: DecodeContext, reason: string, at: number): void {
  ctx.stop('tcap', reason, at - msgBase);
}

/**
 * Decodes one ITU TCAP message, b[from, to) (default: all of b). `ssn`: the SSN that selected TCAP (component user fallback).
 * `heuristic`: decode into rec.tcap without claiming the protocol stack (tshark leaves such payloads undecoded).
 */
export function decodeItuTcap(b: Uint8Array, ctx: DecodeContext, ssn: number | undefined, heuristic: boolean, from = 0, to = b.length): void {
  const rec = ctx.rec;
  msgBase = from;
  const end = to;
  const first = b[from]!;
  const t = newTcapInfo('itu', MSG_NAMES[first] ?? 'unknown');
  if (ssn !== undefined) t.ssn = ssn;
  rec.tcap = t;
  if (!heuristic) rec.protos.push('tcap');
  else flag(t, 'heuristic');

  let e = readTlv(b, from, end, 0, true);
  if (e) {
    // no message element without its tag and length octets (tshark shows none either)
    t.type = 'unknown';
    flag(t, 'ber-error');
    stopTcap(ctx, `message: ${berErrorText(e)}`, berErrOffset);
    return;
  }
  const missing = tlv.missing;
  const def = SEQ_DEF[first];
  if (!def || tlv.cls !== 1 || !tlv.constructed) {
    flag(t, 'unknown-tag');
    stopTcap(ctx, `unknown message type tag 0x${first.toString(16).padStart(2, '0')}`, from);
    return;
  }
  const msgEnd = tlv.ve;
  let p = tlv.vs;
  let di = 0;
  if (missing) {
    flag(t, 'ber-error');
    stopTcap(ctx, `message length exceeds the data by ${missing} byte(s)`, from + 1);
  }
  let acnUser: string | undefined;
  let compS = -1, compE = -1;
  let otidKey: number | string | undefined;
  let dtidKey: number | string | undefined;
  while (p < msgEnd) {
    e = readTlv(b, p, msgEnd, 0, true);
    if (e) {
      flag(t, 'ber-error');
      stopTcap(ctx, `${t.type}: ${berErrorText(e)}`, berErrOffset);
      break;
    }
    if (tlv.missing) {
      flag(t, 'ber-error');
      stopTcap(ctx, `${t.type}: element 0x${b[p]!.toString(16)} length exceeds the message by ${tlv.missing} byte(s)`, p);
    }
    const id = b[p]!;
    const vs = tlv.vs, ve = tlv.ve, next = tlv.next;
    // find the matching field, skipping optional ones
    let matched = -1;
    while (di < def.length) {
      const d = def[di]!;
      if (d[0] === (id & 0xff)) {
        matched = d[0];
        di++;
        break;
      }
      if (d[1]) {
        di++;
        continue;
      }
      // mandatory field missing: the element is consumed as the wrong field
      flag(t, 'unknown-tag');
      stopTcap(ctx, `${t.type}: expected tag 0x${d[0].toString(16)} but found 0x${id.toString(16).padStart(2, '0')}`, p);
      di++;
      matched = -2;
      break;
    }
    if (matched === -1) {
      flag(t, 'unknown-tag');
      stopTcap(ctx, `${t.type}: element 0x${id.toString(16).padStart(2, '0')} beyond the end of the message definition`, p);
    } else if (tlv.missing && (matched === OTID || matched === DTID)) {
      // a transaction id cut short is not a transaction id (tshark shows none)
    } else if (matched === OTID) {
      t.otid = toHex(b, vs, ve);
      otidKey = tidKey(b, vs, ve, t.otid);
    } else if (matched === DTID) {
      t.dtid = toHex(b, vs, ve);
      dtidKey = tidKey(b, vs, ve, t.dtid);
    }
    else if (matched === DLG) acnUser = dialogue(b, vs, ve, t, ctx);
    else if (matched === COMPS) {
      compS = vs;
      compE = ve;
    } else if (matched === PABORT) {
      t.pAbortCause = readInt(b, vs, ve);
      t.abortCause = P_ABORT[t.pAbortCause] ?? `p-abort ${t.pAbortCause}`;
    }
    p = next;
  }
  if (first === 0x62 && t.dialogue === undefined) flag(t, 'no-dialogue');

  if (compS < 0) return;
  const nComps = components(b, compS, compE, t, ctx);
  const comps = COMP_POOL;
  t.componentCount = nComps;
  let invokes = 0;
  for (let i = 0; i < nComps; i++) if (comps[i]!.info?.kind === 1) invokes++;
  if (first === 0x62 && invokes >= 2) flag(t, 'multi-invoke');
  if (nComps > 1) duplicates(b, comps, nComps, t);
  for (let i = 0; i < nComps; i++) {
    const c = comps[i]!;
    if (c.info?.globalOpcode !== undefined) {
      flag(t, 'global-opcode');
      break;
    }
  }

  // dialogue memory: a Continue/End/Abort without ACN inherits the context of its Begin (Wireshark's TCAP transaction matching)
  const mem = ctx.state.get('tcap.dialogues', makeMemory);
  // key: transaction id, checked against the transport address pair (an answer's the other way round), like Wireshark's TCAP hash without SCCP addresses
  const tr = rec.transport;
  const ta = tr?.src, tb = tr?.dst;
  // the DTID's entry, when looked up below (End / Abort then forget it without a second lookup)
  let dSlot = -2;
  if (t.acn === undefined) {
    // the DTID names the other side's transaction: only an entry stored the other way matches
    let d = dtidKey !== undefined ? (dSlot = mem.find(dtidKey, ta, tb, true)) : -1;
    if (d < 0 && otidKey !== undefined && first !== 0x64) d = mem.find(otidKey, ta, tb);
    if (d >= 0) {
      const dc = mem.context(d);
      acnUser = dc.user;
      t.acn = dc.acn;
      const acName = dc.acName;
      if (acName) t.acName = acName;
      const acVersion = dc.acVersion;
      if (acVersion !== undefined) t.acVersion = acVersion;
      flag(t, 'acn-from-dialogue');
    }
  }
  if (t.acn !== undefined && otidKey !== undefined && (first === 0x62 || first === 0x65)) {
    mem.set(otidKey, t.acn, acnUser, t.acName, t.acVersion, ta, tb, dtidKey);
  } else if (dtidKey !== undefined && (first === 0x64 || first === 0x67)) {
    // End / Abort: the dialogue is over
    mem.end(dtidKey, ta, tb, dSlot);
  }
  // an invoke whose operation is not part of the dialogue's MAP application context
  if (t.acn !== undefined && acnUser === 'gsm_map') {
    for (let i = 0; i < nComps; i++) {
      const c = comps[i]!;
      if (c.info?.kind === 1 && c.info.opcode !== undefined && !mapAcAllows(t.acn, c.info.opcode)) {
        flag(t, 'acn-mismatch');
        break;
      }
    }
  }
  const user = chooseUser(acnUser, ssn);
  if (user) t.user = user;
  if (heuristic) {
    // single record: describe the first component, without claiming the stack
    const c0 = nComps > 0 ? comps[0] : undefined;
    if (c0?.info) {
      rec.component = c0.info;
      if (user && ctx.tables.has('tcap.user', user)) {
        const n = rec.protos.length;
        if (c0.ps >= 0) ctx.dispatchRange('tcap.user', user, b, c0.ps, c0.pe);
        else ctx.dispatchRange('tcap.user', user, EMPTY, 0, 0);
        rec.protos.length = n;
      }
    }
    return;
  }
  const handler = user ? userHandler(ctx.tables, user) : undefined;
  if (handler === undefined) return;
  const base = rec;
  const n = nComps;
  const nProtos = base.protos.length;
  const stop0 = base.stop;
  for (let i = 0; i < n; i++) {
    const c = comps[i]!;
    // The message record itself is never emitted once its components are: the last
    // component takes it over instead of a copy (one record less per message).
    const last = i === n - 1;
    let r = base;
    if (last) {
      base.compIdx = i;
      base.component = c.info;
    } else if (base.protos === ctx.protoScratch) {
      // shares the pipeline's protocol list (its own exact copy is made when it is emitted);
      // what the user pushes on it is taken off again below, for the next component
      r = componentRecord(base, i, c.info, base.protos);
    } else r = componentRecord(base, i, c.info);
    ctx.rec = r;
    try {
      if (c.ps >= 0) handler(b, c.ps, c.pe, ctx);
      else handler(EMPTY, 0, 0, ctx);
    } catch (e) {
      if (last) {
        // a user fault: leave the message record as it was before this component
        base.compIdx = -1;
        base.component = undefined;
        base.map = undefined;
        base.cap = undefined;
        base.protos.length = nProtos;
        base.stop = stop0;
      } else truncate(base.protos, nProtos);
      throw e;
    } finally {
      ctx.rec = base;
    }
    ctx.emit(r);
    if (!last) truncate(base.protos, nProtos);
  }
}

/** The 'tcap.user' handlers looked up (by user name), valid while the tables and their version are those below. */
let handlersOf: DispatchTables | undefined;
let handlersVersion = -1;
const handlers = new Map<string, RangeHandler | undefined>();

/** The component user's handler in range form (a view-taking one wrapped), or undefined when there is none; cached. */
function userHandler(tables: DispatchTables, user: string): RangeHandler | undefined {
  if (tables !== handlersOf || tables.version !== handlersVersion) {
    handlersOf = tables;
    handlersVersion = tables.version;
    handlers.clear();
  }
  let h = handlers.get(user);
  if (h === undefined && !handlers.has(user)) {
    h = tables.getRange('tcap.user', user);
    if (h === undefined) {
      const plain = tables.get('tcap.user', user);
      if (plain !== undefined) h = (b, s, e, ctx) => plain(s === 0 && e === b.length ? b : b.subarray(s, e), ctx);
    }
    handlers.set(user, h);
  }
  return h;
}

/** Shortens `list` to `n` entries (pop(): the length setter is a slow runtime call). */
function truncate(list: string[], n: number): void {
  while (list.length > n) list.pop();
}

/** Dialogue portion: EXTERNAL { direct-reference OID, [0] DialoguePDU }. Returns the component user named by the ACN. */
function dialogue(b: Uint8Array, vs: number, ve: number, t: TcapInfo, ctx: DecodeContext): string | undefined {
  let e = readTlv(b, vs, ve);
  if (e || b[vs] !== 0x28) {
    flag(t, e ? 'ber-error' : 'unknown-tag');
    stopTcap(ctx, `dialogue portion: ${e ? berErrorText(e) : 'EXTERNAL expected'}`, e ? berErrOffset : vs);
    return undefined;
  }
  let p = tlv.vs;
  const xe = tlv.ve;
  let uni = false;
  let user: string | undefined;
  while (p < xe) {
    e = readTlv(b, p, xe);
    if (e) {
      flag(t, 'ber-error');
      stopTcap(ctx, `dialogue portion: ${berErrorText(e)}`, berErrOffset);
      return user;
    }
    const id = b[p]!;
    const s = tlv.vs, en = tlv.ve;
    p = tlv.next;
    if (id === 0x06) {
      // 0.0.17.773.1.2.1 (unidialogue-as-id) encodes as 00 11 86 05 01 02 01
      uni = en - s === 7 && b[s] === 0 && b[s + 1] === 0x11 && b[s + 2] === 0x86 && b[s + 3] === 5 && b[s + 4] === 1 && b[s + 5] === 2 && b[s + 6] === 1;
    } else if (id === 0xa0) {
      e = readTlv(b, s, en);
      if (e) {
        flag(t, 'ber-error');
        stopTcap(ctx, `dialogue PDU: ${berErrorText(e)}`, berErrOffset);
        return user;
      }
      const pdu = b[s]!;
      const ps = tlv.vs, pe = tlv.ve;
      switch (pdu) {
        case 0x60: t.dialogue = uni ? 'audt' : 'aarq'; break;
        case 0x61: t.dialogue = 'aare'; break;
        case 0x62: t.dialogue = 'rlrq'; break;
        case 0x63: t.dialogue = 'rlre'; break;
        case 0x64: t.dialogue = 'abrt'; break;
        default:
          flag(t, 'unknown-tag');
          stopTcap(ctx, `dialogue PDU: unknown tag 0x${pdu.toString(16)}`, s);
          return user;
      }
      user = dialoguePdu(b, ps, pe, t, ctx);
    }
  }
  return user;
}

function dialoguePdu(b: Uint8Array, s: number, e: number, t: TcapInfo, ctx: DecodeContext): string | undefined {
  let p = s;
  let user: string | undefined;
  while (p < e) {
    const err = readTlv(b, p, e);
    if (err) {
      flag(t, 'ber-error');
      stopTcap(ctx, `dialogue PDU: ${berErrorText(err)}`, berErrOffset);
      return user;
    }
    const id = b[p]!;
    const vs = tlv.vs, ve = tlv.ve;
    p = tlv.next;
    if (id === 0x80 && t.dialogue === 'abrt') {
      const v = readInt(b, vs, ve);
      t.abortCause = ABRT_SOURCE[v] ?? `abort-source ${v}`;
    } else if (id === 0xa1) {
      // application-context-name [1] { OBJECT IDENTIFIER }
      const e2 = readTlv(b, vs, ve);
      const hit = !e2 && b[vs] === 0x06 ? acnFromBytes(b, tlv.vs, tlv.ve) : undefined;
      if (!hit) {
        flag(t, 'malformed-acn');
        continue;
      }
      t.acn = hit.oid;
      const a = hit.info;
      if (a.name) t.acName = a.name;
      if (a.version !== undefined) t.acVersion = a.version;
      user = a.user;
    } else if (id === 0xbe) {
      userInformation(b, vs, ve, t);
    } else if (id === 0xa2 && t.dialogue === 'aare') {
      const e2 = readTlv(b, vs, ve);
      if (!e2 && b[vs] === 0x02) t.dialogueResult = readInt(b, tlv.vs, tlv.ve);
    } else if (id === 0xa3 && t.dialogue === 'aare') {
      const e2 = readTlv(b, vs, ve);
      if (!e2) {
        const which = b[vs];
        const e3 = readTlv(b, tlv.vs, tlv.ve);
        const v = !e3 ? readInt(b, tlv.vs, tlv.ve) : -1;
        if (which === 0xa1) t.dialogueDiagnostic = `dialogue-service-user: ${DIAG_USER[v] ?? v}`;
        else if (which === 0xa2) t.dialogueDiagnostic = `dialogue-service-provider: ${DIAG_PROV[v] ?? v}`;
      }
    }
  }
  return user;
}

const MAP_DIALOGUE = ['map-open', 'map-accept', 'map-close', 'map-refuse', 'map-userAbortInfo', 'map-providerAbortInfo'];

/** An AddressString of the MAP dialogue: digits, plus the e164 / e212 lists tshark fills. */
function dialogueAddress(b: Uint8Array, vs: number, ve: number, t: TcapInfo): string | undefined {
  if (ve - vs < 2) return undefined;
  const d = tbcd(b, vs + 1, ve);
  const np = b[vs]! & 0x0f;
  if (np === 1 && (b[vs]! & 0x70) === 0x10) t.e164 = append(t.e164, d);
  else if (np === 6) t.imsis = append(t.imsis, d);
  return d;
}

/** user-information [30]: EXTERNAL { 0.4.0.0.1.1.1.1 map-DialogueAS, [0] MAP-DialoguePDU }. */
function userInformation(b: Uint8Array, s: number, e: number, t: TcapInfo): void {
  if (readTlv(b, s, e) || b[s] !== 0x28) return;
  let p = tlv.vs;
  const xe = tlv.ve;
  let mapAs = false;
  while (p < xe) {
    if (readTlv(b, p, xe)) return;
    const id = b[p]!;
    const vs = tlv.vs, ve = tlv.ve;
    p = tlv.next;
    // map-DialogueAS 0.4.0.0.1.1.1.1 encodes as 04 00 00 01 01 01 01 (compared as octets: no OID text per message)
    if (id === 0x06) mapAs = ve - vs === 7 && b[vs] === 4 && b[vs + 1] === 0 && b[vs + 2] === 0 && b[vs + 3] === 1 && b[vs + 4] === 1 && b[vs + 5] === 1 && b[vs + 6] === 1;
    else if (id === 0xa0 && mapAs) {
      if (readTlv(b, vs, ve)) return;
      const k = b[vs]! - 0xa0;
      const ps = tlv.vs, pe = tlv.ve;
      const name = MAP_DIALOGUE[k];
      if (!name) return;
      t.mapDialogue = name;
      let q = ps;
      while (q < pe) {
        if (readTlv(b, q, pe)) return;
        const fid = b[q]!;
        const fs = tlv.vs, fe = tlv.ve;
        q = tlv.next;
        if (k === 0 && fid === 0x80) {
          const d = dialogueAddress(b, fs, fe, t);
          if (d !== undefined) t.destinationReference = d;
        } else if (k === 0 && fid === 0x81) {
          const d = dialogueAddress(b, fs, fe, t);
          if (d !== undefined) t.originatingReference = d;
        } else if (k === 3 && fid === 0x0a) t.mapRefuseReason = readInt(b, fs, fe);
      }
    }
  }
}

interface AcnEntry {
  bytes: Uint8Array;
  oid: string;
  info: AcnInfo;
}
/** ACN cache keyed by a hash of the OID bytes (checked byte for byte): no string building per message. */
const acnCache = new Map<number, AcnEntry>();

function acnFromBytes(b: Uint8Array, s: number, e: number): AcnEntry | undefined {
  let h = e - s;
  for (let i = s; i < e; i++) h = (Math.imul(h, 31) + b[i]!) | 0;
  const c = acnCache.get(h);
  if (c && c.bytes.length === e - s) {
    let same = true;
    for (let i = 0; i < c.bytes.length; i++) if (c.bytes[i] !== b[s + i]) { same = false; break; }
    if (same) return c;
  }
  const oid = readOid(b, s, e);
  if (!oid) return undefined;
  const entry: AcnEntry = { bytes: b.slice(s, e), oid, info: acnInfo(oid) };
  if (acnCache.size < 4096) acnCache.set(h, entry);
  return entry;
}

/** Flags byte-identical components ('duplicate-component') and invokes sharing an invoke id ('duplicate-invoke-id'). */
function duplicates(b: Uint8Array, comps: Comp[], n: number, t: TcapInfo): void {
  for (let i = 1; i < n; i++) {
    const x = comps[i]!;
    for (let j = 0; j < i; j++) {
      const y = comps[j]!;
      if (x.info?.kind === 1 && y.info?.kind === 1 && x.info.invokeId !== undefined && x.info.invokeId === y.info.invokeId) flag(t, 'duplicate-invoke-id');
      const n = x.e - x.s;
      if (n !== y.e - y.s) continue;
      let same = true;
      for (let k = 0; k < n; k++) {
        if (b[x.s + k] !== b[y.s + k]) {
          same = false;
          break;
        }
      }
      if (same) flag(t, 'duplicate-component');
    }
  }
}

/**
 * The components of the message being decoded: COMP_POOL[0 … n-1] (a pool reused from
 * message to message; a Comp never outlives decodeItuTcap, only its `info` does).
 */
const COMP_POOL: Comp[] = [];
// Filled up front: growing it when the first message with more components than any before
// comes (minutes into a capture) read past its end in optimized code, which deoptimized the
// whole TCAP decoder (and what it inlined) for a recompilation.
for (let i = 0; i < 16; i++) COMP_POOL.push({ info: undefined, s: 0, e: 0, ps: -1, pe: -1 });

function takeComp(i: number, info: ComponentInfo | undefined, s: number, e: number): Comp {
  let c = COMP_POOL[i];
  if (c === undefined) {
    c = { info, s, e, ps: -1, pe: -1 };
    COMP_POOL.push(c);
  } else {
    c.info = info;
    c.s = s;
    c.e = e;
    c.ps = -1;
    c.pe = -1;
  }
  return c;
}

/** Component portion (invoke / returnResult / returnError / reject …): fills COMP_POOL, returns the number of components. */
function components(b: Uint8Array, s: number, e: number, t: TcapInfo, ctx: DecodeContext): number {
  let n = 0;
  let p = s;
  while (p < e) {
    const err = readTlv(b, p, e, 0, true);
    if (err) {
      flag(t, 'ber-error');
      stopTcap(ctx, `component ${n}: ${berErrorText(err)}`, berErrOffset);
      break;
    }
    if (tlv.missing) {
      flag(t, 'ber-error');
      stopTcap(ctx, `component ${n}: length exceeds the component portion by ${tlv.missing} byte(s)`, p);
    }
    const id = b[p]!;
    const vs = tlv.vs, ve = tlv.ve;
    const at = p;
    p = tlv.next;
    const k = KIND[id];
    if (!k) {
      flag(t, 'unknown-tag');
      stopTcap(ctx, `component ${n}: unknown component tag 0x${id.toString(16).padStart(2, '0')}`, at);
      takeComp(n++, undefined, at, p);
      continue;
    }
    const info = newComponentInfo(k[0], k[1]);
    const c = takeComp(n++, info, at, p);
    component(b, vs, ve, c, t, ctx);
  }
  return n;
}

function component(b: Uint8Array, s: number, e: number, c: Comp, t: TcapInfo, ctx: DecodeContext): void {
  const info = c.info!;
  let p = s;
  let i = 0;
  while (p < e) {
    const err = readTlv(b, p, e);
    if (err) {
      flag(t, 'ber-error');
      stopTcap(ctx, `${info.kindName}: ${berErrorText(err)}`, berErrOffset);
      return;
    }
    const id = b[p]!;
    const vs = tlv.vs, ve = tlv.ve, next = tlv.next;
    const at = p;
    p = next;
    if (i === 0) {
      i++;
      if (id === 0x02) info.invokeId = readInt(b, vs, ve);
      else if (id !== 0x05 || info.kind !== 4) {
        flag(t, 'unknown-tag');
        stopTcap(ctx, `${info.kindName}: invokeID expected`, at);
      }
      continue;
    }
    switch (info.kind) {
      case 1:
        if (id === 0x80 && info.opcode === undefined && info.globalOpcode === undefined) info.linkedId = readInt(b, vs, ve);
        else if (id === 0x02 && info.opcode === undefined && info.globalOpcode === undefined) info.opcode = readInt(b, vs, ve);
        else if (id === 0x06 && info.opcode === undefined && info.globalOpcode === undefined) info.globalOpcode = readOid(b, vs, ve);
        else if (c.ps < 0) {
          c.ps = at;
          c.pe = next;
        }
        break;
      case 2:
      case 7:
        if (id === 0x30 && c.ps < 0 && info.opcode === undefined) {
          // resultretres SEQUENCE { opCode, parameter }
          let q = vs;
          while (q < ve) {
            if (readTlv(b, q, ve)) {
              flag(t, 'ber-error');
              stopTcap(ctx, `${info.kindName}: ${berErrorText(readTlv(b, q, ve))}`, berErrOffset);
              break;
            }
            const id2 = b[q]!;
            if (id2 === 0x02 && info.opcode === undefined && info.globalOpcode === undefined) info.opcode = readInt(b, tlv.vs, tlv.ve);
            else if (id2 === 0x06 && info.opcode === undefined && info.globalOpcode === undefined) info.globalOpcode = readOid(b, tlv.vs, tlv.ve);
            else if (c.ps < 0) {
              c.ps = q;
              c.pe = tlv.next;
            }
            q = tlv.next;
          }
        } else {
          flag(t, 'unknown-tag');
          stopTcap(ctx, `${info.kindName}: unexpected element 0x${id.toString(16)}`, at);
        }
        break;
      case 3:
        if (id === 0x02 && info.errorCode === undefined && info.globalErrorCode === undefined) info.errorCode = readInt(b, vs, ve);
        else if (id === 0x06 && info.errorCode === undefined && info.globalErrorCode === undefined) info.globalErrorCode = readOid(b, vs, ve);
        else if (c.ps < 0) {
          c.ps = at;
          c.pe = next;
        }
        break;
      case 4:
        if (id >= 0x80 && id <= 0x83) info.problem = `${PROBLEM_KIND[id - 0x80]}: ${readInt(b, vs, ve)}`;
        else {
          flag(t, 'unknown-tag');
          stopTcap(ctx, `reject: unexpected element 0x${id.toString(16)}`, at);
        }
        break;
    }
  }
}
