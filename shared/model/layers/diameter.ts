/** Diameter (owned by the Diameter decoder). */

export interface DiameterAvp {
  code: number;
  /** Present when the V bit is set (10415 = 3GPP). */
  vendor?: number;
  /** AVP flags octet: 0x80 V, 0x40 M, 0x20 P. */
  flags: number;
  /** Dictionary name, or 'Unknown-AVP-<code>'. */
  name: string;
  /**
   * Decoded value: string for text/identities/URIs and addresses ('10.0.0.1'),
   * lowercase hex for OctetString and unknown AVPs, number for 32-bit integers,
   * enumerations, floats and Time (NTP seconds), decimal string for 64-bit
   * integers; absent for grouped AVPs (see children).
   */
  value?: string | number;
  /**
   * Human rendering when it adds something to `value`: the enumerated value's
   * name, ISO time, TBCD digits of an E.164 number (MSISDN), 'MCC/MNC' of a PLMN
   * id, or 'bad length …' when the data length does not fit the type.
   */
  text?: string;
  children?: DiameterAvp[];
  /** Byte offset of the AVP header from the start of the Diameter message, and the AVP length (header + data, without padding): for hex views. */
  offset?: number;
  length?: number;
}

export interface DiameterInfo {
  version: number;
  flags: number;
  request: boolean;
  proxiable: boolean;
  error: boolean;
  retransmit: boolean;
  cmd: number;
  /** e.g. 'Update-Location-Request'. */
  cmdName: string;
  /** Short name, e.g. 'ULR'. */
  cmdAbbrev: string;
  appId: number;
  appName?: string;
  hopByHop: number;
  endToEnd: number;
  sessionId?: string;
  originHost?: string;
  originRealm?: string;
  destHost?: string;
  destRealm?: string;
  userName?: string;
  imsi?: string;
  msisdn?: string;
  /** Visited-PLMN-Id as 'MCC/MNC', e.g. '310/260'. */
  visitedPlmnId?: string;
  visitedMcc?: string;
  visitedMnc?: string;
  resultCode?: number;
  experimentalResult?: number;
  /** Vendor-Id inside Experimental-Result (10415 for 3GPP result codes). */
  experimentalResultVendor?: number;
  ratType?: number;
  ulrFlags?: number;
  idrFlags?: number;
  clrCancellationType?: number;
  /** Every E.164 number / IMSI in the message, in the order tshark fills e164.msisdn / e212.imsi. */
  e164?: string[];
  imsis?: string[];
  avps: DiameterAvp[];
}
