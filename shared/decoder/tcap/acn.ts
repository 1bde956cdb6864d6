/** Application-context names of MAP (TS 29.002) and CAP (TS 29.078) dialogues, and the component user they select. */

/** MAP application contexts 0.4.0.0.1.0.<x>.<version>, indexed by x. */
const MAP_AC: readonly (string | undefined)[] = [
  undefined,
  'networkLocUpContext', // 1
  'locationCancellationContext',
  'roamingNumberEnquiryContext',
  'istAlertingContext',
  'locationInfoRetrievalContext', // 5
  'callControlTransferContext',
  'reportingContext',
  'callCompletionContext',
  'serviceTerminationContext',
  'resetContext', // 10
  'handoverControlContext',
  'sIWFSAllocationContext',
  'equipmentMngtContext',
  'infoRetrievalContext',
  'interVlrInfoRetrievalContext', // 15
  'subscriberDataMngtContext',
  'tracingContext',
  'networkFunctionalSsContext',
  'networkUnstructuredSsContext',
  'shortMsgGatewayContext', // 20
  'shortMsgMO-RelayContext',
  'subscriberDataModificationNotificationContext',
  'shortMsgAlertContext',
  'mwdMngtContext',
  'shortMsgMT-RelayContext', // 25
  'imsiRetrievalContext',
  'msPurgingContext',
  'subscriberInfoEnquiryContext',
  'anyTimeInfoEnquiryContext',
  undefined, // 30
  'groupCallControlContext',
  'gprsLocationUpdateContext',
  'gprsLocationInfoRetrievalContext',
  'failureReportContext',
  'gprsNotifyContext', // 35
  'ss-InvocationNotificationContext',
  'locationSvcGatewayContext',
  'locationSvcEnquiryContext',
  'authenticationFailureReportContext',
  'secureTransportHandlingContext', // 40
  'shortMsgMT-Relay-VGCS-Context',
  'mm-EventReportingContext',
  'anyTimeInfoHandlingContext',
  'resourceManagementContext',
  'groupCallInfoRetrievalContext', // 45
  'vcsgLocationUpdateContext',
  'vcsgLocationCancellationContext',
];

/** CAP application contexts (phase 1/2 under 0.4.0.0.1.0.5x, phase 3/4 under 0.4.0.0.1.2x.3.y). */
const CAP_AC: Record<string, [string, number]> = {
  '0.4.0.0.1.0.50.0': ['CAP-v1-gsmSSF-to-gsmSCF-AC', 1],
  '0.4.0.0.1.0.50.1': ['CAP-v2-gsmSSF-to-gsmSCF-AC', 2],
  '0.4.0.0.1.0.51.1': ['CAP-v2-assist-gsmSSF-to-gsmSCF-AC', 2],
  '0.4.0.0.1.0.52.1': ['CAP-v2-gsmSRF-to-gsmSCF-AC', 2],
  '0.4.0.0.1.21.3.4': ['capssf-scfGenericAC', 3],
  '0.4.0.0.1.21.3.6': ['capssf-scfAssistHandoffAC', 3],
  '0.4.0.0.1.21.3.14': ['gsmSRF-gsmSCF-ac', 3],
  '0.4.0.0.1.21.3.50': ['cap3-gprssf-scfAC', 3],
  '0.4.0.0.1.21.3.51': ['cap3-gsmscf-gprsssfAC', 3],
  '0.4.0.0.1.21.3.61': ['cap3-sms-AC', 3],
  '0.4.0.0.1.22.3.14': ['gsmSRF-gsmSCF-ac', 4],
  '0.4.0.0.1.23.3.4': ['capssf-scfGenericAC', 4],
  '0.4.0.0.1.23.3.6': ['capssf-scfAssistHandoffAC', 4],
  '0.4.0.0.1.23.3.61': ['cap4-sms-AC', 4],
};

/** Contexts Wireshark 4.0 registers for the gsm_map dissector (x → versions); others fall back to the SSN. */
const MAP_REGISTERED: Record<number, number> = {
  // bit v set = version v registered
  1: 0b1110, 2: 0b1110, 3: 0b1110, 4: 0b1000, 5: 0b1110, 6: 0b1000, 7: 0b1000, 8: 0b1000, 9: 0b1000,
  10: 0b0110, 11: 0b1110, 12: 0b1000, 13: 0b1110, 14: 0b1110, 15: 0b1000, 16: 0b1110, 17: 0b1110,
  18: 0b0110, 19: 0b0100, 20: 0b1110, 21: 0b1110, 22: 0b1000, 23: 0b1110, 24: 0b1110, 25: 0b1100,
  26: 0b0100, 27: 0b1100, 28: 0b1000, 29: 0b1000, 31: 0b1000, 32: 0b1000, 33: 0b1000, 34: 0b1000,
  35: 0b1000, 36: 0b1000, 37: 0b1000, 38: 0b1000, 39: 0b1000, 40: 0b1000, 41: 0b1000, 42: 0b1000,
  43: 0b1000, 44: 0b1000, 45: 0b1000,
};

export interface AcnInfo {
  name?: string;
  version?: number;
  /** Component user the context selects in Wireshark ('gsm_map' | 'camel'), undefined when the OID is not registered. */
  user?: 'gsm_map' | 'camel';
}

const MAP_PREFIX = '0.4.0.0.1.0.';

const cache = new Map<string, AcnInfo>();

/** Name, version and component user of an application-context OID (memoised). */
export function acnInfo(oid: string): AcnInfo {
  let a = cache.get(oid);
  if (!a) {
    a = acnLookup(oid);
    if (cache.size < 4096) cache.set(oid, a);
  }
  return a;
}

function acnLookup(oid: string): AcnInfo {
  const cap = CAP_AC[oid];
  if (cap) return { name: cap[0], version: cap[1], user: 'camel' };
  if (oid.startsWith(MAP_PREFIX)) {
    const rest = oid.slice(MAP_PREFIX.length).split('.');
    if (rest.length === 2) {
      const x = Number(rest[0]);
      const v = Number(rest[1]);
      const name = MAP_AC[x];
      const reg = MAP_REGISTERED[x];
      const user = reg !== undefined && v >= 1 && v <= 3 && (reg >> v) & 1 ? 'gsm_map' as const : undefined;
      if (name) return { name, version: v, user };
      return { version: v, user };
    }
  }
  return {};
}

/**
 * Operations each MAP application context carries (TS 29.002 clause 17.1.2 / 17.3, all versions).
 * Used to flag an invoke whose operation does not belong to the dialogue's context ('acn-mismatch'),
 * a way to slip an operation past ACN-based screening.
 */
const MAP_AC_OPS: Record<number, readonly number[]> = {
  1: [2, 7, 38, 50, 57], // networkLocUp: updateLocation, insertSubscriberData, forwardCheckSS, activateTraceMode, restoreData
  2: [3],
  3: [4],
  4: [87],
  5: [22],
  6: [6],
  7: [73, 74, 75],
  8: [76, 77],
  9: [88],
  10: [37],
  11: [28, 29, 30, 33, 34, 35, 68, 69],
  12: [31, 32],
  13: [43],
  14: [9, 56],
  15: [55],
  16: [7, 8],
  17: [50, 51, 52],
  18: [10, 11, 12, 13, 14, 17, 18, 19, 54],
  19: [59, 60, 61],
  20: [45, 47, 63],
  21: [46],
  22: [5],
  23: [49, 64],
  24: [48, 66],
  25: [44, 46],
  26: [58],
  27: [67],
  28: [70],
  29: [71],
  31: [39, 40, 41, 42],
  32: [7, 23, 50],
  33: [24],
  34: [25],
  35: [26],
  36: [72],
  37: [85],
  38: [83, 86],
  39: [15],
  40: [78, 79, 80, 81],
  41: [21],
  42: [89],
  43: [62, 65],
  44: [20],
  45: [84],
  46: [7, 53],
  47: [36],
};

/** False when `oid` is a MAP context with a known operation list that does not contain `opcode`. */
export function mapAcAllows(oid: string, opcode: number): boolean {
  let ops: readonly number[] | null | undefined;
  if (oid === lastOid) ops = lastOps;
  else {
    ops = acOpsCache.get(oid);
    if (ops === undefined) {
      ops = oid.startsWith(MAP_PREFIX) ? MAP_AC_OPS[Number(oid.slice(MAP_PREFIX.length).split('.')[0])] ?? null : null;
      if (acOpsCache.size < 4096) acOpsCache.set(oid, ops);
    }
    lastOid = oid;
    lastOps = ops;
  }
  return ops === null || ops.includes(opcode);
}

/** The last context asked about and its operation list (messages of one dialogue type come in runs). */
let lastOid = '';
let lastOps: readonly number[] | null = null;

/** Operation list of each context OID seen (null: not a MAP context with a known list), memoised. */
const acOpsCache = new Map<string, readonly number[] | null>();
