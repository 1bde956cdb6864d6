/**
 * GSM MAP (3GPP TS 29.002) operation arguments and results, BER encoded, for
 * the operations the generator produces. Every function returns the parameter
 * (the bytes after the operation code in an invoke or returnResult).
 */
import { berInt, seq, tlv } from './bytes.js';
import { encodeTbcd } from '../decoder/util/digits.js';

/** Local operation codes. */
export const MapOp = {
  updateLocation: 2,
  cancelLocation: 3,
  provideRoamingNumber: 4,
  insertSubscriberData: 7,
  deleteSubscriberData: 8,
  registerSS: 10,
  activateSS: 12,
  sendRoutingInfo: 22,
  mtForwardSM: 44,
  sendRoutingInfoForSM: 45,
  moForwardSM: 46,
  reportSmDeliveryStatus: 47,
  sendAuthenticationInfo: 56,
  sendIMSI: 58,
  processUnstructuredSSRequest: 59,
  unstructuredSSRequest: 60,
  unstructuredSSNotify: 61,
  purgeMS: 67,
  provideSubscriberInfo: 70,
  anyTimeInterrogation: 71,
} as const;

/** Error codes. */
export const MapErr = {
  unknownSubscriber: 1,
  absentSubscriberSM: 6,
  roamingNotAllowed: 8,
  illegalSubscriber: 9,
  teleserviceNotProvisioned: 11,
  callBarred: 13,
  facilityNotSupported: 21,
  absentSubscriber: 27,
  systemFailure: 34,
  dataMissing: 35,
  unexpectedDataValue: 36,
} as const;

/** MAP application contexts (0.4.0.0.1.0.<ac>.<version>) per operation. */
export const MapAc = {
  networkLocUp: 1,
  locationCancellation: 2,
  roamingNumberEnquiry: 3,
  locationInfoRetrieval: 5,
  infoRetrieval: 14,
  subscriberDataMngt: 16,
  networkFunctionalSs: 18,
  networkUnstructuredSs: 19,
  shortMsgGateway: 20,
  shortMsgMORelay: 21,
  shortMsgMTRelay: 25,
  imsiRetrieval: 26,
  msPurging: 27,
  subscriberInfoEnquiry: 28,
  anyTimeInfoEnquiry: 29,
} as const;

export function mapAcn(ac: number, version: number): string {
  return `0.4.0.0.1.0.${ac}.${version}`;
}

/** The application context (and version) real networks use for each operation here. */
export const OP_CONTEXT: Record<number, [number, number]> = {
  [MapOp.updateLocation]: [MapAc.networkLocUp, 3],
  [MapOp.cancelLocation]: [MapAc.locationCancellation, 3],
  [MapOp.provideRoamingNumber]: [MapAc.roamingNumberEnquiry, 3],
  [MapOp.insertSubscriberData]: [MapAc.subscriberDataMngt, 3],
  [MapOp.deleteSubscriberData]: [MapAc.subscriberDataMngt, 3],
  [MapOp.registerSS]: [MapAc.networkFunctionalSs, 2],
  [MapOp.activateSS]: [MapAc.networkFunctionalSs, 2],
  [MapOp.sendRoutingInfo]: [MapAc.locationInfoRetrieval, 3],
  [MapOp.mtForwardSM]: [MapAc.shortMsgMTRelay, 3],
  [MapOp.sendRoutingInfoForSM]: [MapAc.shortMsgGateway, 3],
  [MapOp.moForwardSM]: [MapAc.shortMsgMORelay, 3],
  [MapOp.reportSmDeliveryStatus]: [MapAc.shortMsgGateway, 3],
  [MapOp.sendAuthenticationInfo]: [MapAc.infoRetrieval, 3],
  [MapOp.sendIMSI]: [MapAc.imsiRetrieval, 2],
  [MapOp.processUnstructuredSSRequest]: [MapAc.networkUnstructuredSs, 2],
  [MapOp.unstructuredSSRequest]: [MapAc.networkUnstructuredSs, 2],
  [MapOp.unstructuredSSNotify]: [MapAc.networkUnstructuredSs, 2],
  [MapOp.purgeMS]: [MapAc.msPurging, 3],
  [MapOp.provideSubscriberInfo]: [MapAc.subscriberInfoEnquiry, 3],
  [MapOp.anyTimeInterrogation]: [MapAc.anyTimeInfoEnquiry, 3],
};

/** Global operation code form of a MAP local opcode (an evasion some filters miss): 0.4.0.0.1.0.<ac> style is not standard; tshark shows it as a global value. */
export function globalOpcodeFor(op: number): string {
  return `0.4.0.0.1.3.${op}`;
}

/** ISDN-AddressString / AddressString: international, E.164, TBCD digits. */
export function isdn(digits: string): Uint8Array {
  const t = encodeTbcd(digits);
  const out = new Uint8Array(t.length + 1);
  out[0] = 0x91;
  out.set(t, 1);
  return out;
}

function imsiBytes(imsi: string): Uint8Array {
  return encodeTbcd(imsi);
}

/** PLMN id (MCC/MNC) in the 3-octet form used by CGI, LAI and Diameter Visited-PLMN-Id. */
export function plmnId(mcc: string, mnc: string): number[] {
  const m = mcc.split('').map(Number);
  const n = mnc.split('').map(Number);
  const mnc3 = n.length === 3 ? n[2]! : 15;
  return [(m[1]! << 4) | m[0]!, (mnc3 << 4) | m[2]!, (n[1]! << 4) | n[0]!];
}

export function cellGlobalId(mcc: string, mnc: string, lac: number, ci: number): Uint8Array {
  return new Uint8Array([...plmnId(mcc, mnc), (lac >> 8) & 255, lac & 255, (ci >> 8) & 255, ci & 255]);
}

const NULL_ = (tag: number): Uint8Array => tlv(tag, []);

// ---- Location management ----

export function sendAuthenticationInfoArg(imsi: string, vectors = 1): Uint8Array {
  return seq(0x30, tlv(0x80, imsiBytes(imsi)), berInt(0x02, vectors));
}

/** SendAuthenticationInfoRes [3] with one quintuplet per vector (random-looking values from `rnd`). */
export function sendAuthenticationInfoRes(rnd: (n: number) => Uint8Array, vectors = 1): Uint8Array {
  const q: Uint8Array[] = [];
  for (let i = 0; i < vectors; i++) q.push(seq(0x30, tlv(0x04, rnd(16)), tlv(0x04, rnd(8)), tlv(0x04, rnd(16)), tlv(0x04, rnd(16)), tlv(0x04, rnd(16))));
  return seq(0xa3, seq(0xa1, ...q));
}

export function updateLocationArg(imsi: string, mscNumber: string, vlrNumber: string): Uint8Array {
  return seq(0x30, tlv(0x04, imsiBytes(imsi)), tlv(0x81, isdn(mscNumber)), tlv(0x04, isdn(vlrNumber)));
}

export function updateLocationRes(hlrNumber: string): Uint8Array {
  return seq(0x30, tlv(0x04, isdn(hlrNumber)));
}

export interface CamelOCsi {
  serviceKey: number;
  gsmScf: string;
}

/** InsertSubscriberDataArg: IMSI, MSISDN, category, status, teleservices, optional O-CSI (CAMEL). */
export function insertSubscriberDataArg(o: { imsi?: string; msisdn?: string; ocsi?: CamelOCsi }): Uint8Array {
  return seq(
    0x30,
    o.imsi ? tlv(0x80, imsiBytes(o.imsi)) : undefined,
    o.msisdn ? tlv(0x81, isdn(o.msisdn)) : undefined,
    o.msisdn ? tlv(0x82, [0x0a]) : undefined,
    o.msisdn ? tlv(0x83, [0x00]) : undefined,
    o.msisdn ? seq(0xa6, tlv(0x04, [0x11]), tlv(0x04, [0x21]), tlv(0x04, [0x22])) : undefined,
    o.ocsi
      ? seq(0xad, seq(0xa0, seq(0x30, seq(0x30, tlv(0x0a, [2]), berInt(0x02, o.ocsi.serviceKey), tlv(0x80, isdn(o.ocsi.gsmScf)), tlv(0x81, [0]))), tlv(0x80, [2])))
      : undefined,
  );
}

export function insertSubscriberDataRes(): Uint8Array {
  return seq(0x30, tlv(0x86, [0x05, 0xe0]));
}

export function cancelLocationArg(imsi: string, cancellationType = 0): Uint8Array {
  return seq(0xa3, tlv(0x04, imsiBytes(imsi)), tlv(0x0a, [cancellationType]));
}

export function purgeMSArg(imsi: string, vlrNumber: string): Uint8Array {
  return seq(0xa3, tlv(0x04, imsiBytes(imsi)), tlv(0x80, isdn(vlrNumber)));
}

/** DeleteSubscriberDataArg: withdraw basic services (all speech) or the CAMEL subscription. */
export function deleteSubscriberDataArg(imsi: string, what: 'speech' | 'camel'): Uint8Array {
  return seq(0x30, tlv(0x80, imsiBytes(imsi)), what === 'speech' ? seq(0xa1, tlv(0x83, [0x10])) : NULL_(0x89));
}

export function emptySeq(): Uint8Array {
  return new Uint8Array([0x30, 0x00]);
}

// ---- Call handling ----

export function sendRoutingInfoArg(msisdn: string, gmsc: string): Uint8Array {
  return seq(0x30, tlv(0x80, isdn(msisdn)), tlv(0x83, [0]), tlv(0x86, isdn(gmsc)));
}

export function sendRoutingInfoRes(imsi: string, msrn: string): Uint8Array {
  return seq(0xa3, tlv(0x89, imsiBytes(imsi)), tlv(0x04, isdn(msrn)));
}

export function provideRoamingNumberArg(imsi: string, mscNumber: string, msisdn: string, gmsc: string): Uint8Array {
  return seq(0x30, tlv(0x80, imsiBytes(imsi)), tlv(0x81, isdn(mscNumber)), tlv(0x82, isdn(msisdn)), tlv(0x88, isdn(gmsc)));
}

export function provideRoamingNumberRes(msrn: string): Uint8Array {
  return seq(0x30, tlv(0x04, isdn(msrn)));
}

// ---- Subscriber information ----

export function anyTimeInterrogationArg(target: { msisdn: string } | { imsi: string }, gsmScf: string): Uint8Array {
  const id = 'msisdn' in target ? tlv(0x81, isdn(target.msisdn)) : tlv(0x80, imsiBytes(target.imsi));
  return seq(0x30, seq(0xa0, id), seq(0xa1, NULL_(0x80), NULL_(0x81)), tlv(0x83, isdn(gsmScf)));
}

export function provideSubscriberInfoArg(imsi: string): Uint8Array {
  return seq(0x30, tlv(0x80, imsiBytes(imsi)), seq(0xa2, NULL_(0x80), NULL_(0x81)));
}

export interface LocationInfo {
  age: number;
  vlr: string;
  cgi: Uint8Array;
}

function subscriberInfo(l: LocationInfo): Uint8Array {
  return seq(0x30, seq(0xa0, berInt(0x02, l.age), tlv(0x81, isdn(l.vlr)), seq(0xa3, tlv(0x80, l.cgi))), seq(0xa1, NULL_(0x80)));
}

/** AnyTimeInterrogationRes and ProvideSubscriberInfoRes share this shape. */
export function subscriberInfoRes(l: LocationInfo): Uint8Array {
  return seq(0x30, subscriberInfo(l));
}

export function sendImsiArg(msisdn: string): Uint8Array {
  return tlv(0x04, isdn(msisdn));
}
export function sendImsiRes(imsi: string): Uint8Array {
  return tlv(0x04, imsiBytes(imsi));
}

// ---- Short messages ----

export function sriForSmArg(msisdn: string, serviceCentre: string): Uint8Array {
  return seq(0x30, tlv(0x80, isdn(msisdn)), tlv(0x81, [0xff]), tlv(0x82, isdn(serviceCentre)));
}

export function sriForSmRes(imsi: string, mscNumber: string): Uint8Array {
  return seq(0x30, tlv(0x04, imsiBytes(imsi)), seq(0xa0, tlv(0x81, isdn(mscNumber))));
}

/** ReportSM-DeliveryStatusArg: outcome 0 memoryCapacityExceeded, 1 absentSubscriber, 2 successfulTransfer. */
export function reportSmDeliveryStatusArg(msisdn: string, serviceCentre: string, outcome: number): Uint8Array {
  return seq(0x30, tlv(0x04, isdn(msisdn)), tlv(0x04, isdn(serviceCentre)), tlv(0x0a, [outcome]));
}

export function mtForwardSmArg(imsi: string, serviceCentre: string, tpdu: Uint8Array): Uint8Array {
  return seq(0x30, tlv(0x80, imsiBytes(imsi)), tlv(0x84, isdn(serviceCentre)), tlv(0x04, tpdu));
}

export function moForwardSmArg(serviceCentre: string, msisdn: string, tpdu: Uint8Array, imsi?: string): Uint8Array {
  return seq(0x30, tlv(0x84, isdn(serviceCentre)), tlv(0x82, isdn(msisdn)), tlv(0x04, tpdu), imsi ? tlv(0x04, imsiBytes(imsi)) : undefined);
}

// ---- Supplementary services ----

export const SsCode = { cfu: 0x21, cfb: 0x29, cfnry: 0x2a, cfnrc: 0x2b } as const;

export function registerSsArg(ssCode: number, forwardedTo: string): Uint8Array {
  return seq(0x30, tlv(0x04, [ssCode]), tlv(0x83, [0x10]), tlv(0x84, isdn(forwardedTo)));
}

export function activateSsArg(ssCode: number): Uint8Array {
  return seq(0x30, tlv(0x04, [ssCode]));
}

/** SS-Info forwardingInfo with the registered/active forwarded-to number. */
export function ssInfoForwarding(ssCode: number, forwardedTo: string, active: boolean): Uint8Array {
  return seq(0xa0, tlv(0x04, [ssCode]), seq(0x30, seq(0x30, tlv(0x83, [0x10]), tlv(0x84, [active ? 0x0f : 0x0e]), tlv(0x85, isdn(forwardedTo)))));
}

/** USSD-Arg / USSD-Res: data coding scheme 0x0f (GSM 7-bit, language unspecified) and the packed string. */
export function ussdArg(packed: Uint8Array, msisdn?: string): Uint8Array {
  return seq(0x30, tlv(0x04, [0x0f]), tlv(0x04, packed), msisdn ? tlv(0x80, isdn(msisdn)) : undefined);
}

/** MAP-DialoguePDU map-open with destination/origination references (AddressStrings), for the AARQ user information. */
export function mapOpen(destinationReference?: string, originationReference?: string): Uint8Array {
  return seq(0xa0, destinationReference ? tlv(0x80, isdn(destinationReference)) : undefined, originationReference ? tlv(0x81, isdn(originationReference)) : undefined);
}

/** Abstract syntax of MAP-DialoguePDU (0.4.0.0.1.1.1.1). */
export const MAP_DIALOGUE_AS = '0.4.0.0.1.1.1.1';
