/**
 * MAP operation codes (3GPP TS 29.002, local operation codes as Wireshark's gsm_old.localValue),
 * S6a/S6d Diameter command codes (3GPP TS 29.272) and helpers to classify rows.
 */
import type { DetectRow } from './types.js';

export const OP = {
  updateLocation: 2,
  cancelLocation: 3,
  provideRoamingNumber: 4,
  noteSubscriberDataModified: 5,
  insertSubscriberData: 7,
  deleteSubscriberData: 8,
  sendParameters: 9,
  registerSS: 10,
  eraseSS: 11,
  activateSS: 12,
  deactivateSS: 13,
  interrogateSS: 14,
  sendRoutingInfo: 22,
  updateGprsLocation: 23,
  sendRoutingInfoForGprs: 24,
  reset: 37,
  checkIMEI: 43,
  mtForwardSM: 44,
  sendRoutingInfoForSM: 45,
  moForwardSM: 46,
  reportSMDeliveryStatus: 47,
  sendIdentification: 55,
  sendAuthenticationInfo: 56,
  restoreData: 57,
  sendIMSI: 58,
  processUnstructuredSSRequest: 59,
  unstructuredSSRequest: 60,
  unstructuredSSNotify: 61,
  anyTimeSubscriptionInterrogation: 62,
  anyTimeModification: 65,
  purgeMS: 67,
  provideSubscriberInfo: 70,
  anyTimeInterrogation: 71,
  provideSubscriberLocation: 83,
  sendRoutingInfoForLCS: 85,
} as const;

/** Names as Wireshark prints them (gsm_old.localValue). */
export const OP_NAMES: Record<number, string> = {
  2: 'updateLocation', 3: 'cancelLocation', 4: 'provideRoamingNumber', 5: 'noteSubscriberDataModified', 7: 'insertSubscriberData',
  8: 'deleteSubscriberData', 9: 'sendParameters', 10: 'registerSS', 11: 'eraseSS', 12: 'activateSS', 13: 'deactivateSS', 14: 'interrogateSS',
  22: 'sendRoutingInfo', 23: 'updateGprsLocation', 24: 'sendRoutingInfoForGprs', 37: 'reset', 43: 'checkIMEI', 44: 'mt-forwardSM',
  45: 'sendRoutingInfoForSM', 46: 'mo-forwardSM', 47: 'reportSM-DeliveryStatus', 55: 'sendIdentification', 56: 'sendAuthenticationInfo',
  57: 'restoreData', 58: 'sendIMSI', 59: 'processUnstructuredSS-Request', 60: 'unstructuredSS-Request', 61: 'unstructuredSS-Notify',
  62: 'anyTimeSubscriptionInterrogation', 65: 'anyTimeModification', 67: 'purgeMS', 70: 'provideSubscriberInfo', 71: 'anyTimeInterrogation',
  83: 'provideSubscriberLocation', 85: 'sendRoutingInfoForLCS',
};

const byName = new Map<string, number>();
for (const [k, v] of Object.entries(OP_NAMES)) byName.set(v.toLowerCase(), Number(k));
for (const [k, v] of Object.entries(OP)) byName.set(k.toLowerCase(), v);
const ABBREV: Record<string, number> = {
  ati: 71, psi: 70, isd: 7, dsd: 8, cl: 3, prn: 4, ul: 2, ugl: 23, sri: 22, 'sri-sm': 45, srism: 45, 'sri-gprs': 24, 'sri-lcs': 85, psl: 83,
  atm: 65, atsi: 62, sai: 56, sendimsi: 58, 'send-imsi': 58, sendidentification: 55, 'mo-fsm': 46, 'mt-fsm': 44, ussr: 60, ussn: 61,
  pussr: 59, purgems: 67, 'purge-ms': 67,
};
for (const [k, v] of Object.entries(ABBREV)) byName.set(k, v);

/** Operation code from a name ('anyTimeInterrogation', 'ATI', '71'); undefined when unknown. */
export function opCode(name: string): number | undefined {
  if (/^\d+$/.test(name)) return Number(name);
  return byName.get(name.toLowerCase());
}

export function opName(code: number | null | undefined): string {
  return code == null ? 'unknown operation' : OP_NAMES[code] ?? `MAP operation ${code}`;
}

/** S6a/S6d command codes (TS 29.272). */
export const DIAM = { ULR: 316, CLR: 317, AIR: 318, IDR: 319, DSR: 320, PUR: 321, RSR: 322, NOR: 323 } as const;
export const DIAM_NAMES: Record<number, string> = { 316: 'Update-Location', 317: 'Cancel-Location', 318: 'Authentication-Information', 319: 'Insert-Subscriber-Data', 320: 'Delete-Subscriber-Data', 321: 'Purge-UE', 322: 'Reset', 323: 'Notify' };

/** CAP subsystem number (gsmSSF/gsmSCF, Q.713 Annex / 3GPP 23.003). */
const SSN_CAP = 146;

/**
 * The MAP operation code of a row, or undefined when the row is not a MAP component
 * with a local opcode. Rows whose MAP decoding stopped at TCAP still count when they
 * carry a local opcode and are not CAP-addressed.
 */
export function mapOp(r: DetectRow): number | undefined {
  if (r.opcode == null) return undefined;
  if (r.family === 'map') return r.opcode;
  if (r.family === 'tcap' && r.called_ssn !== SSN_CAP && r.calling_ssn !== SSN_CAP) return r.opcode;
  return undefined;
}

export const isInvoke = (r: DetectRow): boolean => r.comp_kind === 1;
export const isResult = (r: DetectRow): boolean => r.comp_kind === 2 || r.comp_kind === 7;
export const isError = (r: DetectRow): boolean => r.comp_kind === 3 || r.comp_kind === 4;

/** MAP invoke of one of `ops`. */
export function mapInvokeOf(r: DetectRow, ops: ReadonlySet<number>): number | undefined {
  if (!isInvoke(r)) return undefined;
  const op = mapOp(r);
  return op !== undefined && ops.has(op) ? op : undefined;
}

/**
 * Short-message direction. MAP v3 has distinct MT (44) and MO (46) opcodes; in v1/v2 opcode 46
 * is forwardSM for both, told apart by the application context or by SM-RP-DA carrying an IMSI.
 */
export function smDirection(r: DetectRow): 'mo' | 'mt' | undefined {
  const op = mapOp(r);
  if (op === 44) return 'mt';
  if (op !== 46) return undefined;
  const ac = (r.ac_name ?? '').toLowerCase();
  if (ac.includes('mt-relay') || ac.includes('shortmsgmt')) return 'mt';
  if (ac.includes('mo-relay') || ac.includes('shortmsgmo')) return 'mo';
  if (r.ac_version != null && r.ac_version >= 3) return 'mo';
  if (r.sm_rp_da && r.imsi && r.sm_rp_da === r.imsi) return 'mt';
  return 'mo';
}

export function isDiamRequest(r: DetectRow, cmd?: number): boolean {
  return r.family === 'diameter' && r.diam_request === true && (cmd === undefined || r.diam_cmd === cmd);
}

/** Supplementary-service codes for call forwarding (TS 29.002 SS-Code: allForwardingSS 0x20 … cfnrc 0x2b). */
export function isForwardingSs(code: number | null | undefined): boolean {
  return code != null && code >= 0x20 && code <= 0x2f;
}

/** Parses a list of op names/codes into a set; unknown names are reported. */
export function opSet(names: readonly string[], bad?: string[]): Set<number> {
  const s = new Set<number>();
  for (const n of names) {
    const c = opCode(n);
    if (c === undefined) bad?.push(n);
    else s.add(c);
  }
  return s;
}
