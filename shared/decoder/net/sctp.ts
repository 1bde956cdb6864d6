/**
 * SCTP per-direction state: TSN bookkeeping (retransmission detection) and
 * fragmented-message reassembly (DATA by TSN, I-DATA by MID/FSN).
 *
 * What tshark 4.0.17 does with its default preferences (sctp.reassembly TRUE,
 * sctp.tsn_analysis TRUE; checked on hand-made captures):
 *  - a DATA chunk whose TSN was already seen in an EARLIER frame of the same
 *    half-association (ports + verification tag) is marked "retransmission"
 *    and its payload is NOT dissected, so the oracle shows no message for it;
 *    the same TSN twice inside ONE frame is dissected twice;
 *  - fragments are reassembled and the message is dissected in the frame
 *    whose fragment completes it; retransmitted fragments are ignored;
 *  - with sctp.reassembly off, the first (B) fragment alone is dissected.
 * Where we deliberately differ:
 *  - retransmitted complete DATA chunks ARE emitted, flagged
 *    `retransmission: true` (a forensic tool wants to see them; consumers that
 *    must match tshark row for row drop PDUs with that flag);
 *  - fragments arriving out of TSN order are still reassembled (tshark 4.0's
 *    single pass leaves such a message undissected).
 *  - tshark keys its TSN analysis by ports + verification tag (not by IP
 *    addresses, so multihomed retransmissions are caught) and skips it when
 *    the tag is 0: we do the same. Fragments of a tag-0 packet are keyed by
 *    addresses + ports instead, so synthetic captures reusing ports do not mix.
 * Checksums are never verified (sctp.checksum: None), as in tshark.
 */

/** TSNs remembered below the highest one seen (a ring bitmap: 512 bytes per direction). */
const WINDOW = 4096;
/** A TSN this far from the highest seen (either way) restarts the bookkeeping. */
const JUMP = 1 << 20;

export interface SctpFrag {
  tsn: number;
  /** Fragment sequence number (I-DATA); TSN for DATA. */
  seq: number;
  b: boolean;
  e: boolean;
  data: Uint8Array;
  frames: number[];
  ssn: number;
  ppid: number;
}

export interface FragSet {
  key: number;
  owner: HalfAssoc;
  frags: Map<number, SctpFrag>;
  firstFrame: number;
  bytes: number;
}

function setBit(bits: Uint32Array, tsn: number): void {
  const t = tsn & (WINDOW - 1);
  bits[t >>> 5] = bits[t >>> 5]! | (1 << (t & 31));
}

export class HalfAssoc {
  /** Highest TSN seen (serial order), valid once `bits` exists. */
  max = 0;
  /** Ring bitmap of the TSNs seen in (max - WINDOW, max]. */
  bits: Uint32Array | null = null;
  /** Pending fragment sets by (stream, ssn|mid, unordered, kind). */
  frags: Map<number, FragSet> | null = null;
  lastFrame = 0;
  /** Verification tag 0: tshark does no TSN analysis (no half-association), so no retransmission marks. */
  constructor(readonly noTsn = false) {}

  /**
   * Records `tsn`; returns true when it had been seen before. Gaps (TSNs lost
   * from the capture) cost nothing; a TSN older than the window is taken as
   * seen (a late retransmission).
   */
  seen(tsn: number): boolean {
    if (this.noTsn) return false;
    let bits = this.bits;
    if (bits === null) {
      bits = this.bits = new Uint32Array(WINDOW >>> 5);
      this.max = tsn;
      setBit(bits, tsn);
      return false;
    }
    const d = (tsn - this.max) | 0;
    if (d > 0) {
      if (d >= JUMP) return this.restart(tsn);
      if (d >= WINDOW) bits.fill(0);
      else {
        // Forget the slots now re-used by max+1 … tsn.
        for (let i = 1; i <= d; i++) {
          const t = (this.max + i) & (WINDOW - 1);
          bits[t >>> 5] = bits[t >>> 5]! & ~(1 << (t & 31));
        }
      }
      this.max = tsn;
      setBit(bits, tsn);
      return false;
    }
    if (-d >= WINDOW) return -d < JUMP ? true : this.restart(tsn);
    const t = tsn & (WINDOW - 1);
    const w = t >>> 5;
    const m = 1 << (t & 31);
    if ((bits[w]! & m) !== 0) return true;
    bits[w] = bits[w]! | m;
    return false;
  }

  private restart(tsn: number): boolean {
    const bits = this.bits!;
    bits.fill(0);
    this.max = tsn;
    setBit(bits, tsn);
    return false;
  }
}

/**
 * Adds a fragment and returns the fragments of the message it completes
 * (in order), or null. DATA fragments chain by consecutive TSN, I-DATA
 * fragments by consecutive FSN (the B fragment has FSN 0).
 */
export function addFragment(set: FragSet, f: SctpFrag): SctpFrag[] | null {
  if (set.frags.has(f.seq)) return null;
  set.frags.set(f.seq, f);
  set.bytes += f.data.length;
  const m = set.frags;
  // Walk back to the B fragment and forward to the E fragment.
  let first = f;
  let s = f.seq;
  let guard = 0;
  while (!first.b) {
    s = (s - 1) >>> 0;
    const p = m.get(s);
    if (p === undefined || p.e || ++guard > 100000) return null;
    first = p;
  }
  let last = f;
  s = f.seq;
  while (!last.e) {
    s = (s + 1) >>> 0;
    const n = m.get(s);
    if (n === undefined || n.b || ++guard > 100000) return null;
    last = n;
  }
  const out: SctpFrag[] = [];
  s = first.seq;
  for (;;) {
    const x = m.get(s)!;
    out.push(x);
    m.delete(s);
    set.bytes -= x.data.length;
    if (x === last) break;
    s = (s + 1) >>> 0;
  }
  return out;
}
