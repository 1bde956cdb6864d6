/** Diameter (owned by the Diameter decoder). */

export interface DiameterAvp {
  code: number;
  vendor?: number;
  flags: number;
  name: string;
  /** Decoded value: string for text/addresses/octets (hex), number/bigint as string for integers; children for grouped AVPs. */
  value?: string | number;
  children?: DiameterAvp[];
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
  visitedPlmnId?: string;
  resultCode?: number;
  experimentalResult?: number;
  ratType?: number;
  ulrFlags?: number;
  idrFlags?: number;
  clrCancellationType?: number;
  /** Every E.164 number / IMSI in the message, in the order tshark fills e164.msisdn / e212.imsi. */
  e164?: string[];
  imsis?: string[];
  avps: DiameterAvp[];
}
