/**
 * The Sigtrail record: one per decoded signaling message, and one per TCAP
 * component for MAP/CAP. Every downstream consumer (tshark formatter, case
 * store, detectors, workbench) reads this type and nothing else.
 *
 * Layer payloads are typed in ./layers/*; a layer object is present only when
 * that layer was reached. `protos` lists the layers that decoded, using
 * Wireshark's protocol names (m3ua, mtp3, sccp, tcap, gsm_map, camel, isup,
 * diameter …) so that rows line up with tshark.
 */
import type { TransportInfo } from './layers/transport.js';
import type { M3uaInfo, M2paInfo, M2uaInfo, SuaInfo, Mtp2Info, Mtp3Info, SccpInfo, IsupInfo } from './layers/ss7.js';
import type { TcapInfo, ComponentInfo, MapInfo, CapInfo } from './layers/tcap.js';
import type { DiameterInfo } from './layers/diameter.js';

export type LayerName =
  | 'file' | 'link' | 'ip' | 'sctp' | 'tcp'
  | 'm3ua' | 'm2pa' | 'm2ua' | 'sua' | 'mtp2' | 'mtp3'
  | 'sccp' | 'tcap' | 'gsm_map' | 'camel' | 'isup' | 'diameter';

/** Where and why decoding stopped. `offset` is relative to the start of that layer's bytes. */
export interface Stop {
  layer: LayerName;
  reason: string;
  offset: number;
}

export interface SigRecord {
  /** 1-based frame number as Wireshark shows it. */
  frame: number;
  /** Capture timestamp: whole seconds since the epoch and the nanosecond part. */
  tsSec: number;
  tsNsec: number;
  /** Byte offset of the frame's record header in the (uncompressed) capture file. */
  fileOffset: number;
  /** 0-based index of the message within the frame (SCTP DATA chunk, M3UA/Diameter message). */
  msgIdx: number;
  /** 0-based TCAP component index, -1 when the message carries no MAP/CAP component. */
  compIdx: number;
  /** Protocol stack of this message in Wireshark names, outermost first (e.g. ['m3ua','sccp','tcap','gsm_map']). */
  protos: string[];

  transport?: TransportInfo;
  m3ua?: M3uaInfo;
  m2pa?: M2paInfo;
  m2ua?: M2uaInfo;
  sua?: SuaInfo;
  mtp2?: Mtp2Info;
  mtp3?: Mtp3Info;
  sccp?: SccpInfo;
  isup?: IsupInfo;
  tcap?: TcapInfo;
  component?: ComponentInfo;
  map?: MapInfo;
  cap?: CapInfo;
  diameter?: DiameterInfo;

  /** Set when a layer could not be fully decoded; the layers before it are still present. */
  stop?: Stop;
  /** Non-fatal observations (e.g. 'sctp retransmission', 'global opcode'). */
  notes?: string[];
}

/** Timestamp helpers. */
export function recordTimeMs(r: Pick<SigRecord, 'tsSec' | 'tsNsec'>): number {
  return r.tsSec * 1000 + r.tsNsec / 1e6;
}

export type { TransportInfo } from './layers/transport.js';
export type * from './layers/ss7.js';
export type * from './layers/tcap.js';
export type * from './layers/diameter.js';
