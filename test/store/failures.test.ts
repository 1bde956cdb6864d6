/**
 * Failure handling: corrupt input, truncated capture, write failures, cancel and
 * SIGKILL mid-import all leave the case exactly as it was.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { writeFileSync, readFileSync, copyFileSync, existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { gunzipSync } from 'node:zlib';
import { openCase, closeCase, caseQuery, ingestFiles } from '../../shared/node/store/case.js';
import { synthRecords } from './synth.js';
import { tmpDir, writeNdjson, fingerprint, fingerprintOf } from './helpers.js';
import { CAPTURES } from '../helpers/shared-dir.js';

const CAPS = CAPTURES;
const small = synthRecords(400, 5).records;

async function seeded(dir: string): Promise<string> {
  const p = join(dir, 'c.duckdb');
  const nd = join(dir, 'seed.ndjson');
  writeNdjson(nd, small);
  const h = await openCase(p);
  await ingestFiles(h, [nd]);
  await closeCase(h);
  return p;
}

test('not a capture / unknown format: clear error, case unchanged', async () => {
  const t = tmpDir('corrupt');
  try {
    const p = await seeded(t.dir);
    const before = await fingerprintOf(p);
    const junk = join(t.dir, 'junk.bin');
    writeFileSync(junk, Buffer.from([0xde, 0xad, 0xbe, 0xef, 1, 2, 3, 4, 5, 6, 7, 8]));
    const ok = join(t.dir, 'ok.ndjson');
    writeNdjson(ok, synthRecords(50, 9).records);
    const h = await openCase(p);
    // the good file first: the whole import is one transaction, so it must not stay either
    await assert.rejects(ingestFiles(h, [ok, junk]), /junk\.bin: not a capture/);
    assert.equal(await fingerprint(h), before);
    await assert.rejects(ingestFiles(h, [join(t.dir, 'missing.pcap')]), /no such file/);
    assert.equal(await fingerprint(h), before);
    // a pcap magic with a cut global header: either refused, or loaded as an evidence with a file-level error and no messages
    const fakePcap = join(t.dir, 'fake.pcap');
    writeFileSync(fakePcap, Buffer.concat([Buffer.from([0xd4, 0xc3, 0xb2, 0xa1]), Buffer.alloc(10)]));
    try {
      const r = await ingestFiles(h, [fakePcap]);
      assert.equal(r.files[0]!.messages, 0);
      assert.ok(r.files[0]!.errors >= 1, 'the damage is recorded');
    } catch (e) {
      assert.match((e as Error).message, /fake\.pcap/);
      assert.equal(await fingerprint(h), before);
    }
    await closeCase(h);
  } finally {
    t.done();
  }
});

test('truncated capture: the frames before the cut are loaded, the cut is a decode error', { skip: !existsSync(CAPS) ? 'no captures folder' : false }, async () => {
  const t = tmpDir('trunc');
  try {
    const src = readFileSync(join(CAPS, 'magma__gx_gy_combined_03_210505_132953-1.pcapng'));
    const cut = join(t.dir, 'cut.pcapng');
    writeFileSync(cut, src.subarray(0, Math.floor(src.length * 0.6) + 7));
    const h = await openCase(join(t.dir, 'c.duckdb'));
    const r = await ingestFiles(h, [cut]);
    assert.ok(r.messages > 0, 'frames before the cut are kept');
    const ev = await caseQuery(h, 'SELECT status, errors FROM evidence');
    assert.equal(ev[0]!.status, 'complete-with-errors');
    const errs = await caseQuery(h, "SELECT layer, reason FROM decode_errors WHERE layer = 'file'");
    assert.ok(errs.length >= 1, 'truncation recorded');
    await closeCase(h);
  } finally {
    t.done();
  }
});

test('write failures (missing temp folder, injected failure mid-import) and cancel: clear error, case unchanged', async () => {
  const t = tmpDir('diskfull');
  try {
    const p = await seeded(t.dir);
    const before = await fingerprintOf(p);
    const nd = join(t.dir, 'big.ndjson');
    writeNdjson(nd, synthRecords(3000, 4).records);
    const h = await openCase(p);
    await assert.rejects(ingestFiles(h, [nd], { tmpDir: join(t.dir, 'no', 'such', 'dir') }), /cannot create a temp folder/);
    assert.equal(await fingerprint(h), before);
    await assert.rejects(ingestFiles(h, [nd], { chunkRows: 500, failAfterChunks: 2 }), /injected write failure/);
    assert.equal(await fingerprint(h), before);
    const ac = new AbortController();
    await assert.rejects(
      ingestFiles(h, [nd], { chunkRows: 500, signal: ac.signal, onProgress: (e) => { if (e.phase === 'load' && e.messages >= 1000) ac.abort(); } }),
      (e: Error) => e.name === 'AbortError',
    );
    assert.equal(await fingerprint(h), before);
    // the case still works afterwards
    const r = await ingestFiles(h, [nd]);
    assert.equal(r.messages, 3000 + (r.messages - 3000));
    assert.ok(r.messages >= 3000);
    await closeCase(h);
    // export into a place that cannot be written (below a regular file)
    const h2 = await openCase(p);
    const { exportParquet } = await import('../../shared/node/store/case.js');
    await assert.rejects(exportParquet(h2, join(nd, 'export')), /cannot create/);
    await closeCase(h2);
  } finally {
    t.done();
  }
});

test('SIGKILL in the middle of a large import leaves the case exactly as before', { skip: !existsSync(join(CAPS, 'sigtran.net__performance-20260724T093659Z.pcap.gz')) ? 'performance capture missing' : false }, async () => {
  const t = tmpDir('kill');
  try {
    const p = await seeded(t.dir);
    const before = await fingerprintOf(p);
    // a large uncompressed capture (146k frames)
    const big = join(t.dir, 'big.pcap');
    writeFileSync(big, gunzipSync(readFileSync(join(CAPS, 'sigtran.net__performance-20260724T093659Z.pcap.gz'))));
    const script = join(t.dir, 'child.mts');
    const caseMod = new URL('../../shared/node/store/case.ts', import.meta.url).href;
    writeFileSync(script, `import { openCase, ingestFiles } from ${JSON.stringify(caseMod)};
const h = await openCase(${JSON.stringify(p)});
await ingestFiles(h, [${JSON.stringify(big)}], { chunkRows: 5000, onProgress: (e) => { if (e.phase === 'load') console.log('loaded ' + e.messages); } });
console.log('finished');
`);
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: new URL('../..', import.meta.url).pathname, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const killedAt = await new Promise<number>((resolve, reject) => {
      child.stdout.on('data', (d) => {
        out += d;
        const n = Math.max(0, ...[...out.matchAll(/loaded (\d+)/g)].map((m) => Number(m[1])));
        if (n >= 10000 && !child.killed) {
          child.kill('SIGKILL');
          resolve(n);
        }
      });
      child.on('exit', (code) => reject(new Error(`child exited (${code}) before it could be killed: ${out} ${err}`)));
    });
    await new Promise((r) => child.once('close', r));
    assert.ok(killedAt >= 10000 && !out.includes('finished'), 'killed mid-way');
    assert.equal(await fingerprintOf(p), before);
    // and the case still accepts imports
    const h = await openCase(p);
    copyFileSync(join(t.dir, 'seed.ndjson'), join(t.dir, 'seed2.ndjson'));
    const r = await ingestFiles(h, [join(t.dir, 'seed2.ndjson')]);
    assert.equal(r.files[0]!.skipped, true);
    await closeCase(h);
  } finally {
    t.done();
  }
});
