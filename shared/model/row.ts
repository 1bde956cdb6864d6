/**
 * MsgRow: the flat, column-per-field view of a SigRecord. It is the shape of
 * the case store's `messages` table (snake_case columns, one row per record)
 * and what detectors and the workbench consume. `flattenRecord` is the only
 * place that maps the layered record to columns.
 */
import type { SigRecord } from './record.js';

export interface MsgRow {
  frame: number;
  /** Epoch seconds with fraction (double); ts_sec/ts_nsec keep the exact value. */
  ts: number;
  ts_sec: number;
  ts_nsec: number;
  file_offset: number;
  msg_idx: number;
  comp_idx: number;
  protos: string;
  /** 'map' | 'cap' | 'tcap' | 'sccp' | 'isup' | 'diameter' | 'm3ua' | 'mtp3' | 'sua' | 'm2pa' | 'm2ua' */
  family: string;
  src_ip: string | null;
  dst_ip: string | null;
  src_port: number | null;
  dst_port: number | null;
  sctp_stream: number | null;
  ppid: number | null;
  retrans: boolean;
  m3ua_class: number | null;
  m3ua_type: number | null;
  m3ua_type_name: string | null;
  opc: number | null;
  dpc: number | null;
  si: number | null;
  ni: number | null;
  sls: number | null;
  sccp_type: number | null;
  sccp_type_name: string | null;
  called_gt: string | null;
  called_ssn: number | null;
  called_pc: number | null;
  called_tt: number | null;
  called_np: number | null;
  called_nai: number | null;
  calling_gt: string | null;
  calling_ssn: number | null;
  calling_pc: number | null;
  calling_tt: number | null;
  calling_np: number | null;
  calling_nai: number | null;
  tcap_type: string | null;
  otid: string | null;
  dtid: string | null;
  dialogue: string | null;
  acn: string | null;
  ac_name: string | null;
  ac_version: number | null;
  tcap_flags: string | null;
  comp_count: number | null;
  comp_kind: number | null;
  comp_kind_name: string | null;
  invoke_id: number | null;
  linked_id: number | null;
  opcode: number | null;
  op_name: string | null;
  global_opcode: string | null;
  is_result: boolean | null;
  error_code: number | null;
  error_name: string | null;
  imsi: string | null;
  msisdn: string | null;
  msc: string | null;
  vlr: string | null;
  hlr: string | null;
  sgsn: string | null;
  gmsc: string | null;
  sc_addr: string | null;
  sm_rp_da: string | null;
  sm_rp_oa: string | null;
  ss_code: number | null;
  fwd_to: string | null;
  gsmscf: string | null;
  service_key: number | null;
  msrn: string | null;
  cgi: string | null;
  lai: string | null;
  age_of_location: number | null;
  ussd: string | null;
  /** MAP-OPEN destination / originating reference of the dialogue (TS 29.002: the subscriber's IMSI for SS and USSD procedures). */
  dest_ref: string | null;
  orig_ref: string | null;
  /** gsmSCF that sent anyTimeInterrogation / anyTimeSubscriptionInterrogation / anyTimeModification. */
  scf_requester: string | null;
  cap_called: string | null;
  cap_calling: string | null;
  cap_destination: string | null;
  isup_type: number | null;
  isup_name: string | null;
  cic: number | null;
  isup_called: string | null;
  isup_calling: string | null;
  isup_redirecting: string | null;
  isup_cause: number | null;
  diam_cmd: number | null;
  diam_cmd_name: string | null;
  diam_request: boolean | null;
  diam_app: number | null;
  hbh: number | null;
  e2e: number | null;
  session_id: string | null;
  origin_host: string | null;
  origin_realm: string | null;
  dest_host: string | null;
  dest_realm: string | null;
  visited_plmn: string | null;
  result_code: number | null;
  exp_result: number | null;
  rat_type: number | null;
  ulr_flags: number | null;
  idr_flags: number | null;
  stop_layer: string | null;
  stop_reason: string | null;
}

export const FAMILY_ORDER = ['diameter', 'map', 'cap', 'isup', 'tcap', 'sccp', 'mtp3', 'm3ua', 'sua', 'm2pa', 'm2ua', 'mtp2'] as const;

function family(r: SigRecord): string {
  if (r.diameter) return 'diameter';
  if (r.map) return 'map';
  if (r.cap) return 'cap';
  if (r.isup) return 'isup';
  if (r.tcap) return 'tcap';
  if (r.sccp) return 'sccp';
  if (r.mtp3) return 'mtp3';
  if (r.m3ua) return 'm3ua';
  if (r.sua) return 'sua';
  if (r.m2pa) return 'm2pa';
  if (r.m2ua) return 'm2ua';
  return r.protos[r.protos.length - 1] ?? 'unknown';
}

const n = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

export function flattenRecord(r: SigRecord): MsgRow {
  const t = r.transport, m3 = r.m3ua, mtp3 = r.mtp3, s = r.sccp, tc = r.tcap, c = r.component, m = r.map, cap = r.cap, i = r.isup, d = r.diameter;
  const cd = s?.called, cg = s?.calling;
  return {
    frame: r.frame,
    ts: r.tsSec + r.tsNsec / 1e9,
    ts_sec: r.tsSec,
    ts_nsec: r.tsNsec,
    file_offset: r.fileOffset,
    msg_idx: r.msgIdx,
    comp_idx: r.compIdx,
    protos: r.protos.join(':'),
    family: family(r),
    src_ip: n(t?.src),
    dst_ip: n(t?.dst),
    src_port: n(t?.srcPort),
    dst_port: n(t?.dstPort),
    sctp_stream: n(t?.stream),
    ppid: n(t?.ppid),
    retrans: t?.retransmission === true,
    m3ua_class: n(m3?.cls),
    m3ua_type: n(m3?.type),
    m3ua_type_name: n(m3?.typeName),
    opc: n(mtp3?.opc ?? m3?.opc),
    dpc: n(mtp3?.dpc ?? m3?.dpc),
    si: n(mtp3?.si ?? m3?.si),
    ni: n(mtp3?.ni ?? m3?.ni),
    sls: n(mtp3?.sls ?? m3?.sls),
    sccp_type: n(s?.type),
    sccp_type_name: n(s?.typeName),
    called_gt: n(cd?.digits),
    called_ssn: n(cd?.ssn),
    called_pc: n(cd?.pc),
    called_tt: n(cd?.tt),
    called_np: n(cd?.np),
    called_nai: n(cd?.nai),
    calling_gt: n(cg?.digits),
    calling_ssn: n(cg?.ssn),
    calling_pc: n(cg?.pc),
    calling_tt: n(cg?.tt),
    calling_np: n(cg?.np),
    calling_nai: n(cg?.nai),
    tcap_type: n(tc?.type),
    otid: n(tc?.otid),
    dtid: n(tc?.dtid),
    dialogue: n(tc?.dialogue),
    acn: n(tc?.acn),
    ac_name: n(tc?.acName),
    ac_version: n(tc?.acVersion),
    tcap_flags: tc?.flags && tc.flags.length ? tc.flags.join(',') : null,
    comp_count: n(tc?.componentCount),
    comp_kind: n(c?.kind),
    comp_kind_name: n(c?.kindName),
    invoke_id: n(c?.invokeId),
    linked_id: n(c?.linkedId),
    opcode: n(c?.opcode ?? m?.opcode ?? cap?.opcode),
    op_name: n(m?.opName ?? cap?.opName),
    global_opcode: n(c?.globalOpcode),
    is_result: m?.isResult ?? (c ? c.kind === 2 || c.kind === 7 : null),
    error_code: n(c?.errorCode ?? m?.errorCode ?? cap?.errorCode),
    error_name: n(c?.errorName ?? m?.errorName),
    imsi: n(m?.imsi ?? cap?.imsi ?? d?.imsi),
    msisdn: n(m?.msisdn ?? d?.msisdn),
    msc: n(m?.mscNumber ?? cap?.mscAddress),
    vlr: n(m?.vlrNumber),
    hlr: n(m?.hlrNumber),
    sgsn: n(m?.sgsnNumber),
    gmsc: n(m?.gmscAddress),
    sc_addr: n(m?.serviceCentre),
    sm_rp_da: n(m?.smRpDa),
    sm_rp_oa: n(m?.smRpOa),
    ss_code: n(m?.ssCode),
    fwd_to: n(m?.forwardedToNumber),
    gsmscf: n(m?.gsmScfAddress),
    service_key: n(m?.camelServiceKey ?? cap?.serviceKey),
    msrn: n(m?.msrn ?? m?.roamingNumber),
    cgi: n(m?.cellGlobalId ?? cap?.cellGlobalId),
    lai: n(m?.lai),
    age_of_location: n(m?.ageOfLocation),
    ussd: n(m?.ussdString),
    dest_ref: n(tc?.destinationReference),
    orig_ref: n(tc?.originatingReference),
    scf_requester: n(m?.requestingGsmScf),
    cap_called: n(cap?.calledPartyBcdNumber ?? cap?.calledPartyNumber),
    cap_calling: n(cap?.callingPartyNumber),
    cap_destination: n(cap?.destinationRoutingAddress),
    isup_type: n(i?.type),
    isup_name: n(i?.typeName),
    cic: n(i?.cic),
    isup_called: n(i?.called),
    isup_calling: n(i?.calling),
    isup_redirecting: n(i?.redirecting),
    isup_cause: n(i?.causeValue),
    diam_cmd: n(d?.cmd),
    diam_cmd_name: n(d?.cmdAbbrev),
    diam_request: n(d?.request),
    diam_app: n(d?.appId),
    hbh: n(d?.hopByHop),
    e2e: n(d?.endToEnd),
    session_id: n(d?.sessionId),
    origin_host: n(d?.originHost),
    origin_realm: n(d?.originRealm),
    dest_host: n(d?.destHost),
    dest_realm: n(d?.destRealm),
    visited_plmn: n(d?.visitedPlmnId),
    result_code: n(d?.resultCode),
    exp_result: n(d?.experimentalResult),
    rat_type: n(d?.ratType),
    ulr_flags: n(d?.ulrFlags),
    idr_flags: n(d?.idrFlags),
    stop_layer: n(r.stop?.layer),
    stop_reason: n(r.stop?.reason),
  };
}
