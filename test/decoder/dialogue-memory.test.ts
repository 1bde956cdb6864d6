/**
 * The TCAP dialogue memory (typed-array hash + slot ring) against the plain
 * Map it replaced: same lookups, same size, same oldest-first eviction
 * (updating an entry keeps its place), for small limits and key spaces that
 * force eviction, collisions and backward-shift deletions.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DialogueMemory } from '../../shared/decoder/tcap/dialogue-memory.js';

interface D { acn: string; user: string | undefined; acVersion: number; a: string | undefined; b: string | undefined }

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
  const addrs = ['10.0.0.1', '10.0.0.2', '10.0.0.3', undefined];
  for (const limit of [1, 3, 50, 2000]) {
    for (const keyspace of [5, 300, 100000]) {
      const ref = new MapMemory(limit);
      const dm = new DialogueMemory(limit);
      for (let i = 0; i < 20000; i++) {
        const n = 1 + ((r() * 4) | 0);
        const key: number | string = r() < 0.1 ? `${(r() * keyspace) | 0}ab` : ((r() * Math.min(keyspace, 256 ** n)) | 0) + n * 0x100000000;
        const a = addrs[(r() * 4) | 0], b = addrs[(r() * 4) | 0];
        if (r() < 0.5) {
          const d: D = { acn: `0.4.0.0.1.0.${(r() * 3) | 0}.3`, user: r() < 0.5 ? 'gsm_map' : undefined, acVersion: (r() * 3) | 0, a, b };
          ref.set(key, d);
          dm.set(key, d.acn, d.user, undefined, d.acVersion, a, b);
        } else {
          const x = ref.get(key, a, b);
          const s = dm.find(key, a, b);
          assert.equal(s >= 0, x !== undefined, `lookup ${i} (limit ${limit}, keys ${keyspace})`);
          if (x) assert.deepEqual([dm.acn[s], dm.user[s], dm.acVersion[s]], [x.acn, x.user, x.acVersion]);
        }
        assert.equal(dm.size, ref.m.size);
      }
      for (const [k, d] of ref.m) assert.equal(dm.acn[dm.find(k, d.a, d.b)], d.acn);
    }
  }
});
