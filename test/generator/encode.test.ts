import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crc32c } from '../../shared/encode/crc32c.js';
import { berIntContent, berLen, oidContent, tlv, seq, utf8 } from '../../shared/encode/bytes.js';
import { sccpUnitdata } from '../../shared/encode/sccp.js';
import { isupIam, isupRel } from '../../shared/encode/isup.js';
import { m3uaData } from '../../shared/encode/m3ua.js';
import { tcapBegin } from '../../shared/encode/tcap.js';
import { plmnId, isdn } from '../../shared/encode/map.js';
import { pack7, gsm7Septets, ussdPack } from '../../shared/encode/sms.js';
import { avpBytes, diameterMessage } from '../../shared/encode/diameter.js';
import { encodeTbcd } from '../../shared/decoder/util/digits.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

test('CRC32c matches the standard check value and RFC 3720 test vectors', () => {
  assert.equal(crc32c(utf8('123456789')), 0xe3069283);
  assert.equal(crc32c(new Uint8Array(32)), 0x8a9136aa);
  assert.equal(crc32c(new Uint8Array(32).fill(0xff)), 0x62a8ab43);
  const inc = new Uint8Array(32).map((_, i) => i);
  assert.equal(crc32c(inc), 0x46dd794e);
});

test('BER lengths, integers and OIDs', () => {
  assert.deepEqual(berLen(5), [5]);
  assert.deepEqual(berLen(200), [0x81, 200]);
  assert.deepEqual(berLen(300), [0x82, 1, 44]);
  assert.deepEqual(berIntContent(0), [0]);
  assert.deepEqual(berIntContent(127), [127]);
  assert.deepEqual(berIntContent(128), [0, 128]);
  assert.deepEqual(berIntContent(-1), [255]);
  assert.deepEqual(oidContent('0.4.0.0.1.0.29.3'), [0x04, 0x00, 0x00, 0x01, 0x00, 0x1d, 0x03]);
  assert.deepEqual(oidContent('0.0.17.773.1.1.1'), [0x00, 0x11, 0x86, 0x05, 0x01, 0x01, 0x01]);
  assert.equal(hex(tlv(0x9f1c, [2])), '9f1c0102');
  const big = new Uint8Array(300);
  assert.equal(hex(seq(0x30, big).subarray(0, 4)), '3082012c');
  assert.equal(hex(seq(0xa0, tlv(0x80, [1]), undefined, tlv(0x81, [2]))), 'a006800101810102');
});

test('TBCD encoding: low nibble first, 0xF filler on odd length, * # a b c digits', () => {
  assert.equal(hex(encodeTbcd('351911234567')), '539111325476');
  assert.equal(hex(encodeTbcd('12345')), '2143f5');
  assert.equal(hex(encodeTbcd('*#abc')), 'badcfe');
  assert.equal(hex(isdn('351911234567')), '91' + hex(encodeTbcd('351911234567')));
});

test('PLMN id packing (2- and 3-digit MNC)', () => {
  assert.deepEqual(plmnId('268', '01'), [0x62, 0xf8, 0x10]);
  assert.deepEqual(plmnId('310', '410'), [0x13, 0x00, 0x14]);
});

test('SCCP UDT/XUDT pointers land on the length octets', () => {
  const data = new Uint8Array([0x62, 0x00]);
  for (const x of [undefined, 15]) {
    const m = sccpUnitdata({ called: { digits: '35191000001', ssn: 6 }, calling: { digits: '4479000001', ssn: 7, np: 7 }, ...(x ? { xudtHopCounter: x } : {}) }, data);
    const p0 = x ? 3 : 2;
    const cd = p0 + m[p0]!;
    const cg = p0 + 1 + m[p0 + 1]!;
    const dt = p0 + 2 + m[p0 + 2]!;
    assert.equal(cg, cd + 1 + m[cd]!);
    assert.equal(dt, cg + 1 + m[cg]!);
    assert.equal(m[dt], 2);
    assert.deepEqual([...m.subarray(dt + 1)], [0x62, 0x00]);
    assert.equal(m[cd + 1], 0x12, 'AI: GTI 4, SSN present, route on GT');
    assert.equal(m[cg + 4]! >> 4, 7, 'calling NP E.214');
    if (x) assert.equal(m[p0 + 3], 0, 'no optional part');
  }
});

test('ISUP IAM pointers and REL cause', () => {
  const iam = isupIam(0x123, '4479555000', '351911234567');
  assert.equal(iam[0], 0x23);
  assert.equal(iam[1], 0x01);
  assert.equal(iam[2], 0x01);
  const pCalled = 8;
  const called = pCalled + iam[pCalled]!;
  assert.equal(iam[called], 7);
  const opt = pCalled + 1 + iam[pCalled + 1]!;
  assert.equal(iam[opt], 0x0a, 'calling party number');
  assert.equal(iam[iam.length - 1], 0, 'end of optional parameters');
  assert.equal(hex(isupRel(5, 16)), '05000c0200028490');
});

test('M3UA DATA length and padding; TCAP Begin structure', () => {
  const tc = tcapBegin(0x01020304, { kind: 'aarq', acn: '0.4.0.0.1.0.29.3' }, [{ type: 'invoke', invokeId: 1, opcode: 71, param: new Uint8Array([0x30, 0x00]) }]);
  assert.equal(tc[0], 0x62);
  assert.equal(hex(tc.subarray(2, 8)), '480401020304');
  const m = m3uaData({ opc: 100, dpc: 200, si: 3, ni: 0, mp: 0, sls: 9, routingContext: 7 }, new Uint8Array(5));
  const len = new DataView(m.buffer).getUint32(4);
  assert.equal(len, m.length);
  assert.equal(m.length % 4, 0);
});

test('GSM 7-bit packing (TS 23.038 example) and USSD CR padding', () => {
  assert.equal(hex(new Uint8Array(pack7(gsm7Septets('hellohello')))), 'e8329bfd4697d9ec37');
  assert.equal(ussdPack('1234567').length, 7, 'seven septets padded with CR fill into 7 octets');
});

test('Diameter AVP padding and header', () => {
  const a = avpBytes({ code: 264, data: utf8('abcde') });
  assert.equal(a.length, 16);
  assert.equal(new DataView(a.buffer).getUint32(4) & 0xffffff, 13);
  const v = avpBytes({ code: 1032, vendor: 10415, data: new Uint8Array(4) });
  assert.equal(v[4], 0xc0);
  assert.equal(v.length, 16);
  const m = diameterMessage({ cmd: 316, appId: 16777251, request: true, hopByHop: 1, endToEnd: 2 }, [{ code: 1, data: utf8('001010123456789') }]);
  assert.equal(m[0], 1);
  assert.equal((m[1]! << 16) | (m[2]! << 8) | m[3]!, m.length);
  assert.equal(m[4], 0xc0);
});
