/** M2UA (RFC 3331) and M2PA (RFC 4165): MTP2-level adaptation layers carrying MTP3. */
import type { DecodeContext } from '../context.js';
import type { M2uaInfo, M2paInfo } from '../../model/record.js';
import { mtp3 } from './mtp.js';
import { u16, u32, paramInt, paramText, setParam, hex } from './util.js';

const M2UA_TYPES: (string[] | undefined)[] = [
  ['ERR', 'NTFY', 'TEI_STATUS_REQ', 'TEI_STATUS_CFM', 'TEI_STATUS_IND'],
  undefined, undefined,
  ['', 'ASPUP', 'ASPDN', 'BEAT', 'ASPUP_ACK', 'ASPDN_ACK', 'BEAT_ACK'],
  ['', 'ASPAC', 'ASPIA', 'ASPAC_ACK', 'ASPIA_ACK'],
  undefined,
  ['', 'DATA', 'EST_REQ', 'EST_CFM', 'REL_REQ', 'REL_CFM', 'REL_IND', 'STATE_REQ', 'STATE_CFM', 'STATE_IND',
    'DATA_RETR_REQ', 'DATA_RETR_CFM', 'DATA_RETR_IND', 'DATA_RETR_COMPL_IND', 'CONG_IND', 'DATA_ACK'],
  undefined, undefined, undefined,
  ['', 'REG_REQ', 'REG_RSP', 'DEREG_REQ', 'DEREG_RSP'],
];

const M2UA_PARAMS = new Map<number, [string, 0 | 1 | 2]>([
  // [key, kind]: 0 integer, 1 text, 2 hex
  [0x0003, ['interfaceIdText', 1]],
  [0x0004, ['infoString', 1]],
  [0x0007, ['diagnostic', 2]],
  [0x0008, ['interfaceIdRange', 2]],
  [0x0009, ['heartbeat', 2]],
  [0x000b, ['trafficModeType', 0]],
  [0x000c, ['errorCode', 0]],
  [0x000d, ['status', 0]],
  [0x0011, ['aspId', 0]],
  [0x0302, ['stateRequest', 0]],
  [0x0303, ['stateEvent', 0]],
  [0x0304, ['congestionStatus', 0]],
  [0x0305, ['discardStatus', 0]],
  [0x0306, ['action', 0]],
  [0x0307, ['sequenceNumber', 0]],
  [0x0308, ['retrievalResult', 0]],
  [0x0309, ['linkKey', 2]],
  [0x030a, ['localLkId', 0]],
  [0x030b, ['sdtId', 0]],
  [0x030c, ['sdlId', 0]],
  [0x030d, ['registrationResult', 2]],
  [0x030e, ['registrationStatus', 0]],
  [0x030f, ['deregistrationResult', 2]],
  [0x0310, ['deregistrationStatus', 0]],
  [0x0311, ['correlationId', 0]],
]);

export function m2ua(d: Uint8Array, ctx: DecodeContext): void {
  const rec = ctx.rec;
  rec.protos.push('m2ua');
  if (d.length < 8) {
    ctx.stop('m2ua', 'truncated common header', d.length);
    return;
  }
  const cls = d[2]!, type = d[3]!;
  const info: M2uaInfo = { version: d[0]!, cls, type, typeName: M2UA_TYPES[cls]?.[type] || `class ${cls} type ${type}` };
  rec.m2ua = info;
  const mlen = u32(d, 4);
  if (mlen < 8) {
    ctx.stop('m2ua', `message length ${mlen} below header size`, 4);
    return;
  }
  const truncated = mlen > d.length;
  const end = truncated ? d.length : mlen;
  let pdStart = -1, pdEnd = -1;
  let off = 8;
  while (off < end) {
    if (off + 4 > end) {
      ctx.stop('m2ua', 'truncated parameter header', off);
      return;
    }
    const tag = u16(d, off), len = u16(d, off + 2);
    if (len < 4 || off + len > end) {
      ctx.stop('m2ua', `parameter 0x${tag.toString(16)} length ${len} invalid`, off);
      return;
    }
    const vs = off + 4, ve = off + len;
    if (tag === 0x0001) info.interfaceId = paramInt(d, vs, ve);
    else if (tag === 0x0300 || tag === 0x0301) {
      // Protocol Data 1 (MTP3 MSU) / Protocol Data 2 (TTC: priority octet first).
      pdStart = tag === 0x0301 ? vs + 1 : vs;
      pdEnd = ve;
    } else {
      const def = M2UA_PARAMS.get(tag);
      const p = (info.params ??= {});
      if (!def) setParam(p, `tag_0x${tag.toString(16).padStart(4, '0')}`, hex(d, vs, ve));
      else setParam(p, def[0], def[1] === 0 ? paramInt(d, vs, ve) : def[1] === 1 ? paramText(d, vs, ve) : hex(d, vs, ve));
    }
    off += (len + 3) & ~3;
  }
  if (truncated) {
    ctx.stop('m2ua', `message length ${mlen} exceeds the ${d.length} octets present`, d.length);
    return;
  }
  if (pdStart >= 0 && pdEnd > pdStart) mtp3(d.subarray(pdStart, pdEnd), ctx);
}

const M2PA_LINK_STATUS = ['', 'Alignment', 'Proving Normal', 'Proving Emergency', 'Ready', 'Processor Outage',
  'Processor Recovered', 'Busy', 'Busy Ended', 'Out of Service'];

/** M2PA: common header, BSN/FSN, then User Data (priority octet + MTP3) or Link Status. */
export function m2pa(d: Uint8Array, ctx: DecodeContext): void {
  const rec = ctx.rec;
  rec.protos.push('m2pa');
  if (d.length < 16) {
    ctx.stop('m2pa', 'truncated M2PA header', d.length);
    return;
  }
  const cls = d[2]!, type = d[3]!;
  const info: M2paInfo = {
    version: d[0]!, cls, type,
    typeName: cls === 11 ? (type === 1 ? 'User Data' : type === 2 ? 'Link Status' : `type ${type}`) : `class ${cls} type ${type}`,
    bsn: (d[9]! << 16) | (d[10]! << 8) | d[11]!,
    fsn: (d[13]! << 16) | (d[14]! << 8) | d[15]!,
  };
  rec.m2pa = info;
  const mlen = u32(d, 4);
  if (mlen < 16) {
    ctx.stop('m2pa', `message length ${mlen} below header size`, 4);
    return;
  }
  const truncated = mlen > d.length;
  const end = truncated ? d.length : mlen;
  if (truncated) ctx.stop('m2pa', `message length ${mlen} exceeds the ${d.length} octets present`, d.length);
  if (cls !== 11) return;
  if (type === 2) {
    if (end < 20) {
      ctx.stop('m2pa', 'truncated link status', end);
      return;
    }
    const st = u32(d, 16);
    info.linkStatus = st;
    info.linkStatusName = M2PA_LINK_STATUS[st] || `status ${st}`;
    return;
  }
  if (type === 1 && end > 16) {
    info.priority = d[16]! >> 6;
    if (!truncated && end > 17) mtp3(d.subarray(17, end), ctx);
  }
}
