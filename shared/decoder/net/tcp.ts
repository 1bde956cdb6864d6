/**
 * TCP stream reassembly and PDU framing (Diameter, M3UA).
 *
 * One `TcpStream` per direction. Bytes are accepted in sequence order:
 * retransmitted / overlapping bytes are dropped, segments ahead of the
 * expected sequence number wait (copied) until the gap fills. A stream without
 * a SYN starts at the first segment seen, and then only at a segment that
 * starts like a PDU header. Each complete PDU is emitted in the frame that
 * brought its last byte (as Wireshark's desegmentation shows it); several PDUs
 * in one segment are several PDUs.
 *
 * tshark 4.0.17 defaults: tcp.desegment_tcp_streams TRUE,
 * tcp.reassemble_out_of_order FALSE, tcp.analyze_sequence_numbers TRUE
 * (retransmitted segments are not dissected again: same as dropping the
 * repeated bytes here). Deliberate differences:
 *  - out-of-order segments are put back in order (tshark 4.0 with
 *    reassemble_out_of_order FALSE does not reassemble across them);
 *  - a gap that does not fill within MAX_WAIT_SEGS segments (bytes lost from
 *    the capture) is written off with one error, and framing resumes at the
 *    next segment that starts like a PDU header;
 *  - the Diameter heuristic on other ports is on (tshark's "diameter_tcp"
 *    heuristic is disabled by default).
 */

export const Framer = { None: 0, Diameter: 1, M3ua: 2 } as const;
export type Framer = (typeof Framer)[keyof typeof Framer];

/** Segments that may pile up behind a gap before the gap is written off. */
export const MAX_WAIT_SEGS = 8;
const MAX_WAIT_BYTES = 256 * 1024;
/** Largest PDU we reassemble (a larger length field is taken as garbage). */
export const MAX_PDU = 1 << 20;

export interface OooSeg {
  seq: number;
  data: Uint8Array;
  frame: number;
}

export class TcpStream {
  /** Next expected sequence number. */
  next = 0;
  /** Framing lost (or not yet found): accept only a segment that starts like a header. */
  desync = true;
  /** Partial PDU bytes. */
  buf: Uint8Array | null = null;
  bufLen = 0;
  /** Frames that contributed to buf, with the buf offset where each one's bytes start. */
  segFrames: number[] = [];
  segStarts: number[] = [];
  ooo: OooSeg[] | null = null;
  oooBytes = 0;
  lastFrame = 0;
  /** Framed by the Diameter heuristic (not by port). */
  heur = false;
  constructor(readonly framer: Framer) {}

  append(b: Uint8Array, s: number, e: number, frame: number): void {
    const n = e - s;
    const need = this.bufLen + n;
    let buf = this.buf;
    if (buf === null || buf.length < need) {
      const nb = new Uint8Array(Math.max(need, buf ? buf.length * 2 : 2048));
      if (buf) nb.set(buf.subarray(0, this.bufLen));
      this.buf = buf = nb;
    }
    buf.set(b.subarray(s, e), this.bufLen);
    if (this.segFrames[this.segFrames.length - 1] !== frame) {
      this.segFrames.push(frame);
      this.segStarts.push(this.bufLen);
    }
    this.bufLen = need;
  }

  /** Frames whose bytes fall in buf[a, z). */
  framesOf(a: number, z: number): number[] {
    const out: number[] = [];
    const f = this.segFrames, st = this.segStarts;
    for (let i = 0; i < f.length; i++) {
      const s = st[i]!;
      const e = i + 1 < f.length ? st[i + 1]! : this.bufLen;
      if (s < z && e > a && !out.includes(f[i]!)) out.push(f[i]!);
    }
    if (out.length > 1) out.sort((x, y) => x - y);
    return out;
  }

  /** Drops buf[0, k) (consumed PDUs). */
  consume(k: number): void {
    if (k >= this.bufLen) {
      this.clearBuf();
      return;
    }
    this.buf!.copyWithin(0, k, this.bufLen);
    this.bufLen -= k;
    const f = this.segFrames, st = this.segStarts;
    let j = 0;
    for (let i = 0; i < f.length; i++) {
      const e = i + 1 < f.length ? st[i + 1]! : Infinity;
      if (e <= k) continue;
      f[j] = f[i]!;
      st[j] = Math.max(0, st[i]! - k);
      j++;
    }
    f.length = j;
    st.length = j;
  }

  clearBuf(): void {
    this.bufLen = 0;
    this.segFrames.length = 0;
    this.segStarts.length = 0;
    if (this.buf !== null && this.buf.length > 65536) this.buf = null;
  }

  addOoo(seq: number, b: Uint8Array, s: number, e: number, frame: number): boolean {
    if (this.ooo === null) this.ooo = [];
    for (const o of this.ooo) if (o.seq === seq && o.data.length >= e - s) return true; // retransmitted ahead-of-gap segment
    this.ooo.push({ seq, data: b.slice(s, e), frame });
    this.oooBytes += e - s;
    return this.ooo.length <= MAX_WAIT_SEGS && this.oooBytes <= MAX_WAIT_BYTES;
  }
}

/**
 * Length of the PDU starting at b[p] (≥ 4 / 8 bytes available), or -1 when
 * the bytes cannot be a header of that protocol.
 */
export function pduLength(framer: Framer, b: Uint8Array, p: number): number {
  if (framer === Framer.Diameter) {
    if (b[p] !== 1) return -1;
    const len = (b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!;
    return len >= 20 && len <= MAX_PDU ? len : -1;
  }
  if (b[p] !== 1) return -1;
  const len = ((b[p + 4]! << 24) | (b[p + 5]! << 16) | (b[p + 6]! << 8) | b[p + 7]!) >>> 0;
  return len >= 8 && len <= MAX_PDU ? len : -1;
}

export function headerSize(framer: Framer): number {
  return framer === Framer.Diameter ? 4 : 8;
}

function knownDiameterCommand(c: number): boolean {
  // RFC 6733 / 4006 / 4072 / 4740 base and application commands (257-330) and
  // the 3GPP-allocated range (8388608+: SLg, SLh, S6c, T6a, S6t, …).
  return (c >= 257 && c <= 330) || (c >= 8388608 && c <= 8388800);
}

/**
 * Whether b[p, e) starts like a Diameter message: version 1, plausible length,
 * reserved flag bits clear, no E bit on a request, known command code, and a
 * sane first AVP header.
 */
export function looksLikeDiameter(b: Uint8Array, p: number, e: number): boolean {
  if (e - p < 20 || b[p] !== 1) return false;
  const len = (b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!;
  if (len < 20 || len > MAX_PDU || (len & 3) !== 0) return false;
  const flags = b[p + 4]!;
  if ((flags & 0x0f) !== 0 || (flags & 0xa0) === 0xa0) return false;
  const cmd = (b[p + 5]! << 16) | (b[p + 6]! << 8) | b[p + 7]!;
  if (!knownDiameterCommand(cmd)) return false;
  if (len > 20 && e - p >= 28) {
    const alen = (b[p + 25]! << 16) | (b[p + 26]! << 8) | b[p + 27]!;
    if (alen < 8 || alen > len - 20) return false;
  }
  return true;
}

/** Whether b[p, e) starts like an M3UA message (version 1, reserved 0, known class, aligned length). */
export function looksLikeM3ua(b: Uint8Array, p: number, e: number): boolean {
  if (e - p < 8 || b[p] !== 1 || b[p + 1] !== 0) return false;
  const cls = b[p + 2]!;
  if (cls > 4 && cls !== 9) return false; // MGMT, transfer, SSNM, ASPSM, ASPTM, RKM
  const len = ((b[p + 4]! << 24) | (b[p + 5]! << 16) | (b[p + 6]! << 8) | b[p + 7]!) >>> 0;
  return len >= 8 && len <= MAX_PDU && (len & 3) === 0;
}

/**
 * Lenient resync check for a port-selected framer. A Diameter segment shorter than the
 * 20-octet header (a sender may split the header itself over segments) is judged on the
 * octets it has: version and length, and the flags when present.
 */
export function looksLikeStart(framer: Framer, b: Uint8Array, p: number, e: number): boolean {
  if (framer === Framer.Diameter) {
    if (e - p < 4 || b[p] !== 1) return false;
    const len = (b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!;
    return len >= 20 && len <= MAX_PDU && (e - p < 5 || (b[p + 4]! & 0x0f) === 0);
  }
  return looksLikeM3ua(b, p, e);
}
