import type { TransportInfo } from '../../model/record.js';

/** One upper-layer PDU found in a frame: an SCTP DATA chunk payload (reassembled), a TCP-framed PDU, a UDP payload. */
export interface TransportPdu {
  transport: TransportInfo;
  data: Uint8Array;
}
