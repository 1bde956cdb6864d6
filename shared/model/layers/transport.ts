/** Transport below the SS7 adaptation layers: IP, SCTP, TCP (owned by the network-layer decoder). */
export interface TransportInfo {
  /** 'sctp' | 'tcp' | 'udp' for IP carried messages, 'mtp2' / 'mtp3' for pcap link types 139/140/141. */
  proto: 'sctp' | 'tcp' | 'udp' | 'link';
  src?: string;
  dst?: string;
  srcPort?: number;
  dstPort?: number;
  /** SCTP: stream id, stream sequence number, TSN of the (first) DATA chunk, payload protocol id. */
  stream?: number;
  ssn?: number;
  tsn?: number;
  ppid?: number;
  /** True when this SCTP DATA chunk repeats a TSN already seen on the association (retransmission). */
  retransmission?: boolean;
  /** Frame numbers that carried fragments when the message was reassembled (SCTP, TCP, IP). */
  fragmentFrames?: number[];
  /** Pcap link type of the frame. */
  linkType?: number;
  /** Set when the PDU was found by a payload heuristic rather than a well-known port (e.g. Diameter on TCP 3871). */
  heuristic?: 'diameter';
  vlan?: number[];
}
