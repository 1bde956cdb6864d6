/** M3UA (RFC 4666) messages: DATA with Protocol Data, and the ASP state-maintenance set-up. */
import { cat, u16, u32 } from './bytes.js';

function param(tag: number, value: Uint8Array | number[]): Uint8Array {
  const len = 4 + value.length;
  const pad = (4 - (len & 3)) & 3;
  return cat(u16(tag), u16(len), value, new Array<number>(pad).fill(0));
}

function msg(cls: number, type: number, params: Uint8Array[]): Uint8Array {
  let n = 8;
  for (const p of params) n += p.length;
  const out = new Uint8Array(n);
  out.set([1, 0, cls, type, ...u32(n)], 0);
  let o = 8;
  for (const p of params) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export interface M3uaData {
  opc: number;
  dpc: number;
  /** Service indicator: 3 SCCP, 5 ISUP. */
  si: number;
  /** Network indicator: 0 international, 2 national. */
  ni: number;
  mp: number;
  sls: number;
  routingContext?: number;
  networkAppearance?: number;
}

/** M3UA DATA (class 1 type 1) carrying `userData` in a Protocol Data parameter (0x0210). */
export function m3uaData(d: M3uaData, userData: Uint8Array): Uint8Array {
  // Written in place: header, [Network Appearance], [Routing Context], Protocol Data (OPC, DPC, SI, NI, MP, SLS, user data), padding.
  const pdLen = 4 + 12 + userData.length;
  const pad = (4 - (pdLen & 3)) & 3;
  const pre = (d.networkAppearance !== undefined ? 8 : 0) + (d.routingContext !== undefined ? 8 : 0);
  const total = 8 + pre + pdLen + pad;
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  out[0] = 1;
  out[2] = 1;
  out[3] = 1;
  dv.setUint32(4, total);
  let o = 8;
  if (d.networkAppearance !== undefined) {
    dv.setUint32(o, 0x02000008);
    dv.setUint32(o + 4, d.networkAppearance);
    o += 8;
  }
  if (d.routingContext !== undefined) {
    dv.setUint32(o, 0x00060008);
    dv.setUint32(o + 4, d.routingContext);
    o += 8;
  }
  dv.setUint16(o, 0x0210);
  dv.setUint16(o + 2, pdLen);
  dv.setUint32(o + 4, d.opc);
  dv.setUint32(o + 8, d.dpc);
  out[o + 12] = d.si;
  out[o + 13] = d.ni;
  out[o + 14] = d.mp;
  out[o + 15] = d.sls & 255;
  out.set(userData, o + 16);
  return out;
}

/** ASP Up (ASPSM class 3 type 1). */
export function m3uaAspUp(): Uint8Array {
  return msg(3, 1, []);
}
/** ASP Up Ack (class 3 type 4). */
export function m3uaAspUpAck(): Uint8Array {
  return msg(3, 4, []);
}
/** ASP Active (ASPTM class 4 type 1), traffic mode loadshare (2). */
export function m3uaAspAc(rc: number): Uint8Array {
  return msg(4, 1, [param(0x000b, u32(2)), param(0x0006, u32(rc))]);
}
/** ASP Active Ack (class 4 type 3). */
export function m3uaAspAcAck(rc: number): Uint8Array {
  return msg(4, 3, [param(0x000b, u32(2)), param(0x0006, u32(rc))]);
}
/** Notify (MGMT class 0 type 1): AS-Active. */
export function m3uaNotifyAsActive(rc: number): Uint8Array {
  return msg(0, 1, [param(0x000d, [0, 1, 0, 3]), param(0x0006, u32(rc))]);
}
