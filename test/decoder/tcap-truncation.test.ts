/**
 * Every prefix of every real and hand-built TCAP/MAP/CAP message: decoding
 * never throws and always states where it stopped (layer + reason).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decodeTcap, hexBytes } from '../fixtures/tcap/harness.js';

interface Msg { tcap: string; called: number | null; name?: string; capture?: string; frame?: number }
const real = JSON.parse(readFileSync(new URL('../fixtures/tcap/oracle-tcap.json', import.meta.url), 'utf8')) as Msg[];
const built = JSON.parse(readFileSync(new URL('../fixtures/tcap/cases.json', import.meta.url), 'utf8')) as Msg[];
// distinct messages only (the performance capture repeats the same few)
const msgs = [...new Map([...real, ...built].map((m) => [m.tcap, m])).values()];

test('fixtures give enough distinct messages', () => {
  assert.ok(msgs.length >= 60, String(msgs.length));
});

test('every prefix of every message decodes to a stated stop', () => {
  const problems: string[] = [];
  let prefixes = 0;
  for (const m of msgs) {
    const full = hexBytes(m.tcap);
    // use a TCAP SSN: the heuristic path for other SSNs deliberately records no stop
    const ssn = m.called && m.called !== 147 ? m.called : 6;
    for (let n = 0; n < full.length; n++) {
      prefixes++;
      let recs;
      try {
        recs = decodeTcap(full.slice(0, n), ssn);
      } catch (e) {
        problems.push(`${m.name ?? m.frame} prefix ${n}: threw ${String(e)}`);
        continue;
      }
      for (const r of recs) {
        const tcapReached = r.protos.includes('tcap') || r.protos.includes('ansi_tcap');
        if (!tcapReached) continue;
        if (!r.stop || !r.stop.reason || !['tcap', 'gsm_map', 'camel'].includes(r.stop.layer)) {
          problems.push(`${m.name ?? m.frame} prefix ${n}/${full.length}: no stop (${r.protos.join(':')})`);
        }
      }
    }
  }
  assert.ok(prefixes > 5000, String(prefixes));
  assert.deepEqual(problems.slice(0, 20), []);
});

test('random byte flips never throw', () => {
  let seed = 12345;
  const rnd = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  for (const m of msgs) {
    const full = hexBytes(m.tcap);
    for (let k = 0; k < 30; k++) {
      const b = full.slice();
      b[Math.floor(rnd() * b.length)] = Math.floor(rnd() * 256);
      assert.doesNotThrow(() => decodeTcap(b, 6));
    }
  }
});

test('a message without its complete tag and length has no message type; a transaction id cut short is not recorded (as tshark)', () => {
  const begin = '62164804' + '0a0b0c0d' + '6c0ea10c020101020102300480020102';
  const t = (hex: string) => decodeTcap(hex, 6)[0]!.tcap!;
  assert.equal(t(begin.slice(0, 2)).type, 'unknown');
  assert.equal(t(begin.slice(0, 4)).type, 'begin');
  const cut = t(begin.slice(0, 14));
  assert.equal(cut.type, 'begin');
  assert.equal(cut.otid, undefined);
  assert.equal(t(begin.slice(0, 16)).otid, '0a0b0c0d');
});
