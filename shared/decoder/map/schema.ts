/**
 * MAP argument / result layouts (3GPP TS 29.002 ASN.1, IMPLICIT TAGS) for the
 * operations Sigtrail turns into columns. Only the fields that feed MapInfo
 * are listed; everything else is skipped by the walker. Roots are CHOICEs on
 * the parameter's own tag so that v1/v2 (untagged SEQUENCE or bare type) and
 * v3 ([3] SEQUENCE) layouts both decode.
 */
import { seq, choice, U, C, type SNode } from '../ber/schema.js';

export type MapLeaf =
  | 'imsi' | 'addr' | 'lmsi' | 'int' | 'ssCode' | 'cgi' | 'lai' | 'geo' | 'isup' | 'dcs' | 'ussd'
  | 'imei' | 'reqInfo' | 'null' | 'hex' | 'count' | 'subState' | 'tpduMo' | 'tpduMt' | 'ia5';
export type MNode = SNode<MapLeaf>;

const OCT = U(4), INT = U(2), SEQ = U(16), ENUM = U(10), NUL = U(5);

const L = (k: MapLeaf, f?: string, extra?: Partial<MNode>): MNode => ({ k, ...(f ? { f } : {}), ...extra });
const imsi = (f = 'imsi'): MNode => L('imsi', f);
const addr = (f?: string): MNode => L('addr', f);

/** SubscriberIdentity ::= CHOICE { imsi [0], msisdn [1] } (explicitly tagged by its container). */
const subscriberIdentity = seq<MapLeaf>({ [C(0)]: imsi(), [C(1)]: addr('msisdn') });

/** CellGlobalIdOrServiceAreaIdOrLAI ::= CHOICE { cgi/sai fixed [0], lai fixed [1] }. */
const cgiOrLai = seq<MapLeaf>({ [C(0)]: L('cgi', 'cellGlobalId'), [C(1)]: L('lai', 'lai') });

const locationInformation = seq<MapLeaf>({
  [INT]: L('int', 'ageOfLocation'),
  [C(0)]: L('geo'),
  [C(1)]: addr('vlrNumber'),
  [C(2)]: L('isup', 'locationNumber'),
  [C(3)]: cgiOrLai,
  [C(6)]: addr('mscNumber'),
});

const subscriberState = seq<MapLeaf>({
  [C(0)]: L('subState', undefined, { kv: 'assumedIdle' }),
  [C(1)]: L('subState', undefined, { kv: 'camelBusy' }),
  [ENUM]: L('subState', undefined, { kv: 'netDetNotReachable' }),
  [NUL]: L('subState', undefined, { kv: 'notProvidedFromVLR' }),
});

/** LocationInformationGPRS: cgi/sai/lai [0], routeingAreaIdentity [1], geographicalInformation [2], sgsn-Number [3], selectedLSAIdentity [4], …, ageOfLocationInformation [9]. */
const locationInformationGprs = seq<MapLeaf>({
  [C(0)]: cgiOrLai,
  [C(2)]: L('geo'),
  [C(3)]: addr('sgsnNumber'),
  [C(9)]: L('int', 'ageOfLocation'),
});

/** MNPInfoRes: routeingNumber [0], imsi [1], msisdn [2], numberPortabilityStatus [3]. */
const mnpInfoRes = seq<MapLeaf>({ [C(1)]: imsi(), [C(2)]: addr('msisdn') });

const subscriberInfo = seq<MapLeaf>({
  [C(0)]: locationInformation,
  [C(1)]: subscriberState,
  [C(3)]: locationInformationGprs,
  [C(5)]: L('imei', 'imei'),
  [C(8)]: mnpInfoRes,
});

const requestedInfo = seq<MapLeaf>({
  [C(0)]: L('reqInfo', undefined, { kv: 'locationInformation' }),
  [C(1)]: L('reqInfo', undefined, { kv: 'subscriberState' }),
  [C(3)]: L('reqInfo', undefined, { kv: 'currentLocation' }),
  [C(4)]: L('reqInfo', undefined, { kv: 'requestedDomain' }),
  [C(5)]: L('reqInfo', undefined, { kv: 'ms-classmark' }),
  [C(6)]: L('reqInfo', undefined, { kv: 'imei' }),
  [C(7)]: L('reqInfo', undefined, { kv: 'mnpRequestedInfo' }),
  [C(8)]: L('reqInfo', undefined, { kv: 'locationInformationEPS-Supported' }),
  [C(9)]: L('reqInfo', undefined, { kv: 't-adsData' }),
  [C(10)]: L('reqInfo', undefined, { kv: 'requestedNodes' }),
  [C(11)]: L('reqInfo', undefined, { kv: 'servingNodeIndication' }),
  [C(12)]: L('reqInfo', undefined, { kv: 'localTimeZoneRequest' }),
});

const basicService = { [C(2)]: L('null'), [C(3)]: L('null') };

/** Ext-ForwFeature / ForwardingFeature: forwardedToNumber [5] (and long FTN). */
const forwFeature = seq<MapLeaf>({ ...basicService, [C(5)]: addr('forwardedToNumber'), [C(9)]: L('hex'), [C(10)]: addr('forwardedToNumber') });
const forwInfo = seq<MapLeaf>({ [OCT]: L('ssCode', 'ssCode'), [SEQ]: seq<MapLeaf>({ [SEQ]: forwFeature }) });
const ssData = seq<MapLeaf>({ [OCT]: L('ssCode', 'ssCode') });
/** SS-Info / Ext-SS-Info ::= CHOICE { forwardingInfo [0], callBarringInfo [1], cug-Info [2], ss-Data [3] }. */
const ssInfoKids = { [C(0)]: forwInfo, [C(1)]: ssData, [C(3)]: ssData };

/** CAMEL TDP data: serviceKey + gsmSCF-Address [0]. */
const camelTdp = seq<MapLeaf>({ [INT]: L('int', 'camelServiceKey'), [C(0)]: addr('gsmScfAddress') });
const csi = seq<MapLeaf>({ [SEQ]: seq<MapLeaf>({ [SEQ]: camelTdp }) });
const smsTdp = seq<MapLeaf>({ [C(1)]: L('int', 'camelServiceKey'), [C(2)]: addr('gsmScfAddress') });
const smsCsi = seq<MapLeaf>({ [C(0)]: seq<MapLeaf>({ [SEQ]: smsTdp }) });
/** SS-CSI [2] { ss-CamelData { ss-EventList, gsmSCF-Address } }; M-CSI [5] { mobilityTriggers, serviceKey, gsmSCF-Address [0] }; D-CSI [9] { dp-AnalysedInfoCriteriaList [0] { { dialledNumber, serviceKey, gsmSCF-Address, defaultCallHandling } } }. */
const ssCsi = seq<MapLeaf>({ [SEQ]: seq<MapLeaf>({ [OCT]: addr('gsmScfAddress') }) });
const mCsi = seq<MapLeaf>({ [INT]: L('int', 'camelServiceKey'), [C(0)]: addr('gsmScfAddress') });
const dCsi = seq<MapLeaf>({ [C(0)]: seq<MapLeaf>({ [SEQ]: seq<MapLeaf>({ [OCT]: [addr(), addr('gsmScfAddress')], [INT]: L('int', 'camelServiceKey') }) }) });
const vlrCamel = seq<MapLeaf>({ [C(0)]: csi, [C(2)]: ssCsi, [C(5)]: mCsi, [C(6)]: smsCsi, [C(7)]: csi, [C(9)]: dCsi, [C(10)]: smsCsi });
/** EPS-SubscriptionData: stn-sr [6]. */
const epsSubscriptionData = seq<MapLeaf>({ [C(6)]: addr() });

/** SGSN-CAMEL-SubscriptionInfo: gprs-CSI [0] { gprs-CamelTDPDataList [0] { { serviceKey [1], gsmSCF-Address [2] } } }, mo-sms-CSI [1], mt-sms-CSI [3]. */
const gprsTdp = seq<MapLeaf>({ [C(1)]: L('int', 'camelServiceKey'), [C(2)]: addr('gsmScfAddress') });
const sgsnCamel = seq<MapLeaf>({ [C(0)]: seq<MapLeaf>({ [C(0)]: seq<MapLeaf>({ [SEQ]: gprsTdp }) }), [C(1)]: smsCsi, [C(3)]: smsCsi });
/** LCSInformation: gmlc-List [0] SEQUENCE OF ISDN-AddressString. */
const lcsInformation = seq<MapLeaf>({ [C(0)]: seq<MapLeaf>({ [OCT]: addr() }) });
/** LCS-ClientID: lcsClientExternalID [1] { externalAddress [0] }, lcsClientDialedByMS [2] AddressString. */
const lcsClientId = seq<MapLeaf>({ [C(1)]: seq<MapLeaf>({ [C(0)]: addr() }), [C(2)]: addr() });

const smRpDa = choice<MapLeaf>({
  [C(0)]: L('imsi', 'smRpDa', { f2: 'imsi', kf: 'smRpDaKind', kv: 'imsi' }),
  [C(1)]: L('lmsi', 'smRpDa', { f2: 'lmsi', kf: 'smRpDaKind', kv: 'lmsi' }),
  [C(4)]: L('addr', 'smRpDa', { f2: 'serviceCentre', kf: 'smRpDaKind', kv: 'serviceCentre' }),
  [C(5)]: L('null', undefined, { kf: 'smRpDaKind', kv: 'none' }),
});
const smRpOa = choice<MapLeaf>({
  [C(2)]: L('addr', 'smRpOa', { f2: 'msisdn', kf: 'smRpOaKind', kv: 'msisdn' }),
  [C(4)]: L('addr', 'smRpOa', { f2: 'serviceCentre', kf: 'smRpOaKind', kv: 'serviceCentre' }),
  [C(5)]: L('null', undefined, { kf: 'smRpOaKind', kv: 'none' }),
});
const forwardSmMt = seq<MapLeaf>({ [OCT]: [L('tpduMt', 'smRpUi'), imsi()] }, [smRpDa, smRpOa]);
const forwardSmMo = seq<MapLeaf>({ [OCT]: [L('tpduMo', 'smRpUi'), imsi()] }, [smRpDa, smRpOa]);

const ussdArg = seq<MapLeaf>({ [OCT]: [L('dcs'), L('ussd'), L('hex')], [C(0)]: addr('msisdn') });

const identity = choice<MapLeaf>({ [OCT]: imsi(), [SEQ]: seq<MapLeaf>({ [OCT]: [imsi(), L('lmsi', 'lmsi')] }) });
const cancelLocation = seq<MapLeaf>({ [OCT]: imsi(), [SEQ]: seq<MapLeaf>({ [OCT]: [imsi(), L('lmsi', 'lmsi')] }), [ENUM]: L('int', 'cancellationType'), [C(3)]: addr('mscNumber'), [C(4)]: addr('vlrNumber'), [C(5)]: L('lmsi', 'lmsi') });

const lcsLocationInfo = seq<MapLeaf>({ [OCT]: addr('mscNumber'), [C(0)]: L('lmsi', 'lmsi'), [C(3)]: seq<MapLeaf>({ [C(0)]: addr('mscNumber'), [C(1)]: addr('sgsnNumber') }) });

const sriV3Res = seq<MapLeaf>({
  [C(9)]: imsi(),
  [OCT]: addr('msrn'),
  [SEQ]: seq<MapLeaf>({ [C(5)]: addr('forwardedToNumber'), [C(8)]: addr('forwardedToNumber') }),
  // camelRoutingInfo [8] { forwardingData, gmscCamelSubscriptionInfo [0] { t-CSI [0], o-CSI [1], d-CSI [5] } }
  [C(8)]: seq<MapLeaf>({ [SEQ]: seq<MapLeaf>({ [C(5)]: addr('forwardedToNumber'), [C(8)]: addr('forwardedToNumber') }), [C(0)]: seq<MapLeaf>({ [C(0)]: csi, [C(1)]: csi }) }),
  [C(7)]: subscriberInfo,
  [C(2)]: addr('vlrNumber'),
  [C(12)]: addr('msisdn'),
});
const sriV2Res = seq<MapLeaf>({ [OCT]: [imsi(), addr('msrn')], [SEQ]: seq<MapLeaf>({ [C(5)]: addr('forwardedToNumber') }) });

/** Argument layouts by operation code. */
export const MAP_ARG: (MNode | undefined)[] = [];
/** Result layouts by operation code (as tshark reads them in a v3 dialogue). */
export const MAP_RES: (MNode | undefined)[] = [];
/**
 * Result layouts tshark reads differently outside a v3 dialogue (no dialogue portion in
 * the message, or a v1/v2 context): the operations it dissects by version.
 */
export const MAP_RES_OLD: (MNode | undefined)[] = [];

const arg = (op: number, kids: Record<number, MNode>): void => {
  MAP_ARG[op] = choice<MapLeaf>(kids);
};
const res = (op: number, kids: Record<number, MNode>): void => {
  MAP_RES[op] = choice<MapLeaf>(kids);
};

// 2 updateLocation
arg(2, { [SEQ]: seq<MapLeaf>({ [OCT]: [imsi(), addr('vlrNumber')], [C(1)]: addr('mscNumber'), [C(10)]: L('lmsi', 'lmsi') }) });
res(2, { [SEQ]: seq<MapLeaf>({ [OCT]: addr('hlrNumber') }), [OCT]: addr('hlrNumber') });
// 3 cancelLocation (v3 [3] SEQUENCE; v1/v2 Identity: IMSI or imsi-WithLMSI SEQUENCE)
arg(3, { [C(3)]: cancelLocation, [SEQ]: seq<MapLeaf>({ [OCT]: [imsi(), L('lmsi', 'lmsi')] }), [OCT]: imsi() });
// 4 provideRoamingNumber
arg(4, { [SEQ]: seq<MapLeaf>({ [C(0)]: imsi(), [C(1)]: addr('mscNumber'), [C(2)]: addr('msisdn'), [C(4)]: L('lmsi', 'lmsi'), [C(8)]: addr('gmscAddress'), [C(25)]: addr() }) });
res(4, { [SEQ]: seq<MapLeaf>({ [OCT]: addr('roamingNumber'), [C(0)]: addr() }), [OCT]: addr('roamingNumber') });
// 7 insertSubscriberData
arg(7, {
  [SEQ]: seq<MapLeaf>({
    [C(0)]: imsi(),
    [C(1)]: addr('msisdn'),
    [C(7)]: seq<MapLeaf>(ssInfoKids),
    [C(13)]: vlrCamel,
    [C(17)]: sgsnCamel,
    [C(22)]: lcsInformation,
    [C(31)]: epsSubscriptionData,
    [C(34)]: addr('sgsnNumber'),
  }),
});
// 8 deleteSubscriberData
arg(8, { [SEQ]: seq<MapLeaf>({ [C(0)]: imsi(), [C(2)]: seq<MapLeaf>({ [OCT]: L('ssCode', 'ssCode') }) }) });
// 9 sendParameters (v1)
arg(9, { [SEQ]: seq<MapLeaf>({ [C(0)]: imsi(), [C(1)]: L('hex') }) });
// 10 registerSS
const ssInfoRes = { ...ssInfoKids };
arg(10, { [SEQ]: seq<MapLeaf>({ [OCT]: L('ssCode', 'ssCode'), [C(4)]: addr('forwardedToNumber'), [C(9)]: addr('forwardedToNumber') }) });
res(10, ssInfoRes);
// 11 eraseSS, 12 activateSS, 13 deactivateSS, 14 interrogateSS: SS-ForBS-Code
for (const op of [11, 12, 13, 14]) {
  arg(op, { [SEQ]: seq<MapLeaf>({ [OCT]: L('ssCode', 'ssCode') }) });
  if (op !== 14) res(op, ssInfoRes);
}
res(14, { [C(3)]: seq<MapLeaf>({ [SEQ]: forwFeature }) });
// 22 sendRoutingInfo
arg(22, { [SEQ]: seq<MapLeaf>({ [C(0)]: addr('msisdn'), [C(6)]: addr('gmscAddress') }) });
// (v3: a SEQUENCE without the [3] tag has the v3 fields; v1/v2: SendRoutingInfoResV2, or a bare IMSI)
res(22, { [C(3)]: sriV3Res, [SEQ]: sriV3Res });
MAP_RES_OLD[22] = choice<MapLeaf>({ [C(3)]: sriV3Res, [SEQ]: sriV2Res, [OCT]: imsi() });
// 23 updateGprsLocation
arg(23, { [SEQ]: seq<MapLeaf>({ [OCT]: [imsi(), addr('sgsnNumber'), L('hex')] }) });
res(23, { [SEQ]: seq<MapLeaf>({ [OCT]: addr('hlrNumber') }) });
// 24 sendRoutingInfoForGprs
arg(24, { [SEQ]: seq<MapLeaf>({ [C(0)]: imsi(), [C(2)]: addr('ggsnNumber') }) });
// 25 failureReport
arg(25, { [SEQ]: seq<MapLeaf>({ [C(0)]: imsi(), [C(1)]: addr('ggsnNumber') }) });
// 26 noteMsPresentForGprs
arg(26, { [SEQ]: seq<MapLeaf>({ [C(0)]: imsi() }) });
// 37 reset
const resetArg = seq<MapLeaf>({ [OCT]: addr('hlrNumber'), [C(1)]: addr(), [SEQ]: seq<MapLeaf>({ [OCT]: imsi() }) });
arg(37, { [SEQ]: resetArg, [C(3)]: resetArg });
// 43 checkIMEI (v3 SEQUENCE, v1/v2 bare IMEI)
arg(43, { [SEQ]: seq<MapLeaf>({ [OCT]: L('imei', 'imei') }), [OCT]: L('imei', 'imei') });
// 44 mt-forwardSM, 46 mo-forwardSM (forwardSM in v1/v2)
arg(44, { [SEQ]: forwardSmMt });
arg(46, { [SEQ]: forwardSmMo });
res(44, { [SEQ]: seq<MapLeaf>({ [OCT]: L('hex', 'smRpUi') }) });
res(46, { [SEQ]: seq<MapLeaf>({ [OCT]: L('hex', 'smRpUi') }) });
// 45 sendRoutingInfoForSM
arg(45, { [SEQ]: seq<MapLeaf>({ [C(0)]: addr('msisdn'), [C(2)]: addr('serviceCentre'), [C(12)]: imsi() }) });
// (v3: LocationInfoWithLMSI with networkNode-Number [1] and additional-Number [6]; v1/v2: LocationInfoWithLMSIv2, locationInfo
// CHOICE roamingNumber [0] / msc-Number [1], lmsi, nothing after the extension marker)
res(45, {
  [SEQ]: seq<MapLeaf>({
    [OCT]: imsi(),
    [C(0)]: seq<MapLeaf>({ [C(1)]: addr('mscNumber'), [OCT]: L('lmsi', 'lmsi'), [C(6)]: seq<MapLeaf>({ [C(0)]: addr('mscNumber'), [C(1)]: addr('sgsnNumber') }) }),
  }),
});
MAP_RES_OLD[45] = choice<MapLeaf>({
  [SEQ]: seq<MapLeaf>({ [OCT]: imsi(), [C(0)]: seq<MapLeaf>({ [C(0)]: addr('msrn'), [C(1)]: addr('mscNumber'), [OCT]: L('lmsi', 'lmsi') }) }),
});
// 47 reportSM-DeliveryStatus
arg(47, { [SEQ]: seq<MapLeaf>({ [OCT]: [addr('msisdn'), addr('serviceCentre')], [ENUM]: L('int', 'deliveryOutcome'), [C(9)]: imsi() }) });
res(47, { [SEQ]: seq<MapLeaf>({ [OCT]: addr('msisdn') }), [OCT]: addr('msisdn') });
// 49 alertServiceCentreWithoutResult (v1), 64 alertServiceCentre
const alertSc = seq<MapLeaf>({ [OCT]: [addr('msisdn'), addr('serviceCentre'), imsi()], [C(8)]: addr('mscNumber') });
arg(49, { [SEQ]: alertSc });
arg(64, { [SEQ]: alertSc });
// 55 sendIdentification
arg(55, { [SEQ]: seq<MapLeaf>({ [OCT]: [L('hex'), addr('mscNumber')], [C(0)]: L('lai', 'lai'), [C(3)]: addr('vlrNumber'), [C(4)]: L('lmsi', 'lmsi') }), [OCT]: L('hex') });
const sendIdRes = seq<MapLeaf>({ [OCT]: imsi() });
res(55, { [C(3)]: sendIdRes, [SEQ]: sendIdRes });
// 56 sendAuthenticationInfo (v3 SEQUENCE, v2 bare IMSI)
arg(56, { [SEQ]: seq<MapLeaf>({ [C(0)]: imsi(), [INT]: L('int', 'requestedVectors') }), [OCT]: imsi() });
res(56, {
  [C(3)]: seq<MapLeaf>({ [C(0)]: L('count', 'vectors'), [C(1)]: L('count', 'vectors') }),
  [SEQ]: L('count', 'vectors'),
});
// 57 restoreData
arg(57, { [SEQ]: seq<MapLeaf>({ [OCT]: [imsi(), L('lmsi', 'lmsi')] }) });
res(57, { [SEQ]: seq<MapLeaf>({ [OCT]: addr('hlrNumber') }) });
// 58 sendIMSI
arg(58, { [OCT]: addr('msisdn') });
res(58, { [OCT]: imsi() });
// 19 processUnstructuredSS-Data (v1): SS-UserData IA5String, both directions
arg(19, { [U(22)]: L('ia5', 'ussdString') });
res(19, { [U(22)]: L('ia5', 'ussdString') });
// 59 processUnstructuredSS-Request, 60 unstructuredSS-Request, 61 unstructuredSS-Notify
for (const op of [59, 60, 61]) arg(op, { [SEQ]: ussdArg });
res(59, { [SEQ]: ussdArg });
res(60, { [SEQ]: ussdArg });
// 62 anyTimeSubscriptionInterrogation
arg(62, { [SEQ]: seq<MapLeaf>({ [C(0)]: subscriberIdentity, [C(2)]: addr('requestingGsmScf') }) });
// 63 informServiceCentre
arg(63, { [SEQ]: seq<MapLeaf>({ [OCT]: addr('msisdn') }) });
// 65 anyTimeModification
arg(65, { [SEQ]: seq<MapLeaf>({ [C(0)]: subscriberIdentity, [C(1)]: addr('requestingGsmScf'), [C(2)]: seq<MapLeaf>({ [C(0)]: L('ssCode', 'ssCode'), [C(3)]: addr('forwardedToNumber') }) }) });
// 66 readyForSM
arg(66, { [SEQ]: seq<MapLeaf>({ [C(0)]: imsi(), [ENUM]: L('int', 'alertReason') }) });
// 67 purgeMS (v3 [3] SEQUENCE, v2 SEQUENCE)
arg(67, { [C(3)]: seq<MapLeaf>({ [OCT]: imsi(), [C(0)]: addr('vlrNumber'), [C(1)]: addr('sgsnNumber') }), [SEQ]: seq<MapLeaf>({ [OCT]: [imsi(), addr('vlrNumber')] }) });
// 70 provideSubscriberInfo
arg(70, { [SEQ]: seq<MapLeaf>({ [C(0)]: imsi(), [C(1)]: L('lmsi', 'lmsi'), [C(2)]: requestedInfo }) });
res(70, { [SEQ]: seq<MapLeaf>({ [SEQ]: subscriberInfo }) });
// 71 anyTimeInterrogation
arg(71, { [SEQ]: seq<MapLeaf>({ [C(0)]: subscriberIdentity, [C(1)]: requestedInfo, [C(3)]: addr('requestingGsmScf') }) });
res(71, { [SEQ]: seq<MapLeaf>({ [SEQ]: subscriberInfo }) });
// 83 provideSubscriberLocation
arg(83, { [SEQ]: seq<MapLeaf>({ [OCT]: addr('mlcNumber'), [C(0)]: lcsClientId, [C(2)]: imsi(), [C(3)]: addr('msisdn'), [C(4)]: L('lmsi', 'lmsi'), [C(5)]: L('imei', 'imei') }) });
res(83, { [SEQ]: seq<MapLeaf>({ [OCT]: L('geo'), [C(0)]: L('int', 'ageOfLocation'), [C(6)]: cgiOrLai }) });
// 85 sendRoutingInfoForLCS
arg(85, { [SEQ]: seq<MapLeaf>({ [C(0)]: addr('mlcNumber'), [C(1)]: subscriberIdentity }) });
res(85, { [SEQ]: seq<MapLeaf>({ [C(0)]: subscriberIdentity, [C(1)]: lcsLocationInfo }) });
// 86 subscriberLocationReport
arg(86, {
  [SEQ]: seq<MapLeaf>({
    [SEQ]: [lcsClientId, lcsLocationInfo],
    [C(0)]: addr('msisdn'),
    [C(1)]: imsi(),
    [C(2)]: L('imei', 'imei'),
    [C(3)]: addr(),
    [C(4)]: addr(),
    [C(5)]: L('geo'),
    [C(6)]: L('int', 'ageOfLocation'),
    [C(13)]: cgiOrLai,
  }),
});
void identity;
