/** SS7 / SIGTRAN layer records (owned by the SS7 lower-layer decoder). */

export interface M3uaInfo {
  version: number;
  cls: number;
  type: number;
  /** e.g. 'DATA', 'ASPUP', 'BEAT_ACK'. */
  typeName: string;
  /** True when the old Internet-Draft parameter tags were detected. */
  draft?: boolean;
  routingContext?: number[];
  networkAppearance?: number;
  /** Protocol Data (DATA messages only). */
  opc?: number;
  dpc?: number;
  si?: number;
  ni?: number;
  mp?: number;
  sls?: number;
  /** Management parameters worth keeping (status type/info, ASP id, error code, info string, affected PCs …). */
  params?: Record<string, string | number | number[]>;
}

export interface M2paInfo {
  version: number;
  cls: number;
  type: number;
  typeName: string;
  bsn: number;
  fsn: number;
  linkStatus?: number;
  /** Link status name ('Alignment', 'Ready' …) for Link Status messages. */
  linkStatusName?: string;
  /** MTP2 priority octet of User Data (RFC 4165). */
  priority?: number;
}

export interface M2uaInfo {
  version: number;
  cls: number;
  type: number;
  typeName: string;
  interfaceId?: number;
  params?: Record<string, string | number | number[]>;
}

export interface SuaInfo {
  version: number;
  cls: number;
  type: number;
  typeName: string;
  routingContext?: number[];
  /** Protocol class and hop counter of CLDT. */
  protocolClass?: number;
  hopCounter?: number;
  params?: Record<string, string | number | number[]>;
}

export interface Mtp2Info {
  bsn: number;
  bib: number;
  fsn: number;
  fib: number;
  li: number;
  /** 'MSU' | 'LSSU' | 'FISU' */
  unit: string;
  /** LSSU status ('SIO', 'SIN', 'SIE', 'SIOS', 'SIPO', 'SIB'). */
  status?: string;
  /** Pseudo-header (link type 139): direction sent, Annex A (extended sequence numbers), link number. */
  sent?: boolean;
  annexA?: boolean;
  linkNumber?: number;
}

export interface Mtp3Info {
  variant: 'itu' | 'ansi';
  si: number;
  ni: number;
  opc: number;
  dpc: number;
  sls: number;
  /** MTP3 network management / test message (SI 0, 1, 2): heading codes and short name ('TFP', 'SLTM' …). */
  mgmt?: { h0: number; h1: number; name: string; affectedPc?: number };
}

export interface SccpAddress {
  /** Routing indicator: true = route on SSN, false = route on GT. */
  routeOnSsn: boolean;
  pc?: number;
  ssn?: number;
  gti?: number;
  tt?: number;
  np?: number;
  es?: number;
  nai?: number;
  digits?: string;
}

export interface SccpInfo {
  type: number;
  /** e.g. 'UDT', 'XUDT', 'LUDTS'. */
  typeName: string;
  protocolClass?: number;
  returnOnError?: boolean;
  hopCounter?: number;
  returnCause?: number;
  called: SccpAddress;
  calling: SccpAddress;
  /** Present when the message was one segment of a segmented XUDT/LUDT. */
  segment?: { first: boolean; remaining: number; localRef: number; reassembled: boolean };
  /** SCCP management (SSN 1): message type, affected SSN/PC, multiplicity. */
  scmg?: { type: number; typeName: string; affectedSsn: number; affectedPc: number; smi: number; congestion?: number };
  /** Connection-oriented references (CR, CC, DT1, RLSD …). */
  slr?: number;
  dlr?: number;
  /** Release / refusal / reset / error cause of connection-oriented messages. */
  cause?: number;
  importance?: number;
  /** Length of the (reassembled) user data handed to the SCCP user. */
  dataLength?: number;
  /** Set when this record was derived from a SUA CLDT/CLDR message (no SCCP on the wire). */
  via?: 'sua';
}

export interface IsupInfo {
  type: number;
  typeName: string;
  cic: number;
  called?: string;
  calling?: string;
  redirecting?: string;
  originalCalled?: string;
  connected?: string;
  causeValue?: number;
  causeName?: string;
  /** Nature of address indicators of called / calling numbers. */
  calledNai?: number;
  callingNai?: number;
  /** Calling party address presentation restricted indicator (0 allowed, 1 restricted, 2 not available). */
  callingPresentation?: number;
  /** Q.850 cause location and coding standard (REL, CFN, FRJ). */
  causeLocation?: number;
  /** Mandatory part or optional parameter the decoder could not follow. */
  malformed?: string;
  /** BICC message (MTP3 SI 13, 32-bit CIC, Wireshark 'bicc'): same fields as ISUP. */
  bicc?: boolean;
}
