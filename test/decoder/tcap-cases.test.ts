/**
 * Hand-built TCAP/MAP/CAP/ANSI messages (test/fixtures/tcap/mkcases.py) against
 * tshark 4.0.17's reading of the same bytes (rows stored in cases.json), plus
 * the MapInfo / CapInfo / TcapInfo fields checked against `tshark -V`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decodeTcap, cells } from '../fixtures/tcap/harness.js';
import type { SigRecord } from '../../shared/model/record.js';

interface Case { name: string; called: number; calling: number; tcap: string; frame: number; rows: Record<string, string>[] }
const cases = (JSON.parse(readFileSync(new URL('../fixtures/tcap/cases.json', import.meta.url), 'utf8')) as Case[]).sort((a, b) => a.frame - b.frame);

// decode in capture order: TCAP dialogue memory (ACN of the Begin reused by a later End) depends on it
const decoded = new Map<string, SigRecord[]>();
for (const c of cases) decoded.set(c.name, decodeTcap(c.tcap, c.called, c.calling));
const rec = (name: string, i = 0): SigRecord => {
  const r = decoded.get(name)?.[i];
  assert.ok(r, `no record ${i} for ${name}`);
  return r;
};

test('every hand-built case matches tshark columns', () => {
  const bad: string[] = [];
  for (const c of cases) {
    const got = decoded.get(c.name)!.map((r) => cells(r));
    if (JSON.stringify(got) !== JSON.stringify(c.rows)) bad.push(`${c.name}: got ${JSON.stringify(got)}\n   want ${JSON.stringify(c.rows)}`);
  }
  assert.equal(bad.join('\n'), '');
});

test('MAP location, subscriber and SMS fields', () => {
  const ul = rec('ul-res').map!;
  assert.equal(ul.hlrNumber, '491720000003');
  assert.equal(ul.opName, 'updateLocation');
  assert.equal(ul.isResult, true);
  const prn = rec('prn-arg').map!;
  assert.deepEqual([prn.imsi, prn.mscNumber, prn.msisdn, prn.gmscAddress], ['262011234567890', '491720000001', '491721234567', '491720000004']);
  assert.equal(rec('prn-res').map!.roamingNumber, '491729999001');
  const isd = rec('isd-arg').map!;
  assert.deepEqual([isd.ssCode, isd.ssName, isd.forwardedToNumber, isd.camelServiceKey, isd.gsmScfAddress], [0x21, 'cfu', '491770000077', 5, '491720000050']);
  const sri = rec('sri-res-v3').map!;
  assert.deepEqual([sri.imsi, sri.msrn, sri.vlrNumber], ['262011234567890', '491729999001', '491720000002']);
  assert.deepEqual([rec('sri-res-v2').map!.imsi, rec('sri-res-v2').map!.msrn], ['262011234567890', '491729999001']);
  const srism = rec('srism-res').map!;
  assert.deepEqual([srism.imsi, srism.mscNumber, srism.lmsi, srism.sgsnNumber], ['262011234567890', '491720000001', '01020304', '491720000077']);
  const mt = rec('mtfsm-arg').map!;
  assert.deepEqual([mt.smRpDaKind, mt.smRpDa, mt.imsi, mt.smRpOaKind, mt.smRpOa, mt.serviceCentre], ['imsi', '262011234567890', '262011234567890', 'serviceCentre', '491720000009', '491720000009']);
  assert.equal(mt.smsText, 'Hello');
  const mo = rec('mofsm-arg').map!;
  assert.deepEqual([mo.smRpDaKind, mo.serviceCentre, mo.smRpOaKind, mo.msisdn, mo.smsText], ['serviceCentre', '491720000009', 'msisdn', '491721234567', 'Hello']);
  const psi = rec('psi-arg').map!;
  assert.equal(psi.requestedInfo, 'locationInformation,subscriberState');
  const psr = rec('psi-res').map!;
  assert.deepEqual([psr.ageOfLocation, psr.vlrNumber, psr.cellGlobalId, psr.subscriberState], [5, '491720000002', '262-01-4660-22136', 'assumedIdle']);
  // tshark -V: 53.43751 / 13.74999 degrees
  assert.equal(psr.geoLat!.toFixed(5), '53.43751');
  assert.equal(psr.geoLon!.toFixed(5), '13.74999');
  const ati = rec('ati-arg-ssn6').map!;
  assert.deepEqual([ati.msisdn, ati.requestingGsmScf, ati.gsmScfAddress], ['491721234567', '491720000050', undefined]);
  assert.deepEqual([rec('ati-res').map!.mscNumber, rec('ati-res').map!.cellGlobalId], ['491720000001', '262-01-4660-22136']);
  assert.equal(rec('purge-v3').map!.vlrNumber, '491720000002');
  assert.equal(rec('checkimei-v3').map!.imei, '3520990017614823');
  assert.equal(rec('sendimsi').map!.msisdn, '491721234567');
  assert.equal(rec('sendimsi-res').map!.imsi, '262011234567890');
  assert.equal(rec('continue-sai-res').map!.vectors, 2);
  assert.equal(rec('readyforsm').map!.alertReason, 0);
  assert.equal(rec('rsmds-arg').map!.deliveryOutcome, 1);
});

test('MAP operations, batch 2 (GPRS, LCS, ATM/ATSI, SS results, v1/v2 layouts)', () => {
  const m = (n: string) => rec(n).map!;
  assert.deepEqual([m('cl-arg-v2-lmsi').imsi, m('cl-arg-v2-lmsi').lmsi, m('cl-arg-v2-lmsi').acVersion], ['262011234567890', '0a0b0c0d', 2]);
  assert.deepEqual([m('cl-arg-v1').imsi, m('cl-arg-v1').acVersion], ['262011234567890', 1]);
  assert.deepEqual([m('ul-arg-lmsi').mscNumber, m('ul-arg-lmsi').vlrNumber, m('ul-arg-lmsi').lmsi], ['491720000001', '491720000002', '11223344']);
  assert.equal(m('sendparams-v1').imsi, '262011234567890');
  assert.equal(m('sendid-res-v3').imsi, '262011234567890');
  assert.deepEqual([m('ugl-arg').imsi, m('ugl-arg').sgsnNumber, m('ugl-res').hlrNumber], ['262011234567890', '491720000060', '491720000003']);
  assert.equal(m('srigprs-arg').imsi, '262011234567890');
  assert.equal(m('informsc-arg').msisdn, '491721234567');
  assert.deepEqual([m('atm-arg').imsi, m('atm-arg').requestingGsmScf, m('atm-arg').ssName, m('atm-arg').forwardedToNumber], ['262011234567890', '491720000050', 'cfu', '491770000099']);
  assert.deepEqual([m('atsi-arg').msisdn, m('atsi-arg').requestingGsmScf], ['491721234567', '491720000050']);
  assert.deepEqual([m('psl-arg').imsi, m('psl-arg').msisdn], ['262011234567890', '491721234567']);
  assert.deepEqual([m('psl-res').ageOfLocation, m('psl-res').cellGlobalId], [3, '262-01-4660-22136']);
  assert.equal(m('psl-res').geoLat!.toFixed(5), '53.43751');
  assert.deepEqual([m('slr-arg').msisdn, m('slr-arg').imsi, m('slr-arg').mscNumber], ['491721234567', '262011234567890', '491720000001']);
  assert.deepEqual([m('restore-arg').lmsi, m('restore-res').hlrNumber], ['01020304', '491720000003']);
  assert.deepEqual([m('isd-smscsi-tcsi').camelServiceKey, m('isd-smscsi-tcsi').gsmScfAddress], [11, '491720000051']);
  assert.deepEqual([m('erase-res').ssName, m('erase-res').forwardedToNumber], ['cfu', '491770000088']);
  assert.equal(m('interrogate-res').forwardedToNumber, '491770000089');
  assert.deepEqual([m('mtfsm-lmsi').smRpDaKind, m('mtfsm-lmsi').lmsi, m('mtfsm-lmsi').smsText], ['lmsi', '01020304', 'Hello']);
  assert.equal(m('mofsm-alnum').smsText, 'Hello');
  assert.equal(m('srism-imsi12').imsi, '262011234567890');
  assert.deepEqual([m('sai-v2').imsi, m('sai-res-v2').vectors], ['262011234567890', 1]);
  assert.equal(m('checkimei-v2').imei, '35209900176148');
  assert.deepEqual([m('purge-v2').imsi, m('purge-v2').vlrNumber], ['262011234567890', '491720000002']);
  // national / unknown-TON numbers keep their digits but are not E.164 for tshark
  assert.equal(m('addr-national').msisdn, '1721234567');
  assert.deepEqual(m('addr-national').e164 ?? [], []);
  assert.deepEqual(m('addr-np6').imsis, ['262011234567890']);
  assert.equal(rec('cap-idp-intl').cap!.locationNumber, '49171111');
  assert.equal(rec('cap-connect-natl').cap!.destinationRoutingAddress, '12345678');
});

test('USSD strings are unpacked from GSM 7-bit', () => {
  assert.equal(rec('ussd-ucs2').map!.ussdString, '*1#');
  assert.equal(rec('ussd-8bit').map!.ussdString, '010203');
  // escape table, '@' (septet 0) and Latin letters, as tshark -V shows them
  assert.equal(rec('ussd7-0').map!.ussdString, 'Cost 5€ [ok] {x}');
  assert.equal(rec('ussd7-2').map!.ussdString, '@home ÄÖÜ');
  assert.equal(rec('ussd7-5').map!.ussdString, '12345678');
  // TS 23.038: a CR filling the last octet of 7 septets is padding (tshark keeps it: '1234567\r')
  assert.equal(rec('ussd7-1').map!.ussdString, '1234567');
  // DCS 0x10 / 0x11: the language indication is not part of the text (tshark prints it, and reads 0x11 wrongly)
  assert.equal(rec('ussd7-3').map!.ussdString, '*100#');
  assert.equal(rec('ussd7-4').map!.ussdString, 'Hé');
  assert.equal(rec('ussd-v1-data').map!.ussdString, '*#06#');
  assert.deepEqual([rec('ussd-req').map!.ussdDcs, rec('ussd-req').map!.ussdString, rec('ussd-req').map!.msisdn], [0x0f, '*100#', '491721234567']);
  assert.equal(rec('ussd-res').map!.ussdString, 'Balance 5 EUR');
  assert.equal(rec('ussd-notify').map!.ussdString, 'Hello');
});

test('MAP errors and rejects', () => {
  assert.deepEqual([rec('err-systemfailure').map!.errorCode, rec('err-systemfailure').map!.errorName], [34, 'systemFailure']);
  assert.equal(rec('err-absent').map!.errorName, 'absentSubscriber');
  assert.equal(rec('err-unknownsub').component!.errorName, 'unknownSubscriber');
  assert.equal(rec('reject').component!.kindName, 'reject');
  assert.match(rec('reject').component!.problem!, /invokeProblem/);
});

test('TCAP dialogue portion, aborts and anomaly flags', () => {
  const b = rec('isd-arg').tcap!;
  assert.deepEqual([b.type, b.otid, b.dialogue, b.acn, b.acName, b.acVersion, b.componentCount], ['begin', '00000001', 'aarq', '0.4.0.0.1.0.16.3', 'subscriberDataMngtContext', 3, 1]);
  const e = rec('ul-res').tcap!;
  assert.deepEqual([e.type, e.dtid, e.dialogue, e.dialogueResult, e.dialogueDiagnostic], ['end', '00000001', 'aare', 0, 'dialogue-service-user: null']);
  const rj = rec('aare-rejected').tcap!;
  assert.deepEqual([rj.dialogueResult, rj.dialogueDiagnostic], [1, 'dialogue-service-user: application-context-name-not-supported']);
  assert.equal(rec('abort-p').tcap!.abortCause, 'unrecognizedTransactionID');
  assert.equal(rec('abort-u').tcap!.abortCause, 'dialogue-service-provider');
  assert.ok(rec('global-opcode').tcap!.flags!.includes('global-opcode'));
  assert.equal(rec('global-opcode').component!.globalOpcode, '0.4.0.0.1.0.14.3');
  assert.ok(rec('multi-invoke').tcap!.flags!.includes('multi-invoke'));
  assert.equal(decoded.get('multi-invoke')!.length, 2);
  assert.ok(rec('no-dialogue-v1').tcap!.flags!.includes('no-dialogue'));
  assert.equal(rec('no-dialogue-v1').map!.acVersion, 1);
  assert.equal(rec('no-dialogue-v1').map!.imsi, '262011234567890');
  assert.ok(rec('unknown-comp-tag').tcap!.flags!.includes('unknown-tag'));
  assert.equal(rec('unknown-comp-tag').stop?.layer, 'tcap');
  assert.equal(rec('indef-begin').map!.msisdn, '491721234567');
  // a Begin without ACN reusing the transaction id of an earlier Begin inherits its context (as tshark does)
  assert.ok(rec('no-acn-ssn10').tcap!.flags!.includes('acn-from-dialogue'));
  assert.equal(rec('no-acn-ssn10').tcap!.acn, '0.4.0.0.1.0.14.3');
  assert.equal(rec('long-length').tcap!.otid, '0000000b');
  assert.equal(rec('long-length').map!.msisdn, '4917');
  assert.equal(rec('inconsistent-lengths').stop?.layer, 'tcap');
  assert.equal(rec('inconsistent-lengths').map!.opName, 'sendIMSI');
});

test('INAP, unidirectional, CAP v4 release, mixed components', () => {
  assert.deepEqual(rec('inap-ssn106').protos, ['m3ua', 'sccp', 'tcap', 'inap']);
  assert.equal(rec('uni-alertsc-v1').tcap!.type, 'unidirectional');
  assert.equal(rec('uni-alertsc-v1').map!.opName, 'alertServiceCentreWithoutResult');
  assert.equal(rec('cap-release-v4').cap!.releaseCause, 17);
  const rr = decoded.get('rr-and-error')!;
  assert.equal(rr.length, 2);
  assert.deepEqual([rr[0]!.compIdx, rr[0]!.map!.mscNumber, rr[1]!.compIdx, rr[1]!.map!.errorName], [0, '491720000001', 1, 'absentSubscriberSM']);
  assert.deepEqual(rec('ansi-qwp-ssn149').protos, ['m3ua', 'sccp', 'ansi_tcap', 'ansi_map']);
});

test('CAMEL routing info, SGSN CAMEL data, LCS client and node numbers', () => {
  const sri = rec('sri-res-camel').map!;
  assert.deepEqual([sri.forwardedToNumber, sri.camelServiceKey, sri.gsmScfAddress], ['491770000066', 7, '491720000053']);
  const isd = rec('isd-sgsn-lcs').map!;
  assert.deepEqual([isd.camelServiceKey, isd.gsmScfAddress, isd.e164!.length], [9, '491720000055', 4]);
  assert.equal(rec('psl-client').map!.mlcNumber, '491720000070');
  assert.equal(rec('srigprs-ggsn').map!.ggsnNumber, '491720000062');
  assert.equal(rec('srilcs-arg').map!.mlcNumber, '491720000070');
});

test('MAP error parameters and unallocated operation codes', () => {
  assert.equal(rec('err-absent-reason').map!.errorDetail, 'absentSubscriberReason=purgedMS');
  assert.equal(rec('err-smfailure').map!.errorDetail, 'sm-EnumeratedDeliveryFailureCause=memoryCapacityExceeded');
  assert.equal(rec('err-sysfail-enum').map!.errorDetail, 'networkResource=hlr');
  assert.equal(rec('err-unknownsub-diag').map!.errorDetail, 'unknownSubscriberDiagnostic=imsiUnknown');
  assert.equal(rec('err-callbarred').map!.errorDetail, 'callBarringCause=operatorBarring');
  assert.equal(rec('op-unallocated').map!.opName, undefined);
  assert.ok(rec('op-unallocated').tcap!.flags!.includes('unknown-opcode'));
});

test('duplicated components and invoke ids are flagged', () => {
  const d = rec('dup-component').tcap!.flags!;
  assert.ok(d.includes('duplicate-component') && d.includes('duplicate-invoke-id') && d.includes('multi-invoke'), d.join());
  const i = rec('dup-invoke-id').tcap!.flags!;
  assert.ok(i.includes('duplicate-invoke-id') && !i.includes('duplicate-component'), i.join());
  assert.ok(!rec('multi-invoke').tcap!.flags!.includes('duplicate-invoke-id'));
});

test('an invoke outside the dialogue\'s MAP application context is flagged', () => {
  // anyTimeInterrogation hidden behind sendRoutingInfoForSM in a shortMsgGateway dialogue
  assert.ok(rec('acn-mismatch').tcap!.flags!.includes('acn-mismatch'));
  assert.equal(decoded.get('acn-mismatch')!.length, 2);
  for (const n of ['srism-arg', 'isd-arg', 'ul-res', 'ussd-req', 'psl-arg', 'cap-idp']) assert.ok(!rec(n).tcap!.flags?.includes('acn-mismatch'), n);
});

test('MAP dialogue map-open references', () => {
  const t = rec('map-open-ussd').tcap!;
  assert.deepEqual([t.mapDialogue, t.destinationReference, t.originatingReference], ['map-open', '262011234567890', '491720000002']);
  assert.equal(rec('map-open-only').compIdx, -1);
  assert.deepEqual(rec('map-open-np6').tcap!.imsis, ['262011234567890']);
});

test('non-TCAP SSN: described by the heuristic without claiming the stack', () => {
  const r = rec('ati-arg');
  assert.deepEqual(r.protos, ['m3ua', 'sccp']);
  assert.ok(r.tcap?.flags?.includes('heuristic'));
  assert.equal(r.map?.opName, 'anyTimeInterrogation');
  assert.equal(r.compIdx, -1);
  assert.equal(r.stop, undefined);
});

test('CAP operations', () => {
  const idp = rec('cap-idp').cap!;
  assert.deepEqual([idp.opName, idp.serviceKey, idp.calledPartyNumber, idp.callingPartyNumber, idp.eventTypeBcsm, idp.imsi, idp.vlrNumber, idp.cellGlobalId, idp.mscAddress, idp.calledPartyBcdNumber],
    ['initialDP', 100, '4917723', '4917123456', 2, '262011234567890', '491720000002', '262-01-4660-22136', '491720000001', '4917712345']);
  assert.equal(rec('cap-connect').cap!.destinationRoutingAddress, '4917000');
  assert.deepEqual(rec('cap-rrbe').cap!.bcsmEvents, [7, 9]);
  assert.equal(rec('cap-rrbe', 1).cap!.opName, 'continue');
  assert.equal(rec('cap-release').cap!.releaseCause, 16);
  assert.equal(rec('cap-ach').cap!.maxCallPeriodDuration, 3000);
  assert.equal(rec('cap-erbcsm').cap!.eventTypeBcsm, 9);
  assert.equal(rec('cap-error').cap!.errorName, 'missingParameter');
  const sms = rec('cap-idpsms').cap!;
  assert.deepEqual([sms.opName, sms.smsDestination, sms.callingPartyNumber, sms.imsi, sms.smscAddress, sms.mscAddress], ['initialDPSMS', '4917755555', '491721234567', '262011234567890', '491720000009', '491720000001']);
});

test('ANSI TCAP packages', () => {
  const q = rec('ansi-qwp');
  assert.deepEqual([q.tcap!.variant, q.tcap!.type, q.tcap!.otid, q.component!.kindName, q.component!.opcode], ['ansi', 'queryWithPerm', '01020304', 'invoke', 0x0938]);
  const r = rec('ansi-response');
  assert.deepEqual([r.tcap!.type, r.tcap!.dtid, r.component!.kindName], ['response', '05060708', 'returnResultLast']);
});
