/**
 * ISUP (ITU-T Q.763): CIC, message type, mandatory fixed / variable parts and
 * the optional part; called, calling, redirecting, original called and
 * connected numbers; REL/CFN cause.
 */
import type { DecodeContext } from '../context.js';
import type { IsupInfo } from '../../model/record.js';

/** Acronyms indexed by message type code (Q.763 Table 4). */
const NAMES: string[] = [];
(
  [
    [1, 'IAM'], [2, 'SAM'], [3, 'INR'], [4, 'INF'], [5, 'COT'], [6, 'ACM'], [7, 'CON'], [8, 'FOT'], [9, 'ANM'],
    [12, 'REL'], [13, 'SUS'], [14, 'RES'], [16, 'RLC'], [17, 'CCR'], [18, 'RSC'], [19, 'BLO'], [20, 'UBL'],
    [21, 'BLA'], [22, 'UBA'], [23, 'GRS'], [24, 'CGB'], [25, 'CGU'], [26, 'CGBA'], [27, 'CGUA'], [31, 'FAR'],
    [32, 'FAA'], [33, 'FRJ'], [36, 'LPA'], [40, 'PAM'], [41, 'GRA'], [42, 'CQM'], [43, 'CQR'], [44, 'CPG'],
    [45, 'USR'], [46, 'UCIC'], [47, 'CFN'], [48, 'OLM'], [49, 'CRG'], [50, 'NRM'], [51, 'FAC'], [52, 'UPT'],
    [53, 'UPA'], [54, 'IDR'], [55, 'IDS'], [56, 'SGM'], [64, 'LPR'], [65, 'APM'], [66, 'PRI'], [67, 'SDN'],
  ] as [number, string][]
).forEach(([k, v]) => (NAMES[k] = v));

export function isupTypeName(t: number): string {
  return NAMES[t] ?? `reserved (${t})`;
}

/**
 * Message layout: [mandatory fixed octets, mandatory variable parameter codes, optional part possible].
 * Unlisted types carry no parameters.
 */
type Layout = readonly [number, readonly number[], boolean];
const L: (Layout | undefined)[] = [];
const P_CALLED = 0x04, P_SUBSEQ = 0x05, P_CALLING = 0x0a, P_REDIRECTING = 0x0b, P_CAUSE = 0x12, P_RANGE = 0x16,
  P_CONNECTED = 0x21, P_ORIG_CALLED = 0x28, P_UUI = 0x20, P_CSI = 0x15;
(
  [
    [1, 5, [P_CALLED], true], [2, 0, [P_SUBSEQ], true], [3, 2, [], true], [4, 2, [], true], [5, 1, [], false],
    [6, 2, [], true], [7, 2, [], true], [8, 0, [], true], [9, 0, [], true], [12, 0, [P_CAUSE], true],
    [13, 1, [], true], [14, 1, [], true], [16, 0, [], true], [23, 0, [P_RANGE], false], [24, 1, [P_RANGE], false],
    [25, 1, [P_RANGE], false], [26, 1, [P_RANGE], false], [27, 1, [P_RANGE], false], [31, 1, [], true],
    [32, 1, [], true], [33, 1, [P_CAUSE], true], [41, 0, [P_RANGE], false], [42, 0, [P_RANGE], false],
    [43, 0, [P_RANGE, P_CSI], false], [44, 1, [], true], [45, 0, [P_UUI], true], [47, 0, [P_CAUSE], true],
    [50, 0, [], true], [51, 0, [], true], [52, 0, [], true], [53, 0, [], true], [54, 0, [], true], [55, 0, [], true],
    [56, 0, [], true], [64, 0, [], true], [65, 0, [], true], [66, 0, [], true], [67, 0, [], true],
  ] as [number, number, number[], boolean][]
).forEach(([t, f, v, o]) => (L[t] = [f, v, o]));
const NO_PARAMS: Layout = [0, [], false];
/** ANSI T1.113 IAM: NCI, FCI, CPC fixed; user service information and called party number variable. */
const ANSI_IAM: Layout = [4, [0x1d, P_CALLED], true];

/** Q.850 cause values. */
const CAUSES: Record<number, string> = {
  1: 'Unallocated (unassigned) number', 2: 'No route to specified transit network', 3: 'No route to destination',
  4: 'Send special information tone', 5: 'Misdialled trunk prefix', 6: 'Channel unacceptable',
  7: 'Call awarded and being delivered in an established channel', 8: 'Preemption', 9: 'Preemption - circuit reserved for reuse',
  14: 'QoR: ported number', 16: 'Normal call clearing', 17: 'User busy', 18: 'No user responding',
  19: 'No answer from user (user alerted)', 20: 'Subscriber absent', 21: 'Call rejected',
  22: 'Number changed', 23: 'Redirection to new destination', 25: 'Exchange routing error',
  26: 'Non-selected user clearing', 27: 'Destination out of order', 28: 'Invalid number format (address incomplete)',
  29: 'Facility rejected', 30: 'Response to STATUS ENQUIRY', 31: 'Normal, unspecified',
  34: 'No circuit/channel available', 38: 'Network out of order', 39: 'Permanent frame mode connection out of service',
  40: 'Permanent frame mode connection operational', 41: 'Temporary failure', 42: 'Switching equipment congestion',
  43: 'Access information discarded', 44: 'Requested circuit/channel not available', 46: 'Precedence call blocked',
  47: 'Resource unavailable, unspecified', 49: 'Quality of service not available', 50: 'Requested facility not subscribed',
  53: 'Outgoing calls barred within CUG', 55: 'Incoming calls barred within CUG', 57: 'Bearer capability not authorized',
  58: 'Bearer capability not presently available', 62: 'Inconsistency in designated outgoing access information and subscriber class',
  63: 'Service or option not available, unspecified', 65: 'Bearer capability not implemented',
  66: 'Channel type not implemented', 69: 'Requested facility not implemented',
  70: 'Only restricted digital information bearer capability is available', 79: 'Service or option not implemented, unspecified',
  81: 'Invalid call reference value', 82: 'Identified channel does not exist',
  83: 'A suspended call exists, but this call identity does not', 84: 'Call identity in use', 85: 'No call suspended',
  86: 'Call having the requested call identity has been cleared', 87: 'User not member of CUG',
  88: 'Incompatible destination', 90: 'Non-existent CUG', 91: 'Invalid transit network selection',
  95: 'Invalid message, unspecified', 96: 'Mandatory information element is missing',
  97: 'Message type non-existent or not implemented', 98: 'Message not compatible with call state or message type non-existent or not implemented',
  99: 'Information element /parameter non-existent or not implemented', 100: 'Invalid information element contents',
  101: 'Message not compatible with call state', 102: 'Recovery on timer expiry',
  103: 'Parameter non-existent or not implemented - passed on', 110: 'Message with unrecognized parameter discarded',
  111: 'Protocol error, unspecified', 127: 'Interworking, unspecified',
};

export function causeName(v: number): string {
  return CAUSES[v] ?? `cause ${v}`;
}

/** Address signals as Wireshark renders ISUP numbers (0-9, then A-F for 10-15, e.g. 'F' for ST). */
const DIGITS = '0123456789ABCDEF';

/**
 * Digits of an ISUP number parameter value (called, calling, redirecting …):
 * `s` is the first octet of the parameter value, `hdr` the number of indicator
 * octets before the digits (2 for most numbers, 1 for the subsequent number).
 * Also usable for CAP/INAP CalledPartyNumber-style fields (ISUP format).
 */
export function isupNumberDigits(d: Uint8Array, s: number, e: number, hdr = 2): string {
  if (e - s <= hdr) return '';
  const odd = (d[s]! & 0x80) !== 0;
  let out = '';
  for (let i = s + hdr; i < e; i++) {
    const v = d[i]!;
    out += DIGITS[v & 15]!;
    if (!(odd && i === e - 1)) out += DIGITS[v >> 4]!;
  }
  return out;
}

export function isup(d: Uint8Array, ctx: DecodeContext): void {
  const rec = ctx.rec;
  const end = d.length;
  if (end < 3) {
    // Not recorded as an ISUP layer: Wireshark reads the CIC and message type before it adds
    // its ISUP item, so a shorter message shows no ISUP at all.
    ctx.stop('isup', end < 2 ? 'truncated CIC' : 'missing message type', end);
    return;
  }
  rec.protos.push('isup');
  // ITU CIC: 12 bits, little-endian (ANSI 14 bits).
  const cic = (d[0]! | (d[1]! << 8)) & (ctx.opts.mtp3Variant === 'ansi' ? 0x3fff : 0x0fff);
  const type = d[2]!;
  const info: IsupInfo = { type, typeName: isupTypeName(type), cic };
  rec.isup = info;
  body(d, 3, ctx, info);
}

/** BICC (Q.1902.4, MTP3 SI 13): a 32-bit CIC, then the ISUP message format. Recorded in rec.isup with bicc = true. */
export function bicc(d: Uint8Array, ctx: DecodeContext): void {
  const rec = ctx.rec;
  const end = d.length;
  if (end < 5) {
    // as ISUP: no BICC layer without the CIC and message type
    ctx.stop('isup', end < 4 ? 'truncated BICC CIC' : 'missing message type', end);
    return;
  }
  rec.protos.push('bicc');
  const cic = (d[0]! | (d[1]! << 8) | (d[2]! << 16) | (d[3]! << 24)) >>> 0;
  const type = d[4]!;
  const info: IsupInfo = { type, typeName: isupTypeName(type), cic, bicc: true };
  rec.isup = info;
  body(d, 5, ctx, info);
}

function body(d: Uint8Array, start: number, ctx: DecodeContext, info: IsupInfo): void {
  const end = d.length;
  const lay = info.type === 1 && ctx.opts.mtp3Variant === 'ansi' ? ANSI_IAM : L[info.type] ?? NO_PARAMS;
  let o = start + lay[0];
  if (o > end) {
    bad(ctx, info, 'truncated mandatory fixed part', end);
    return;
  }
  const vars = lay[1];
  for (let i = 0; i < vars.length; i++) {
    const ptrAt = o + i;
    if (ptrAt >= end) {
      bad(ctx, info, 'truncated pointer', ptrAt);
      return;
    }
    const at = ptrAt + d[ptrAt]!;
    if (d[ptrAt] === 0 || at >= end || at + 1 + d[at]! > end) {
      bad(ctx, info, 'mandatory variable parameter out of range', ptrAt);
      return;
    }
    param(d, vars[i]!, at + 1, at + 1 + d[at]!, info);
  }
  o += vars.length;
  if (!lay[2]) return;
  if (o >= end) {
    bad(ctx, info, 'missing pointer to the optional part', o);
    return;
  }
  const op = d[o]!;
  if (op === 0) return;
  let p = o + op;
  if (p >= end) {
    bad(ctx, info, 'pointer to the optional part beyond the message', o);
    return;
  }
  while (p < end) {
    const code = d[p]!;
    if (code === 0) return;
    if (p + 2 > end || p + 2 + d[p + 1]! > end) {
      bad(ctx, info, `optional parameter ${code} exceeds message`, p);
      return;
    }
    param(d, code, p + 2, p + 2 + d[p + 1]!, info);
    p += 2 + d[p + 1]!;
  }
  ctx.stop('isup', 'optional part without end-of-optional-parameters octet', p);
}

function bad(ctx: DecodeContext, info: IsupInfo, reason: string, offset: number): void {
  info.malformed = reason;
  ctx.stop('isup', reason, offset);
}

function param(d: Uint8Array, code: number, s: number, e: number, info: IsupInfo): void {
  switch (code) {
    case P_CALLED:
      if (e - s >= 2) {
        info.calledNai = d[s]! & 0x7f;
        info.called = isupNumberDigits(d, s, e);
      }
      break;
    case P_CALLING:
      if (e - s >= 2) {
        info.callingNai = d[s]! & 0x7f;
        info.callingPresentation = (d[s + 1]! >> 2) & 3;
        info.calling = isupNumberDigits(d, s, e);
      }
      break;
    case P_REDIRECTING:
      if (e - s >= 2) info.redirecting = isupNumberDigits(d, s, e);
      break;
    case P_ORIG_CALLED:
      if (e - s >= 2) info.originalCalled = isupNumberDigits(d, s, e);
      break;
    case P_CONNECTED:
      if (e - s >= 2) info.connected = isupNumberDigits(d, s, e);
      break;
    case P_CAUSE:
      if (e - s >= 2) {
        info.causeLocation = d[s]! & 0x7f;
        // Skip the optional recommendation octet (ext bit 0 in the first octet).
        const vo = d[s]! & 0x80 ? s + 1 : s + 2;
        if (vo < e) {
          info.causeValue = d[vo]! & 0x7f;
          info.causeName = causeName(info.causeValue);
        }
      }
      break;
  }
}
