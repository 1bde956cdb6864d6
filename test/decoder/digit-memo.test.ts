/**
 * DigitMemo (the direct-mapped memo of SCCP global titles and addresses): a hit is
 * exact (same octets, same length, same tag), whatever the collisions, lengths and
 * offsets; runs longer than its limit are never memoised.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DigitMemo, tbcd, toHex } from '../../shared/decoder/util/digits.js';

test('DigitMemo hits only on the same octets, length and tag', () => {
  let seed = 7;
  const r = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    return Math.floor((seed / 0x80000000) * n);
  };
  const buf = new Uint8Array(4096);
  for (const slots of [1, 8, 1024]) {
    const memo = new DigitMemo<string>(slots);
    let hits = 0;
    for (let i = 0; i < 50000; i++) {
      // few distinct octets and lengths, so that equal runs recur and near-equal ones collide
      const n = r(20);
      const s = r(buf.length - 24);
      for (let k = 0; k < n; k++) buf[s + k] = r(3) === 0 ? 0 : r(4);
      if (r(2) === 0) buf[s + n] = r(256); // an octet just past the run must not matter
      const tag = r(3);
      const want = `${tag}:${toHex(buf, s, s + n)}`;
      const got = memo.get(buf, s, s + n, tag);
      if (got !== undefined) {
        assert.equal(got, want, `run ${i}: length ${n}, tag ${tag}`);
        hits++;
      } else memo.put(want);
      if (n > 16) assert.equal(got, undefined);
    }
    assert.ok(hits > (slots === 1 ? 10 : 100), `${hits} hits with ${slots} slots`);
  }
});

test('toHex renders every octet value at every length (1-4 octets take a shortcut)', () => {
  const b = new Uint8Array(300);
  for (let i = 0; i < b.length; i++) b[i] = (i * 37) & 255;
  for (let s = 0; s < 260; s++) for (let n = 0; n <= 6; n++) assert.equal(toHex(b, s, s + n), Buffer.from(b.subarray(s, s + n)).toString('hex'));
});

test('tbcd renders every octet at every length like the plain octet-by-octet reading', () => {
  const T = '0123456789*#abc?';
  // the reference: low nibble first; a 0xF high nibble is filler on the last octet only ('f' inside)
  const ref = (b: Uint8Array, s: number, e: number): string => {
    let out = '';
    for (let i = s; i < e; i++) {
      out += T[b[i]! & 15];
      const hi = b[i]! >> 4;
      if (hi === 15 && i === e - 1) break;
      out += hi === 15 ? 'f' : T[hi];
    }
    return out;
  };
  const b = new Uint8Array(600);
  for (let i = 0; i < b.length; i++) b[i] = (i * 101 + (i >> 2)) & 255;
  for (let i = 7; i < b.length; i += 9) b[i]! |= 0xf0;
  for (let s = 0; s < 560; s++) for (let n = 0; n <= 12; n++) assert.equal(tbcd(b, s, s + n), ref(b, s, s + n), `at ${s}, ${n} octets`);
});
