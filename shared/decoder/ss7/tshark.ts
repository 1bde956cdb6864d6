import type { SigRecord } from '../../model/record.js';
import type { TsharkCells } from '../tshark-format.js';

/** Fills the oracle columns this family owns (see ../tshark-format.ts), formatted exactly as tshark 4.0 -T fields prints them. */
export function ss7TsharkColumns(r: SigRecord, c: TsharkCells): void {
  const m = r.m3ua;
  if (m) {
    c['m3ua.message_class'] = String(m.cls);
    c['m3ua.message_type'] = String(m.type);
    if (m.opc !== undefined) {
      c['m3ua.protocol_data_opc'] = String(m.opc);
      c['m3ua.protocol_data_dpc'] = String(m.dpc);
      c['m3ua.protocol_data_si'] = String(m.si);
    }
  }
  const m3 = r.mtp3;
  if (m3) {
    c['mtp3.opc'] = String(m3.opc);
    c['mtp3.dpc'] = String(m3.dpc);
  }
  const s = r.sccp;
  // A SUA-derived SCCP record has no SCCP on the wire: tshark shows no sccp.* fields for it.
  if (s && s.via === undefined) {
    c['sccp.message_type'] = s.type < 16 ? `0x0${s.type.toString(16)}` : `0x${s.type.toString(16)}`;
    if (s.called.ssn !== undefined) c['sccp.called.ssn'] = String(s.called.ssn);
    if (s.calling.ssn !== undefined) c['sccp.calling.ssn'] = String(s.calling.ssn);
    if (s.called.digits !== undefined) c['sccp.called.digits'] = s.called.digits;
    if (s.calling.digits !== undefined) c['sccp.calling.digits'] = s.calling.digits;
  }
  const i = r.isup;
  if (i) {
    c['isup.message_type'] = String(i.type);
    if (!i.bicc) c['isup.cic'] = String(i.cic); // BICC's CIC is bicc.cic
    if (i.called !== undefined) c['isup.called'] = i.called;
    if (i.calling !== undefined) c['isup.calling'] = i.calling;
    // Wireshark's E.164 helper adds a hidden e164.msisdn for called/calling party numbers
    // whose nature of address is 'international number' (4), in message order.
    const e164: string[] = [];
    if (i.called !== undefined && i.calledNai === 4) e164.push(i.called);
    if (i.calling !== undefined && i.callingNai === 4) e164.push(i.calling);
    if (e164.length) c['e164.msisdn'] = e164.join(',');
  } else if (r.cap && r.cap.opcode !== 60 && r.protos.includes('camel')) {
    // Wireshark decodes CAP's ISUP-format numbers with the ISUP number dissector, which fills isup.called / isup.calling.
    // (initialDPSMS, opcode 60, carries its callingPartyNumber as an address string: no isup.* field.
    // CAP decoded only by the heuristic on an SSN tshark does not route to TCAP is no CAMEL row.)
    const cap = r.cap;
    const called = [cap.calledPartyNumber, cap.forwardingDestinationNumber, cap.destinationRoutingAddress].filter((x): x is string => !!x).join(',');
    if (called) c['isup.called'] = called;
    if (cap.callingPartyNumber) c['isup.calling'] = cap.callingPartyNumber;
  }
}
