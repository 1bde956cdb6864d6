import type { TransportInfo } from '../../model/record.js';

/**
 * One upper-layer PDU found in a frame: an SCTP DATA chunk payload (reassembled), a TCP-framed PDU, a UDP payload.
 * Its bytes are buf[start, end); `data` is the same bytes as a view, made on first read
 * (the pipeline hands the range on without one).
 */
export class TransportPdu {
  private view: Uint8Array | undefined = undefined;
  constructor(
    readonly transport: TransportInfo,
    readonly buf: Uint8Array,
    readonly start: number,
    readonly end: number,
  ) {}

  /** A PDU that is a whole buffer. */
  static of(transport: TransportInfo, data: Uint8Array): TransportPdu {
    const p = new TransportPdu(transport, data, 0, data.length);
    p.view = data;
    return p;
  }

  get data(): Uint8Array {
    let v = this.view;
    if (v === undefined) v = this.view = this.buf.subarray(this.start, this.end);
    return v;
  }
}
