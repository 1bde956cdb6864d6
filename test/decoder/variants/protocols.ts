/**
 * Messages real networks carry that neither the corpus nor the generator has,
 * built from the specifications (3GPP TS 29.002 MAP, TS 29.078 CAP, ITU-T Q.773
 * TCAP, Q.763 ISUP, RFC 6733 and the 3GPP Diameter applications). Each group
 * becomes one variant (variants.ts), compared with tshark cell for cell.
 */
import { berInt, cat, seq, tlv } from '../../../shared/encode/bytes.js';
import { encodeTbcd } from '../../../shared/decoder/util/digits.js';
import { isdn, mapAcn, MapAc, MapOp, mapOpen, MAP_DIALOGUE_AS, cellGlobalId, subscriberInfoRes, sendImsiRes, ussdArg, registerSsArg, activateSsArg, ssInfoForwarding, SsCode, mtForwardSmArg, moForwardSmArg, reportSmDeliveryStatusArg, purgeMSArg, cancelLocationArg, insertSubscriberDataArg, insertSubscriberDataRes, sendAuthenticationInfoRes, provideRoamingNumberArg, provideRoamingNumberRes, sendRoutingInfoRes, updateLocationRes, deleteSubscriberDataArg, anyTimeInterrogationArg, provideSubscriberInfoArg, sriForSmRes, emptySeq } from '../../../shared/encode/map.js';
import { tcapBegin, tcapContinue, tcapEnd, tcapAbort, userInformation, type Component } from '../../../shared/encode/tcap.js';
import { smsDeliver, smsSubmit, ussdPack } from '../../../shared/encode/sms.js';
import { diameterMessage as dm, str as dstr, u32Avp, grouped, octets as doct, VENDOR_3GPP, type AvpSpec } from '../../../shared/encode/diameter.js';

const IMSI = '234150123456789';
const IMSI2 = '310260987654321';
const MSISDN = '447700900123';
const HLR = '447700900001';
const VLR = '491720000099';
const MSC = '491720000098';
const SC = '447700900555';
const SGSN = '491720000077';

const imsiOct = (tag: number, d = IMSI): Uint8Array => tlv(tag, encodeTbcd(d));
const addr = (tag: number, d: string): Uint8Array => tlv(tag, isdn(d));
/** AddressString with another nature / numbering plan octet. */
const addrNp = (tag: number, first: number, d: string): Uint8Array => tlv(tag, cat([first], encodeTbcd(d)));
const nul = (tag: number): Uint8Array => tlv(tag, []);
const enm = (tag: number, v: number): Uint8Array => berInt(tag, v);
const aarq = (ac: number, v: number, withOpen = false) => ({
  kind: 'aarq' as const,
  acn: mapAcn(ac, v),
  ...(withOpen ? { userInfo: userInformation(MAP_DIALOGUE_AS, mapOpen(HLR, VLR)) } : {}),
});
const aare = (ac: number, v: number) => ({ kind: 'aare' as const, acn: mapAcn(ac, v), result: 0 });
const inv = (invokeId: number, opcode: number, param?: Uint8Array): Component => ({ type: 'invoke', invokeId, opcode, param });
const rr = (invokeId: number, opcode: number, param?: Uint8Array): Component => ({ type: 'resultLast', invokeId, opcode, param });
const er = (invokeId: number, code: number, param?: Uint8Array): Component => ({ type: 'error', invokeId, code, param });

/** MAP mobility management and authentication beyond the corpus. */
export function mapMobility(): Uint8Array[] {
  const rnd = (n: number) => new Uint8Array(n).fill(0x3c);
  // SAI v2: bare IMSI; result SEQUENCE OF AuthenticationSet { rand, sres, kc }
  const saiV2Res = seq(0x30, seq(0x30, tlv(0x04, rnd(16)), tlv(0x04, rnd(4)), tlv(0x04, rnd(8))), seq(0x30, tlv(0x04, rnd(16)), tlv(0x04, rnd(4)), tlv(0x04, rnd(8))));
  // SAI v3 with re-synchronisation info, requesting node type and PLMN; result tripletList [0]
  const saiV3Arg = seq(0x30, imsiOct(0x80), berInt(0x02, 5), nul(0x81), seq(0x30, tlv(0x04, rnd(16)), tlv(0x04, rnd(14))), enm(0x83, 1), tlv(0x84, [0x32, 0xf4, 0x51]));
  const saiV3Triplets = seq(0xa3, seq(0xa0, seq(0x30, tlv(0x04, rnd(16)), tlv(0x04, rnd(4)), tlv(0x04, rnd(8)))));
  // SAI v3 with EPS vectors [2]
  const saiV3Eps = seq(0xa3, seq(0xa2, seq(0x30, tlv(0x04, rnd(16)), tlv(0x04, rnd(8)), tlv(0x04, rnd(16)), tlv(0x04, rnd(32)))));
  const purgeRes = seq(0x30, nul(0x80), nul(0x81));
  const ulV2Res = seq(0x30, addr(0x04, HLR));
  const restoreArg = seq(0x30, imsiOct(0x04), tlv(0x04, [1, 2, 3, 4]));
  const restoreRes = seq(0x30, addr(0x04, HLR), nul(0x05));
  // UpdateGprsLocation: imsi, sgsn-Number, sgsn-Address (GSN-Address IPv4)
  const uglArg = seq(0x30, imsiOct(0x04), addr(0x04, SGSN), tlv(0x04, [0x04, 10, 1, 2, 3]));
  const uglRes = seq(0x30, addr(0x04, HLR));
  // SendRoutingInfoForGprs arg/res
  const sriGprsArg = seq(0x30, imsiOct(0x80), tlv(0x81, [0x04, 10, 9, 9, 9]), addr(0x82, '491720000066'));
  const sriGprsRes = seq(0x30, tlv(0x80, [0x04, 10, 1, 2, 3]), tlv(0x81, [0x04, 10, 9, 9, 9]), berInt(0x82, 0));
  // CancelLocation v3 with imsi-WithLMSI and typeOfUpdate, and v2 bare IMSI
  const clV3Lmsi = seq(0xa3, seq(0x30, imsiOct(0x04), tlv(0x04, [0, 0, 0, 7])), enm(0x0a, 1), enm(0x80, 0));
  return [
    tcapBegin(0x40000001, aarq(MapAc.infoRetrieval, 2), [inv(1, MapOp.sendAuthenticationInfo, imsiOct(0x04))]),
    tcapEnd(0x40000001, aare(MapAc.infoRetrieval, 2), [rr(1, MapOp.sendAuthenticationInfo, saiV2Res)]),
    tcapBegin(0x40000002, aarq(MapAc.infoRetrieval, 3), [inv(1, MapOp.sendAuthenticationInfo, saiV3Arg)]),
    tcapEnd(0x40000002, undefined, [rr(1, MapOp.sendAuthenticationInfo, saiV3Triplets)]),
    tcapEnd(0x40000003, undefined, [rr(1, MapOp.sendAuthenticationInfo, saiV3Eps)]),
    tcapEnd(0x40000004, undefined, [rr(1, MapOp.sendAuthenticationInfo, sendAuthenticationInfoRes(rnd, 2))]),
    tcapBegin(0x40000005, aarq(MapAc.msPurging, 3), [inv(1, MapOp.purgeMS, purgeMSArg(IMSI, VLR))]),
    tcapEnd(0x40000005, aare(MapAc.msPurging, 3), [rr(1, MapOp.purgeMS, purgeRes)]),
    tcapBegin(0x40000006, aarq(MapAc.msPurging, 2), [inv(1, MapOp.purgeMS, seq(0x30, imsiOct(0x04), addr(0x04, VLR)))]),
    tcapBegin(0x40000007, aarq(MapAc.locationCancellation, 3), [inv(1, MapOp.cancelLocation, cancelLocationArg(IMSI2, 1))]),
    tcapBegin(0x40000008, aarq(MapAc.locationCancellation, 3), [inv(1, MapOp.cancelLocation, clV3Lmsi)]),
    tcapBegin(0x40000009, aarq(MapAc.locationCancellation, 2), [inv(1, MapOp.cancelLocation, imsiOct(0x04))]),
    tcapEnd(0x40000009, undefined, [rr(1, MapOp.cancelLocation)]),
    tcapEnd(0x4000000a, undefined, [rr(1, MapOp.updateLocation, ulV2Res)]),
    tcapEnd(0x4000000b, undefined, [rr(1, MapOp.updateLocation, updateLocationRes(HLR))]),
    tcapBegin(0x4000000c, aarq(MapAc.networkLocUp, 3), [inv(1, 57, restoreArg)]),
    tcapEnd(0x4000000c, undefined, [rr(1, 57, restoreRes)]),
    tcapBegin(0x4000000d, aarq(32, 3), [inv(1, 23, uglArg)]),
    tcapEnd(0x4000000d, undefined, [rr(1, 23, uglRes)]),
    tcapBegin(0x4000000e, aarq(33, 4), [inv(1, 24, sriGprsArg)]),
    tcapEnd(0x4000000e, undefined, [rr(1, 24, sriGprsRes)]),
    tcapBegin(0x4000000f, aarq(MapAc.roamingNumberEnquiry, 3), [inv(1, MapOp.provideRoamingNumber, provideRoamingNumberArg(IMSI, MSC, MSISDN, HLR))]),
    tcapEnd(0x4000000f, undefined, [rr(1, MapOp.provideRoamingNumber, provideRoamingNumberRes('491720000555'))]),
    tcapEnd(0x40000010, undefined, [rr(1, MapOp.sendRoutingInfo, sendRoutingInfoRes(IMSI, '491720000555'))]),
    // SRI results: v3 without the [3] tag (tshark then reads the v3 fields), v2 (imsi, roamingNumber / forwardingData), v3 with forwarding data and subscriber info
    tcapEnd(0x40000011, aare(MapAc.locationInfoRetrieval, 3), [rr(1, MapOp.sendRoutingInfo, seq(0x30, imsiOct(0x89), addr(0x04, '491720000555'), addr(0x8c, MSISDN)))]),
    tcapEnd(0x40000012, aare(MapAc.locationInfoRetrieval, 2), [rr(1, MapOp.sendRoutingInfo, seq(0x30, imsiOct(0x04), addr(0x04, '491720000555')))]),
    tcapEnd(0x40000013, aare(MapAc.locationInfoRetrieval, 2), [rr(1, MapOp.sendRoutingInfo, seq(0x30, imsiOct(0x04), seq(0x30, addr(0x85, '447700900999'))))]),
    tcapEnd(0x40000014, aare(MapAc.locationInfoRetrieval, 3), [rr(1, MapOp.sendRoutingInfo, seq(0xa3, imsiOct(0x89), seq(0x30, addr(0x85, '447700900999')), seq(0xa7, seq(0xa0, addr(0x81, VLR))), addr(0x82, VLR), addr(0x8c, MSISDN)))]),
    tcapEnd(0x40000015, aare(MapAc.locationInfoRetrieval, 2), [rr(1, MapOp.sendRoutingInfo, seq(0xa3, imsiOct(0x89), addr(0x04, '491720000555')))]),
    tcapEnd(0x40000016, undefined, [rr(1, MapOp.sendRoutingInfo, imsiOct(0x04))]),
  ];
}

/** Subscriber data: ISD / DSD with several components and the fields HLRs send. */
export function mapSubscriberData(): Uint8Array[] {
  // ISD with provisioned SS (forwarding + barring), ODB, and an EPS subscription with an STN-SR
  const ss = seq(0xa7, seq(0xa0, tlv(0x04, [SsCode.cfb]), seq(0x30, seq(0x30, tlv(0x83, [0x11]), tlv(0x84, [0x07]), addr(0x85, '447700900999'), tlv(0x86, [0xa0]), tlv(0x87, [20])))), seq(0xa1, tlv(0x04, [0x92]), seq(0x30, seq(0x30, tlv(0x84, [0x05])))), seq(0xa3, tlv(0x04, [0x11]), tlv(0x84, [0x05])));
  const isd2 = seq(0x30, ss, seq(0xa8, seq(0x30, tlv(0x03, [0x00, 0x00, 0x00, 0x00]))));
  const gprs = seq(0xb0, nul(0x80), seq(0xa1, seq(0x30, berInt(0x02, 1), tlv(0x90, [0xf1, 0x21]), tlv(0x92, [0x02, 0x23, 0x92]), tlv(0x94, [8, ...'internet'.split('').map((c) => c.charCodeAt(0))]))));
  const eps = seq(0xbf1f, seq(0xa4, berInt(0x02, 1), nul(0x05)), addr(0x86, '447700900888'));
  const isd3 = seq(0x30, gprs, tlv(0x98, [0x04]), eps);
  // VLR CAMEL subscription: SS-CSI (USSD / call events), M-CSI, D-CSI, VT-CSI
  const ssCsi = seq(0xa2, seq(0x30, seq(0x30, tlv(0x04, [0xf1])), addr(0x04, '447700900501')));
  const mCsi = seq(0xa5, seq(0x30, tlv(0x04, [0x00])), berInt(0x02, 21), addr(0x80, '447700900502'));
  const dCsi = seq(0xa9, seq(0xa0, seq(0x30, addr(0x04, '4477009009'), berInt(0x02, 22), addr(0x04, '447700900503'), enm(0x0a, 0))));
  const vtCsi = seq(0xa7, seq(0x30, seq(0x30, enm(0x0a, 12), berInt(0x02, 23), addr(0x80, '447700900504'), enm(0x81, 1))));
  const isd4 = seq(0x30, imsiOct(0x80), seq(0xad, ssCsi, mCsi, vtCsi, dCsi));
  return [
    tcapBegin(0x41000001, aarq(MapAc.subscriberDataMngt, 3), [
      inv(1, MapOp.insertSubscriberData, insertSubscriberDataArg({ imsi: IMSI, msisdn: MSISDN })),
      inv(2, MapOp.insertSubscriberData, isd2),
      inv(3, MapOp.insertSubscriberData, isd3),
    ]),
    tcapBegin(0x41000004, aarq(MapAc.subscriberDataMngt, 3), [inv(1, MapOp.insertSubscriberData, isd4)]),
    tcapContinue(0x41000002, 0x41000001, aare(MapAc.subscriberDataMngt, 3), [rr(1, MapOp.insertSubscriberData, insertSubscriberDataRes()), rr(2, MapOp.insertSubscriberData, emptySeq()), { type: 'resultLast', invokeId: 3 }]),
    tcapBegin(0x41000003, aarq(MapAc.subscriberDataMngt, 3), [inv(1, MapOp.deleteSubscriberData, deleteSubscriberDataArg(IMSI, 'speech')), inv(2, MapOp.deleteSubscriberData, deleteSubscriberDataArg(IMSI, 'camel'))]),
    tcapEnd(0x41000003, undefined, [rr(1, MapOp.deleteSubscriberData, seq(0x30, tlv(0x04, [0x11])))]),
  ];
}

/** Subscriber information and IMSI retrieval: ATI / PSI results with location, sendIMSI. */
export function mapSubscriberInfo(): Uint8Array[] {
  const loc = { age: 5, vlr: VLR, cgi: cellGlobalId('234', '15', 0x1234, 0x5678) };
  // PSI result with location (VLR, location number, CGI, MSC number, geographical info), state and IMEI
  const geo = [0x10, 0x25, 0x8b, 0x6e, 0x1c, 0x71, 0xc7, 0x00];
  const psiFull = seq(0x30, seq(0x30,
    seq(0xa0, berInt(0x02, 3), tlv(0x80, geo), addr(0x81, VLR), tlv(0x82, [0x83, 0x14, 0x44, 0x77, 0x00, 0x09]), seq(0xa3, tlv(0x80, cellGlobalId('234', '15', 1, 2))), addr(0x86, MSC)),
    seq(0xa1, enm(0x0a, 1)),
    tlv(0x85, encodeTbcd('35693803564380')),
  ));
  // ATI result with GPRS location and state (PS)
  const atiGprs = seq(0x30, seq(0x30, seq(0xa3, seq(0xa0, tlv(0x80, cellGlobalId('310', '260', 9, 9))), addr(0x83, SGSN), berInt(0x89, 2))));
  return [
    tcapBegin(0x42000001, aarq(MapAc.anyTimeInfoEnquiry, 3), [inv(1, MapOp.anyTimeInterrogation, anyTimeInterrogationArg({ imsi: IMSI }, SC))]),
    tcapEnd(0x42000001, aare(MapAc.anyTimeInfoEnquiry, 3), [rr(1, MapOp.anyTimeInterrogation, subscriberInfoRes(loc))]),
    tcapEnd(0x42000002, undefined, [rr(1, MapOp.anyTimeInterrogation, atiGprs)]),
    // ATI for number portability (mnpRequestedInfo [7]) and its result with mnpInfoRes [8] (routeing number, IMSI, MSISDN, status)
    tcapBegin(0x42000006, aarq(MapAc.anyTimeInfoEnquiry, 3), [inv(1, MapOp.anyTimeInterrogation, seq(0x30, seq(0xa0, addr(0x81, MSISDN)), seq(0xa1, nul(0x87)), addr(0x83, SC)))]),
    tcapEnd(0x42000006, aare(MapAc.anyTimeInfoEnquiry, 3), [rr(1, MapOp.anyTimeInterrogation, seq(0x30, seq(0x30, seq(0xa8, tlv(0x80, [0x21, 0x43]), imsiOct(0x81, IMSI2), addr(0x82, MSISDN), enm(0x83, 2)))))]),
    tcapBegin(0x42000003, aarq(MapAc.subscriberInfoEnquiry, 3), [inv(1, MapOp.provideSubscriberInfo, provideSubscriberInfoArg(IMSI))]),
    tcapEnd(0x42000003, undefined, [rr(1, MapOp.provideSubscriberInfo, subscriberInfoRes(loc))]),
    tcapEnd(0x42000004, undefined, [rr(1, MapOp.provideSubscriberInfo, psiFull)]),
    tcapBegin(0x42000005, aarq(MapAc.imsiRetrieval, 2), [inv(1, MapOp.sendIMSI, addr(0x04, MSISDN))]),
    tcapEnd(0x42000005, aare(MapAc.imsiRetrieval, 2), [rr(1, MapOp.sendIMSI, sendImsiRes(IMSI2))]),
  ];
}

/** Short messages: MO / MT forwardSM with TPDUs, SRI-SM results, report / alert / ready. */
export function mapShortMessages(): Uint8Array[] {
  const deliver = smsDeliver('447700900321', 'Hello from the sweep', 1700000000);
  const submit = smsSubmit(7, '447700900654', 'Reply text');
  // SMS-DELIVER from an alphanumeric originator (TON 5)
  const alpha = new Uint8Array([0x04, 0x0a, 0xd0, 0xc4, 0xf2, 0x3c, 0x7d, 0x06, 0x00, 0x00, 0x32, 0x11, 0x70, 0x21, 0x43, 0x65, 0x00, 0x02, 0xc8, 0x34]);
  const alertSc = seq(0x30, addr(0x04, MSISDN), addr(0x04, SC));
  const readyForSm = seq(0x30, imsiOct(0x80), enm(0x0a, 0));
  const sriSmResLmsi = seq(0x30, imsiOct(0x04), seq(0xa0, addr(0x81, MSC), tlv(0x04, [0, 0, 0, 9]), seq(0xa6, addr(0x81, SGSN))));
  return [
    tcapBegin(0x43000001, aarq(MapAc.shortMsgMTRelay, 3), [inv(1, MapOp.mtForwardSM, mtForwardSmArg(IMSI, SC, deliver))]),
    tcapEnd(0x43000001, aare(MapAc.shortMsgMTRelay, 3), [rr(1, MapOp.mtForwardSM, emptySeq())]),
    tcapBegin(0x43000002, aarq(MapAc.shortMsgMORelay, 3), [inv(1, MapOp.moForwardSM, moForwardSmArg(SC, MSISDN, submit, IMSI))]),
    tcapEnd(0x43000002, undefined, [rr(1, MapOp.moForwardSM, seq(0x30, tlv(0x04, [0x01, 0x00, 0x32, 0x11, 0x70, 0x21, 0x43, 0x65, 0x00])))]),
    // forwardSM v2 (opcode 46 on shortMsgRelay v2) with an MT TPDU, and an MT-FSM with an alphanumeric originator
    tcapBegin(0x43000003, aarq(MapAc.shortMsgMORelay, 2), [inv(1, MapOp.moForwardSM, seq(0x30, imsiOct(0x80), addr(0x84, SC), tlv(0x04, deliver), nul(0x05)))]),
    tcapBegin(0x43000004, aarq(MapAc.shortMsgMTRelay, 3), [inv(1, MapOp.mtForwardSM, mtForwardSmArg(IMSI2, SC, alpha))]),
    tcapBegin(0x43000005, aarq(MapAc.shortMsgGateway, 3), [inv(1, MapOp.reportSmDeliveryStatus, reportSmDeliveryStatusArg(MSISDN, SC, 1))]),
    tcapEnd(0x43000005, undefined, [rr(1, MapOp.reportSmDeliveryStatus, seq(0x30, addr(0x04, MSISDN)))]),
    tcapBegin(0x43000006, aarq(23, 2), [inv(1, 64, alertSc)]),
    tcapBegin(0x43000007, aarq(23, 1), [inv(1, 49, alertSc)]),
    tcapBegin(0x43000008, aarq(24, 3), [inv(1, 66, readyForSm)]),
    tcapEnd(0x43000009, undefined, [rr(1, MapOp.sendRoutingInfoForSM, sriSmResLmsi)]),
    tcapEnd(0x4300000a, undefined, [rr(1, MapOp.sendRoutingInfoForSM, sriForSmRes(IMSI2, MSC))]),
    // SRI-SM results whose layout depends on the context version (v1/v2 LocationInfoWithLMSI: locationInfo CHOICE roamingNumber [0] / msc-Number [1])
    tcapEnd(0x4300000b, undefined, [rr(1, MapOp.sendRoutingInfoForSM, sriSmResLmsi)]),
    tcapEnd(0x4300000c, aare(MapAc.shortMsgGateway, 3), [rr(1, MapOp.sendRoutingInfoForSM, sriSmResLmsi)]),
    tcapEnd(0x4300000d, aare(MapAc.shortMsgGateway, 2), [rr(1, MapOp.sendRoutingInfoForSM, sriSmResLmsi)]),
    tcapEnd(0x4300000e, aare(MapAc.shortMsgGateway, 2), [rr(1, MapOp.sendRoutingInfoForSM, seq(0x30, imsiOct(0x04), seq(0xa0, addr(0x80, '491720000555'), tlv(0x04, [0, 0, 0, 9])), tlv(0x82, [0xff])))]),
    tcapEnd(0x4300000f, aare(MapAc.shortMsgGateway, 3), [rr(1, MapOp.sendRoutingInfoForSM, seq(0x30, imsiOct(0x04), seq(0xa0, addr(0x81, MSC), nul(0x85), addr(0x89, '491720000012'))))]),
  ];
}

/** Supplementary services: register / activate / interrogate SS, USSD both ways. */
export function mapSupplementary(): Uint8Array[] {
  const interrogateRes = seq(0xa3, seq(0x30, tlv(0x83, [0x11]), addr(0x85, '447700900999')));
  const ussd = ussdPack('*100#');
  const ussdRes = ussdArg(ussdPack('Your balance is 12.34 EUR'));
  return [
    tcapBegin(0x44000001, aarq(MapAc.networkFunctionalSs, 2), [inv(1, MapOp.registerSS, registerSsArg(SsCode.cfu, '447700900999'))]),
    tcapEnd(0x44000001, aare(MapAc.networkFunctionalSs, 2), [rr(1, MapOp.registerSS, ssInfoForwarding(SsCode.cfu, '447700900999', true))]),
    tcapBegin(0x44000002, aarq(MapAc.networkFunctionalSs, 2), [inv(1, MapOp.activateSS, activateSsArg(SsCode.cfnry))]),
    tcapEnd(0x44000002, undefined, [rr(1, MapOp.activateSS, seq(0xa3, tlv(0x04, [SsCode.cfnry]), tlv(0x84, [0x05])))]),
    tcapBegin(0x44000003, aarq(MapAc.networkFunctionalSs, 2), [inv(1, 14, activateSsArg(SsCode.cfb))]),
    tcapEnd(0x44000003, undefined, [rr(1, 14, interrogateRes)]),
    tcapEnd(0x44000004, undefined, [rr(1, 14, tlv(0x80, [0x05]))]),
    tcapBegin(0x44000005, aarq(MapAc.networkUnstructuredSs, 2, true), [inv(1, MapOp.processUnstructuredSSRequest, ussdArg(ussd, MSISDN))]),
    tcapEnd(0x44000005, undefined, [rr(1, MapOp.processUnstructuredSSRequest, ussdRes)]),
    tcapContinue(0x44000006, 0x44000005, undefined, [inv(2, MapOp.unstructuredSSRequest, ussdArg(ussdPack('1 Balance 2 Bundles')))]),
    tcapContinue(0x44000005, 0x44000006, undefined, [rr(2, MapOp.unstructuredSSRequest, ussdArg(ussdPack('1')))]),
    tcapBegin(0x44000007, aarq(MapAc.networkUnstructuredSs, 2), [inv(1, MapOp.unstructuredSSNotify, ussdArg(ussdPack('You have 5 new messages')))]),
    // MAP v1 processUnstructuredSS-Data (IA5 string), no dialogue
    tcapBegin(0x44000008, undefined, [inv(1, 19, tlv(0x16, [0x2a, 0x31, 0x30, 0x30, 0x23]))]),
  ];
}

/** Errors and rejects: returnError with the parameters TS 29.002 defines, problem codes of every kind, aborts. */
export function mapErrorsAndRejects(): Uint8Array[] {
  return [
    tcapEnd(0x45000001, undefined, [er(1, 1, seq(0x30, enm(0x0a, 0)))]),
    tcapEnd(0x45000002, undefined, [er(1, 27, seq(0x30, nul(0x05), enm(0x80, 1)))]),
    tcapEnd(0x45000003, undefined, [er(1, 34, enm(0x0a, 2))]),
    tcapEnd(0x45000004, undefined, [er(1, 34, seq(0x30, enm(0x0a, 3)))]),
    tcapEnd(0x45000005, undefined, [er(1, 32, seq(0x30, enm(0x0a, 5), tlv(0x04, [0x01, 0xd7])))]),
    tcapEnd(0x45000006, undefined, [er(1, 13, enm(0x0a, 0))]),
    tcapEnd(0x45000007, undefined, [er(1, 13, seq(0x30, enm(0x0a, 1)))]),
    tcapEnd(0x45000008, undefined, [er(1, 6, seq(0x30, berInt(0x02, 1), enm(0x80, 2)))]),
    tcapEnd(0x45000009, undefined, [er(1, 36, seq(0x30))]),
    tcapEnd(0x4500000a, undefined, [er(1, 35)]),
    tcapEnd(0x4500000b, undefined, [er(1, 21, seq(0x30))]),
    tcapEnd(0x4500000c, undefined, [er(1, 8, seq(0x30, enm(0x0a, 0)))]),
    tcapEnd(0x4500000d, undefined, [er(1, 31, seq(0x30, nul(0x05)))]),
    tcapEnd(0x4500000e, undefined, [er(1, 72, tlv(0x0a, [0x02]))]),
    tcapEnd(0x4500000f, undefined, [er(1, 71, seq(0x30, enm(0x0a, 0)))]),
    // an error code MAP does not define, an error on a second component after a result
    tcapEnd(0x45000010, undefined, [rr(1, MapOp.sendIMSI, sendImsiRes(IMSI)), er(2, 90)]),
    // rejects: general (unrecognized component), invoke (duplicate / unrecognized operation / mistyped), result, error problems
    tcapContinue(0x45000011, 0x45000012, undefined, [
      { type: 'reject', problemTag: 0x80, problem: 0 },
      { type: 'reject', invokeId: 3, problemTag: 0x81, problem: 0 },
      { type: 'reject', invokeId: 4, problemTag: 0x81, problem: 1 },
      { type: 'reject', invokeId: 5, problemTag: 0x82, problem: 2 },
      { type: 'reject', invokeId: 6, problemTag: 0x83, problem: 3 },
    ]),
    // User abort with a MAP-DialoguePDU map-userAbortChoice (resourceUnavailable) and map-refuse
    tcapAbort(0x45000013, { dialogue: { kind: 'abrt', source: 0, userInfo: userInformation(MAP_DIALOGUE_AS, seq(0xa4, tlv(0x81, [0x00]))) } }),
    tcapEnd(0x45000014, { kind: 'aare', acn: mapAcn(MapAc.shortMsgGateway, 2), result: 1, diagnostic: 2, userInfo: userInformation(MAP_DIALOGUE_AS, seq(0xa3, enm(0x0a, 0))) }, []),
    // U-Abort with a TC dialogue AARE (application-context-name not supported) as the abort reason
    tcapAbort(0x45000015, { dialogue: { kind: 'aare', acn: mapAcn(MapAc.shortMsgGateway, 3), result: 1, diagnostic: 2 } }),
    // P-Abort causes
    ...[0, 2, 3, 4].map((c) => tcapAbort(0x45000016 + c, { pAbortCause: c })),
  ];
}

/** TCAP shapes: several components of several kinds, Continue/End without dialogue, global opcodes, MAP v1. */
export function tcapMixed(): Uint8Array[] {
  return [
    tcapContinue(0x46000001, 0x46000002, undefined, [
      rr(1, MapOp.sendIMSI, sendImsiRes(IMSI)),
      inv(2, MapOp.sendIMSI, addr(0x04, MSISDN)),
      er(3, 1),
      { type: 'reject', invokeId: 4, problemTag: 0x81, problem: 1 },
    ]),
    tcapBegin(0x46000003, aarq(MapAc.shortMsgGateway, 3), [{ type: 'invoke', invokeId: 1, opcode: '0.4.0.0.1.3.45', param: seq(0x30, addr(0x80, MSISDN), tlv(0x81, [0xff]), addr(0x82, SC)) }]),
    tcapEnd(0x46000004, undefined, [{ type: 'resultLast', invokeId: 1 }]),
    // MAP v1: updateLocation (LocationInfo CHOICE roamingNumber/msc-Number) without a dialogue, sendParameters
    tcapBegin(0x46000005, undefined, [inv(1, MapOp.updateLocation, seq(0x30, imsiOct(0x04), addr(0x81, MSC), addr(0x04, VLR)))]),
    tcapBegin(0x46000006, undefined, [inv(1, 9, seq(0x30, imsiOct(0x80), tlv(0x0a, [1])))]),
    // addresses of other natures / numbering plans: national E.164, E.212 land mobile, unknown
    tcapBegin(0x46000007, aarq(MapAc.shortMsgGateway, 3), [inv(1, MapOp.sendRoutingInfoForSM, seq(0x30, addrNp(0x80, 0xa1, '7700900123'), tlv(0x81, [0xff]), addrNp(0x82, 0x96, '23415012345')))]),
    tcapBegin(0x46000008, aarq(MapAc.shortMsgGateway, 3), [inv(1, MapOp.sendRoutingInfoForSM, seq(0x30, addrNp(0x80, 0x81, '447700900123'), tlv(0x81, [0xff]), addrNp(0x82, 0x91, '44770090055')))]),
    // MAP-DialoguePDU map-open with an IMSI destination reference
    tcapBegin(0x46000009, { kind: 'aarq', acn: mapAcn(MapAc.subscriberInfoEnquiry, 3), userInfo: userInformation(MAP_DIALOGUE_AS, seq(0xa0, addrNp(0x80, 0x96, IMSI), addr(0x81, VLR))) }, [inv(1, MapOp.provideSubscriberInfo, provideSubscriberInfoArg(IMSI))]),
    // Begin with a dialogue only (no components), Continue with a dialogue (AARE) only
    tcapBegin(0x4600000a, aarq(MapAc.networkUnstructuredSs, 2, true), []),
    tcapContinue(0x4600000b, 0x4600000a, aare(MapAc.networkUnstructuredSs, 2), []),
    // invoke with a linked id, a returnResult without parameter (only the invoke id)
    tcapContinue(0x4600000c, 0x4600000d, undefined, [{ type: 'invoke', invokeId: 9, linkedId: 1, opcode: 60, param: ussdArg(ussdPack('Menu')) }, { type: 'resultLast', invokeId: 1 }]),
  ];
}


/**
 * The SMS TPDU in sm-RP-UI for every (version, operation, SM-RP-DA/OA kind, TP-MTI):
 * how tshark reads the message type (deliver / submit) decides which address it shows.
 */
export function forwardSmMatrix(): Uint8Array[] {
  const deliver = smsDeliver('447700900321', 'MT text', 1700000000);
  const submit = smsSubmit(9, '447700900654', 'MO text');
  const out: Uint8Array[] = [];
  let tid = 0x47000000;
  for (const ver of [0, 2, 3])
    for (const op of [44, 46])
      for (const mo of [false, true])
        for (const tpdu of [deliver, submit]) {
          const da = mo ? addr(0x84, SC) : imsiOct(0x80);
          const oa = mo ? addr(0x82, MSISDN) : addr(0x84, SC);
          const dlg = ver ? aarq(op === 44 ? MapAc.shortMsgMTRelay : MapAc.shortMsgMORelay, ver) : undefined;
          out.push(tcapBegin(tid++, dlg, [inv(1, op, seq(0x30, da, oa, tlv(0x04, tpdu)))]));
        }
  // v2 with the other SM-RP-DA / SM-RP-OA pairs: IMSI + MSISDN, SC + SC, LMSI + SC, SC + none, none + MSISDN, none + none
  const pairs: [Uint8Array, Uint8Array][] = [
    [imsiOct(0x80), addr(0x82, MSISDN)],
    [addr(0x84, SC), addr(0x84, SC)],
    [tlv(0x81, [0, 0, 0, 7]), addr(0x84, SC)],
    [addr(0x84, SC), nul(0x85)],
    [nul(0x85), addr(0x82, MSISDN)],
    [nul(0x85), nul(0x85)],
  ];
  for (const [da, oa] of pairs)
    for (const tpdu of [deliver, submit]) out.push(tcapBegin(tid++, aarq(MapAc.shortMsgMTRelay, 2), [inv(1, 44, seq(0x30, da, oa, tlv(0x04, tpdu)))]));
  return out;
}

// ------------------------------------------------------------------ CAP (TS 29.078)

const CAP2 = '0.4.0.0.1.0.50.1';
const CAP3 = '0.4.0.0.1.21.3.4';
const CAP4 = '0.4.0.0.1.23.3.4';
const CAP3_SMS = '0.4.0.0.1.21.3.61';
const CAP3_GPRS = '0.4.0.0.1.21.3.50';
/** ISUP-format number (Q.763 called / calling / generic): odd/even + NAI, NPI E.164, BCD digits. */
function isupNum(d: string, nai = 4, second = 0x10): Uint8Array {
  const out = [((d.length & 1) << 7) | nai, second];
  for (let i = 0; i < d.length; i += 2) out.push((Number(d[i]) & 15) | (i + 1 < d.length ? (Number(d[i + 1]) & 15) << 4 : 0));
  return new Uint8Array(out);
}
const capDlg = (acn: string) => ({ kind: 'aarq' as const, acn });

/** CAMEL call control beyond IDP/Connect/Continue: v3/v4 IDP fields, RRB/ERB, AC/ACR, CIR, FCI, ETC, CWA, SMS and GPRS. */
export function capShapes(): Uint8Array[] {
  const loc = seq(0xbf34, berInt(0x02, 0), addr(0x81, VLR), seq(0xa3, tlv(0x80, cellGlobalId('234', '15', 1, 2))), addr(0x86, MSC));
  const idpV3 = seq(0x30,
    berInt(0x80, 100), tlv(0x82, isupNum('4930123456', 3, 0x90)), tlv(0x83, isupNum('447700900123', 4, 0x13)), tlv(0x85, [0x0a]),
    tlv(0x8c, isupNum('447700900777', 4, 0x10)), tlv(0x9f19, isupNum('447700900778', 4, 0x13)), tlv(0x9f1c, [2]), tlv(0x9f1d, isupNum('447700900779', 4, 0x10)), tlv(0x9f1e, [0x03, 0x01]),
    tlv(0x9f32, encodeTbcd(IMSI)), loc, tlv(0x9f36, [1, 2, 3, 4]), addr(0x9f37, MSC), tlv(0x9f38, cat([0x91], encodeTbcd('4930123456'))), tlv(0x9f39, [0x02, 0x21, 0x70, 0x11, 0x12, 0x13, 0x00, 0x00]),
    seq(0xbf3b, addr(0x80, '447700900780')),
  );
  const rrb = seq(0x30, seq(0xa0,
    seq(0x30, enm(0x80, 4), enm(0x81, 1)), seq(0x30, enm(0x80, 5), enm(0x81, 1), seq(0xa2, enm(0x80, 1))), seq(0x30, enm(0x80, 7), enm(0x81, 1)), seq(0x30, enm(0x80, 9), enm(0x81, 0), seq(0xa2, enm(0x80, 0)))));
  const erbAnswer = seq(0x30, enm(0x80, 7), seq(0xa2, seq(0xa7, tlv(0x9f32, isupNum('447700900789', 4, 0x10)))), seq(0xa3, tlv(0x81, [2])), seq(0xa4, enm(0x80, 1)));
  const erbBusy = seq(0x30, enm(0x80, 5), seq(0xa2, seq(0xa5, tlv(0x80, [0x80, 0x91]))), seq(0xa3, tlv(0x81, [2])), seq(0xa4, enm(0x80, 0)));
  const ac = seq(0x30, tlv(0x80, seq(0xa0, berInt(0x80, 1200), tlv(0x81, [0xff]))), seq(0xa2, tlv(0x80, [1])));
  const acr = tlv(0x04, seq(0xa0, seq(0xa0, tlv(0x81, [2])), seq(0xa1, berInt(0x80, 600)), tlv(0x82, [0xff]), nul(0x83)));
  const cirq = seq(0x30, seq(0xa0, enm(0x0a, 1), enm(0x0a, 30)), seq(0xa3, enm(0x80, 1)));
  const cirp = seq(0x30, seq(0xa0, seq(0x30, enm(0x80, 1), seq(0xa1, tlv(0x81, [0x02, 0x21, 0x70, 0x11, 0x12, 0x13, 0x00])))), seq(0xa3, tlv(0x81, [2])));
  const fci = tlv(0x04, seq(0xa0, tlv(0x80, [1, 2, 3]), seq(0xa1, tlv(0x80, [1]))));
  const etc = seq(0x30, tlv(0x80, isupNum('4930999998', 3, 0x10)), tlv(0x81, [0x12, 0x34]), berInt(0x83, 1));
  const cwa = seq(0x30, seq(0xa7, enm(0x82, 0)), tlv(0x8c, [0x0a]), seq(0xb0, tlv(0x04, cat([0x06], isupNum('447700900781', 4, 0x13)))));
  const connectFull = seq(0x30, seq(0xa0, tlv(0x04, isupNum('447700900782', 4, 0x10))), tlv(0x86, isupNum('447700900783', 4, 0x10)), tlv(0x9f1d, isupNum('447700900785', 4, 0x10)), tlv(0x9f1e, [0x03, 0x01]), seq(0xae, tlv(0x04, cat([0x06], isupNum('447700900784', 4, 0x13)))));
  const idpSms = seq(0x30, berInt(0x80, 7), tlv(0x81, cat([0x91], encodeTbcd('447700900654'))), addr(0x82, MSISDN), enm(0x83, 1), imsiOct(0x84), seq(0xa5, addr(0x81, VLR), seq(0xa3, tlv(0x80, cellGlobalId('234', '15', 1, 2)))), addr(0x87, SC), tlv(0x88, [0x02, 0x21, 0x70, 0x11, 0x12, 0x13, 0x00, 0x00]), tlv(0x89, [0x01]), addr(0x8f, MSC));
  const connectSms = seq(0x30, addr(0x80, '447700900786'), tlv(0x81, cat([0x91], encodeTbcd('447700900787'))), addr(0x82, '447700900788'));
  const rrSms = seq(0x30, seq(0xa0, seq(0x30, enm(0x80, 2), enm(0x81, 1)), seq(0x30, enm(0x80, 3), enm(0x81, 1))));
  const idpGprs = seq(0x30, berInt(0x80, 9), enm(0x81, 11), addr(0x82, MSISDN), imsiOct(0x83), tlv(0x88, [8, ...'internet'.split('').map((c) => c.charCodeAt(0))]), tlv(0x8a, [0, 0, 0, 5]), seq(0xac, tlv(0x80, cellGlobalId('234', '15', 1, 2)), addr(0x83, SGSN)), enm(0x8d, 0), tlv(0x8f, [0x04, 10, 9, 9, 9]), tlv(0x91, encodeTbcd('35693803564380')));
  const idpExt = (ext: Uint8Array) => seq(0x30, berInt(0x80, 101), tlv(0x83, isupNum('447700900123', 4, 0x13)), tlv(0x9f1c, [2]), tlv(0x9f32, encodeTbcd(IMSI)), ext);
  return [
    tcapBegin(0x48000001, capDlg(CAP3), [{ type: 'invoke', invokeId: 0, opcode: 0, param: idpV3 }]),
    tcapContinue(0x48000002, 0x48000001, { kind: 'aare', acn: CAP3, result: 0 }, [
      { type: 'invoke', invokeId: 1, opcode: 23, param: rrb },
      { type: 'invoke', invokeId: 2, opcode: 35, param: ac },
      { type: 'invoke', invokeId: 3, opcode: 34, param: fci },
      { type: 'invoke', invokeId: 4, opcode: 45, param: cirq },
      { type: 'invoke', invokeId: 5, opcode: 20, param: connectFull },
    ]),
    tcapContinue(0x48000001, 0x48000002, undefined, [{ type: 'invoke', invokeId: 6, opcode: 24, param: erbAnswer }, { type: 'invoke', invokeId: 7, opcode: 36, param: acr }]),
    tcapContinue(0x48000001, 0x48000002, undefined, [{ type: 'invoke', invokeId: 8, opcode: 24, param: erbBusy }, { type: 'invoke', invokeId: 9, opcode: 44, param: cirp }]),
    tcapContinue(0x48000002, 0x48000001, undefined, [{ type: 'invoke', invokeId: 10, opcode: 17, param: etc }, { type: 'invoke', invokeId: 11, opcode: 88, param: cwa }, { type: 'invoke', invokeId: 12, opcode: 33, param: seq(0x30, enm(0x80, 0), berInt(0x81, 30)) }]),
    tcapEnd(0x48000001, undefined, [{ type: 'invoke', invokeId: 13, opcode: 22, param: tlv(0x04, [0x80, 0x90]) }]),
    tcapEnd(0x48000003, undefined, [{ type: 'invoke', invokeId: 1, opcode: 22, param: seq(0xa2, tlv(0x80, [0x80, 0x90])) }]),
    tcapBegin(0x48000004, capDlg(CAP4), [{ type: 'invoke', invokeId: 0, opcode: 0, param: idpV3 }]),
    tcapBegin(0x48000005, capDlg(CAP2), [{ type: 'invoke', invokeId: 0, opcode: 0, param: idpV3 }]),
    // InitialDPArgExtension: v2 { naCarrierInformation [0], gmscAddress [1] }, v3+ { gmscAddress [0], forwardingDestinationNumber [1] }
    tcapBegin(0x4800000c, capDlg(CAP2), [{ type: 'invoke', invokeId: 0, opcode: 0, param: idpExt(seq(0xbf3b, seq(0xa0, tlv(0x80, [1])), addr(0x81, '447700900790'))) }]),
    tcapBegin(0x4800000d, capDlg(CAP3), [{ type: 'invoke', invokeId: 0, opcode: 0, param: idpExt(seq(0xbf3b, addr(0x80, '447700900791'), tlv(0x81, isupNum('447700900792', 4, 0x10)))) }]),
    tcapBegin(0x4800000e, undefined, [{ type: 'invoke', invokeId: 0, opcode: 0, param: idpExt(seq(0xbf3b, addr(0x80, '447700900793'), tlv(0x81, isupNum('447700900794', 4, 0x10)))) }]),
    tcapBegin(0x4800000f, capDlg(CAP4), [{ type: 'invoke', invokeId: 0, opcode: 0, param: idpExt(seq(0xbf3b, addr(0x80, '447700900795'))) }]),
    tcapBegin(0x48000006, capDlg(CAP3_SMS), [{ type: 'invoke', invokeId: 0, opcode: 60, param: idpSms }]),
    tcapContinue(0x48000007, 0x48000006, { kind: 'aare', acn: CAP3_SMS, result: 0 }, [{ type: 'invoke', invokeId: 1, opcode: 63, param: rrSms }, { type: 'invoke', invokeId: 2, opcode: 62, param: connectSms }]),
    tcapContinue(0x48000006, 0x48000007, undefined, [{ type: 'invoke', invokeId: 3, opcode: 64, param: seq(0x30, enm(0x80, 2), seq(0xa1, seq(0xa0, enm(0x80, 0)))) }]),
    tcapEnd(0x48000006, undefined, [{ type: 'invoke', invokeId: 4, opcode: 66, param: tlv(0x04, [0x15]) }]),
    tcapBegin(0x48000008, capDlg(CAP3_GPRS), [{ type: 'invoke', invokeId: 0, opcode: 78, param: idpGprs }]),
    tcapEnd(0x48000009, undefined, [{ type: 'error', invokeId: 0, code: 7 }, { type: 'error', invokeId: 1, code: 13, param: enm(0x0a, 2) }, { type: 'reject', invokeId: 2, problemTag: 0x81, problem: 1 }]),
    tcapContinue(0x4800000a, 0x4800000b, undefined, [{ type: 'invoke', invokeId: 1, opcode: 55 }, { type: 'resultLast', invokeId: 1 }, { type: 'invoke', invokeId: 2, opcode: 31 }]),
  ];
}

/**
 * Dialogues both ways (each message with its direction: false = A → B, true = B → A), so
 * that a Continue / End without a dialogue portion meets the context its Begin opened; and
 * one End sent from the Begin's own side, which must not (tshark matches answers only when
 * they come the other way).
 */
export function dialoguesBothWays(): [boolean, Uint8Array, number][] {
  const sriSmRes = seq(0x30, imsiOct(0x04), seq(0xa0, addr(0x81, MSC), tlv(0x04, [0, 0, 0, 9]), seq(0xa6, addr(0x81, SGSN))));
  const sriSmArg = seq(0x30, addr(0x80, MSISDN), tlv(0x81, [0xff]), addr(0x82, SC));
  const idp = (ext: Uint8Array) => seq(0x30, berInt(0x80, 101), tlv(0x83, isupNum('447700900123', 4, 0x13)), tlv(0x9f1c, [2]), tlv(0x9f32, encodeTbcd(IMSI)), ext);
  const v2ext = seq(0xbf3b, seq(0xa0, tlv(0x80, [1])), addr(0x81, '447700900790'));
  const v3ext = seq(0xbf3b, addr(0x80, '447700900791'), tlv(0x81, isupNum('447700900792', 4, 0x10)));
  return [
    [false, tcapBegin(0x49000001, aarq(MapAc.shortMsgGateway, 3), [inv(1, MapOp.sendRoutingInfoForSM, sriSmArg)]), 6],
    [true, tcapEnd(0x49000001, undefined, [rr(1, MapOp.sendRoutingInfoForSM, sriSmRes)]), 6],
    [false, tcapBegin(0x49000002, aarq(MapAc.shortMsgGateway, 2), [inv(1, MapOp.sendRoutingInfoForSM, sriSmArg)]), 6],
    [true, tcapEnd(0x49000002, undefined, [rr(1, MapOp.sendRoutingInfoForSM, sriSmRes)]), 6],
    [false, tcapBegin(0x49000003, aarq(MapAc.locationInfoRetrieval, 3), [inv(1, MapOp.sendRoutingInfo, seq(0x30, addr(0x80, MSISDN), enm(0x83, 0), addr(0x86, HLR)))]), 6],
    [true, tcapEnd(0x49000003, undefined, [rr(1, MapOp.sendRoutingInfo, seq(0x30, imsiOct(0x89), addr(0x04, '491720000555'), addr(0x8c, MSISDN)))]), 6],
    [false, tcapBegin(0x49000004, { kind: 'aarq', acn: CAP2 }, [{ type: 'invoke', invokeId: 0, opcode: 0, param: idp(v2ext) }]), 146],
    [true, tcapContinue(0x49000005, 0x49000004, undefined, [{ type: 'invoke', invokeId: 1, opcode: 20, param: seq(0x30, seq(0xa0, tlv(0x04, isupNum('447700900782', 4, 0x10)))) }]), 146],
    [false, tcapBegin(0x49000006, undefined, [{ type: 'invoke', invokeId: 0, opcode: 0, param: idp(v3ext) }]), 146],
    [false, tcapBegin(0x49000007, undefined, [{ type: 'invoke', invokeId: 0, opcode: 0, param: idp(seq(0xbf3b, addr(0x80, '447700900796'))) }]), 146],
    [false, tcapBegin(0x49000008, aarq(MapAc.shortMsgGateway, 3), [inv(1, MapOp.sendRoutingInfoForSM, sriSmArg)]), 6],
    [false, tcapEnd(0x49000008, undefined, [rr(1, MapOp.sendRoutingInfoForSM, sriSmRes)]), 6],
  ];
}

// ------------------------------------------------------------------ ISUP (Q.763)

/** ISUP messages beyond the basic call: CPG, SUS/RES, CON, INR/INF, circuit group and maintenance messages, COT, FAC, USR. */
export function isupShapes(): Uint8Array[] {
  const h = (cic: number, type: number) => [cic & 255, (cic >> 8) & 0x0f, type];
  const calling = [0x0a, 8, ...isupNum('447700900123', 4, 0x13)];
  return [
    new Uint8Array([...h(10, 0x2c), 0x01, 0x01, 0x11, 0x02, 0x16, 0x14, 0x00]), // CPG: event alerting, optional backward call indicators
    new Uint8Array([...h(10, 0x0d), 0x00, 0x00]), // SUS
    new Uint8Array([...h(10, 0x0e), 0x00, 0x00]), // RES
    new Uint8Array([...h(11, 0x07), 0x16, 0x14, 0x00]), // CON
    new Uint8Array([...h(12, 0x03), 0x01, 0x00]), // INR: calling party address requested
    new Uint8Array([...h(12, 0x04), 0x01, 0x00, 0x01, ...calling, 0x00]), // INF with a calling party number
    new Uint8Array([...h(20, 0x17), 0x01, 0x07]), // GRS range 7
    new Uint8Array([...h(20, 0x29), 0x01, 0x02, 0x07, 0x00]), // GRA range 7, status
    new Uint8Array([...h(30, 0x18), 0x00, 0x01, 0x02, 0x03, 0x05]), // CGB maintenance, range 3
    new Uint8Array([...h(30, 0x1a), 0x00, 0x01, 0x02, 0x03, 0x05]), // CGBA
    new Uint8Array([...h(31, 0x13)]), // BLO
    new Uint8Array([...h(31, 0x15)]), // BLA
    new Uint8Array([...h(31, 0x12)]), // RSC
    new Uint8Array([...h(32, 0x05), 0x01]), // COT success
    new Uint8Array([...h(32, 0x11)]), // CCR
    new Uint8Array([...h(33, 0x33), 0x00]), // FAC without optional parameters
    new Uint8Array([...h(34, 0x2d), 0x01, 0x03, 0x01, 0x02, 0x03, 0x00]), // USR
    new Uint8Array([...h(35, 0x02), 0x01, 0x05, 0x81, 0x21, 0x43, 0x05, 0x00]), // SAM with a subsequent number
    new Uint8Array([...h(36, 0x24), 0x00]), // LPA
    new Uint8Array([...h(37, 0x0c), 0x02, 0x00, 0x02, 0x84, 0x90]), // REL cause 16
  ];
}

// ------------------------------------------------------------------ Diameter (RFC 6733 and 3GPP applications)


/** Diameter commands of S6a, S6c, SGd, Gx, Gy, Cx, Sh, SLg with grouped, vendor-specific, nested and unknown AVPs. */
export function diameterShapes(): Uint8Array[] {
  const head = (sid: string, req: boolean): AvpSpec[] => [dstr(263, sid), u32Avp(277, 1), dstr(264, req ? 'mme.example.org' : 'hss.example.org'), dstr(296, 'example.org')];
  const ccHead = (sid: string, app: number): AvpSpec[] => [dstr(263, sid), u32Avp(258, app), dstr(264, 'pcef.example.org'), dstr(296, 'example.org'), u32Avp(416, 1), u32Avp(415, 0)];
  const subId = grouped(443, [u32Avp(450, 1), dstr(444, IMSI)]);
  const mscc = (rc?: number) => grouped(456, [grouped(446, [u32Avp(420, 3600)]), u32Avp(432, 1), ...(rc ? [u32Avp(268, rc)] : [])]);
  const exp = (code: number) => grouped(297, [u32Avp(266, VENDOR_3GPP), u32Avp(298, code)]);
  let hbh = 0x5000;
  const m = (cmd: number, app: number, req: boolean, avps: AvpSpec[], error = false) => dm({ cmd, appId: app, request: req, error, hopByHop: hbh, endToEnd: 0x6000 + hbh++ }, avps);
  return [
    // S6a AIR / AIA with E-UTRAN vectors, CLR / CLA, IDR / IDA, PUR / PUA, NOR / NOA, DSR / DSA
    m(318, 16777251, true, [...head('mme;1;air', true), dstr(283, 'example.org'), dstr(1, IMSI), grouped(1408, [u32Avp(1410, 2, VENDOR_3GPP), u32Avp(1412, 0, VENDOR_3GPP)], VENDOR_3GPP), doct(1407, [0x32, 0xf4, 0x51], VENDOR_3GPP)]),
    m(318, 16777251, false, [...head('mme;1;air', false), u32Avp(268, 2001), grouped(1413, [grouped(1414, [doct(1447, new Uint8Array(16), VENDOR_3GPP), doct(1448, new Uint8Array(8), VENDOR_3GPP)], VENDOR_3GPP)], VENDOR_3GPP)]),
    m(317, 16777251, true, [...head('hss;2;clr', true), dstr(293, 'mme.example.org'), dstr(283, 'example.org'), dstr(1, IMSI), u32Avp(1420, 0, VENDOR_3GPP)]),
    m(317, 16777251, false, [...head('hss;2;clr', false), u32Avp(268, 2001)]),
    m(319, 16777251, true, [...head('hss;3;idr', true), dstr(1, IMSI2), grouped(1400, [doct(701, encodeTbcd(MSISDN), VENDOR_3GPP), u32Avp(1424, 0, VENDOR_3GPP)], VENDOR_3GPP)]),
    m(319, 16777251, false, [...head('hss;3;idr', false), exp(5001)]),
    m(321, 16777251, true, [...head('mme;4;pur', true), dstr(1, IMSI)]),
    m(321, 16777251, false, [...head('mme;4;pur', false), u32Avp(268, 2001), u32Avp(1442, 1, VENDOR_3GPP)]),
    m(323, 16777251, true, [...head('mme;5;nor', true), dstr(1, IMSI), u32Avp(1443, 1, VENDOR_3GPP)]),
    m(320, 16777251, true, [...head('hss;6;dsr', true), dstr(1, IMSI), u32Avp(1421, 1, VENDOR_3GPP)]),
    // an error answer (E bit) with Failed-AVP carrying a User-Name and an Error-Message
    m(316, 16777251, false, [...head('mme;7;ulr', false), u32Avp(268, 5004), dstr(281, 'bad AVP'), grouped(279, [dstr(1, '001010000000001')])], true),
    // Gx CCR-I / CCA-I, Gy CCR-U / CCA-U with MSCC result codes, CCR-T
    m(272, 16777238, true, [...ccHead('pcef;8;gx', 16777238), subId, dstr(30, 'internet')]),
    m(272, 16777238, false, [dstr(263, 'pcef;8;gx'), u32Avp(258, 16777238), u32Avp(268, 2001), dstr(264, 'pcrf.example.org'), dstr(296, 'example.org'), u32Avp(416, 1), u32Avp(415, 0), grouped(1003, [dstr(1005, 'rule1', VENDOR_3GPP)], VENDOR_3GPP)]),
    m(272, 4, true, [...ccHead('pgw;9;gy', 4), subId, mscc()]),
    m(272, 4, false, [dstr(263, 'pgw;9;gy'), u32Avp(258, 4), u32Avp(268, 2001), dstr(264, 'ocs.example.org'), dstr(296, 'example.org'), u32Avp(416, 2), u32Avp(415, 1), mscc(2001), mscc(4012)]),
    // S6c SRI-SR / SGd MT-FSM / Cx MAR / Sh UDR / SLg PLR, and an unknown vendor AVP
    m(8388647, 16777312, true, [...head('smsc;10;srisr', true), doct(701, encodeTbcd(MSISDN), VENDOR_3GPP), dstr(1, IMSI)]),
    m(8388646, 16777313, true, [...head('smsc;11;tfr', true), dstr(1, IMSI), doct(3301, cat([0x91], encodeTbcd(SC)), VENDOR_3GPP), doct(3302, smsDeliver('447700900321', 'x', 1700000000), VENDOR_3GPP)]),
    m(303, 16777216, true, [...head('cscf;12;mar', true), dstr(1, 'user@ims.example.org'), dstr(601, 'sip:user@ims.example.org', VENDOR_3GPP)]),
    m(306, 16777217, true, [...head('as;13;udr', true), grouped(700, [dstr(601, 'sip:+447700900123@ims.example.org', VENDOR_3GPP)], VENDOR_3GPP), u32Avp(703, 17, VENDOR_3GPP)]),
    m(8388620, 16777255, true, [...head('gmlc;14;plr', true), dstr(1, IMSI), u32Avp(2500, 0, VENDOR_3GPP), { code: 4242, vendor: 99999, data: new Uint8Array([1, 2, 3]) }]),
    // Device-Watchdog and Disconnect-Peer (base, application 0)
    m(280, 0, true, [dstr(264, 'mme.example.org'), dstr(296, 'example.org')]),
    m(282, 0, false, [u32Avp(268, 2001), dstr(264, 'hss.example.org'), dstr(296, 'example.org')]),
  ];
}
