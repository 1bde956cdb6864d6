/**
 * SUA (RFC 3868). CLDT/CLDR become an SCCP-equivalent record (rec.sccp with
 * via = 'sua', UDT/UDTS type codes) built from the SUA source/destination
 * addresses, and the Data parameter is dispatched on `sccp.ssn` like SCCP
 * user data. Other classes are named and their parameters recorded.
 */
import type { DecodeContext } from '../context.js';
import type { SccpAddress, SccpInfo, SuaInfo } from '../../model/record.js';
import { u16, u32, paramInt, paramText, paramPcList, setParam, hex } from './util.js';
import { dispatchUser } from './sccp.js';

const TYPES: (string[] | undefined)[] = [
  ['ERR', 'NTFY'],
  undefined,
  ['', 'DUNA', 'DAVA', 'DAUD', 'SCON', 'DUPU', 'DRST'],
  ['', 'ASPUP', 'ASPDN', 'BEAT', 'ASPUP_ACK', 'ASPDN_ACK', 'BEAT_ACK'],
  ['', 'ASPAC', 'ASPIA', 'ASPAC_ACK', 'ASPIA_ACK'],
  undefined, undefined,
  ['', 'CLDT', 'CLDR'],
  ['', 'CORE', 'COAK', 'COREF', 'RELRE', 'RELCO', 'RESCO', 'RESRE', 'CODT', 'CODA', 'COERR', 'COIT'],
  ['', 'REG_REQ', 'REG_RSP', 'DEREG_REQ', 'DEREG_RSP'],
];

const PARAMS = new Map<number, [string, 0 | 1 | 2 | 3]>([
  // kind: 0 integer, 1 text, 2 hex, 3 point-code list
  [0x0004, ['infoString', 1]], [0x0007, ['diagnostic', 2]], [0x0009, ['heartbeat', 2]],
  [0x000b, ['trafficModeType', 0]], [0x000c, ['errorCode', 0]], [0x000d, ['status', 0]],
  [0x0011, ['aspId', 0]], [0x0012, ['affectedPc', 3]], [0x0013, ['correlationId', 0]],
  [0x0104, ['sourceRef', 0]], [0x0105, ['destinationRef', 0]], [0x0106, ['sccpCause', 0]],
  [0x0107, ['sequenceNumber', 0]], [0x0108, ['receiveSequenceNumber', 0]], [0x0109, ['aspCapabilities', 2]],
  [0x010a, ['credit', 0]], [0x010c, ['userCause', 0]], [0x010d, ['networkAppearance', 0]],
  [0x010e, ['routingKey', 2]], [0x010f, ['drnLabel', 2]], [0x0110, ['tidLabel', 2]],
  [0x0111, ['addressRange', 2]], [0x0112, ['smi', 0]], [0x0113, ['importance', 0]],
  [0x0114, ['messagePriority', 0]], [0x0116, ['sequenceControl', 0]], [0x0117, ['segmentation', 2]],
  [0x0118, ['congestionLevel', 0]],
]);

/** SUA address parameter (RFC 3868 §3.10.2): routing indicator, address indicator, then GT / PC / SSN sub-parameters. */
function suaAddress(d: Uint8Array, s: number, e: number): SccpAddress {
  const a: SccpAddress = { routeOnSsn: e - s >= 2 && u16(d, s) !== 1 };
  let o = s + 4;
  while (o + 4 <= e) {
    const tag = u16(d, o), len = u16(d, o + 2);
    if (len < 4 || o + len > e) break;
    const vs = o + 4, ve = o + len;
    if (tag === 0x8002 && ve - vs >= 4) a.pc = u32(d, vs) & 0xffffff;
    else if (tag === 0x8003 && ve - vs >= 4) a.ssn = d[vs + 3]!;
    else if (tag === 0x8001 && ve - vs >= 8) {
      a.gti = d[vs + 3]! & 15;
      const n = d[vs + 4]!;
      a.tt = d[vs + 5]!;
      a.np = d[vs + 6]!;
      a.nai = d[vs + 7]!;
      let digits = '';
      for (let i = 0; i < n && vs + 8 + (i >> 1) < ve; i++) {
        const v = d[vs + 8 + (i >> 1)]!;
        digits += '0123456789ABCDEF'[i & 1 ? v >> 4 : v & 15]!;
      }
      a.digits = digits;
    }
    o += (len + 3) & ~3;
  }
  return a;
}

export function sua(d: Uint8Array, ctx: DecodeContext): void {
  const rec = ctx.rec;
  rec.protos.push('sua');
  if (d.length < 8) {
    ctx.stop('sua', 'truncated common header', d.length);
    return;
  }
  const cls = d[2]!, type = d[3]!;
  const info: SuaInfo = { version: d[0]!, cls, type, typeName: TYPES[cls]?.[type] || `class ${cls} type ${type}` };
  rec.sua = info;
  const mlen = u32(d, 4);
  if (mlen < 8) {
    ctx.stop('sua', `message length ${mlen} below header size`, 4);
    return;
  }
  const truncated = mlen > d.length;
  const end = truncated ? d.length : mlen;
  const cl = cls === 7 && (type === 1 || type === 2);
  let src: SccpAddress | undefined, dst: SccpAddress | undefined;
  let dataS = -1, dataE = -1, pclass = -1;
  let off = 8;
  while (off < end) {
    if (off + 4 > end) {
      ctx.stop('sua', 'truncated parameter header', off);
      return;
    }
    const tag = u16(d, off), len = u16(d, off + 2);
    if (len < 4 || off + len > end) {
      ctx.stop('sua', `parameter 0x${tag.toString(16)} length ${len} invalid`, off);
      return;
    }
    const vs = off + 4, ve = off + len;
    if (tag === 0x0006) {
      const rc: number[] = [];
      for (let o = vs; o + 4 <= ve; o += 4) rc.push(u32(d, o));
      info.routingContext = rc;
    } else if (tag === 0x0102) src = suaAddress(d, vs, ve);
    else if (tag === 0x0103) dst = suaAddress(d, vs, ve);
    else if (tag === 0x010b) {
      dataS = vs;
      dataE = ve;
    } else if (tag === 0x0115 && ve - vs >= 4) {
      pclass = d[ve - 1]!;
      info.protocolClass = pclass & 3;
    }
    else if (tag === 0x0101 && ve - vs >= 4) info.hopCounter = d[ve - 1]!;
    else {
      const def = PARAMS.get(tag);
      const p = (info.params ??= {});
      if (!def) setParam(p, `tag_0x${tag.toString(16).padStart(4, '0')}`, hex(d, vs, ve));
      else setParam(p, def[0], def[1] === 0 ? paramInt(d, vs, ve) : def[1] === 1 ? paramText(d, vs, ve) : def[1] === 2 ? hex(d, vs, ve) : paramPcList(d, vs, ve));
    }
    off += (len + 3) & ~3;
  }
  if (truncated) ctx.stop('sua', `message length ${mlen} exceeds the ${d.length} octets present`, d.length);
  if (!cl) return;
  const s: SccpInfo = {
    type: type === 1 ? 0x09 : 0x0a,
    typeName: type === 1 ? 'UDT' : 'UDTS',
    called: dst ?? { routeOnSsn: false },
    calling: src ?? { routeOnSsn: false },
    via: 'sua',
  };
  if (pclass >= 0) {
    s.protocolClass = pclass & 3;
    s.returnOnError = (pclass & 0x80) !== 0;
  }
  if (info.hopCounter !== undefined) s.hopCounter = info.hopCounter;
  if (type === 2 && typeof info.params?.sccpCause === 'number') s.returnCause = info.params.sccpCause & 0xff;
  rec.sccp = s;
  if (dataS < 0 || truncated) return;
  s.dataLength = dataE - dataS;
  dispatchUser(ctx, s.called.ssn, s.calling.ssn, d, dataS, dataE);
}
