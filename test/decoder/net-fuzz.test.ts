/**
 * Fuzz (small version of the one in test/bench/decode.bench.ts): 20,000
 * mutated corpus frames (bit flips, truncations, length-field corruption;
 * fixed seed) through FrameDecoder.decode and through NetDecoder alone.
 * Nothing may throw, and the network layers must never fault.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpusFrames, fuzz, mutatedFrames } from '../bench/decode.bench.js';
import { NetDecoder } from '../../shared/decoder/net/index.js';
import { StateBag, defaultDecodeOptions } from '../../shared/decoder/context.js';

const frames = corpusFrames(300);

test('fuzz: 20k mutated frames through NetDecoder.decode never throw', () => {
  assert.ok(frames.length > 100, 'corpus frames');
  const nd = new NetDecoder(defaultDecodeOptions, new StateBag());
  let n = 0;
  for (const p of mutatedFrames(frames, 20000, 12345)) {
    n++;
    nd.decode(p, () => {}, (s) => assert.ok(s.reason.length > 0));
  }
  assert.equal(n, 20000);
});

test('fuzz: 20k mutated frames through FrameDecoder.decode never throw, no network-layer fault', (t) => {
  const r = fuzz(frames, 20000, 777);
  assert.equal(r.frames, 20000);
  assert.deepEqual(r.thrown, []);
  assert.deepEqual(r.netFaults, []);
  if (r.layerFaults.length) t.diagnostic(`upper-layer decoder faults (caught by the pipeline): ${r.layerFaults.length}, e.g. ${r.layerFaults[0]}`);
});
