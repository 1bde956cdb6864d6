/** Capture-file layer: pcap / pcapng packet records (owned by the capture/network decoder). */

export interface RawPacket {
  /** 1-based frame number. */
  frame: number;
  tsSec: number;
  tsNsec: number;
  /** Offset of this packet's record header in the uncompressed capture stream. */
  fileOffset: number;
  /** Pcap link type (LINKTYPE_*), per interface for pcapng. */
  linkType: number;
  /** pcapng interface id (0 for pcap). */
  iface: number;
  capLen: number;
  origLen: number;
  /** View of the captured bytes (valid only during the callback unless copied). */
  data: Uint8Array;
  /**
   * The same bytes as buf[start, start + capLen), when the producer has them in a larger
   * buffer (the parser's chunk): a reader of offsets needs no view of its own per packet.
   * Valid only during the callback, like `data`.
   */
  buf?: Uint8Array;
  start?: number;
}

export interface CaptureError {
  /** Frame number the error belongs to (the frame that would have come next when the file is cut). */
  frame: number;
  fileOffset: number;
  reason: string;
}

export type CaptureFormat = 'pcap' | 'pcapng';

/**
 * Streaming capture parser: feed it chunks in order; it calls `onPacket` for each
 * complete packet and `onError` for damaged records. Never throws on bad input
 * after the header; a stream that is not a capture at all throws a
 * NotACaptureError from the first `push` (with a one-line reason).
 */
export interface CaptureParser {
  readonly format: CaptureFormat | undefined;
  push(chunk: Uint8Array): void;
  /**
   * Like push(chunk.subarray(start)), but returns once `maxFrames` more frames (at least 1)
   * have been delivered, at an item boundary: the offset in `chunk` reached, chunk.length
   * when all of it was taken (parsed, or kept for the item it ends inside). The caller
   * pushes the rest later; a chunk is split without copying an item that straddles the split.
   */
  pushSome(chunk: Uint8Array, start: number, maxFrames: number): number;
  /** End of stream: reports a truncated last record as one error. */
  end(): void;
}

export class NotACaptureError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'NotACaptureError';
  }
}
