/**
 * Robustness: every prefix of every real and crafted SS7 message, given to the
 * entry decoder (M3UA, M2UA, M2PA, SUA, MTP2, MTP3) and to the inner decoders
 * directly (SCCP, ISUP), never throws and reports a stop with a layer and a
 * reason; random corruption never throws either.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { payloads, fromHex, run, ctxFor } from './ss7-helpers.js';
import type { TableName } from '../../shared/decoder/context.js';
import type { SigRecord } from '../../shared/model/record.js';

interface Crafted { name: string; kind: string; hex: string }
const crafted = JSON.parse(readFileSync(new URL('../fixtures/ss7/crafted.json', import.meta.url), 'utf8')) as Crafted[];
const ENTRY: Record<string, [TableName, number]> = {
  m3ua: ['sctp.ppid', 3], m2pa: ['sctp.ppid', 5], sua: ['sctp.ppid', 4],
  link140: ['link', 140], link139: ['link', 139], link141: ['link', 141], link141ansi: ['link', 141],
};

const inputs: { name: string; table: TableName; key: number | string; data: Uint8Array }[] = [];
for (const p of payloads) inputs.push({ name: `${p.cap}#${p.frame}`, table: 'sctp.ppid', key: p.ppid, data: fromHex(p.hex) });
for (const c of crafted) {
  const [table, key] = ENTRY[c.kind]!;
  inputs.push({ name: c.name, table, key, data: fromHex(c.hex) });
}

/** The SCCP / ISUP bytes inside a full message, found by decoding it once and watching the dispatch. */
function inner(table: TableName, key: number, data: Uint8Array): { si: number; bytes: Uint8Array } | undefined {
  const ctx = ctxFor();
  let found: { si: number; bytes: Uint8Array } | undefined;
  for (const si of [3, 5]) {
    const h = ctx.tables.get('mtp3.si', si)!;
    ctx.tables.register('mtp3.si', si, (d, c) => {
      found = { si, bytes: d.slice() };
      h(d, c);
    });
  }
  run(ctx, table, key, data);
  return found;
}

/** Layer content without the stop: a cut that changes it must come with a stop. */
function content(r: SigRecord): string {
  const { stop: _s, notes: _n, ...rest } = r;
  return JSON.stringify(rest);
}

function check(name: string, r: SigRecord[], full: SigRecord): void {
  assert.equal(r.length, 1, name);
  const s = r[0]!.stop;
  if (content(r[0]!) === content(full) && full.stop === undefined) return; // the cut only removed unused trailing octets
  assert.ok(s, `${name}: no stop reported`);
  assert.ok(s.layer && s.reason, `${name}: stop without layer/reason`);
}

test('every prefix of every message stops cleanly with a reason', () => {
  let n = 0;
  for (const inp of inputs) {
    const full = run(ctxFor({ sccpReassembly: false }), inp.table, inp.key, inp.data)[0]!;
    for (let len = 0; len < inp.data.length; len++) {
      const r = run(ctxFor({ sccpReassembly: false }), inp.table, inp.key, inp.data.subarray(0, len));
      check(`${inp.name} cut at ${len}`, r, full);
      n++;
    }
    const u = inner(inp.table, inp.key as number, inp.data);
    if (!u) continue;
    const innerFull = run(ctxFor({ sccpReassembly: false }), 'mtp3.si', u.si, u.bytes)[0]!;
    for (let len = 0; len < u.bytes.length; len++) {
      const r = run(ctxFor({ sccpReassembly: false }), 'mtp3.si', u.si, u.bytes.subarray(0, len));
      check(`${inp.name} ${u.si === 3 ? 'SCCP' : 'ISUP'} cut at ${len}`, r, innerFull);
      n++;
    }
  }
  assert.ok(n > 5000, `${n} prefixes`);
});

test('random corruption never throws', () => {
  let seed = 12345;
  const rnd = (): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (const inp of inputs) {
    for (let k = 0; k < 40; k++) {
      const d = inp.data.slice();
      const flips = 1 + Math.floor(rnd() * 4);
      for (let f = 0; f < flips; f++) d[Math.floor(rnd() * d.length)] = Math.floor(rnd() * 256);
      const r = run(ctxFor(), inp.table, inp.key, d);
      assert.ok(r.length >= 1, inp.name);
    }
  }
});

test('ISUP / BICC shorter than CIC + message type add no ISUP / BICC layer (as tshark), with a stop', () => {
  for (const [si, name, min] of [[5, 'isup', 3], [13, 'bicc', 5]] as const) {
    const msg = Uint8Array.from([0x4d, 0, 0, 0, 0x01, 0x00, 0x20]);
    for (let len = 0; len <= min; len++) {
      const [r] = run(ctxFor(), 'mtp3.si', si, msg.subarray(0, len));
      assert.equal(r!.protos.includes(name), len >= min, `${name} cut at ${len}: ${r!.protos.join(':')}`);
      if (len < min) assert.equal(r!.stop?.layer, 'isup', `${name} cut at ${len}`);
    }
  }
});
