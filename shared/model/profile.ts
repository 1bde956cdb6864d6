/**
 * Network profile: whose network this is, and who its partners are. Written by
 * an operator (or by the scenario generator) and read by the detectors. The JSON
 * Schema and validator live in shared/detect/profile-schema.ts.
 */
export type NodeRole = 'hlr' | 'vlr' | 'msc' | 'smsc' | 'gsmscf' | 'gmlc' | 'sgsn' | 'mme' | 'hss' | 'stp' | 'dra' | 'smsf';

export interface ProfileNode {
  role: NodeRole;
  gt?: string;
  pc?: number;
  /** Diameter identity, for hss/mme/dra. */
  host?: string;
  name?: string;
}

export interface HomeNetwork {
  name: string;
  mcc: string;
  mnc: string[];
  /** E.164 country code. */
  cc: string;
  gtPrefixes: string[];
  msisdnPrefixes: string[];
  pointCodes: number[];
  realms?: string[];
  nodes: ProfileNode[];
}

export interface PartnerNetwork {
  name: string;
  kind: 'roaming' | 'sms-hub' | 'ipx';
  mcc?: string;
  mnc?: string[];
  cc?: string;
  gtPrefixes: string[];
  pointCodes?: number[];
  /** Name of the IPX carrier the partner is reached through. */
  via?: string;
  realms?: string[];
}

export interface NetworkProfile {
  home: HomeNetwork;
  partners: PartnerNetwork[];
}
