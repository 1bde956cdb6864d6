/**
 * TCAP dialogue memory: transaction id → dialogue context (ACN, its name, version
 * and component user, and the transport address pair of the message that stored
 * it), bounded: at most `limit` entries, the one stored first is dropped to make
 * room (a Map's insertion order; updating an entry keeps its place). A dialogue
 * that ends (TCAP End or Abort, `end`) is forgotten at once, both transaction ids
 * of it: a Continue stores its OTID together with the DTID it answers (`set`'s
 * `partner`), so the two ids of a dialogue know each other. Only the open
 * dialogues stay, which keeps the tables small enough for the processor's caches
 * on a long capture (a new Begin reusing the id of an ended dialogue starts
 * afresh, as Wireshark's TCAP transaction matching does with a closed transaction).
 *
 * Ids of 1-4 octets are numeric keys (value + length * 2^32, always ≥ 2^32); longer
 * or empty ids use their hex. An entry is a slot of a ring in insertion order (its
 * key and its partner's side by side in a Float64Array; its interned context and its
 * two address strings side by side in one array), and numeric keys are found
 * through an open-addressing table of (key, slot) pairs in an Int32Array (a Map
 * would box every key above the small-integer range). The ring holds the open
 * dialogues only: when full it is compacted, or doubled when mostly live.
 */

/** A dialogue context as stored: the ACN and what it selects. Interned (one object per distinct context). */
export interface DialogueContext {
  readonly acn: string;
  readonly user: string | undefined;
  readonly acName: string | undefined;
  readonly acVersion: number | undefined;
}

/** Whether `tid` is a numeric key (value + length * 2^32, length 1-4); other keys go to a Map. */
function isNumKey(tid: number | string): tid is number {
  return typeof tid === 'number' && tid >= 0x100000000 && tid < 0x500000000;
}

/** Distinct contexts interned before the intern table starts afresh (a capture has a few dozen; a hostile one many). */
const MAX_CONTEXTS = 4096;

const INITIAL_RING = 256;

/** Entries of a ring of n slots: (context, address a, address b) side by side, one slot's in one cache line. */
function refSlots(n: number): (DialogueContext | string | undefined)[] {
  return new Array<DialogueContext | string | undefined>(n * 3).fill(undefined);
}

export class DialogueMemory {
  /** Interned contexts by ACN (usually one per ACN), and the last one returned. */
  private ctxByAcn = new Map<string, DialogueContext[]>();
  private lastCtx: DialogueContext | undefined = undefined;

  /**
   * Ring of entries by slot, a power of two of them: in `rnum`, the numeric key (0 for a
   * string key, then in `skey`) and the numeric key of the dialogue's other transaction id
   * (0: none known); in `rref`, the context (undefined: the slot of an ended dialogue) and
   * the two addresses.
   */
  private rnum = new Float64Array(INITIAL_RING * 2);
  private rref = refSlots(INITIAL_RING);
  private skey: (number | string | undefined)[] | null = null;
  /** Insertion sequence numbers of the oldest entry and of the next one (slot = seq & (ring size - 1)). */
  private head = 0;
  private tail = 0;
  /** Live entries (the ring's span minus the slots of ended dialogues). */
  private live = 0;
  /**
   * Numeric key index, linear probing: per bucket two Int32s, the key's low 32 bits and a
   * word with its length and the slot (see insertNum); 2^(32 - shift) buckets.
   */
  private tab = new Int32Array(2 * 256);
  private shift = 32 - 8;
  private hn = 0;
  /** Index of the other keys (hex strings; numbers outside the numeric-key range). */
  private readonly smap = new Map<number | string, number>();

  constructor(private readonly limit = 200000) {
    // a slot (plus one) must fit the 30 bits of a bucket word
    if (!(limit >= 1 && limit < 0x3fffffff)) throw new RangeError(`dialogue memory limit ${limit} out of range`);
  }

  get size(): number {
    return this.live;
  }

  /**
   * Slot of the entry for `tid` stored by a message between the same two addresses, or -1.
   * `answer`: the asking message answers the one that stored it (its DTID names the other
   * side's transaction), so it must come the other way, from b to a (Wireshark's TCAP
   * matching); else either direction.
   */
  find(tid: number | string, a: string | undefined, b: string | undefined, answer = false): number {
    const s = isNumKey(tid) ? this.findNum(tid) : (this.smap.get(tid) ?? -1);
    if (s < 0) return -1;
    const r = this.rref;
    const x = r[s * 3 + 1], y = r[s * 3 + 2];
    return (x === b && y === a) || (!answer && x === a && y === b) ? s : -1;
  }

  /** The dialogue context of a slot that `find` returned. */
  context(slot: number): DialogueContext {
    return this.rref[slot * 3] as DialogueContext;
  }

  /**
   * Stores the dialogue context of transaction id `tid`. `partner`: the other transaction id
   * of the dialogue when the message names both (a Continue's DTID), so that `end` with
   * either id forgets both.
   */
  set(tid: number | string, acn: string, user: string | undefined, acName: string | undefined, acVersion: number | undefined, a: string | undefined, b: string | undefined, partner?: number | string): void {
    const num = isNumKey(tid);
    let s = num ? this.findNum(tid) : (this.smap.get(tid) ?? -1);
    if (s >= 0) {
      const r = this.rref;
      if ((r[s * 3] as DialogueContext).acn === acn && r[s * 3 + 1] === a && r[s * 3 + 2] === b) return;
    }
    if (s < 0) {
      if (this.live >= this.limit) this.evictOldest();
      if (this.tail - this.head >= this.rnum.length >> 1) this.reshapeRing();
      s = this.tail & ((this.rnum.length >> 1) - 1);
      this.tail++;
      this.live++;
      if (num) {
        this.rnum[s * 2] = tid;
        this.insertNum(tid, s);
      } else {
        this.rnum[s * 2] = 0;
        const sk = (this.skey ??= []);
        while (sk.length < s) sk.push(undefined);
        sk[s] = tid;
        this.smap.set(tid, s);
      }
    }
    // the two ids of the dialogue point at each other (numeric ids only: the common case)
    let pk = 0;
    if (partner !== undefined && num && isNumKey(partner)) {
      const q = this.find(partner, a, b, true);
      if (q >= 0 && q !== s) {
        pk = partner;
        this.rnum[q * 2 + 1] = tid;
      }
    }
    this.rnum[s * 2 + 1] = pk;
    const r = this.rref;
    r[s * 3] = this.context0(acn, user, acName, acVersion);
    r[s * 3 + 1] = a;
    r[s * 3 + 2] = b;
  }

  /**
   * The dialogue of transaction id `tid` has ended by a message from a to b answering the one
   * that stored it: forgets its entry and the entry of its other transaction id, if they point
   * at each other. `slot`: what find(tid, a, b, true) just returned, when the caller asked it
   * (-2: not asked).
   */
  end(tid: number | string, a: string | undefined, b: string | undefined, slot = -2): void {
    const s = slot === -2 ? this.find(tid, a, b, true) : slot;
    if (s < 0) return;
    const p = this.rnum[s * 2 + 1]!;
    this.kill(s, tid);
    if (p !== 0) {
      const q = this.findNum(p);
      if (q >= 0 && this.rnum[q * 2 + 1] === tid) this.kill(q, p);
    }
  }

  /** Drops the oldest live entry (its slot and any ended ones before it leave the ring). */
  private evictOldest(): void {
    const mask = (this.rnum.length >> 1) - 1;
    while (this.head < this.tail) {
      const old = this.head & mask;
      this.head++;
      if (this.rref[old * 3] !== undefined) {
        const k = this.rnum[old * 2]!;
        this.kill(old, k !== 0 ? k : this.skey![old]!);
        return;
      }
    }
  }

  /** Drops the live entry in `slot`, whose key is `tid`; the slot stays in the ring, marked ended. */
  private kill(slot: number, tid: number | string): void {
    if (isNumKey(tid)) this.removeNum(tid);
    else {
      this.smap.delete(tid);
      this.skey![slot] = undefined;
    }
    const r = this.rref;
    r[slot * 3] = r[slot * 3 + 1] = r[slot * 3 + 2] = undefined;
    this.rnum[slot * 2 + 1] = 0;
    this.live--;
  }

  /** The interned context object of these values. */
  private context0(acn: string, user: string | undefined, acName: string | undefined, acVersion: number | undefined): DialogueContext {
    const l = this.lastCtx;
    if (l !== undefined && l.acn === acn && l.user === user && l.acName === acName && l.acVersion === acVersion) return l;
    let list = this.ctxByAcn.get(acn);
    if (list !== undefined) {
      for (let i = 0; i < list.length; i++) {
        const c = list[i]!;
        if (c.user === user && c.acName === acName && c.acVersion === acVersion) return (this.lastCtx = c);
      }
    } else {
      if (this.ctxByAcn.size >= MAX_CONTEXTS) this.ctxByAcn.clear();
      this.ctxByAcn.set(acn, (list = []));
    }
    const c: DialogueContext = { acn, user, acName, acVersion };
    list.push(c);
    return (this.lastCtx = c);
  }

  // ------------------------------------------------------------------ ring and numeric index

  /**
   * Makes room in a full ring: the live entries, in order, into a ring of the same size when at
   * most a quarter of it is live (the ended dialogues' slots dropped), else of twice the size;
   * the index then points at their new slots. Amortised: each reshape frees at least three
   * quarters of a ring.
   */
  private reshapeRing(): void {
    const old = this.rnum.length >> 1;
    const n = this.live * 4 <= old ? old : old * 2;
    const omask = old - 1;
    const num = new Float64Array(n * 2);
    const ref = refSlots(n);
    const sk: (number | string | undefined)[] | null = this.skey ? [] : null;
    const onum = this.rnum, oref = this.rref, osk = this.skey;
    let w = 0;
    for (let q = this.head; q < this.tail; q++) {
      const o = q & omask;
      if (oref[o * 3] === undefined) continue;
      num[w * 2] = onum[o * 2]!;
      num[w * 2 + 1] = onum[o * 2 + 1]!;
      ref[w * 3] = oref[o * 3];
      ref[w * 3 + 1] = oref[o * 3 + 1];
      ref[w * 3 + 2] = oref[o * 3 + 2];
      if (sk !== null) sk[w] = osk![o];
      w++;
    }
    this.rnum = num;
    this.rref = ref;
    this.skey = sk;
    this.head = 0;
    this.tail = w;
    // re-point the index at the new slots
    this.tab.fill(0);
    this.hn = 0;
    this.smap.clear();
    for (let i = 0; i < w; i++) {
      const key = num[i * 2]!;
      if (key !== 0) this.insertNum(key, i);
      else this.smap.set(sk![i]!, i);
    }
  }

  /**
   * Home bucket of a numeric key: the top `bits` bits of a multiplicative hash. Taking the top
   * bits keeps the table ordered by home (apart from one cluster wrapping around its end), so
   * that doubling it is a sequential sweep (see grow).
   */
  private home(k: number): number {
    return Math.imul((k >>> 0) ^ Math.imul(Math.floor(k / 0x100000000), 0x9e3779b9), 0x85ebca6b) >>> this.shift;
  }

  private findNum(k: number): number {
    const t = this.tab;
    const mask = (t.length >> 1) - 1;
    const v = k | 0, hi = Math.floor(k / 0x100000000) - 1;
    let i = this.home(k);
    for (;;) {
      const w = t[(i << 1) + 1]!;
      if (w === 0) return -1;
      if (t[i << 1] === v && w >>> 30 === hi) return (w & 0x3fffffff) - 1;
      i = (i + 1) & mask;
    }
  }

  /** Bucket word of an entry: the key's length (1-4, minus 1) in the top 2 bits, slot + 1 below (0 = empty bucket). */
  private insertNum(k: number, slot: number): void {
    if ((this.hn + 1) * 4 > this.tab.length) this.grow();
    this.put(this.tab, k | 0, ((Math.floor(k / 0x100000000) - 1) << 30) | (slot + 1), this.home(k));
    this.hn++;
  }

  private put(t: Int32Array, v: number, w: number, home: number): void {
    const mask = (t.length >> 1) - 1;
    let i = home;
    while (t[(i << 1) + 1] !== 0) i = (i + 1) & mask;
    t[i << 1] = v;
    t[(i << 1) + 1] = w;
  }

  /** The numeric key of a bucket. */
  private keyAt(t: Int32Array, i: number): number {
    return (t[i << 1]! >>> 0) + ((t[(i << 1) + 1]! >>> 30) + 1) * 0x100000000;
  }

  /** Removes a present key (backward-shift deletion keeps every probe chain unbroken). */
  private removeNum(k: number): void {
    const t = this.tab;
    const mask = (t.length >> 1) - 1;
    const v = k | 0, hi = Math.floor(k / 0x100000000) - 1;
    let i = this.home(k);
    while (!(t[i << 1] === v && t[(i << 1) + 1]! >>> 30 === hi && t[(i << 1) + 1] !== 0)) i = (i + 1) & mask;
    let j = i;
    for (;;) {
      j = (j + 1) & mask;
      if (t[(j << 1) + 1] === 0) break;
      const h = this.home(this.keyAt(t, j));
      // move the entry at j back to i unless its home lies cyclically in (i, j]
      if (i <= j ? h <= i || h > j : h <= i && h > j) {
        t[i << 1] = t[j << 1]!;
        t[(i << 1) + 1] = t[(j << 1) + 1]!;
        i = j;
      }
    }
    t[i << 1] = 0;
    t[(i << 1) + 1] = 0;
    this.hn--;
  }

  /**
   * Doubles the numeric index (kept at most half full). The sweep starts just after an empty
   * bucket, so entries come in the order of their homes and land in the new table in order:
   * its writes move forward through memory instead of jumping around it.
   */
  private grow(): void {
    const o = this.tab;
    const n = o.length >> 1;
    const t = new Int32Array(o.length * 2);
    this.shift--;
    let e = 0;
    while (o[(e << 1) + 1] !== 0) e++;
    for (let c = 1; c <= n; c++) {
      const j = (e + c) & (n - 1);
      const w = o[(j << 1) + 1]!;
      if (w === 0) continue;
      this.put(t, o[j << 1]!, w, this.home(this.keyAt(o, j)));
    }
    this.tab = t;
  }
}
