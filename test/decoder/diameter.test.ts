/**
 * Diameter decoder unit tests (no tshark needed): dictionary sanity, messages
 * built by AVP name through the dictionary (the encoder-facing API), summary
 * fields per interface, value types, malformed input and every truncation of
 * real messages (from magma's nsa_connection capture).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  allAvps, allCommands, avpByName, avpDef, appIdByName, appName, commandByName, commandName, commandAbbrev, enumCode, VENDOR_3GPP,
} from '../../shared/decoder/diameter/dictionary.js';
import { parseDiameter, diameterMessageLength, MAX_GROUP_DEPTH } from '../../shared/decoder/diameter/decode.js';
import { diameterTsharkColumns } from '../../shared/decoder/diameter/tshark.js';
import { buildTables, createContext } from '../../shared/decoder/decoder.js';
import type { SigRecord, DiameterAvp, DiameterInfo } from '../../shared/model/record.js';
import type { TsharkCells } from '../../shared/decoder/tshark-format.js';

// ------------------------------------------------------------ tiny encoder

type AvpValue = string | number | bigint | Uint8Array | Uint8Array[];

function cat(parts: Uint8Array[]): Uint8Array {
  const n = parts.reduce((s, p) => s + p.length, 0);
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

const hex = (h: string): Uint8Array => Uint8Array.from((h.match(/../g) ?? []).map((x) => parseInt(x, 16)));
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function rawAvp(code: number, vendor: number | undefined, flags: number, data: Uint8Array, pad = true): Uint8Array {
  const hdr = vendor !== undefined ? 12 : 8;
  const len = hdr + data.length;
  const h = new Uint8Array(hdr);
  const dv = new DataView(h.buffer);
  dv.setUint32(0, code);
  dv.setUint32(4, len);
  h[4] = flags | (vendor !== undefined ? 0x80 : 0);
  if (vendor !== undefined) dv.setUint32(8, vendor);
  const p = pad ? (4 - (len % 4)) % 4 : 0;
  return cat([h, data, new Uint8Array(p)]);
}

/** Encodes an AVP by dictionary name. */
function avp(name: string, v: AvpValue): Uint8Array {
  const d = avpByName(name);
  assert.ok(d, `no AVP named ${name}`);
  let data: Uint8Array;
  if (Array.isArray(v)) data = cat(v);
  else if (v instanceof Uint8Array) data = v;
  else if (typeof v === 'bigint') {
    data = new Uint8Array(8);
    new DataView(data.buffer).setBigUint64(0, v);
  } else if (typeof v === 'number') {
    data = new Uint8Array(d.type.endsWith('64') ? 8 : 4);
    const dv = new DataView(data.buffer);
    if (d.type === 'Float32') dv.setFloat32(0, v);
    else if (d.type === 'Float64') dv.setFloat64(0, v);
    else if (d.type.endsWith('64')) dv.setBigUint64(0, BigInt(v));
    else dv.setUint32(0, v >>> 0);
  } else data = utf8(v);
  return rawAvp(d.code, d.vendor ? d.vendor : undefined, d.mandatory ? 0x40 : 0, data);
}

function msg(cmd: string, app: string | number, avps: Uint8Array[], hbh = 0x11223344, e2e = 0x55667788): Uint8Array {
  const appId = typeof app === 'number' ? app : appIdByName(app);
  assert.ok(appId !== undefined, `no application ${app}`);
  const c = commandByName(cmd, appId);
  assert.ok(c, `no command ${cmd}`);
  const body = cat(avps);
  const h = new Uint8Array(20);
  const dv = new DataView(h.buffer);
  dv.setUint32(0, 20 + body.length);
  h[0] = 1;
  dv.setUint32(4, c.code);
  h[4] = c.request ? 0xc0 : 0x40;
  dv.setUint32(8, appId);
  dv.setUint32(12, hbh);
  dv.setUint32(16, e2e);
  return cat([h, body]);
}

function decode(b: Uint8Array): DiameterInfo {
  const r = parseDiameter(b);
  assert.equal(r.stop, undefined, `unexpected stop ${JSON.stringify(r.stop)}`);
  assert.ok(r.info);
  return r.info;
}

function find(avps: DiameterAvp[], name: string): DiameterAvp | undefined {
  for (const a of avps) {
    if (a.name === name) return a;
    const c = a.children && find(a.children, name);
    if (c) return c;
  }
  return undefined;
}

const ORIGIN = [avp('Origin-Host', 'mme.example.net'), avp('Origin-Realm', 'example.net')];

// A real message: magma__nsa_connection.pcap frame 29 (S6a ULR).
const ULR_HEX =
  '01000114c000013c01000023025ffb1e0000000000000107400000346d6d652e6f70656e616972696e746572666163652e6f72673b31363039383539' +
  '3032303b353b617070733661000001154000000c0000000100000108400000206d6d652e6f70656e616972696e746572666163652e6f726700000128' +
  '4000001c6f70656e616972696e746572666163652e6f726700000125400000206873732e6f70656e616972696e746572666163652e6f72670000011b' +
  '4000001c6f70656e616972696e746572666163652e6f72670000000140000017323232303130313030303031313430000000057fc000000f000028af' +
  '22f210000000040880000010000028af000003ec0000057dc0000010000028af00000022';

test('dictionary: no code+vendor defined twice with different names, names resolve back', () => {
  const seen = new Map<string, string>();
  for (const d of allAvps()) {
    const k = `${d.vendor}:${d.code}`;
    const prev = seen.get(k);
    assert.ok(prev === undefined || prev === d.name, `${k} is both ${prev} and ${d.name}`);
    seen.set(k, d.name);
    assert.equal(avpDef(d.code, d.vendor), d);
  }
  assert.ok(allAvps().length > 1000, `only ${allAvps().length} AVPs`);
  const codes = new Set<number>();
  for (const c of allCommands()) {
    assert.ok(!codes.has(c.code), `command ${c.code} listed twice`);
    codes.add(c.code);
  }
});

test('dictionary: key AVPs of base, CC, S6a, S6c/SGd, Gx, Rx, Cx, Sh, SLg have the spec code, vendor and type', () => {
  const want: [string, number, number, string][] = [
    ['User-Name', 1, 0, 'UTF8String'], ['Session-Id', 263, 0, 'UTF8String'], ['Origin-Host', 264, 0, 'DiameterIdentity'],
    ['Result-Code', 268, 0, 'Enumerated'], ['Experimental-Result', 297, 0, 'Grouped'], ['Host-IP-Address', 257, 0, 'Address'],
    ['Event-Timestamp', 55, 0, 'Time'], ['Redirect-Host', 292, 0, 'DiameterURI'], ['CC-Request-Type', 416, 0, 'Enumerated'],
    ['CC-Input-Octets', 412, 0, 'Unsigned64'], ['Subscription-Id', 443, 0, 'Grouped'], ['Subscription-Id-Type', 450, 0, 'Enumerated'],
    ['Multiple-Services-Credit-Control', 456, 0, 'Grouped'], ['Visited-PLMN-Id', 1407, VENDOR_3GPP, 'OctetString'],
    ['RAT-Type', 1032, VENDOR_3GPP, 'Enumerated'], ['ULR-Flags', 1405, VENDOR_3GPP, 'Unsigned32'], ['IDR-Flags', 1490, VENDOR_3GPP, 'Unsigned32'],
    ['Cancellation-Type', 1420, VENDOR_3GPP, 'Enumerated'], ['Subscription-Data', 1400, VENDOR_3GPP, 'Grouped'],
    ['Terminal-Information', 1401, VENDOR_3GPP, 'Grouped'], ['Supported-Features', 628, VENDOR_3GPP, 'Grouped'],
    ['MSISDN', 701, VENDOR_3GPP, 'OctetString'], ['SC-Address', 3300, VENDOR_3GPP, 'OctetString'], ['SM-RP-UI', 3301, VENDOR_3GPP, 'OctetString'],
    ['Charging-Rule-Install', 1001, VENDOR_3GPP, 'Grouped'], ['Media-Component-Description', 517, VENDOR_3GPP, 'Grouped'],
    ['Server-Name', 602, VENDOR_3GPP, 'UTF8String'], ['User-Identity', 700, VENDOR_3GPP, 'Grouped'], ['LCS-EPS-Client-Name', 2501, VENDOR_3GPP, 'Grouped'],
    ['Service-Information', 873, VENDOR_3GPP, 'Grouped'],
  ];
  for (const [name, code, vendor, type] of want) {
    const d = avpByName(name);
    assert.ok(d, name);
    assert.deepEqual([d.code, d.vendor, d.type], [code, vendor, type], name);
  }
  assert.equal(avpByName('MSISDN')!.fmt, 'tbcd');
  assert.equal(avpByName('Visited-PLMN-Id')!.fmt, 'plmn');
  assert.equal(enumCode('Cancellation-Type', 'SUBSCRIPTION_WITHDRAWAL'), 2);
  assert.equal(enumCode('Subscription-Id-Type', 'END_USER_IMSI'), 1);
  assert.equal(avpByName('Result-Code')!.enums!.get(5001), 'DIAMETER_AVP_UNSUPPORTED');
});

test('dictionary: command names, abbreviations and applications', () => {
  const cases: [number, string, string, string][] = [
    [316, 'Update-Location-Request', 'ULR', 'ULA'], [317, 'Cancel-Location-Request', 'CLR', 'CLA'],
    [318, 'Authentication-Information-Request', 'AIR', 'AIA'], [319, 'Insert-Subscriber-Data-Request', 'IDR', 'IDA'],
    [320, 'Delete-Subscriber-Data-Request', 'DSR', 'DSA'], [321, 'Purge-UE-Request', 'PUR', 'PUA'], [322, 'Reset-Request', 'RSR', 'RSA'],
    [323, 'Notify-Request', 'NOR', 'NOA'], [272, 'Credit-Control-Request', 'CCR', 'CCA'], [265, 'AA-Request', 'AAR', 'AAA'],
    [275, 'Session-Termination-Request', 'STR', 'STA'], [274, 'Abort-Session-Request', 'ASR', 'ASA'], [258, 'Re-Auth-Request', 'RAR', 'RAA'],
    [271, 'Accounting-Request', 'ACR', 'ACA'], [300, 'User-Authorization-Request', 'UAR', 'UAA'], [305, 'Push-Profile-Request', 'PPR', 'PPA'],
    [306, 'User-Data-Request', 'UDR', 'UDA'], [309, 'Push-Notification-Request', 'PNR', 'PNA'],
    [8388620, 'Provide-Location-Request', 'PLR', 'PLA'], [8388621, 'Location-Report-Request', 'LRR', 'LRA'],
    [8388645, 'MO-Forward-Short-Message-Request', 'OFR', 'OFA'], [8388646, 'MT-Forward-Short-Message-Request', 'TFR', 'TFA'],
    [8388647, 'Send-Routing-Info-for-SM-Request', 'SRR', 'SRA'], [8388648, 'Alert-Service-Centre-Request', 'ALR', 'ALA'],
    [8388649, 'Report-SM-Delivery-Status-Request', 'RDR', 'RDA'],
  ];
  for (const [code, name, rq, an] of cases) {
    assert.equal(commandName(code, true), name);
    assert.equal(commandName(code, false), name.replace(/-Request$/, '-Answer'));
    assert.equal(commandAbbrev(code, true), rq);
    assert.equal(commandAbbrev(code, false), an);
  }
  assert.equal(commandByName('PUR', appIdByName('Sh'))!.code, 307);
  assert.equal(commandByName('PUR', appIdByName('S6a/S6d'))!.code, 321);
  assert.deepEqual(commandByName('ULA')!.request, false);
  assert.equal(commandName(999, true), 'Unknown-Command-999');
  assert.equal(appName(16777251), '3GPP S6a/S6d');
  assert.equal(appName(16777238), '3GPP Gx');
  assert.equal(appName(16777312), '3GPP S6c');
});

test('S6a ULR from a real capture: header, summary and AVP tree', () => {
  const d = decode(hex(ULR_HEX));
  assert.equal(d.cmd, 316);
  assert.equal(d.cmdName, 'Update-Location-Request');
  assert.equal(d.cmdAbbrev, 'ULR');
  assert.equal(d.request, true);
  assert.equal(d.proxiable, true);
  assert.equal(d.appId, 16777251);
  assert.equal(d.appName, '3GPP S6a/S6d');
  assert.equal(d.hopByHop, 0x025ffb1e);
  assert.equal(d.sessionId, 'mme.openairinterface.org;1609859020;5;apps6a');
  assert.equal(d.originHost, 'mme.openairinterface.org');
  assert.equal(d.destRealm, 'openairinterface.org');
  assert.equal(d.userName, '222010100001140');
  assert.equal(d.imsi, '222010100001140');
  assert.deepEqual(d.imsis, ['222010100001140']);
  assert.equal(d.visitedPlmnId, '222/01');
  assert.equal(d.visitedMcc, '222');
  assert.equal(d.visitedMnc, '01');
  assert.equal(d.ratType, 1004);
  assert.equal(find(d.avps, 'RAT-Type')!.text, 'EUTRAN');
  assert.equal(d.ulrFlags, 34);
  assert.equal(find(d.avps, 'ULR-Flags')!.text, 'S6a/S6d-Indicator|Initial-Attach-Indicator');
  const v = find(d.avps, 'Visited-PLMN-Id')!;
  assert.deepEqual([v.code, v.vendor, v.value, v.text], [1407, VENDOR_3GPP, '22f210', '222/01']);
  // offsets point at the AVP header in the message bytes
  const raw = hex(ULR_HEX);
  assert.equal(d.avps[0]!.offset, 20);
  assert.deepEqual([...raw.subarray(v.offset!, v.offset! + 4)], [0, 0, 0x05, 0x7f]);
  assert.equal(v.length, 15);
  assert.equal(find(d.avps, 'Auth-Session-State')!.text, 'NO_STATE_MAINTAINED');
});

test('S6a ULA: Experimental-Result with vendor, Subscription-Data nested MSISDN, 3-digit MNC', () => {
  const b = msg('ULA', 'S6a/S6d', [
    avp('Session-Id', 'mme;1;2'),
    ...ORIGIN,
    avp('Experimental-Result', [avp('Vendor-Id', 10415), avp('Experimental-Result-Code', 5420)]),
    avp('Subscription-Data', [
      avp('MSISDN', hex('5155100003f0')),
      avp('Subscriber-Status', 0),
      avp('APN-Configuration-Profile', [avp('Context-Identifier', 1), avp('APN-Configuration', [avp('Service-Selection', 'internet')])]),
    ]),
    avp('Visited-PLMN-Id', hex('130062')),
  ]);
  const d = decode(b);
  assert.equal(d.request, false);
  assert.equal(d.cmdName, 'Update-Location-Answer');
  assert.equal(d.experimentalResult, 5420);
  assert.equal(d.experimentalResultVendor, 10415);
  assert.equal(d.resultCode, undefined);
  assert.equal(d.msisdn, '15550100300');
  assert.deepEqual(d.e164, ['15550100300']);
  assert.equal(find(d.avps, 'MSISDN')!.text, '15550100300');
  assert.equal(find(d.avps, 'Service-Selection')!.value, 'internet');
  assert.equal(d.visitedPlmnId, '310/260');
  const cols: TsharkCells = {};
  diameterTsharkColumns({ frame: 1, tsSec: 0, tsNsec: 0, fileOffset: 0, msgIdx: 0, compIdx: -1, protos: ['diameter'], diameter: d }, cols);
  assert.equal(cols['e164.msisdn'], '15550100300');
  assert.equal(cols['diameter.flags.request'], '0');
  assert.equal(cols['diameter.hopbyhopid'], '0x11223344');
  assert.equal(cols['diameter.endtoendid'], '0x55667788');
  assert.equal(cols['diameter.Result-Code'], undefined);
});

test('S6a CLR, IDR, AIR: Cancellation-Type, IDR-Flags, Terminal-Information, Supported-Features', () => {
  const clr = decode(msg('CLR', 'S6a/S6d', [avp('User-Name', '001010000000001'), avp('Cancellation-Type', 2)]));
  assert.equal(clr.clrCancellationType, 2);
  assert.equal(find(clr.avps, 'Cancellation-Type')!.text, 'SUBSCRIPTION_WITHDRAWAL');
  const idr = decode(
    msg('IDR', 'S6a/S6d', [
      avp('User-Name', '001010000000001'),
      avp('IDR-Flags', 0x1c),
      avp('Supported-Features', [avp('Vendor-Id', 10415), avp('Feature-List-ID', 1), avp('Feature-List', 0xdc000007)]),
    ]),
  );
  assert.equal(idr.idrFlags, 0x1c);
  assert.equal(find(idr.avps, 'IDR-Flags')!.text, 'EPS-User-State-Request|EPS-Location-Information-Request|Current-Location-Request');
  assert.equal(find(idr.avps, 'Feature-List')!.value, 0xdc000007);
  const air = decode(
    msg('AIR', 'S6a/S6d', [
      avp('User-Name', '001010000000002'),
      avp('Terminal-Information', [avp('IMEI', '35345678901234'), avp('Software-Version', '01')]),
    ]),
  );
  assert.equal(find(air.avps, 'IMEI')!.value, '35345678901234');
  assert.equal(air.imsi, '001010000000002');
});

test('Gx/Gy CCR: Subscription-Id IMSI and E.164 (either AVP order), nested Result-Codes, 64-bit counters', () => {
  const b = msg('CCR', 'Gx', [
    avp('Session-Id', 'pgw;1;2;app_gx'),
    avp('CC-Request-Type', 1),
    avp('Subscription-Id', [avp('Subscription-Id-Type', 1), avp('Subscription-Id-Data', '001011234567895')]),
    avp('Subscription-Id', [avp('Subscription-Id-Data', '33612345678'), avp('Subscription-Id-Type', 0)]),
    avp('Subscription-Id', [avp('Subscription-Id-Type', 0), avp('Subscription-Id-Data', '33699999999')]),
    avp('Multiple-Services-Credit-Control', [avp('Used-Service-Unit', [avp('CC-Input-Octets', 2n ** 40n + 5n)]), avp('Result-Code', 2001)]),
    avp('Result-Code', 4012),
  ]);
  const d = decode(b);
  assert.equal(d.cmdAbbrev, 'CCR');
  assert.equal(d.imsi, '001011234567895');
  assert.equal(d.msisdn, '33612345678', 'summary resolves type/data in either order');
  // tshark (type first) only sees the IMSI and the second E.164
  assert.deepEqual(d.imsis, ['001011234567895']);
  assert.deepEqual(d.e164, ['33699999999']);
  assert.equal(d.resultCode, 4012, 'the summary result is the top-level one');
  assert.equal(find(d.avps, 'CC-Request-Type')!.text, 'INITIAL_REQUEST');
  assert.equal(find(d.avps, 'CC-Input-Octets')!.value, String(2n ** 40n + 5n));
  const cols: TsharkCells = {};
  diameterTsharkColumns({ frame: 1, tsSec: 0, tsNsec: 0, fileOffset: 0, msgIdx: 0, compIdx: -1, protos: ['diameter'], diameter: d }, cols);
  assert.equal(cols['diameter.Result-Code'], '2001,4012');
  assert.equal(cols['e212.imsi'], '001011234567895');
  assert.equal(cols['e164.msisdn'], '33699999999');
  assert.equal(cols['diameter.Session-Id'], 'pgw;1;2;app_gx');
});

test('User-Name as IMSI: S6a full string for tshark, Cx/S6c/SGd digits before @ for the summary, not in Gx', () => {
  const s6a = decode(msg('ULR', 'S6a/S6d', [avp('User-Name', '310260123456789@lte.operator.net')]));
  assert.deepEqual(s6a.imsis, ['310260123456789@lte.operator.net']);
  assert.equal(s6a.imsi, '310260123456789');
  const cx = decode(msg('UAR', 'Cx', [avp('User-Name', '001011234567895@ims.mnc001.mcc001.3gppnetwork.org')]));
  assert.equal(cx.imsi, '001011234567895');
  assert.equal(cx.imsis, undefined);
  const s6c = decode(msg('SRR', 'S6c', [avp('User-Name', '001011234567890'), avp('MSISDN', hex('214365'))]));
  assert.equal(s6c.cmdName, 'Send-Routing-Info-for-SM-Request');
  assert.equal(s6c.imsi, '001011234567890');
  assert.equal(s6c.msisdn, '123456');
  const sgd = decode(msg('TFR', 'SGd', [avp('User-Name', '001011234567891'), avp('SC-Address', hex('9174000000f1'))]));
  assert.equal(sgd.cmdAbbrev, 'TFR');
  assert.equal(sgd.imsi, '001011234567891');
  assert.equal(find(sgd.avps, 'SC-Address')!.text, '19470000001');
  const gx = decode(msg('CCR', 'Gx', [avp('User-Name', 'user001@3gpp.com')]));
  assert.equal(gx.imsi, undefined);
  assert.equal(gx.userName, 'user001@3gpp.com');
  const slg = decode(msg('PLR', 'SLg', [avp('User-Name', '001011234567892')]));
  assert.equal(slg.cmdName, 'Provide-Location-Request');
  assert.equal(slg.imsi, '001011234567892');
});

test('value types: Address (IPv4/IPv6 with and without family), Time, Float, Integer64, unknown AVPs, UTF-8', () => {
  const b = msg('CER', 0, [
    avp('Host-IP-Address', hex('0001c0a80001')),
    avp('Host-IP-Address', hex('000220010db8000000000000000000000001')),
    avp('Framed-IP-Address', hex('0a000001')),
    avp('Event-Timestamp', hex('de2e4b80')),
    avp('Product-Name', 'Sigtrail-Prüfung'),
    rawAvp(9999, undefined, 0, hex('0102')),
    rawAvp(77, 99999, 0, hex('aabbccdd')),
  ]);
  const d = decode(b);
  const addrs = d.avps.filter((a) => a.name === 'Host-IP-Address').map((a) => a.value);
  assert.deepEqual(addrs, ['192.168.0.1', '2001:db8::1']);
  assert.equal(find(d.avps, 'Framed-IP-Address')!.value, '10.0.0.1');
  const t = find(d.avps, 'Event-Timestamp')!;
  assert.equal(t.value, 0xde2e4b80);
  assert.equal(t.text, '2018-02-14T05:45:36Z');
  assert.equal(find(d.avps, 'Product-Name')!.value, 'Sigtrail-Prüfung');
  const u = d.avps[5]!;
  assert.deepEqual([u.name, u.value, u.vendor], ['Unknown-AVP-9999', '0102', undefined]);
  const v = d.avps[6]!;
  assert.deepEqual([v.name, v.value, v.vendor], ['Unknown-AVP-77', 'aabbccdd', 99999]);
  assert.equal(d.cmdName, 'Capabilities-Exchange-Request');
});

test('malformed: short AVP length, length past the end, missing final padding, huge length, bad version, nesting bound', () => {
  const base = msg('DWR', 0, ORIGIN);
  const withTail = (tail: Uint8Array): Uint8Array => {
    const b = cat([base, tail]);
    new DataView(b.buffer).setUint32(0, b.length);
    b[0] = 1;
    return b;
  };
  const cases: [string, Uint8Array, RegExp][] = [
    ['length < 8', withTail(hex('0000010740000004')), /shorter than its 8-byte header/],
    ['vendor AVP length < 12', withTail(hex('00000001c000000a000028af')), /shorter than its 12-byte header/],
    ['past the end', withTail(hex('0000010740000040616263')), /runs past the end/],
    ['huge', withTail(hex('0000010740ffffff61626364')), /runs past the end/],
    ['header cut', withTail(hex('000001')), /AVP header truncated/],
    ['no final padding', withTail(rawAvp(263, undefined, 0x40, utf8('abcde'), false)), /padding byte\(s\) missing/],
  ];
  for (const [label, b, re] of cases) {
    const r = parseDiameter(b);
    assert.ok(r.stop, label);
    assert.match(r.stop.reason, re, label);
    assert.ok(r.stop.offset >= 20 && r.stop.offset <= b.length, `${label}: offset ${r.stop.offset}`);
    assert.equal(r.info!.originHost, 'mme.example.net', `${label}: AVPs before the fault are kept`);
  }
  const v2 = base.slice();
  v2[0] = 2;
  assert.match(parseDiameter(v2).stop!.reason, /version 2/);
  const shortLen = base.slice();
  shortLen[3] = 8;
  assert.match(parseDiameter(shortLen).stop!.reason, /shorter than the 20-byte header/);
  // Grouped AVPs nested beyond the bound are kept as hex, with a stop; siblings after them still decode.
  let g = avp('Vendor-Id', 10415);
  for (let i = 0; i < MAX_GROUP_DEPTH + 3; i++) g = avp('Proxy-Info', [g]);
  const deep = parseDiameter(msg('DWR', 0, [g, avp('Origin-Host', 'after.example.net')]));
  assert.match(deep.stop!.reason, /nested deeper than 16/);
  assert.equal(deep.info!.originHost, 'after.example.net');
});

test('every truncation of real messages: no exception, a stop with a reason, the decoded prefix kept', () => {
  const full = hex(ULR_HEX);
  for (let n = 0; n < full.length; n++) {
    const r = parseDiameter(full.subarray(0, n));
    assert.ok(r.stop && r.stop.reason.length > 0, `prefix ${n}: no stop`);
    if (n < 20) assert.equal(r.info, undefined);
    else {
      assert.ok(r.info, `prefix ${n}`);
      assert.match(r.stop.reason, /truncated/);
      assert.ok(r.stop.offset <= n);
    }
  }
  const d = parseDiameter(full.subarray(0, 200)).info!;
  assert.equal(d.sessionId, 'mme.openairinterface.org;1609859020;5;apps6a');
  // and through the layer handler: the record keeps the layer and the stop
  const ctx = createContext();
  for (let n = 0; n < full.length; n += 7) {
    ctx.rec = { frame: 1, tsSec: 0, tsNsec: 0, fileOffset: 0, msgIdx: 0, compIdx: -1, protos: [] };
    assert.ok(ctx.dispatch('tcp.port', 3868, full.subarray(0, n)));
    assert.deepEqual(ctx.rec.protos, ['diameter']);
    assert.equal(ctx.rec.stop?.layer, 'diameter');
  }
});

test('random corruption never throws', () => {
  const full = hex(ULR_HEX);
  let seed = 12345;
  const rnd = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) / 16777216;
  for (let i = 0; i < 3000; i++) {
    const b = full.slice();
    for (let k = 0; k < 4; k++) b[Math.floor(rnd() * b.length)] = Math.floor(rnd() * 256);
    const r = parseDiameter(b.subarray(0, 20 + Math.floor(rnd() * (b.length - 20))));
    assert.ok(r.info);
  }
});

test('registration: SCTP PPID 46/47, SCTP port 3868, TCP port 3868; DTLS is recorded as encrypted', () => {
  const t = buildTables();
  assert.ok(t.has('sctp.ppid', 46));
  assert.ok(t.has('sctp.ppid', 47));
  assert.ok(t.has('sctp.port', 3868));
  assert.ok(t.has('tcp.port', 3868));
  const ctx = createContext();
  const rec: SigRecord = { frame: 3, tsSec: 0, tsNsec: 0, fileOffset: 0, msgIdx: 0, compIdx: -1, protos: [] };
  ctx.rec = rec;
  ctx.dispatch('sctp.ppid', 46, hex(ULR_HEX));
  assert.equal(rec.diameter?.cmdAbbrev, 'ULR');
  assert.equal(rec.stop, undefined);
  const enc: SigRecord = { frame: 4, tsSec: 0, tsNsec: 0, fileOffset: 0, msgIdx: 0, compIdx: -1, protos: [] };
  ctx.rec = enc;
  ctx.dispatch('sctp.ppid', 47, hex('16fefd0000000000000000'));
  assert.deepEqual(enc.protos, ['dtls']);
  assert.equal(enc.diameter, undefined);
  assert.match(enc.stop!.reason, /encrypted/);
});

test('TCP framing helper reads the 24-bit message length', () => {
  const b = hex(ULR_HEX);
  assert.equal(diameterMessageLength(b), b.length);
  assert.equal(diameterMessageLength(b.subarray(0, 3)), -1);
});

test('lazy AVP tree: own enumerable, survives structuredClone/JSON/spread, independent of the caller buffer', () => {
  const b = hex(ULR_HEX);
  const info = parseDiameter(b).info!;
  b.fill(0); // the caller may reuse its buffer (TCP/SCTP reassembly buffers are reused)
  assert.ok(Object.keys(info).includes('avps'));
  const clone = structuredClone(info);
  assert.equal(find(clone.avps, 'User-Name')!.value, '222010100001140');
  const json = JSON.parse(JSON.stringify(info)) as DiameterInfo;
  assert.equal(json.avps.length, info.avps.length);
  assert.equal({ ...info }.avps, info.avps, 'materialized once, then a plain property');
  const other = parseDiameter(hex(ULR_HEX)).info!;
  other.avps = [];
  assert.deepEqual(other.avps, []);
});
