/**
 * IPv4 / IPv6 fragment reassembly with bounded memory.
 *
 * Keyed by (src, dst, protocol, id) for IPv4 and (src, dst, id) for IPv6
 * (the caller builds the key). The datagram belongs to the frame that
 * completes it (as in Wireshark). Incomplete datagrams expire when they are
 * older than MAX_AGE_FRAMES frames, and the oldest are dropped when more than
 * MAX_SETS datagrams or MAX_BYTES bytes are pending.
 */

const MAX_AGE_FRAMES = 20000;
const MAX_SETS = 1024;
const MAX_BYTES = 8 << 20;
/** Largest reassembled datagram (IPv4 limit; also bounds IPv6 without jumbograms). */
const MAX_DATAGRAM = 65535;

interface Piece {
  off: number;
  data: Uint8Array;
  frame: number;
}

interface FragSet {
  pieces: Piece[];
  /** Datagram length once the last fragment is known, else -1. */
  total: number;
  /** Upper-layer protocol (from the first fragment for IPv6). */
  proto: number;
  firstFrame: number;
  bytes: number;
}

export interface Reassembled {
  data: Uint8Array;
  proto: number;
  frames: number[];
}

export class IpDefrag {
  private readonly sets = new Map<string, FragSet>();
  private bytes = 0;

  /**
   * Adds a fragment (payload copied). `proto` < 0 when this fragment does not
   * know the upper protocol (IPv6 non-first fragments). Returns the whole
   * datagram when this fragment completes it.
   */
  add(key: string, off: number, more: boolean, proto: number, payload: Uint8Array, frame: number): Reassembled | string | null {
    this.expire(frame);
    let s = this.sets.get(key);
    if (!s) {
      s = { pieces: [], total: -1, proto: -1, firstFrame: frame, bytes: 0 };
      this.sets.set(key, s);
    }
    const end = off + payload.length;
    if (end > MAX_DATAGRAM) {
      this.drop(key, s);
      return `fragment ends at ${end}, beyond the largest datagram (${MAX_DATAGRAM})`;
    }
    if (proto >= 0 && (off === 0 || s.proto < 0)) s.proto = proto;
    if (!more) {
      if (s.total >= 0 && s.total !== end) {
        this.drop(key, s);
        return `conflicting last fragments (datagram length ${s.total} and ${end})`;
      }
      s.total = end;
    }
    s.pieces.push({ off, data: payload.slice(), frame });
    s.bytes += payload.length;
    this.bytes += payload.length;
    if (s.total < 0) return null;
    // Complete when the pieces cover [0, total).
    const ps = s.pieces.slice().sort((a, b) => a.off - b.off);
    let covered = 0;
    for (const p of ps) {
      if (p.off > covered) return null;
      const e = p.off + p.data.length;
      if (e > covered) covered = e;
    }
    if (covered < s.total) return null;
    const out = new Uint8Array(s.total);
    // First-arrived data wins on overlaps: write in reverse arrival order.
    for (let i = s.pieces.length - 1; i >= 0; i--) {
      const p = s.pieces[i]!;
      const n = Math.min(p.data.length, s.total - p.off);
      if (n > 0) out.set(n === p.data.length ? p.data : p.data.subarray(0, n), p.off);
    }
    const frames: number[] = [];
    for (const p of s.pieces) if (frames[frames.length - 1] !== p.frame && !frames.includes(p.frame)) frames.push(p.frame);
    frames.sort((a, b) => a - b);
    this.drop(key, s);
    return { data: out, proto: s.proto, frames };
  }

  get pending(): number {
    return this.sets.size;
  }

  private drop(key: string, s: FragSet): void {
    this.bytes -= s.bytes;
    this.sets.delete(key);
  }

  private expire(frame: number): void {
    // Map iteration is insertion order: oldest first.
    for (const [k, s] of this.sets) {
      if (s.firstFrame + MAX_AGE_FRAMES < frame || this.sets.size >= MAX_SETS || this.bytes > MAX_BYTES) this.drop(k, s);
      else break;
    }
  }
}
