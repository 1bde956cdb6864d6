/**
 * Network layers against Wireshark: for every corpus capture, the PDUs that
 * the pipeline would hand to an SS7 / Diameter decoder (SCTP PPID 2/3/4/5/46
 * or ports 2904/2905/3565/14001/3868, TCP port 3868, as tshark 4.0's default
 * tables) sit exactly at the (frame, msg_idx) positions where the oracle
 * (../shared/oracle/expected, tshark 4.0.17) shows a message, and carry the
 * same message (Diameter command code + hop-by-hop id, M3UA class + type).
 *
 * PDUs flagged `retransmission` are left out: tshark does not dissect a
 * retransmitted DATA chunk (see shared/decoder/net/sctp.ts). TCP PDUs found
 * by the Diameter heuristic on other ports are left out too: tshark's
 * heuristic is off by default (open5gs__volte.pcapng has four such
 * Diameter Rx messages on port 3871, which the pipeline routes by port only).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { createCaptureParser } from '../../shared/decoder/capture/index.js';
import { NetDecoder } from '../../shared/decoder/net/index.js';
import { StateBag, defaultDecodeOptions } from '../../shared/decoder/context.js';
import type { TransportInfo } from '../../shared/model/record.js';

const SHARED = resolve(new URL('../../..', import.meta.url).pathname, 'shared');
const CAPTURES = join(SHARED, 'captures');
const EXPECTED = join(SHARED, 'oracle', 'expected');

const SCTP_PPIDS = new Set([2, 3, 4, 5, 46]);
const SCTP_PORTS = new Set([2904, 2905, 3565, 14001, 3868]);

function routed(t: TransportInfo): boolean {
  if (t.proto === 'sctp') return SCTP_PPIDS.has(t.ppid!) || SCTP_PORTS.has(t.dstPort!) || SCTP_PORTS.has(t.srcPort!);
  if (t.proto === 'tcp') return t.dstPort === 3868 || t.srcPort === 3868;
  return false;
}

function isDiameter(t: TransportInfo): boolean {
  return t.proto === 'tcp' || t.ppid === 46 || (t.ppid !== 3 && (t.dstPort === 3868 || t.srcPort === 3868));
}

const captures = existsSync(CAPTURES) ? readdirSync(CAPTURES).filter((f) => /\.(pcap|pcapng)(\.gz)?$/.test(f)).sort() : [];

test('corpus present', () => assert.ok(captures.length > 0));

for (const cap of captures) {
  test(`network PDUs at the oracle's messages: ${cap}`, () => {
    const exp = join(EXPECTED, `${cap}.tsv`);
    const text = existsSync(exp) ? readFileSync(exp, 'utf8') : gunzipSync(readFileSync(`${exp}.gz`)).toString('utf8');
    const lines = text.split('\n').filter((l) => l.length > 0);
    const hdr = lines[0]!.split('\t');
    const col = (n: string): number => hdr.indexOf(n);
    // (frame/msg_idx) → signature of the message
    const want = new Map<string, string>();
    for (const l of lines.slice(1)) {
      const c = l.split('\t');
      const key = `${c[0]}/${c[col('msg_idx')]}`;
      if (want.has(key)) continue; // further TCAP components of the same message
      const d = c[col('diameter.cmd.code')];
      const m = c[col('m3ua.message_type')];
      want.set(key, d ? `diameter ${d} ${c[col('diameter.hopbyhopid')]}` : m ? `m3ua ${c[col('m3ua.message_class')]}/${m}` : '');
    }
    const got = new Map<string, string>();
    const perFrame = new Map<number, number>();
    let b = readFileSync(join(CAPTURES, cap));
    if (cap.endsWith('.gz')) b = gunzipSync(b);
    const nd = new NetDecoder(defaultDecodeOptions, new StateBag());
    const p = createCaptureParser((pkt) => {
      nd.decode(pkt, (pdu) => {
        const t = pdu.transport;
        if (t.retransmission || !routed(t)) return;
        const i = perFrame.get(pkt.frame) ?? 0;
        perFrame.set(pkt.frame, i + 1);
        const d = pdu.data;
        let sig = '';
        if (isDiameter(t) && d.length >= 16) {
          const hbh = ((d[12]! << 24) | (d[13]! << 16) | (d[14]! << 8) | d[15]!) >>> 0;
          sig = `diameter ${(d[5]! << 16) | (d[6]! << 8) | d[7]!} 0x${hbh.toString(16).padStart(8, '0')}`;
        } else if ((t.ppid === 3 || t.dstPort === 2905 || t.srcPort === 2905) && d.length >= 4) sig = `m3ua ${d[2]}/${d[3]}`;
        got.set(`${pkt.frame}/${i}`, sig);
      }, () => {});
    }, (e) => assert.fail(`capture error: ${e.reason}`));
    p.push(new Uint8Array(b.buffer, b.byteOffset, b.length));
    p.end();
    const missing = [...want.keys()].filter((k) => !got.has(k));
    const extra = [...got.keys()].filter((k) => !want.has(k));
    assert.deepEqual({ missing: missing.slice(0, 10), extra: extra.slice(0, 10) }, { missing: [], extra: [] }, `${cap}: ${missing.length} missing, ${extra.length} extra (frame/msg_idx)`);
    const wrong: string[] = [];
    for (const [k, w] of want) {
      const g = got.get(k)!;
      if (w && g && w !== g) wrong.push(`${k}: oracle "${w}" PDU "${g}"`);
    }
    assert.deepEqual(wrong.slice(0, 10), [], `${cap}: ${wrong.length} PDUs carry another message than the oracle's`);
  });
}
