/** MAP error parameters (3GPP TS 29.002 clause 17.6.6) reduced to one 'name=value' detail. */
import { readTlv, tlv as tlvBinding, readInt } from '../ber/ber.js';

const tlv = tlvBinding;

const ABSENT_REASON = ['imsiDetach', 'restrictedArea', 'noPageResponse', 'purgedMS', 'mtRoamingRetry', 'busySubscriber'];
const SM_FAILURE = ['memoryCapacityExceeded', 'equipmentProtocolError', 'equipmentNotSM-Equipped', 'unknownServiceCentre', 'sc-Congestion', 'invalidSME-Address', 'subscriberNotSC-Subscriber'];
const UNKNOWN_SUB = ['imsiUnknown', 'gprs-eps-SubscriptionUnknown', 'npdbMismatch'];
const NETWORK_RESOURCE = ['plmn', 'hlr', 'vlr', 'pvlr', 'controllingMSC', 'vmsc', 'eir', 'rss'];
const CALL_BARRING = ['barringServiceActive', 'operatorBarring'];
const ROAMING_NA: Record<number, string> = { 0: 'plmnRoamingNotAllowed', 3: 'operatorDeterminedBarring' };

const named = (names: readonly string[] | Record<number, string>, v: number): string => (names as Record<number, string>)[v] ?? String(v);

/** First element with identifier `id` directly inside [s, e): returns its integer value or undefined. */
function intChild(b: Uint8Array, s: number, e: number, id: number): number | undefined {
  let p = s;
  while (p < e) {
    if (readTlv(b, p, e)) return undefined;
    if (b[p] === id) return readInt(b, tlv.vs, tlv.ve);
    p = tlv.next;
  }
  return undefined;
}

/** Decodes the parameter TLV `b` of MAP error `code`; undefined when absent or not one of the handled errors. */
export function mapErrorDetail(code: number, b: Uint8Array): string | undefined {
  if (b.length === 0 || readTlv(b, 0, b.length)) return undefined;
  const id = b[0]!;
  const vs = tlv.vs, ve = tlv.ve;
  let v: number | undefined;
  switch (code) {
    case 1: // unknownSubscriber: SEQUENCE { ext, unknownSubscriberDiagnostic ENUMERATED }
      v = id === 0x30 ? intChild(b, vs, ve, 0x0a) : undefined;
      return v === undefined ? undefined : `unknownSubscriberDiagnostic=${named(UNKNOWN_SUB, v)}`;
    case 6: // absentSubscriberSM: SEQUENCE { absentSubscriberDiagnosticSM INTEGER, ext, additional… [0] }
      v = id === 0x30 ? intChild(b, vs, ve, 0x02) : undefined;
      return v === undefined ? undefined : `absentSubscriberDiagnosticSM=${v}`;
    case 8: // roamingNotAllowed: SEQUENCE { roamingNotAllowedCause ENUMERATED, … }
      v = id === 0x30 ? intChild(b, vs, ve, 0x0a) : undefined;
      return v === undefined ? undefined : `roamingNotAllowedCause=${named(ROAMING_NA, v)}`;
    case 13: // callBarred: CHOICE { callBarringCause ENUMERATED, extensibleCallBarredParam SEQUENCE { callBarringCause, … } }
      v = id === 0x0a ? readInt(b, vs, ve) : id === 0x30 ? intChild(b, vs, ve, 0x0a) : undefined;
      return v === undefined ? undefined : `callBarringCause=${named(CALL_BARRING, v)}`;
    case 27: // absentSubscriber: SEQUENCE { ext, absentSubscriberReason [0] ENUMERATED }
      v = id === 0x30 ? intChild(b, vs, ve, 0x80) : undefined;
      return v === undefined ? undefined : `absentSubscriberReason=${named(ABSENT_REASON, v)}`;
    case 32: // sm-DeliveryFailure: SEQUENCE { sm-EnumeratedDeliveryFailureCause ENUMERATED, diagnosticInfo, ext }
      v = id === 0x30 ? intChild(b, vs, ve, 0x0a) : undefined;
      return v === undefined ? undefined : `sm-EnumeratedDeliveryFailureCause=${named(SM_FAILURE, v)}`;
    case 34: // systemFailure: CHOICE { networkResource ENUMERATED, extensibleSystemFailureParam SEQUENCE { networkResource, … } }
      v = id === 0x0a ? readInt(b, vs, ve) : id === 0x30 ? intChild(b, vs, ve, 0x0a) : undefined;
      return v === undefined ? undefined : `networkResource=${named(NETWORK_RESOURCE, v)}`;
    default:
      return undefined;
  }
}
