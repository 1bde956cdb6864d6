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
 * or empty ids use their hex. Built for the hot path, where a capture keeps up to
 * `limit` (200k) dialogues open and every Begin / Continue stores one: an entry is
 * a slot of a ring in insertion order, held in typed arrays only (numeric key, then
 * three small integers: its interned dialogue context and the interned ids of its
 * two addresses, side by side so that one cache line holds a slot), and numeric
 * keys are found through an open-addressing table of (key, slot) pairs in one
 * Float64Array (a Map would box every key above the small-integer range). Nothing
 * the GC has to trace grows with the number of entries, and storing or finding an
 * entry touches two or three cache lines instead of one per field.
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

/** Int32 fields per ring slot: context index, address id a, address id b. */
const META = 3;

export class DialogueMemory {
  /** Interned contexts (index = context id), and the first id of each ACN text (others found by a scan). */
  private ctxs: DialogueContext[] = [];
  private ctxByAcn = new Map<string, number>();
  private lastCtx = -1;
  /** Interned addresses: id 0 is `undefined`, ids ≥ 1 index addrList. */
  private addrList: (string | undefined)[] = [undefined];
  private addrIds = new Map<string, number>();
  /** One-entry caches of the address → id lookups (the same string objects recur message after message). */
  private memoA: string | undefined = undefined;
  private memoAId = 0;
  private memoB: string | undefined = undefined;
  private memoBId = 0;

  /**
   * Ring of entries by slot: numeric key (0 for a string key, then in `skey`), META ints (a
   * context index of -1 marks the slot of an ended dialogue) and the numeric key of the
   * dialogue's other transaction id (0: none known). A power of two of slots; when it is full
   * it is compacted (the ended dialogues' slots squeezed out) or, when mostly live, doubled.
   */
  private rkey = new Float64Array(256);
  private rmeta = new Int32Array(256 * META);
  private rpart = new Float64Array(256);
  /** Live entries (the ring's span minus the slots of ended dialogues). */
  private live = 0;
  private skey: (number | string | undefined)[] | null = null;
  /** Insertion sequence numbers of the oldest entry and of the next one (slot = seq & (ring size - 1)). */
  private head = 0;
  private tail = 0;
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

  /** Slot of the entry for `tid` stored by a message between the same two addresses (either direction), or -1. */
  find(tid: number | string, a: string | undefined, b: string | undefined): number {
    const s = isNumKey(tid) ? this.findNum(tid) : (this.smap.get(tid) ?? -1);
    if (s < 0) return -1;
    const m = this.rmeta;
    const x = m[s * META + 1]!, y = m[s * META + 2]!;
    const ai = this.idA(a), bi = this.idB(b);
    return (x === ai && y === bi) || (x === bi && y === ai) ? s : -1;
  }

  /** The dialogue context of a slot that `find` returned. */
  context(slot: number): DialogueContext {
    return this.ctxs[this.rmeta[slot * META]!]!;
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
      const m = this.rmeta;
      const o = s * META;
      if (this.ctxs[m[o]!]!.acn === acn && m[o + 1] === this.idA(a) && m[o + 2] === this.idB(b)) return;
    }
    if (s < 0) {
      if (this.live >= this.limit) this.evictOldest();
      if (this.tail - this.head >= this.rkey.length) this.reshapeRing();
      s = this.tail & (this.rkey.length - 1);
      this.tail++;
      this.live++;
      if (num) {
        this.rkey[s] = tid;
        this.insertNum(tid, s);
      } else {
        this.rkey[s] = 0;
        const sk = (this.skey ??= []);
        while (sk.length < s) sk.push(undefined);
        sk[s] = tid;
        this.smap.set(tid, s);
      }
    }
    // the two ids of the dialogue point at each other (numeric ids only: the common case)
    let pk = 0;
    if (partner !== undefined && num && isNumKey(partner)) {
      const q = this.find(partner, a, b);
      if (q >= 0 && q !== s) {
        pk = partner;
        this.rpart[q] = tid;
      }
    }
    this.rpart[s] = pk;
    // Ids are never reused while an entry may hold them; when stale ones pile up (contexts and
    // addresses of evicted dialogues), renumber from the live entries before taking new ones.
    if (this.addrList.length + 2 > 4 * this.limit + 4096 || this.ctxs.length + 1 > 2 * this.limit + 4096) this.compact();
    const ci = this.ctxId(acn, user, acName, acVersion);
    const ai = this.internA(a), bi = this.internB(b);
    const m = this.rmeta;
    const o = s * META;
    m[o] = ci;
    m[o + 1] = ai;
    m[o + 2] = bi;
  }

  /**
   * The dialogue of transaction id `tid` (between the same two addresses) has ended: forgets
   * its entry and the entry of its other transaction id, if they point at each other.
   */
  end(tid: number | string, a: string | undefined, b: string | undefined): void {
    const s = this.find(tid, a, b);
    if (s < 0) return;
    const p = this.rpart[s]!;
    this.kill(s, tid);
    if (p !== 0) {
      const q = this.findNum(p);
      if (q >= 0 && this.rpart[q] === tid) this.kill(q, p);
    }
  }

  /** Drops the oldest live entry (its slot and any ended ones before it leave the ring). */
  private evictOldest(): void {
    const mask = this.rkey.length - 1;
    while (this.head < this.tail) {
      const old = this.head & mask;
      this.head++;
      if (this.rmeta[old * META]! >= 0) {
        const k = this.rkey[old]!;
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
    this.rmeta[slot * META] = -1;
    this.rpart[slot] = 0;
    this.live--;
  }

  // ------------------------------------------------------------------ interning

  /** Id of address `a` for comparison: 0 for undefined, -1 when never stored (matches nothing). */
  private idA(a: string | undefined): number {
    if (a === this.memoA) return this.memoAId;
    if (a === undefined) return 0;
    const id = this.addrIds.get(a);
    if (id === undefined) return -1;
    this.memoA = a;
    this.memoAId = id;
    return id;
  }

  private idB(b: string | undefined): number {
    if (b === this.memoB) return this.memoBId;
    if (b === undefined) return 0;
    const id = this.addrIds.get(b);
    if (id === undefined) return -1;
    this.memoB = b;
    this.memoBId = id;
    return id;
  }

  private internA(a: string | undefined): number {
    const id = this.idA(a);
    return id >= 0 ? id : this.internNew(a!);
  }

  private internB(b: string | undefined): number {
    const id = this.idB(b);
    return id >= 0 ? id : this.internNew(b!);
  }

  private internNew(x: string): number {
    const id = this.addrList.length;
    this.addrList.push(x);
    this.addrIds.set(x, id);
    return id;
  }

  private ctxId(acn: string, user: string | undefined, acName: string | undefined, acVersion: number | undefined): number {
    const ctxs = this.ctxs;
    const l = this.lastCtx;
    if (l >= 0) {
      const c = ctxs[l]!;
      if (c.acn === acn && c.user === user && c.acName === acName && c.acVersion === acVersion) return l;
    }
    const first = this.ctxByAcn.get(acn);
    if (first !== undefined) {
      for (let i = first; i < ctxs.length; i++) {
        const c = ctxs[i]!;
        if (c.acn === acn && c.user === user && c.acName === acName && c.acVersion === acVersion) return (this.lastCtx = i);
      }
    }
    const id = ctxs.length;
    ctxs.push({ acn, user, acName, acVersion });
    if (first === undefined) this.ctxByAcn.set(acn, id);
    return (this.lastCtx = id);
  }

  /**
   * Rebuilds the context and address tables from the live entries only (ids renumbered in
   * every live slot; the slot `set` is about to write may hold stale ids or none yet).
   */
  private compact(): void {
    const ctxs: DialogueContext[] = [];
    const ctxMap = new Map<DialogueContext, number>();
    const ctxByAcn = new Map<string, number>();
    const addrList: (string | undefined)[] = [undefined];
    const addrIds = new Map<string, number>();
    const m = this.rmeta;
    const mask = this.rkey.length - 1;
    const addr = (id: number): number => {
      const x = this.addrList[id];
      if (x === undefined) return 0;
      let n = addrIds.get(x);
      if (n === undefined) {
        n = addrList.length;
        addrList.push(x);
        addrIds.set(x, n);
      }
      return n;
    };
    for (let q = this.head; q < this.tail; q++) {
      const o = (q & mask) * META;
      if (m[o]! < 0) continue; // an ended dialogue's slot
      const c = this.ctxs[m[o]!];
      if (c === undefined) {
        m[o] = m[o + 1] = m[o + 2] = 0;
        continue;
      }
      let ci = ctxMap.get(c);
      if (ci === undefined) {
        ci = ctxs.length;
        ctxs.push(c);
        ctxMap.set(c, ci);
        if (!ctxByAcn.has(c.acn)) ctxByAcn.set(c.acn, ci);
      }
      m[o] = ci;
      m[o + 1] = addr(m[o + 1]!);
      m[o + 2] = addr(m[o + 2]!);
    }
    this.ctxs = ctxs;
    this.ctxByAcn = ctxByAcn;
    this.lastCtx = -1;
    this.addrList = addrList;
    this.addrIds = addrIds;
    this.memoA = this.memoB = undefined;
    this.memoAId = this.memoBId = 0;
  }

  // ------------------------------------------------------------------ ring and numeric index

  /** The ring arrays of the last reshape to the same size, reused by the next one (no allocation per reshape). */
  private spare: { k: Float64Array<ArrayBuffer>; m: Int32Array<ArrayBuffer>; p: Float64Array<ArrayBuffer> } | null = null;

  /**
   * Makes room in a full ring: the live entries, in order, into a ring of the same size when at
   * most a quarter of it is live (the ended dialogues' slots dropped), else of twice the size;
   * the index then points at their new slots. Amortised: each reshape frees at least three
   * quarters of a ring.
   */
  private reshapeRing(): void {
    const old = this.rkey.length;
    const n = this.live * 4 <= old ? old : old * 2;
    const omask = old - 1;
    const sp = this.spare;
    const reuse = sp !== null && sp.k.length === n;
    const k = reuse ? sp.k : new Float64Array(n);
    const m = reuse ? sp.m : new Int32Array(n * META);
    const p = reuse ? sp.p : new Float64Array(n);
    const sk: (number | string | undefined)[] | null = this.skey ? [] : null;
    const om = this.rmeta, ok = this.rkey, op = this.rpart, osk = this.skey;
    let w = 0;
    for (let q = this.head; q < this.tail; q++) {
      const o = q & omask;
      if (om[o * META]! < 0) continue;
      k[w] = ok[o]!;
      m[w * META] = om[o * META]!;
      m[w * META + 1] = om[o * META + 1]!;
      m[w * META + 2] = om[o * META + 2]!;
      p[w] = op[o]!;
      if (sk !== null) sk[w] = osk![o];
      w++;
    }
    this.spare = n === old ? { k: this.rkey, m: this.rmeta, p: this.rpart } : null;
    this.rkey = k;
    this.rmeta = m;
    this.rpart = p;
    this.skey = sk;
    this.head = 0;
    this.tail = w;
    // re-point the index at the new slots
    this.tab.fill(0);
    this.hn = 0;
    this.smap.clear();
    for (let i = 0; i < w; i++) {
      const key = k[i]!;
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
