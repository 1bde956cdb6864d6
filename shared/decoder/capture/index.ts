/**
 * Capture-file layer entry point: a streaming pcap / pcapng parser (see ./parser.ts).
 */
import type { CaptureError, CaptureParser, RawPacket } from './types.js';
import { createParser } from './parser.js';

export type { RawPacket, CaptureError, CaptureParser, CaptureFormat } from './types.js';
export { NotACaptureError } from './types.js';
export { MAX_CAPLEN } from './parser.js';

/**
 * Creates a streaming capture parser. Feed it the (uncompressed) stream with
 * `push` in chunks of any size, then call `end()`.
 *  - `onPacket` gets every packet record, frames numbered from 1. `data` is a
 *    view into the pushed chunk (or, for a record spanning chunks, into a buffer
 *    made for it): it is never overwritten by the parser, but copy it if the
 *    chunk's memory may be reused by the caller.
 *  - `onError` gets damaged records (absurd lengths, unknown interfaces) and,
 *    from `end()`, at most one error for a record cut by the end of the stream.
 *  - The first `push` that holds enough bytes to tell throws NotACaptureError
 *    when the stream is not a capture (`end()` does so for a stream too short to tell).
 */
export function createCaptureParser(onPacket: (p: RawPacket) => void, onError: (e: CaptureError) => void, opts: CaptureParserOptions = {}): CaptureParser {
  return createParser(onPacket, onError, opts.reusePacket === true);
}

export interface CaptureParserOptions {
  /**
   * Hand out one RawPacket object, refilled for every packet, instead of a new one per
   * packet: for callbacks that read a packet during the call and keep nothing of it (its
   * `data` is only valid during the call anyway).
   */
  reusePacket?: boolean;
}
