/** Diameter base (RFC 6733) and S6a/S6d (3GPP TS 29.272) messages. */
import { catList, u32, utf8 } from './bytes.js';
import { encodeTbcd } from '../decoder/util/digits.js';

export const VENDOR_3GPP = 10415;
export const APP_S6A = 16777251;

export const DiaCmd = { CER: 257, ULR: 316, CLR: 317, AIR: 318, IDR: 319, DSR: 320, PUR: 321, NOR: 323 } as const;

export const Avp = {
  UserName: 1,
  HostIpAddress: 257,
  AuthApplicationId: 258,
  VendorSpecificApplicationId: 260,
  SessionId: 263,
  OriginHost: 264,
  SupportedVendorId: 265,
  VendorId: 266,
  ResultCode: 268,
  ProductName: 269,
  AuthSessionState: 277,
  DestinationRealm: 283,
  DestinationHost: 293,
  OriginRealm: 296,
  ExperimentalResult: 297,
  ExperimentalResultCode: 298,
  // 3GPP
  Msisdn: 701,
  RatType: 1032,
  SubscriptionData: 1400,
  UlrFlags: 1405,
  UlaFlags: 1406,
  VisitedPlmnId: 1407,
  RequestedEutranAuthInfo: 1408,
  NumberOfRequestedVectors: 1410,
  ImmediateResponsePreferred: 1412,
  AuthenticationInfo: 1413,
  EutranVector: 1414,
  SubscriberStatus: 1424,
  CancellationType: 1420,
  DsrFlags: 1421,
  NorFlags: 1443,
  Rand: 1447,
  Xres: 1448,
  Autn: 1449,
  Kasme: 1450,
  IdrFlags: 1490,
  EpsLocationInformation: 1496,
  PurFlags: 1635,
  MmeLocationInformation: 1600,
  EutranCellGlobalIdentity: 1602,
  TrackingAreaIdentity: 1603,
  AgeOfLocationInformation: 1611,
  IdaFlags: 1441,
  PuaFlags: 1442,
} as const;

export interface AvpSpec {
  code: number;
  vendor?: number;
  /** Mandatory bit (default true). */
  m?: boolean;
  data: Uint8Array | AvpSpec[];
}

export function avpBytes(a: AvpSpec): Uint8Array {
  const data = Array.isArray(a.data) ? catList(a.data.map(avpBytes)) : a.data;
  const hl = a.vendor !== undefined ? 12 : 8;
  const len = hl + data.length;
  const pad = (4 - (len & 3)) & 3;
  const out = new Uint8Array(len + pad);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, a.code);
  dv.setUint32(4, len);
  out[4] = (a.vendor !== undefined ? 0x80 : 0) | (a.m === false ? 0 : 0x40);
  if (a.vendor !== undefined) dv.setUint32(8, a.vendor);
  out.set(data, hl);
  return out;
}

export const str = (code: number, s: string, vendor?: number): AvpSpec => (vendor !== undefined ? { code, vendor, data: utf8(s) } : { code, data: utf8(s) });
export const u32Avp = (code: number, v: number, vendor?: number): AvpSpec => (vendor !== undefined ? { code, vendor, data: new Uint8Array(u32(v)) } : { code, data: new Uint8Array(u32(v)) });
export const octets = (code: number, b: Uint8Array | number[], vendor?: number): AvpSpec => ({ code, ...(vendor !== undefined ? { vendor } : {}), data: b instanceof Uint8Array ? b : new Uint8Array(b) });
export const grouped = (code: number, children: AvpSpec[], vendor?: number): AvpSpec => ({ code, ...(vendor !== undefined ? { vendor } : {}), data: children });

export interface DiameterHeader {
  cmd: number;
  appId: number;
  request: boolean;
  proxiable?: boolean;
  error?: boolean;
  hopByHop: number;
  endToEnd: number;
}

export function diameterMessage(h: DiameterHeader, avps: AvpSpec[]): Uint8Array {
  const body = catList(avps.map(avpBytes));
  const len = 20 + body.length;
  const out = new Uint8Array(len);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, len);
  out[0] = 1;
  dv.setUint32(4, h.cmd);
  out[4] = (h.request ? 0x80 : 0) | (h.proxiable !== false ? 0x40 : 0) | (h.error ? 0x20 : 0);
  dv.setUint32(8, h.appId);
  dv.setUint32(12, h.hopByHop);
  dv.setUint32(16, h.endToEnd);
  out.set(body, 20);
  return out;
}

// ---- Builders for common AVP sets ----

export interface Peer {
  host: string;
  realm: string;
}

export function s6aAppId(): AvpSpec {
  return grouped(Avp.VendorSpecificApplicationId, [u32Avp(Avp.VendorId, VENDOR_3GPP), u32Avp(Avp.AuthApplicationId, APP_S6A)]);
}

/** Session-Id, Vendor-Specific-Application-Id, Auth-Session-State, Origin-Host/Realm, [Destination-Host], Destination-Realm. */
export function requestHead(sessionId: string, orig: Peer, dest: { host?: string; realm: string }): AvpSpec[] {
  const a: AvpSpec[] = [str(Avp.SessionId, sessionId), s6aAppId(), u32Avp(Avp.AuthSessionState, 1), str(Avp.OriginHost, orig.host), str(Avp.OriginRealm, orig.realm)];
  if (dest.host) a.push(str(Avp.DestinationHost, dest.host));
  a.push(str(Avp.DestinationRealm, dest.realm));
  return a;
}

export function answerHead(sessionId: string, orig: Peer, result: { resultCode: number } | { experimental: number }): AvpSpec[] {
  const a: AvpSpec[] = [str(Avp.SessionId, sessionId), s6aAppId()];
  if ('resultCode' in result) a.push(u32Avp(Avp.ResultCode, result.resultCode));
  else a.push(grouped(Avp.ExperimentalResult, [u32Avp(Avp.VendorId, VENDOR_3GPP), u32Avp(Avp.ExperimentalResultCode, result.experimental)]));
  a.push(u32Avp(Avp.AuthSessionState, 1), str(Avp.OriginHost, orig.host), str(Avp.OriginRealm, orig.realm));
  return a;
}

export function msisdnAvp(msisdn: string): AvpSpec {
  return octets(Avp.Msisdn, encodeTbcd(msisdn), VENDOR_3GPP);
}

export function hostIp(ip: number): AvpSpec {
  return octets(Avp.HostIpAddress, [0, 1, (ip >>> 24) & 255, (ip >>> 16) & 255, (ip >>> 8) & 255, ip & 255]);
}

