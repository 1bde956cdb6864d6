/**
 * Payloads for the variant captures: messages cut from the public corpus
 * (../shared/captures) with the network decoder, and messages built with the
 * project's encoders (shared/encode).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCaptureParser } from '../../../shared/decoder/capture/index.js';
import { NetDecoder } from '../../../shared/decoder/net/index.js';
import { StateBag, defaultDecodeOptions } from '../../../shared/decoder/context.js';
import type { TransportInfo } from '../../../shared/model/record.js';
import { CAPTURES } from '../oracle-lib.js';
import {
  MapOp, MapAc, mapAcn, updateLocationArg, sendRoutingInfoArg, sriForSmArg, anyTimeInterrogationArg, sendAuthenticationInfoArg,
  insertSubscriberDataArg, mapOpen, MAP_DIALOGUE_AS, sendAuthenticationInfoRes, sriForSmRes, sendImsiArg, provideSubscriberInfoArg,
} from '../../../shared/encode/map.js';
import { tcapBegin, tcapContinue, tcapEnd, tcapAbort, component, userInformation } from '../../../shared/encode/tcap.js';
import { berInt, cat, seq, tlv } from '../../../shared/encode/bytes.js';
import { isupIam, isupRel } from '../../../shared/encode/isup.js';
import { diameterMessage, requestHead, answerHead, str, u32Avp, Avp, DiaCmd, APP_S6A, VENDOR_3GPP } from '../../../shared/encode/diameter.js';

export interface CutPdu {
  transport: TransportInfo;
  data: Uint8Array;
}

/** Every upper-layer PDU the network decoder finds in a corpus capture (retransmissions left out). */
export function cutPdus(capture: string): CutPdu[] {
  const path = join(CAPTURES, capture);
  if (!existsSync(path)) return [];
  const b = readFileSync(path);
  const out: CutPdu[] = [];
  const nd = new NetDecoder(defaultDecodeOptions, new StateBag());
  const p = createCaptureParser(
    (pkt) => nd.decode(pkt, (pdu) => {
      if (!pdu.transport.retransmission) out.push({ transport: pdu.transport, data: pdu.data.slice() });
    }, () => {}),
    () => {},
  );
  p.push(new Uint8Array(b.buffer, b.byteOffset, b.length));
  p.end();
  return out;
}

/** The user part of an M3UA DATA message (RFC 4666 Protocol Data 0x0210): OPC, DPC, SI and the SCCP / ISUP bytes. */
export function m3uaProtocolData(m: Uint8Array): { opc: number; dpc: number; si: number; ni: number; sls: number; data: Uint8Array } | undefined {
  if (m.length < 8 || m[2] !== 1 || m[3] !== 1) return undefined;
  const dv = new DataView(m.buffer, m.byteOffset, m.length);
  for (let o = 8; o + 4 <= m.length;) {
    const tag = dv.getUint16(o), len = dv.getUint16(o + 2);
    if (len < 4) return undefined;
    if (tag === 0x0210) return { opc: dv.getUint32(o + 4), dpc: dv.getUint32(o + 8), si: m[o + 12]!, ni: m[o + 13]!, sls: m[o + 15]!, data: m.slice(o + 16, o + len) };
    o += (len + 3) & ~3;
  }
  return undefined;
}

// ------------------------------------------------------------------ built with the encoders

const IMSI = '234150123456789';
const MSISDN = '447700900123';
const HLR = '447700900001';
const VLR = '491720000099';

/** TCAP messages (ITU) carrying MAP components, each with the SSNs it travels between. */
export function builtTcap(): { name: string; tcap: Uint8Array; calledSsn: number; callingSsn: number }[] {
  const aarq = (ac: number, v: number, withOpen = false) => ({
    kind: 'aarq' as const,
    acn: mapAcn(ac, v),
    ...(withOpen ? { userInfo: userInformation(MAP_DIALOGUE_AS, mapOpen(IMSI, VLR)) } : {}),
  });
  return [
    {
      name: 'updateLocation Begin',
      tcap: tcapBegin(0x11223344, aarq(MapAc.networkLocUp, 3), [{ type: 'invoke', invokeId: 1, opcode: MapOp.updateLocation, param: updateLocationArg(IMSI, VLR, VLR) }]),
      calledSsn: 6,
      callingSsn: 7,
    },
    {
      name: 'SRI + ATI invokes in one Begin',
      tcap: tcapBegin(0x0a0b0c0d, aarq(MapAc.locationInfoRetrieval, 3, true), [
        { type: 'invoke', invokeId: 1, opcode: MapOp.sendRoutingInfo, param: sendRoutingInfoArg(MSISDN, HLR) },
        { type: 'invoke', invokeId: 2, opcode: MapOp.anyTimeInterrogation, param: anyTimeInterrogationArg({ msisdn: MSISDN }, HLR) },
      ]),
      calledSsn: 6,
      callingSsn: 8,
    },
    {
      name: 'SAI + ISD Continue',
      tcap: tcapContinue(0x01020304, 0x05060708, undefined, [
        { type: 'invoke', invokeId: 3, opcode: MapOp.sendAuthenticationInfo, param: sendAuthenticationInfoArg(IMSI, 2) },
        { type: 'invoke', invokeId: 4, opcode: MapOp.insertSubscriberData, param: insertSubscriberDataArg({ imsi: IMSI, msisdn: MSISDN }) },
      ]),
      calledSsn: 7,
      callingSsn: 6,
    },
    {
      name: 'SRI-for-SM End with result and error',
      tcap: tcapEnd(0x99887766, undefined, [
        { type: 'resultLast', invokeId: 1 },
        { type: 'error', invokeId: 2, code: 27 },
        { type: 'invoke', invokeId: 5, opcode: MapOp.sendRoutingInfoForSM, param: sriForSmArg(MSISDN, HLR) },
      ]),
      calledSsn: 8,
      callingSsn: 6,
    },
  ];
}

export function builtIsup(): Uint8Array[] {
  return [isupIam(77, '4930123456', '447700900123'), isupRel(78)];
}

/** Diameter S6a ULR/ULA (RFC 6733 header, 3GPP TS 29.272 AVPs) built with the encoder. */
export function builtDiameter(n: number, base = 0x1000): Uint8Array[] {
  const out: Uint8Array[] = [];
  const mme = { host: 'mme.epc.example.org', realm: 'epc.example.org' };
  const hss = { host: 'hss.epc.example.org', realm: 'epc.example.org' };
  for (let i = 0; i < n; i++) {
    const sid = `mme.epc.example.org;${1000 + i};${base}`;
    const req = i % 2 === 0;
    const avps = req
      ? [...requestHead(sid, mme, { realm: hss.realm }), str(Avp.UserName, `2341501234${String(i).padStart(5, '0')}`), u32Avp(Avp.UlrFlags, 34, VENDOR_3GPP)]
      : answerHead(sid, hss, { resultCode: 2001 });
    out.push(diameterMessage({ cmd: DiaCmd.ULR, appId: APP_S6A, request: req, hopByHop: base + (i >> 1), endToEnd: 0x7000 + base + (i >> 1) }, avps));
  }
  return out;
}

/** Less common TCAP shapes (Q.773): Unidirectional, P- and U-Abort, End with only a dialogue, Reject, returnResultNotLast, linked invoke, Begin without dialogue. */
export function builtTcapShapes(): Uint8Array[] {
  const ulArg = updateLocationArg(IMSI, VLR, VLR);
  const rrnl = seq(0xa7, berInt(0x02, 2), seq(0x30, berInt(0x02, MapOp.sendAuthenticationInfo), sendAuthenticationInfoRes(() => new Uint8Array(16).fill(0x5a), 1)));
  return [
    seq(0x61, tlv(0x6c, component({ type: 'invoke', invokeId: 0, opcode: MapOp.sendRoutingInfoForSM, param: sriForSmArg(MSISDN, HLR) }))),
    tcapAbort(0x0badcafe, { pAbortCause: 1 }),
    tcapAbort(0x0badcafe, { dialogue: { kind: 'abrt', source: 0 } }),
    tcapEnd(0x12345678, { kind: 'aare', acn: mapAcn(MapAc.networkLocUp, 3), result: 0 }, []),
    tcapContinue(0x01010101, 0x02020202, undefined, [{ type: 'reject', invokeId: 1, problemTag: 0x81, problem: 2 }, { type: 'reject', problemTag: 0x80, problem: 1 }]),
    seq(0x65, tlv(0x48, [1, 2, 3, 4]), tlv(0x49, [5, 6, 7, 8]), tlv(0x6c, cat(rrnl, component({ type: 'resultLast', invokeId: 2, opcode: MapOp.sendRoutingInfoForSM, param: sriForSmRes(IMSI, VLR) })))),
    tcapBegin(0x00000001, undefined, [
      { type: 'invoke', invokeId: 7, opcode: MapOp.sendIMSI, param: sendImsiArg(MSISDN) },
      { type: 'invoke', invokeId: 8, linkedId: 7, opcode: MapOp.provideSubscriberInfo, param: provideSubscriberInfoArg(IMSI) },
    ]),
    tcapBegin(0xfedcba98, { kind: 'aarq', acn: mapAcn(MapAc.shortMsgGateway, 3) }, [{ type: 'invoke', invokeId: 1, opcode: MapOp.updateLocation, param: ulArg }]),
  ];
}
