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
}

export interface Mtp3Info {
  variant: 'itu' | 'ansi';
  si: number;
  ni: number;
  opc: number;
  dpc: number;
  sls: number;
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
  scmg?: { type: number; typeName: string; affectedSsn: number; affectedPc: number; smi: number };
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
}
