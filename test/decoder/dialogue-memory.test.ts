/**
 * The TCAP dialogue memory (typed-array hash + slot ring) against the plain
 * Map it replaced: same lookups, same size, same oldest-first eviction
 * (updating an entry keeps its place), for small limits and key spaces that
 * force eviction, collisions and backward-shift deletions.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DialogueMemory } from '../../shared/decoder/tcap/dialogue-memory.js';

interface D { acn: string; user: string | undefined; acName: string | undefined; acVersion: number; a: string | undefined; b: string | undefined; partner?: number | string }

const isNum = (k: number | string): k is number => typeof k === 'number' && k >= 0x100000000 && k < 0x500000000;

/**
 * The semantics in a plain Map: at most `limit` entries, the oldest dropped to make room for a
 * new one (an update keeps its place), a Continue's partner id links the dialogue's two
 * entries, and `end` forgets both.
 */
class MapMemory {
  readonly m = new Map<number | string, D>();
  constructor(readonly limit: number) {}
  /** Stored by a message between a and b: from b to a (an answer's lookup), or either way. */
  private match(d: D, a: string | undefined, b: string | undefined, answer: boolean): boolean {
    return (d.a === b && d.b === a) || (!answer && d.a === a && d.b === b);
  }
  get(tid: number | string, a: string | undefined, b: string | undefined, answer = false): D | undefined {
    const d = this.m.get(tid);
    return d && this.match(d, a, b, answer) ? d : undefined;
  }
  set(tid: number | string, d: D, partner?: number | string): void {
    const old = this.m.get(tid);
    if (old && old.acn === d.acn && old.a === d.a && old.b === d.b) return;
    if (!old && this.m.size >= this.limit) {
      const k = this.m.keys().next().value;
      if (k !== undefined) this.m.delete(k);
    }
    d.partner = undefined;
    this.m.set(tid, d);
    if (partner !== undefined && isNum(tid) && isNum(partner) && partner !== tid) {
      const q = this.get(partner, d.a, d.b, true);
      if (q) {
        d.partner = partner;
        q.partner = tid;
      }
    }
  }
  end(tid: number | string, a: string | undefined, b: string | undefined): void {
    const d = this.get(tid, a, b, true);
    if (!d) return;
    this.m.delete(tid);
    const p = d.partner;
    if (p !== undefined && this.m.get(p)?.partner === tid) this.m.delete(p);
  }
}

test('dialogue memory behaves as its Map model: bounded, oldest dropped first, answers matched the other way only, ended dialogues forgotten with their partner id', () => {
  let seed = 1;
  const r = (): number => {
    // exact 32-bit product (a float product loses its low bits, and the sequence cycled within 11k draws)
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    return seed / 0x80000000;
  };
  // few addresses and contexts (the usual capture), then many distinct ones, then nearly every
  // address new (the tables are renumbered while ended dialogues leave slots in the ring): with a small
  // limit, their interned ids pile up and the tables are renumbered from the live entries
  for (const [nAddr, nAcn] of [[3, 3], [30000, 20000], [1_000_000, 3]] as const) {
    const addr = (): string | undefined => {
      const i = (r() * (nAddr + 1)) | 0;
      return i === nAddr ? undefined : `10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`;
    };
    for (const limit of [1, 3, 50, 2000]) {
      for (const keyspace of [5, 300, 100000]) {
        const ref = new MapMemory(limit);
        const dm = new DialogueMemory(limit);
        for (let i = 0; i < 20000; i++) {
          const n = 1 + ((r() * 4) | 0);
          const key: number | string = r() < 0.1 ? `${(r() * keyspace) | 0}ab` : ((r() * Math.min(keyspace, 256 ** n)) | 0) + n * 0x100000000;
          // a lookup's addresses: usually those of a stored entry (either order), else drawn
          const x0 = ref.m.get(key);
          let a = addr(), b = addr();
          if (x0 && r() < 0.7) [a, b] = r() < 0.5 ? [x0.a, x0.b] : [x0.b, x0.a];
          const op = r();
          if (op < 0.45) {
            const k = (r() * nAcn) | 0;
            const d: D = { acn: `0.4.0.0.1.0.${k}.3`, user: r() < 0.5 ? 'gsm_map' : undefined, acName: k % 2 ? `ac${k}` : undefined, acVersion: (r() * 3) | 0, a, b };
            // a Continue names the dialogue's other id: usually one stored between the same addresses
            let partner: number | string | undefined;
            if (r() < 0.4) {
              const keys = [...ref.m.keys()];
              partner = keys.length > 0 && r() < 0.8 ? keys[(r() * keys.length) | 0] : ((r() * 1000) | 0) + 0x100000000;
            }
            ref.set(key, d, partner);
            dm.set(key, d.acn, d.user, d.acName, d.acVersion, a, b, partner);
          } else if (op < 0.55) {
            ref.end(key, a, b);
            dm.end(key, a, b);
          } else {
            const answer = r() < 0.5;
            const x = ref.get(key, a, b, answer);
            const s = dm.find(key, a, b, answer);
            assert.equal(s >= 0, x !== undefined, `lookup ${i} (limit ${limit}, keys ${keyspace}, addresses ${nAddr})`);
            if (x) {
              const c = dm.context(s);
              assert.deepEqual([c.acn, c.user, c.acName, c.acVersion], [x.acn, x.user, x.acName, x.acVersion]);
            }
          }
          assert.equal(dm.size, ref.m.size);
        }
        for (const [k, d] of ref.m) {
          const c = dm.context(dm.find(k, d.a, d.b));
          assert.deepEqual([c.acn, c.user, c.acName, c.acVersion], [d.acn, d.user, d.acName, d.acVersion]);
        }
      }
    }
  }
});
