/**
 * SS7 lower layers (M3UA, M2UA, M2PA, SUA, MTP2, MTP3, SCCP, ISUP) on real capture
 * bytes and on hand-built messages:
 *  - every SIGTRAN message of the SS7 corpus captures (test/fixtures/ss7/payloads.json,
 *    extracted by extract.py) against the oracle rows (../shared/oracle/expected);
 *  - draft-6 M3UA detection, ANSI vs ITU routing label, GT odd/even digits,
 *    XUDT segment reassembly, SCMG, ISUP fields.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { payloads, fromHex, run, ctxFor, SS7_PROTOS } from './ss7-helpers.js';
import { ss7TsharkColumns } from '../../shared/decoder/ss7/tshark.js';
import { parseAddress } from '../../shared/decoder/ss7/sccp.js';
import { isupNumberDigits } from '../../shared/decoder/ss7/isup.js';
import { TSHARK_COLUMNS, type TsharkCells, type TsharkColumn } from '../../shared/decoder/tshark-format.js';
import type { DecodeContext } from '../../shared/decoder/context.js';

const EXPECTED = resolve(new URL('../../..', import.meta.url).pathname, 'shared', 'oracle', 'expected');
const SS7_COLS: TsharkColumn[] = [
  'm3ua.message_class', 'm3ua.message_type', 'm3ua.protocol_data_opc', 'm3ua.protocol_data_dpc', 'm3ua.protocol_data_si',
  'mtp3.opc', 'mtp3.dpc', 'sccp.message_type', 'sccp.called.ssn', 'sccp.calling.ssn', 'sccp.called.digits',
  'sccp.calling.digits', 'isup.message_type', 'isup.cic', 'isup.called', 'isup.calling',
];

interface Crafted { name: string; kind: string; hex: string; whole?: string }
const crafted = JSON.parse(readFileSync(new URL('../fixtures/ss7/crafted.json', import.meta.url), 'utf8')) as Crafted[];
const craftedHex = (name: string): Uint8Array => fromHex(crafted.find((c) => c.name === name)!.hex);

test('SS7 columns of every SIGTRAN message in the corpus equal the oracle', { skip: existsSync(EXPECTED) ? false : `no oracle at ${EXPECTED}` }, () => {
  const byCap = new Map<string, typeof payloads>();
  for (const p of payloads) byCap.set(p.cap, [...(byCap.get(p.cap) ?? []), p]);
  let checked = 0;
  for (const [cap, list] of byCap) {
    const lines = readFileSync(join(EXPECTED, `${cap}.tsv`), 'utf8').split('\n').filter((l) => l);
    const header = lines[0]!.split('\t');
    const rows = new Map(lines.slice(1).map((l) => {
      const c = l.split('\t');
      return [`${c[0]}/${c[2]}`, c] as const;
    }));
    const ctx = ctxFor(); // one capture = one decoder state (draft detection, reassembly)
    for (const p of list) {
      const exp = rows.get(`${p.frame}/${p.idx}`);
      assert.ok(exp, `${cap} frame ${p.frame}: no oracle row`);
      const get = (col: string): string => exp[header.indexOf(col)] ?? '';
      const [r] = run(ctx, 'sctp.ppid', p.ppid, fromHex(p.hex), p.frame);
      const where = `${cap} frame ${p.frame}`;
      assert.equal(r!.protos.join(':'), get('msg_protos').split(':').filter((x) => SS7_PROTOS.has(x)).join(':'), `${where}: protocols`);
      const cells: TsharkCells = {};
      ss7TsharkColumns(r!, cells);
      for (const col of SS7_COLS) {
        // CAP rows fill isup.called/calling from CAMEL's ISUP-format numbers (decoded by the CAP decoder, not here).
        if ((col === 'isup.called' || col === 'isup.calling') && get('msg_protos').includes('camel')) continue;
        assert.equal(cells[col] ?? '', get(col), `${where}: ${col}`);
      }
      assert.equal(r!.stop, undefined, `${where}: unexpected stop ${JSON.stringify(r!.stop)}`);
      checked++;
    }
  }
  assert.ok(checked >= 50, `only ${checked} messages checked`);
  assert.ok(TSHARK_COLUMNS.length > SS7_COLS.length);
});

test('draft-6 M3UA is detected from the parameter tags and decoded as MTP3 + ISUP', () => {
  const isup = payloads.filter((p) => p.cap === 'tcpdump__isup.pcap');
  assert.equal(isup.length, 6);
  const ctx = ctxFor();
  const [r] = run(ctx, 'sctp.ppid', 3, fromHex(isup[0]!.hex));
  assert.deepEqual(r!.protos, ['m3ua', 'mtp3', 'isup']);
  assert.equal(r!.m3ua!.draft, true);
  assert.equal(r!.m3ua!.opc, undefined, 'draft Protocol Data has no M3UA OPC field');
  assert.deepEqual([r!.mtp3!.opc, r!.mtp3!.dpc, r!.mtp3!.si, r!.mtp3!.sls], [11522, 12163, 5, 5]);
  assert.equal(r!.isup!.typeName, 'IAM');
  assert.equal(r!.isup!.called, '4891F');
  assert.equal(r!.isup!.calling, '3933399708');
  assert.equal(r!.isup!.calledNai, 1);
  assert.equal(r!.isup!.callingNai, 3);
  // Forced RFC 4666 reading: unknown parameter, no MTP3 / ISUP (what tshark shows without the draft-6 preference).
  const [rfc] = run(ctxFor({ m3uaVersion: 'rfc4666' }), 'sctp.ppid', 3, fromHex(isup[0]!.hex));
  assert.deepEqual(rfc!.protos, ['m3ua']);
  assert.ok(rfc!.m3ua!.params?.['tag_0x0002']);
  // Once a capture has shown RFC 4666 tags, a stray draft-looking message stays RFC (arkime frame 81, as tshark reads it).
  const ark = payloads.filter((p) => p.cap === 'arkime__m3ua_synthetic.pcap');
  const f81 = fromHex(ark.find((p) => p.frame === 81)!.hex);
  const ctx2 = ctxFor();
  run(ctx2, 'sctp.ppid', 3, fromHex(ark.find((p) => p.frame === 10)!.hex));
  assert.deepEqual(run(ctx2, 'sctp.ppid', 3, f81)[0]!.protos, ['m3ua']);
  // The same message as the first of a capture is read as draft-6 (its tags only make sense there).
  assert.deepEqual(run(ctxFor(), 'sctp.ppid', 3, f81)[0]!.protos.slice(0, 3), ['m3ua', 'mtp3', 'sccp']);
});

test('REL cause, CFN, ANM and RLC of the ISUP call', () => {
  const ctx = ctxFor();
  const recs = payloads.filter((p) => p.cap === 'tcpdump__isup.pcap').map((p) => run(ctx, 'sctp.ppid', 3, fromHex(p.hex))[0]!);
  assert.deepEqual(recs.map((r) => r.isup!.typeName), ['IAM', 'CFN', 'ACM', 'ANM', 'REL', 'RLC']);
  assert.ok(recs.every((r) => r.isup!.cic === 213));
  const rel = recs[4]!.isup!;
  assert.equal(rel.causeValue, 16);
  assert.equal(rel.causeName, 'Normal call clearing');
});

test('M3UA management messages are named and their parameters kept', () => {
  const get = (cap: string) => run(ctxFor(), 'sctp.ppid', 3, fromHex(payloads.find((p) => p.cap === cap)!.hex))[0]!.m3ua!;
  const ntfy = get('xcodec__decode_1.pcap');
  assert.equal(ntfy.typeName, 'NTFY');
  assert.equal(ntfy.params!.status, 0x00010002);
  assert.equal(ntfy.params!.aspId, 0x4d);
  assert.deepEqual(ntfy.routingContext, [1]);
  const err = get('xcodec__decode_2.pcap');
  assert.equal(err.typeName, 'ERR');
  assert.equal(err.params!.errorCode, 9);
  assert.equal(err.params!.errorName, 'Invalid Stream Identifier');
  assert.match(String(err.params!.diagnostic), /^0100010100000030/);
  const reg = get('xcodec__decode_3.pcap');
  assert.equal(reg.typeName, 'REG_REQ');
  assert.equal(reg.params!['routingKey.localRkId'], 1);
  assert.deepEqual(reg.params!['routingKey.dpc'], [111]); // as tshark -V shows it
  assert.deepEqual(reg.params!['routingKey.opcList'], [222]);
  assert.deepEqual(reg.params!['routingKey.si'], [3, 5]);
  assert.equal(get('xcodec__decode_4.pcap').typeName, 'REG_RSP');
  const beatAck = run(ctxFor(), 'sctp.ppid', 3, fromHex(payloads.find((p) => p.cap.includes('test_special'))!.hex))[0]!;
  assert.equal(beatAck.m3ua!.typeName, 'BEAT_ACK');
});

test('SCCP management (SSN 1) is decoded as sccpmg', () => {
  const [r] = run(ctxFor(), 'sctp.ppid', 3, fromHex(payloads.find((p) => p.cap === 'xcodec__decode_5.pcap')!.hex));
  assert.deepEqual(r!.protos, ['m3ua', 'sccp', 'sccpmg']);
  const s = r!.sccp!.scmg!;
  assert.equal(s.typeName, 'SSA');
  assert.equal(s.affectedSsn, 7);
  assert.equal(s.affectedPc, 3001);
});

test('M2UA DATA carries MTP3 with the interface identifier', () => {
  const [r] = run(ctxFor(), 'sctp.ppid', 2, fromHex(payloads.find((p) => p.cap === 'xcodec__mtp3_1.pcap')!.hex));
  assert.deepEqual(r!.protos, ['m2ua', 'mtp3']);
  assert.equal(r!.m2ua!.typeName, 'DATA');
  assert.equal(r!.m2ua!.interfaceId, 1);
  assert.deepEqual([r!.mtp3!.si, r!.mtp3!.opc, r!.mtp3!.dpc], [4, 14424, 13541]);
});

test('MTP3 routing label: ITU 14-bit (default) and ANSI 24-bit', () => {
  // SIO 0x83, then ANSI label: DPC 1-2-3 (member, cluster, network), OPC 4-5-6, SLS 0x1f.
  const msu = fromHex('83 03 02 01 06 05 04 1f 09');
  const [ansi] = run(ctxFor({ mtp3Variant: 'ansi' }), 'link', 141, msu);
  assert.deepEqual(ansi!.mtp3, { variant: 'ansi', si: 3, ni: 2, dpc: 0x010203, opc: 0x040506, sls: 0x1f });
  const [itu] = run(ctxFor(), 'link', 141, msu);
  const v = 0x06010203;
  assert.deepEqual(itu!.mtp3, { variant: 'itu', si: 3, ni: 2, dpc: v & 0x3fff, opc: (v >>> 14) & 0x3fff, sls: v >>> 28 });
  // ANSI SCCP address: SSN before a 3-octet point code.
  const a = parseAddress(fromHex('c3 08 03 02 01'), 0, 5, true)!;
  assert.deepEqual([a.routeOnSsn, a.ssn, a.pc], [true, 8, 0x010203]);
});

test('GT digits follow the odd/even indicator or encoding scheme', () => {
  const gt = (hex: string): string | undefined => {
    const b = fromHex(hex);
    return parseAddress(b, 0, b.length, false)!.digits;
  };
  assert.equal(gt('04 84 21 43 05'), '12345'); // GTI 1, odd
  assert.equal(gt('04 04 21 43 f5'), '12345ST'); // GTI 1, even: filler nibble is a signal
  assert.equal(gt('10 00 11 04 21 43 05'), '12345'); // GTI 4, ES 1 (BCD odd)
  assert.equal(gt('10 00 12 04 21 43 65'), '123456'); // GTI 4, ES 2 (BCD even)
  assert.equal(gt('10 00 12 04 ba dc fe'), '(spare)1112(spare)(spare)ST');
  assert.equal(gt('08 00 21 43 f5'), '12345ST'); // GTI 2: no indicator, read as even
  assert.equal(gt('0c 00 11 21 43 05'), '12345'); // GTI 3, ES 1
  const a = parseAddress(fromHex('13 7b 00 08 00 12 04 99'), 0, 8, false)!;
  assert.deepEqual([a.pc, a.ssn, a.gti, a.tt, a.np, a.es, a.nai, a.digits], [123, 8, 4, 0, 1, 2, 4, '99']);
  assert.equal(parseAddress(fromHex('13 7b'), 0, 2, false), undefined, 'truncated point code');
});

test('ISUP numbers render like Wireshark (A-F for signals 10-15)', () => {
  assert.equal(isupNumberDigits(fromHex('81 10 21 cb 05'), 0, 5), '12BC5');
  assert.equal(isupNumberDigits(fromHex('03 13 21 43'), 0, 4), '1234');
  assert.equal(isupNumberDigits(fromHex('81 10 84 19 0f'), 0, 5), '4891F');
});

function collect(ctx: DecodeContext, ssn: number): Uint8Array[] {
  const got: Uint8Array[] = [];
  ctx.tables.register('sccp.ssn', ssn, (d, c) => {
    c.rec.protos.push('user');
    got.push(d.slice());
  });
  return got;
}

test('XUDT segments are reassembled and handed over with the last segment', () => {
  const s1 = craftedHex('xudt segment 1/2'), s2 = craftedHex('xudt segment 2/2');
  const whole = fromHex(crafted.find((c) => c.name === 'xudt segment 2/2')!.whole!);
  const ctx = ctxFor();
  const got = collect(ctx, 6);
  const [r1] = run(ctx, 'sctp.ppid', 3, s1, 1);
  assert.equal(got.length, 0, 'first segment is held back');
  assert.deepEqual(r1!.sccp!.segment, { first: true, remaining: 1, localRef: 0x123456, reassembled: false });
  const [r2] = run(ctx, 'sctp.ppid', 3, s2, 2);
  assert.equal(got.length, 1);
  assert.deepEqual(got[0], whole);
  assert.equal(r2!.sccp!.segment!.reassembled, true);
  assert.equal(r2!.sccp!.dataLength, whole.length);
  assert.deepEqual(r2!.protos, ['m3ua', 'sccp', 'user']);
  // A last segment without its first one is not handed over.
  const ctx2 = ctxFor();
  const got2 = collect(ctx2, 6);
  const [r3] = run(ctx2, 'sctp.ppid', 3, s2);
  assert.equal(got2.length, 0);
  assert.deepEqual(r3!.notes, ['sccp segment without first segment']);
  // Reassembly off: segments are recorded, nothing is dispatched.
  const ctx3 = ctxFor({ sccpReassembly: false });
  const got3 = collect(ctx3, 6);
  run(ctx3, 'sctp.ppid', 3, s1);
  run(ctx3, 'sctp.ppid', 3, s2);
  assert.equal(got3.length, 0);
});

test('pending reassemblies are bounded', () => {
  const s1 = craftedHex('xudt segment 1/2');
  const ctx = ctxFor();
  // Same bytes with 3000 different local references.
  const m = s1.slice();
  let off = -1;
  for (let i = 0; i < m.length - 3; i++) if (m[i] === 0x10 && m[i + 1] === 0x04 && m[i + 3] === 0x56) off = i + 3;
  assert.ok(off > 0);
  for (let i = 0; i < 3000; i++) {
    m[off] = i & 255;
    m[off + 1] = (i >> 8) & 255;
    run(ctx, 'sctp.ppid', 3, m);
  }
  const st = ctx.state.get('sccp', () => ({ reasm: new Map() })) as { reasm: Map<string, unknown> };
  assert.ok(st.reasm.size <= 1024, `${st.reasm.size} pending`);
});

test('SUA CLDT becomes an SCCP-equivalent record and its data goes to the SSN user', () => {
  const ctx = ctxFor();
  const got = collect(ctx, 6);
  const [r] = run(ctx, 'sctp.ppid', 4, craftedHex('sua cldt'));
  assert.deepEqual(r!.protos, ['sua', 'user']);
  assert.equal(r!.sua!.typeName, 'CLDT');
  assert.equal(r!.sccp!.via, 'sua');
  assert.deepEqual([r!.sccp!.called.ssn, r!.sccp!.called.digits, r!.sccp!.called.pc], [6, '1234', 100]);
  assert.deepEqual([r!.sccp!.calling.ssn, r!.sccp!.calling.digits], [7, '12345']);
  assert.equal(r!.sccp!.returnOnError, true);
  assert.equal(got.length, 1);
  assert.equal(got[0]!.length, 8);
});

test('MTP2 units, M2PA link status and MTP3 management', () => {
  const ctx = ctxFor();
  const one = (name: string, table: 'link' | 'sctp.ppid', key: number) => run(ctx, table, key, craftedHex(name))[0]!;
  assert.equal(one('mtp2 fisu', 'link', 140).mtp2!.unit, 'FISU');
  assert.equal(one('mtp2 lssu sipo', 'link', 140).mtp2!.status, 'SIPO');
  const tfp = one('mtp2 msu tfp', 'link', 140);
  assert.deepEqual(tfp.mtp3!.mgmt, { h0: 4, h1: 1, name: 'TFP', affectedPc: 1234 });
  assert.deepEqual(tfp.protos, ['mtp2', 'mtp3', 'mtp3mg']);
  const ph = one('mtp2 phdr msu sccp', 'link', 139);
  assert.deepEqual([ph.mtp2!.unit, ph.mtp2!.linkNumber, ph.mtp2!.annexA], ['MSU', 0, false]);
  const ls = one('m2pa link status ready', 'sctp.ppid', 5);
  assert.deepEqual([ls.m2pa!.typeName, ls.m2pa!.linkStatusName, ls.m2pa!.bsn, ls.m2pa!.fsn], ['Link Status', 'Ready', 0x10, 0x11]);
  const rel = one('m3ua isup rel', 'sctp.ppid', 3);
  assert.equal(rel.isup!.causeName, 'Normal call clearing');
  const bicc = one('m3ua bicc iam', 'sctp.ppid', 3);
  assert.deepEqual(bicc.protos, ['m3ua', 'bicc']);
  assert.deepEqual([bicc.isup!.bicc, bicc.isup!.cic, bicc.isup!.typeName, bicc.isup!.called], [true, 0x12345, 'IAM', '12BC5']);
});

test('connection-oriented SCCP messages: references, causes, addresses', () => {
  const ctx = ctxFor();
  const got = collect(ctx, 6);
  const cr = run(ctx, 'sctp.ppid', 3, craftedHex('sccp cr'))[0]!.sccp!;
  assert.deepEqual([cr.typeName, cr.slr, cr.protocolClass, cr.called.ssn, cr.called.digits, cr.calling.ssn, cr.dataLength], ['CR', 0x030201, 2, 6, '1234', 7, 3]);
  assert.equal(got.length, 1, 'CR user data goes to the called SSN');
  const rlsd = run(ctx, 'sctp.ppid', 3, craftedHex('sccp rlsd'))[0]!.sccp!;
  assert.deepEqual([rlsd.typeName, rlsd.dlr, rlsd.slr, rlsd.cause], ['RLSD', 0x060504, 0x030201, 3]);
  const dt1 = run(ctx, 'sctp.ppid', 3, craftedHex('sccp dt1'))[0]!.sccp!;
  assert.deepEqual([dt1.typeName, dt1.dlr, dt1.dataLength], ['DT1', 0x060504, 3]);
  assert.equal(run(ctx, 'sctp.ppid', 3, craftedHex('sccp it'))[0]!.sccp!.typeName, 'IT');
});
