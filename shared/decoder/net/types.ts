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

  /**
   * This object made into the PDU (transport, buf[start, end)), for a producer that hands out
   * one PDU object again and again (NetDecoder's reusePdu; its consumer keeps nothing of it).
   */
  reuse(transport: TransportInfo, buf: Uint8Array, start: number, end: number): this {
    const w = this as { -readonly [K in 'transport' | 'buf' | 'start' | 'end']: TransportPdu[K] };
    w.transport = transport;
    w.buf = buf;
    w.start = start;
    w.end = end;
    this.view = undefined;
    return this;
  }

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
