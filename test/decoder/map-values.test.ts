/** MAP value decoders and the BER reader on hand-made bytes (3GPP TS 23.038, 23.003, 23.032, X.690). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gsm7, ussdText, cgiText, laiText, geoLatLon, isupDigits, addressDigits, cbsCharset } from '../../shared/decoder/map/values.js';
import { decodeTpdu } from '../../shared/decoder/map/sms.js';
import { readTlv, tlv, readInt, readOid, BER_NO_EOC, BER_TRUNC_VALUE, BER_BAD_LEN } from '../../shared/decoder/ber/ber.js';
import { hexBytes } from '../fixtures/tcap/harness.js';

test('GSM 7-bit unpacking (TS 23.038 6.1.2.1 example "hellohello")', () => {
  // the standard's packing example: "hellohello" = e8 32 9b fd 46 97 d9 ec 37
  const b = hexBytes('e8329bfd4697d9ec37');
  assert.equal(gsm7(b, 0, b.length), 'hellohello');
  assert.equal(gsm7(b, 0, b.length, 5), 'hello');
});

test('CBS data coding schemes pick the alphabet', () => {
  assert.equal(cbsCharset(0x0f), 'gsm7');
  assert.equal(cbsCharset(0x48), 'ucs2');
  assert.equal(cbsCharset(0x44), '8bit');
  assert.equal(cbsCharset(0x10), 'gsm7lang');
  assert.equal(cbsCharset(0x11), 'ucs2lang');
  assert.equal(ussdText(0x48, hexBytes('004f004b'), 0, 4), 'OK');
});

test('cell id, LAI and geographical information', () => {
  const cgi = hexBytes('62f210123456');
  assert.equal(cgiText(cgi, 0, cgi.length), undefined, 'a CGI has 7 octets');
  const c7 = hexBytes('62f2101234567f');
  assert.equal(cgiText(c7, 0, 7), '262-01-4660-22143');
  assert.equal(laiText(hexBytes('13f0321234'), 0, 5), '310-23-4660');
  // 3-digit MNC: 310-260
  assert.equal(laiText(hexBytes('130062ffff'), 0, 5), '310-260-65535');
  // latitude: sign bit + 23 bits of 90°, longitude: 24-bit two's complement of 360°
  const g = geoLatLon(hexBytes('10c00000400000'), 0, 7);
  assert.ok(g);
  assert.deepEqual([g[0].toFixed(3), g[1].toFixed(3)], ['-45.000', '90.000']);
  const w = geoLatLon(hexBytes('00400000c00000'), 0, 7);
  assert.ok(w);
  assert.deepEqual([w[0].toFixed(3), w[1].toFixed(3)], ['45.000', '-90.000']);
  assert.equal(geoLatLon(hexBytes('90c00000400000'), 0, 7), undefined, 'unsupported shape');
});

test('ISUP and AddressString digits', () => {
  // odd number of digits: the last high nibble is filler
  assert.equal(isupDigits(hexBytes('8490947127f3'), 0, 6), '4917723');
  assert.equal(isupDigits(hexBytes('0490947100'), 0, 5), '491700');
  assert.equal(addressDigits(hexBytes('91947112325476'), 0, 7), '491721234567');
  assert.equal(addressDigits(hexBytes('9194711232547f'.replace('7f', 'f7')), 0, 7), '49172123457');
});

test('SMS TPDU: deliver and submit addresses and text', () => {
  const deliver = hexBytes('040b919471271243f500006290117050000005c8329bfd06');
  assert.deepEqual(decodeTpdu(deliver, 0, deliver.length, false), { address: '49177221345', e164: true, text: 'Hello' });
  const submit = hexBytes('01000b919471271243f5000005c8329bfd06');
  assert.deepEqual(decodeTpdu(submit, 0, submit.length, true), { address: '49177221345', e164: true, text: 'Hello' });
  // direction matters: a SUBMIT read as SC → MS is not a DELIVER
  assert.deepEqual(decodeTpdu(submit, 0, submit.length, false), {});
});

test('BER reader: lengths, tags, indefinite form, bounds', () => {
  // long-form length
  const long = hexBytes('0481030102030000');
  assert.equal(readTlv(long, 0, long.length), 0);
  assert.deepEqual([tlv.vs, tlv.ve, tlv.longLen], [3, 6, true]);
  // multi-octet tag [56] primitive context
  const mt = hexBytes('9f380100');
  assert.equal(readTlv(mt, 0, mt.length), 0);
  assert.deepEqual([tlv.cls, tlv.tag, tlv.ve - tlv.vs], [2, 56, 1]);
  // indefinite length with nested definite element
  const ind = hexBytes('30800201050000');
  assert.equal(readTlv(ind, 0, ind.length), 0);
  assert.deepEqual([tlv.indefinite, tlv.vs, tlv.ve, tlv.next], [true, 2, 5, 7]);
  assert.equal(readTlv(hexBytes('308002010500'), 0, 6), BER_NO_EOC);
  assert.equal(readTlv(hexBytes('0405010203'), 0, 5), BER_TRUNC_VALUE);
  assert.equal(readTlv(hexBytes('0485010101010101'), 0, 8), BER_BAD_LEN);
  // clamping keeps decoding a too-long outer length, as Wireshark does
  assert.equal(readTlv(hexBytes('0405010203'), 0, 5, 0, true), 0);
  assert.deepEqual([tlv.ve, tlv.missing], [5, 2]);
  // signed integers and OIDs
  assert.equal(readInt(hexBytes('d7'), 0, 1), -41);
  assert.equal(readInt(hexBytes('00ff'), 0, 2), 255);
  assert.equal(readOid(hexBytes('04000001000e03'), 0, 7), '0.4.0.0.1.0.14.3');
  assert.equal(readOid(hexBytes('00118605010101'), 0, 7), '0.0.17.773.1.1.1');
  assert.equal(readOid(hexBytes('0486'), 0, 2), '', 'an unfinished arc is malformed');
});
