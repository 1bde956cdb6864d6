/**
 * TCAP/MAP/CAP columns against tshark 4.0.17 (the oracle rows of every TCAP
 * message in the SS7 captures, TCAP bytes extracted with tshark: see
 * test/fixtures/tcap/extract.py).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decodeTcap, cells } from '../fixtures/tcap/harness.js';

interface Case { capture: string; frame: number; called: number | null; calling: number | null; tcap: string; rows: Record<string, string>[] }
const cases = JSON.parse(readFileSync(new URL('../fixtures/tcap/oracle-tcap.json', import.meta.url), 'utf8')) as Case[];

test('oracle fixture covers every TCAP capture', () => {
  const caps = new Set(cases.map((c) => c.capture));
  assert.ok(caps.size >= 13, `captures: ${caps.size}`);
});

for (const cap of [...new Set(cases.map((c) => c.capture))]) {
  test(`tshark columns match the oracle: ${cap}`, () => {
    const bad: string[] = [];
    for (const c of cases.filter((x) => x.capture === cap)) {
      const recs = decodeTcap(c.tcap, c.called ?? 0, c.calling ?? c.called ?? 0);
      // the base rows carry m3ua / m2ua:mtp3 in front; compare from 'sccp' on
      const got = recs.map((r) => cells(r));
      const want = c.rows.map((r) => ({ ...r, msg_protos: r['msg_protos']!.replace(/^.*?sccp/, 'sccp') }));
      for (const g of got) g['msg_protos'] = g['msg_protos']!.replace(/^.*?sccp/, 'sccp');
      if (JSON.stringify(got) !== JSON.stringify(want)) bad.push(`frame ${c.frame}: got ${JSON.stringify(got)} want ${JSON.stringify(want)}`);
    }
    assert.deepEqual(bad, []);
  });
}

test('sigtran.net captures: context-class transaction ids are a stated TCAP error per frame', () => {
  const c = cases.find((x) => x.capture.startsWith('sigtran.net__end-to-end'))!;
  const [r] = decodeTcap(c.tcap, c.called ?? 6);
  assert.ok(r);
  assert.equal(r.stop?.layer, 'tcap');
  assert.match(r.stop!.reason, /expected tag 0x4[89]/);
  assert.ok(r.tcap?.flags?.includes('unknown-tag'));
});
