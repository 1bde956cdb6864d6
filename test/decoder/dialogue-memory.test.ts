/**
 * The TCAP dialogue memory (typed-array hash + slot ring) against the plain
 * Map it replaced: same lookups, same size, same oldest-first eviction
 * (updating an entry keeps its place), for small limits and key spaces that
 * force eviction, collisions and backward-shift deletions.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DialogueMemory } from '../../shared/decoder/tcap/dialogue-memory.js';

interface D { acn: string; user: string | undefined; acName: string | undefined; acVersion: number; a: string | undefined; b: string | undefined }

class MapMemory {
  readonly m = new Map<number | string, D>();
  constructor(readonly limit: number) {}
  get(tid: number | string, a: string | undefined, b: string | undefined): D | undefined {
    const d = this.m.get(tid);
    if (!d) return undefined;
    return (d.a === a && d.b === b) || (d.a === b && d.b === a) ? d : undefined;
  }
  set(tid: number | string, d: D): void {
    const old = this.m.get(tid);
    if (old && old.acn === d.acn && old.a === d.a && old.b === d.b) return;
    if (this.m.size >= this.limit) {
      const k = this.m.keys().next().value;
      if (k !== undefined) this.m.delete(k);
    }
    this.m.set(tid, d);
  }
}

test('dialogue memory behaves as the bounded Map it replaced', () => {
  let seed = 1;
  const r = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x80000000;
  };
  // few addresses and contexts (the usual capture), then many distinct ones: with a small
  // limit, their interned ids pile up and the tables are renumbered from the live entries
  for (const [nAddr, nAcn] of [[3, 3], [30000, 20000]] as const) {
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
          if (r() < 0.5) {
            const k = (r() * nAcn) | 0;
            const d: D = { acn: `0.4.0.0.1.0.${k}.3`, user: r() < 0.5 ? 'gsm_map' : undefined, acName: k % 2 ? `ac${k}` : undefined, acVersion: (r() * 3) | 0, a, b };
            ref.set(key, d);
            dm.set(key, d.acn, d.user, d.acName, d.acVersion, a, b);
          } else {
            const x = ref.get(key, a, b);
            const s = dm.find(key, a, b);
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
