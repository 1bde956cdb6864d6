/**
 * M3UA (RFC 4666, and the old draft-ietf-sigtran-m3ua-06 parameter tags).
 *
 * DATA: the Protocol Data parameter gives OPC/DPC/SI/NI/MP/SLS, mirrored into
 * rec.mtp3 as Wireshark does (without an 'mtp3' protocol entry), then the user
 * part goes to the `mtp3.si` table. Draft-6 DATA carries a whole MTP3 MSU
 * (SIO + routing label) in Protocol Data 1/2 and is handed to the MTP3 decoder.
 */
import type { DecodeContext } from '../context.js';
import { newM3uaInfo } from '../shapes.js';
import { mtp3 } from './mtp.js';
import { u16, u32, paramInt, paramText, paramPcList, setParam, hex } from './util.js';

/** Acronyms indexed by class then type (Wireshark's acronym table). */
const TYPE_NAMES: (string[] | undefined)[] = [
  ['ERR', 'NTFY'],
  ['', 'DATA'],
  ['', 'DUNA', 'DAVA', 'DAUD', 'SCON', 'DUPU', 'DRST'],
  ['', 'ASPUP', 'ASPDN', 'BEAT', 'ASPUP_ACK', 'ASPDN_ACK', 'BEAT_ACK'],
  ['', 'ASPAC', 'ASPIA', 'ASPAC_ACK', 'ASPIA_ACK'],
  undefined, undefined, undefined, undefined,
  ['', 'REG_REQ', 'REG_RSP', 'DEREG_REQ', 'DEREG_RSP'],
];

export function m3uaTypeName(cls: number, type: number): string {
  return TYPE_NAMES[cls]?.[type] || `class ${cls} type ${type}`;
}

/** RFC 4666 §3.8.1 error codes. */
const ERROR_NAMES: Record<number, string> = {
  0x01: 'Invalid Version', 0x03: 'Unsupported Message Class', 0x04: 'Unsupported Message Type',
  0x05: 'Unsupported Traffic Mode Type', 0x06: 'Unexpected Message', 0x07: 'Protocol Error',
  0x09: 'Invalid Stream Identifier', 0x0d: 'Refused - Management Blocking', 0x0e: 'ASP Identifier Required',
  0x0f: 'Invalid ASP Identifier', 0x11: 'Invalid Parameter Value', 0x12: 'Parameter Field Error',
  0x13: 'Unexpected Parameter', 0x14: 'Destination Status Unknown', 0x15: 'Invalid Network Appearance',
  0x16: 'Missing Parameter', 0x19: 'Invalid Routing Context', 0x1a: 'No Configured AS for ASP',
};

/** RFC 4666 parameter tags → params key (values decoded by kind). */
const enum K { Int, Text, Hex, PcList, IntList, Nested }
interface ParamDef { key: string; kind: K }
const RFC_PARAMS = new Map<number, ParamDef>([
  [0x0004, { key: 'infoString', kind: K.Text }],
  [0x0007, { key: 'diagnostic', kind: K.Hex }],
  [0x0009, { key: 'heartbeat', kind: K.Hex }],
  [0x000b, { key: 'trafficModeType', kind: K.Int }],
  [0x000c, { key: 'errorCode', kind: K.Int }],
  [0x000d, { key: 'status', kind: K.Int }],
  [0x0011, { key: 'aspId', kind: K.Int }],
  [0x0012, { key: 'affectedPc', kind: K.PcList }],
  [0x0013, { key: 'correlationId', kind: K.Int }],
  [0x0204, { key: 'userCause', kind: K.Int }],
  [0x0205, { key: 'congestionLevel', kind: K.Int }],
  [0x0206, { key: 'concernedDpc', kind: K.Int }],
  [0x0207, { key: 'routingKey', kind: K.Nested }],
  [0x0208, { key: 'registrationResult', kind: K.Nested }],
  [0x0209, { key: 'deregistrationResult', kind: K.Nested }],
  [0x020a, { key: 'localRkId', kind: K.Int }],
  [0x020b, { key: 'dpc', kind: K.PcList }],
  [0x020c, { key: 'si', kind: K.IntList }],
  [0x020e, { key: 'opcList', kind: K.PcList }],
  [0x020f, { key: 'cicRange', kind: K.Hex }],
  [0x0212, { key: 'registrationStatus', kind: K.Int }],
  [0x0213, { key: 'deregistrationStatus', kind: K.Int }],
]);
/** draft-ietf-sigtran-m3ua-06 tags. */
const DRAFT_PARAMS = new Map<number, ParamDef>([
  [4, { key: 'infoString', kind: K.Text }],
  [5, { key: 'affectedPc', kind: K.PcList }],
  [7, { key: 'diagnostic', kind: K.Hex }],
  [8, { key: 'heartbeat', kind: K.Hex }],
  [9, { key: 'userCause', kind: K.Int }],
  [10, { key: 'reason', kind: K.Int }],
  [11, { key: 'trafficModeType', kind: K.Int }],
  [12, { key: 'errorCode', kind: K.Int }],
  [13, { key: 'status', kind: K.Int }],
  [14, { key: 'congestionLevel', kind: K.Int }],
  [15, { key: 'concernedDpc', kind: K.Int }],
  [16, { key: 'routingKey', kind: K.Nested }],
  [17, { key: 'registrationResult', kind: K.Nested }],
  [18, { key: 'deregistrationResult', kind: K.Nested }],
  [19, { key: 'localRkId', kind: K.Int }],
]);

const TAG_RC = 0x0006, TAG_NA_RFC = 0x0200, TAG_PD_RFC = 0x0210;
const TAG_NA_DRAFT = 1, TAG_PD1_DRAFT = 2, TAG_PD2_DRAFT = 3;

interface M3uaState {
  /** Capture-wide encoding decided from the first message with telling tags: 0 undecided, 1 RFC, 2 draft-6. */
  mode: 0 | 1 | 2;
}
const makeState = (): M3uaState => ({ mode: 0 });

/**
 * Looks at a message's parameter tags: 1 = only RFC 4666 tags can explain them,
 * 2 = draft-6 tags, 0 = undecidable (tags common to both, or a broken walk).
 */
function tagEvidence(d: Uint8Array, s: number, end: number): 0 | 1 | 2 {
  let off = s + 8, rfc = false, draft = false;
  while (off + 4 <= end) {
    const tag = u16(d, off), len = u16(d, off + 2);
    if (len < 4 || off + len > end) return 0;
    if (tag >= 0x0200 || tag === 0x11 || tag === 0x12 || tag === 0x13) rfc = true;
    else if (tag === 1 || tag === 2 || tag === 3 || tag === 5 || tag === 8 || tag === 10 || (tag >= 14 && tag <= 16)) draft = true;
    off += (len + 3) & ~3;
  }
  if (rfc === draft) return 0;
  return rfc ? 1 : 2;
}

export function m3ua(d: Uint8Array, ctx: DecodeContext): void {
  m3uaAt(d, 0, d.length, ctx);
}

/**
 * m3ua on d[s, e) (the form the pipeline dispatches SCTP payloads to: no view per
 * message). Offsets are absolute in `d`; stop offsets are relative to `s`.
 */
export function m3uaAt(d: Uint8Array, s: number, e: number, ctx: DecodeContext): void {
  const rec = ctx.rec;
  rec.protos.push('m3ua');
  if (e - s < 8) {
    ctx.stop('m3ua', 'truncated common header', e - s);
    return;
  }
  const cls = d[s + 2]!, type = d[s + 3]!;
  const info = newM3uaInfo(d[s]!, cls, type, m3uaTypeName(cls, type));
  rec.m3ua = info;
  const mlen = u32(d, s + 4);
  if (mlen < 8) {
    ctx.stop('m3ua', `message length ${mlen} below header size`, 4);
    return;
  }
  let end = e;
  let truncated = false;
  if (mlen <= e - s) end = s + mlen;
  else truncated = true;

  let draft: boolean;
  const v = ctx.opts.m3uaVersion;
  if (v === 'draft6') draft = true;
  else if (v === 'rfc4666') draft = false;
  else {
    const st = ctx.state.get('m3ua', makeState);
    if (st.mode === 0) st.mode = tagEvidence(d, s, end);
    draft = st.mode === 2;
  }
  if (draft) info.draft = true;

  const defs = draft ? DRAFT_PARAMS : RFC_PARAMS;
  const tagNa = draft ? TAG_NA_DRAFT : TAG_NA_RFC;
  let pdStart = -1, pdEnd = -1, pdKind = 0;
  let off = s + 8;
  while (off < end) {
    if (off + 4 > end) {
      ctx.stop('m3ua', 'truncated parameter header', off - s);
      return;
    }
    const tag = u16(d, off), len = u16(d, off + 2);
    if (len < 4) {
      ctx.stop('m3ua', `parameter 0x${tag.toString(16)} length ${len} too short`, off + 2 - s);
      return;
    }
    if (off + len > end) {
      ctx.stop('m3ua', `parameter 0x${tag.toString(16)} exceeds message`, off - s);
      return;
    }
    const vs = off + 4, ve = off + len;
    if (tag === TAG_RC) {
      // exact-size list (usually one context): push() onto [] would reserve 16 slots
      const n = (ve - vs) >> 2;
      const rc: number[] = n === 1 ? [u32(d, vs)] : new Array<number>(n).fill(0);
      if (n !== 1) for (let i = 0; i < n; i++) rc[i] = u32(d, vs + 4 * i);
      info.routingContext = rc;
    } else if (tag === tagNa) {
      if (ve - vs >= 4) info.networkAppearance = u32(d, vs);
    } else if (!draft && tag === TAG_PD_RFC) {
      if (ve - vs < 12) {
        ctx.stop('m3ua', 'protocol data shorter than 12 octets', off - s);
        return;
      }
      pdStart = vs;
      pdEnd = ve;
      pdKind = 1;
    } else if (draft && (tag === TAG_PD1_DRAFT || tag === TAG_PD2_DRAFT)) {
      pdStart = tag === TAG_PD2_DRAFT ? vs + 1 : vs;
      pdEnd = ve;
      pdKind = 2;
    } else {
      const def = defs.get(tag);
      const p = (info.params ??= {});
      if (!def) setParam(p, `tag_0x${tag.toString(16).padStart(4, '0')}`, hex(d, vs, ve));
      else decodeParam(d, vs, ve, def, p, draft);
    }
    off += (len + 3) & ~3;
  }
  if (info.params?.errorCode !== undefined) {
    const n = ERROR_NAMES[info.params.errorCode as number];
    if (n) info.params.errorName = n;
  }
  if (truncated) ctx.stop('m3ua', `message length ${mlen} exceeds the ${e - s} octets present`, e - s);
  if (pdKind === 1) {
    const opc = u32(d, pdStart), dpc = u32(d, pdStart + 4);
    const si = d[pdStart + 8]!, ni = d[pdStart + 9]!, mp = d[pdStart + 10]!, sls = d[pdStart + 11]!;
    info.opc = opc;
    info.dpc = dpc;
    info.si = si;
    info.ni = ni;
    info.mp = mp;
    info.sls = sls;
    rec.mtp3 = { variant: ctx.opts.mtp3Variant, si, ni, opc, dpc, sls };
    if (truncated) return;
    ctx.dispatchRange('mtp3.si', si, d, pdStart + 12, pdEnd);
  } else if (pdKind === 2) {
    if (truncated) return;
    mtp3(d.subarray(pdStart, pdEnd), ctx);
  }
}

function decodeParam(d: Uint8Array, vs: number, ve: number, def: ParamDef, p: Record<string, string | number | number[]>, draft: boolean): void {
  switch (def.kind) {
    case K.Int:
      setParam(p, def.key, paramInt(d, vs, ve));
      break;
    case K.Text:
      setParam(p, def.key, paramText(d, vs, ve));
      break;
    case K.Hex:
      setParam(p, def.key, hex(d, vs, ve));
      break;
    case K.PcList:
      setParam(p, def.key, paramPcList(d, vs, ve));
      break;
    case K.IntList: {
      const l: number[] = [];
      for (let o = vs; o < ve; o++) if (d[o]) l.push(d[o]!);
      setParam(p, def.key, l);
      break;
    }
    case K.Nested: {
      // Routing key / registration results: the same TLV format, flattened with a prefix.
      const defs = draft ? DRAFT_PARAMS : RFC_PARAMS;
      let o = vs;
      while (o + 4 <= ve) {
        const tag = u16(d, o), len = u16(d, o + 2);
        if (len < 4 || o + len > ve) break;
        const sub = defs.get(tag);
        if (tag === TAG_RC) setParam(p, `${def.key}.routingContext`, paramInt(d, o + 4, o + len));
        else if (tag === (draft ? TAG_NA_DRAFT : TAG_NA_RFC)) setParam(p, `${def.key}.networkAppearance`, paramInt(d, o + 4, o + len));
        else if (sub && sub.kind !== K.Nested) decodeParam(d, o + 4, o + len, { key: `${def.key}.${sub.key}`, kind: sub.kind }, p, draft);
        else setParam(p, `${def.key}.tag_0x${tag.toString(16).padStart(4, '0')}`, hex(d, o + 4, o + len));
        o += (len + 3) & ~3;
      }
      break;
    }
  }
}
