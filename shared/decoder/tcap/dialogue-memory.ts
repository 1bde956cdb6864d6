/**
 * TCAP dialogue memory: transaction id → dialogue context (ACN, its name, version
 * and component user, and the transport address pair of the message that stored
 * it), bounded: when full, the entry inserted first is dropped (a Map's insertion
 * order; updating an entry keeps its place).
 *
 * Ids of 1-4 octets are numeric keys (value + length * 2^32, always ≥ 2^32); longer
 * or empty ids use their hex. Built for the hot path: no object per entry (the
 * fields live in parallel arrays, one slot per entry, slots used as a ring in
 * insertion order) and numeric keys in an open-addressing table of typed arrays
 * (a Map would box every key above the small-integer range).
 */
export class DialogueMemory {
  /** Entry fields by slot (read them with the slot `find` returns). */
  readonly acn: string[] = [];
  readonly user: (string | undefined)[] = [];
  readonly acName: (string | undefined)[] = [];
  readonly acVersion: (number | undefined)[] = [];
  private readonly ea: (string | undefined)[] = [];
  private readonly eb: (string | undefined)[] = [];
  /** Key of each slot: the numeric key, or 0 for a string key (then in `skey`). */
  private readonly nkey: number[] = [];
  private readonly skey: (string | undefined)[] = [];
  /** Insertion sequence numbers of the oldest live entry and of the next one (slot = seq % limit). */
  private head = 0;
  private tail = 0;
  /** Numeric key index: key (0 = empty) and slot, linear probing. */
  private hk = new Float64Array(256);
  private hs = new Int32Array(256);
  private hn = 0;
  /** String key index. */
  private readonly smap = new Map<string, number>();

  constructor(private readonly limit = 200000) {}

  get size(): number {
    return this.tail - this.head;
  }

  /** Slot of the entry for `tid` stored by a message between the same two addresses (either direction), or -1. */
  find(tid: number | string, a: string | undefined, b: string | undefined): number {
    const s = typeof tid === 'number' ? this.findNum(tid) : (this.smap.get(tid) ?? -1);
    if (s < 0) return -1;
    const x = this.ea[s], y = this.eb[s];
    return (x === a && y === b) || (x === b && y === a) ? s : -1;
  }

  set(tid: number | string, acn: string, user: string | undefined, acName: string | undefined, acVersion: number | undefined, a: string | undefined, b: string | undefined): void {
    const num = typeof tid === 'number';
    let s = num ? this.findNum(tid) : (this.smap.get(tid) ?? -1);
    if (s >= 0 && this.acn[s] === acn && this.ea[s] === a && this.eb[s] === b) return;
    if (this.tail - this.head >= this.limit) {
      const old = this.head % this.limit;
      const k = this.nkey[old]!;
      if (k !== 0) this.removeNum(k);
      else this.smap.delete(this.skey[old]!);
      this.head++;
      if (old === s) s = -1;
    }
    if (s < 0) {
      s = this.tail % this.limit;
      this.tail++;
      if (num) {
        this.nkey[s] = tid;
        this.skey[s] = undefined;
        this.insertNum(tid, s);
      } else {
        this.nkey[s] = 0;
        this.skey[s] = tid;
        this.smap.set(tid, s);
      }
    }
    this.acn[s] = acn;
    this.user[s] = user;
    this.acName[s] = acName;
    this.acVersion[s] = acVersion;
    this.ea[s] = a;
    this.eb[s] = b;
  }

  private home(k: number, mask: number): number {
    let h = Math.imul((k >>> 0) ^ Math.imul(Math.floor(k / 0x100000000), 0x9e3779b9), 0x85ebca6b);
    h ^= h >>> 15;
    return h & mask;
  }

  private findNum(k: number): number {
    const hk = this.hk;
    const mask = hk.length - 1;
    let i = this.home(k, mask);
    for (;;) {
      const x = hk[i]!;
      if (x === k) return this.hs[i]!;
      if (x === 0) return -1;
      i = (i + 1) & mask;
    }
  }

  private insertNum(k: number, slot: number): void {
    if ((this.hn + 1) * 2 > this.hk.length) this.grow();
    const hk = this.hk;
    const mask = hk.length - 1;
    let i = this.home(k, mask);
    while (hk[i] !== 0) i = (i + 1) & mask;
    hk[i] = k;
    this.hs[i] = slot;
    this.hn++;
  }

  /** Removes a present key (backward-shift deletion keeps every probe chain unbroken). */
  private removeNum(k: number): void {
    const hk = this.hk, hs = this.hs;
    const mask = hk.length - 1;
    let i = this.home(k, mask);
    while (hk[i] !== k) i = (i + 1) & mask;
    let j = i;
    for (;;) {
      j = (j + 1) & mask;
      const x = hk[j]!;
      if (x === 0) break;
      const h = this.home(x, mask);
      // move x back to i unless its home lies cyclically in (i, j]
      if (i <= j ? h <= i || h > j : h <= i && h > j) {
        hk[i] = x;
        hs[i] = hs[j]!;
        i = j;
      }
    }
    hk[i] = 0;
    this.hn--;
  }

  private grow(): void {
    const ok = this.hk, os = this.hs;
    const n = ok.length * 2;
    this.hk = new Float64Array(n);
    this.hs = new Int32Array(n);
    const mask = n - 1;
    for (let j = 0; j < ok.length; j++) {
      const k = ok[j]!;
      if (k === 0) continue;
      let i = this.home(k, mask);
      while (this.hk[i] !== 0) i = (i + 1) & mask;
      this.hk[i] = k;
      this.hs[i] = os[j]!;
    }
  }
}
