/** Row builders for detector fixtures: plain MsgRow objects, every column present. */
import type { DetectRow } from '../../shared/detect/types.js';

const BLANK: DetectRow = {
  frame: 0, ts: 0, ts_sec: 0, ts_nsec: 0, file_offset: 0, msg_idx: 0, comp_idx: -1, protos: '', family: 'map',
  src_ip: null, dst_ip: null, src_port: null, dst_port: null, sctp_stream: null, ppid: null, retrans: false,
  m3ua_class: null, m3ua_type: null, m3ua_type_name: null, opc: null, dpc: null, si: null, ni: null, sls: null,
  sccp_type: null, sccp_type_name: null, called_gt: null, called_ssn: null, called_pc: null, called_tt: null, called_np: null, called_nai: null,
  calling_gt: null, calling_ssn: null, calling_pc: null, calling_tt: null, calling_np: null, calling_nai: null,
  tcap_type: null, otid: null, dtid: null, dialogue: null, acn: null, ac_name: null, ac_version: null, tcap_flags: null, comp_count: null,
  comp_kind: null, comp_kind_name: null, invoke_id: null, linked_id: null, opcode: null, op_name: null, global_opcode: null, is_result: null,
  error_code: null, error_name: null, imsi: null, msisdn: null, msc: null, vlr: null, hlr: null, sgsn: null, gmsc: null, sc_addr: null,
  sm_rp_da: null, sm_rp_oa: null, ss_code: null, fwd_to: null, gsmscf: null, dest_ref: null, orig_ref: null, scf_requester: null, service_key: null, msrn: null, cgi: null, lai: null,
  age_of_location: null, ussd: null, cap_called: null, cap_calling: null, cap_destination: null, isup_type: null, isup_name: null, cic: null,
  isup_called: null, isup_calling: null, isup_redirecting: null, isup_cause: null, diam_cmd: null, diam_cmd_name: null, diam_request: null,
  diam_app: null, hbh: null, e2e: null, session_id: null, origin_host: null, origin_realm: null, dest_host: null, dest_realm: null,
  visited_plmn: null, result_code: null, exp_result: null, rat_type: null, ulr_flags: null, idr_flags: null, stop_layer: null, stop_reason: null,
};

let frameNo = 0;
let tid = 0x1000;
export function resetFrames(): void {
  frameNo = 0;
  tid = 0x1000;
}

export function row(p0: Partial<DetectRow>): DetectRow {
  const p = Object.fromEntries(Object.entries(p0).filter(([, v]) => v !== undefined)) as Partial<DetectRow>;
  const frame = p.frame ?? ++frameNo;
  const ts = p.ts ?? 1_700_000_000 + frame;
  return { ...BLANK, frame, ts, ts_sec: Math.floor(ts), comp_idx: 0, ...p };
}

export interface MapSpec {
  ts?: number;
  op: number;
  from: string;
  to: string;
  opc?: number;
  dpc?: number;
  imsi?: string;
  msisdn?: string;
  otid?: string;
  extra?: Partial<DetectRow>;
}

/** A TC-BEGIN with one MAP invoke; returns the row (its otid is used by mapEnd). */
export function mapBegin(s: MapSpec): DetectRow {
  const otid = s.otid ?? (tid++).toString(16);
  return row({
    ts: s.ts, family: 'map', tcap_type: 'begin', otid, dialogue: 'aarq', comp_count: 1, comp_kind: 1, comp_kind_name: 'invoke', invoke_id: 1,
    opcode: s.op, calling_gt: s.from, called_gt: s.to, called_np: 1, calling_np: 1, opc: s.opc ?? null, dpc: s.dpc ?? null,
    imsi: s.imsi ?? null, msisdn: s.msisdn ?? null, ...s.extra,
  });
}

/** The TC-END answering `req` with a returnResultLast (or an error when errorCode is given). */
export function mapEnd(req: DetectRow, p: { ts?: number; errorCode?: number; extra?: Partial<DetectRow> } = {}): DetectRow {
  return row({
    ts: p.ts ?? req.ts + 0.2, family: 'map', tcap_type: 'end', dtid: req.otid, dialogue: 'aare', comp_count: 1,
    comp_kind: p.errorCode != null ? 3 : 2, comp_kind_name: p.errorCode != null ? 'returnError' : 'returnResultLast', invoke_id: req.invoke_id,
    opcode: p.errorCode != null ? null : req.opcode, error_code: p.errorCode ?? null, calling_gt: req.called_gt, called_gt: req.calling_gt,
    opc: req.dpc, dpc: req.opc, ...p.extra,
  });
}

export function diamReq(p: { ts?: number; cmd: number; host: string; realm: string; destRealm?: string; imsi?: string; hbh?: number; extra?: Partial<DetectRow> }): DetectRow {
  return row({
    ts: p.ts, family: 'diameter', diam_cmd: p.cmd, diam_request: true, diam_app: 16777251, hbh: p.hbh ?? tid++, e2e: tid++,
    origin_host: p.host, origin_realm: p.realm, dest_realm: p.destRealm ?? 'epc.mnc027.mcc268.3gppnetwork.org', imsi: p.imsi ?? null, ...p.extra,
  });
}

export const OPS = { UL: 2, CL: 3, PRN: 4, ISD: 7, DSD: 8, REGSS: 10, ACTSS: 12, SRI: 22, UGL: 23, MTFSM: 44, SRISM: 45, MOFSM: 46, SAI: 56, SENDIMSI: 58, PUSSR: 59, USSR: 60, ATM: 65, PURGE: 67, PSI: 70, ATI: 71, PSL: 83 } as const;

/** Home network nodes and subscribers of fixtures/profile.json. */
export const H = { HLR: '3514660101', VLR: '3514660201', MSC: '3514660202', SCF: '3514660301', SMSC: '3514660401', PC_HLR: 4368, PC_VLR: 4369 } as const;
export const IMSI_HOME = '268270000000001';
export const IMSI_HOME2 = '268270000000002';
export const MSISDN_HOME = '351871000001';
export const IMSI_IT = '222740000000009';
/** Partner Italmobile (roaming) nodes. */
export const IT = { VLR: '3950400201', MSC: '3950400202', HLR: '3950400101', PC: 5024 } as const;
/** Partner Iberfon (roaming). */
export const ES = { VLR: '34609000201', MSC: '34609000202', PC: 5100 } as const;
/** An attacker on an international-network code and one on an unrelated foreign operator. */
export const ATT = { GT: '882340000123', PC: 7777 } as const;
export const FOREIGN = { GT: '2348030000001', PC: 8888 } as const;
