/**
 * The case store's SQL surface: table DDL with a comment per column (these
 * comments are the user documentation: `SELECT * FROM duckdb_columns()` shows
 * them, and SCHEMA.md is generated from the same lists).
 *
 * Pure TypeScript (strings only). The DuckDB side is shared/node/store/.
 * Every table that points at a message has `evidence_id` + `frame`.
 */
import type { MsgRow } from '../model/row.js';

export const SCHEMA_VERSION = 1;

export type SqlType = 'INTEGER' | 'BIGINT' | 'DOUBLE' | 'VARCHAR' | 'BOOLEAN';

export interface ColumnDoc {
  name: string;
  type: string;
  doc: string;
}

export interface MessageColumn {
  name: keyof MsgRow;
  type: SqlType;
  doc: string;
}

/** The MsgRow columns, in MsgRow order (the `messages` table adds `evidence_id` in front). */
export const MESSAGE_COLUMNS: readonly MessageColumn[] = [
  { name: 'frame', type: 'INTEGER', doc: '1-based frame number in the evidence file (as Wireshark numbers it)' },
  { name: 'ts', type: 'DOUBLE', doc: 'capture time, epoch seconds with fraction' },
  { name: 'ts_sec', type: 'BIGINT', doc: 'capture time, whole epoch seconds (exact)' },
  { name: 'ts_nsec', type: 'INTEGER', doc: 'capture time, nanosecond part (exact)' },
  { name: 'file_offset', type: 'BIGINT', doc: 'byte offset of the frame record in the (uncompressed) evidence file; -1 when unknown (metadata imports)' },
  { name: 'msg_idx', type: 'INTEGER', doc: '0-based message number inside the frame (SCTP chunk, M3UA/Diameter message)' },
  { name: 'comp_idx', type: 'INTEGER', doc: '0-based TCAP component number; -1 when the message carries no MAP/CAP component' },
  { name: 'protos', type: 'VARCHAR', doc: "protocol stack in Wireshark names, e.g. 'm3ua:sccp:tcap:gsm_map'" },
  { name: 'family', type: 'VARCHAR', doc: "top protocol: map, cap, tcap, sccp, isup, diameter, m3ua, mtp3, sua, m2pa, m2ua" },
  { name: 'src_ip', type: 'VARCHAR', doc: 'IP source address' },
  { name: 'dst_ip', type: 'VARCHAR', doc: 'IP destination address' },
  { name: 'src_port', type: 'INTEGER', doc: 'SCTP/TCP source port' },
  { name: 'dst_port', type: 'INTEGER', doc: 'SCTP/TCP destination port' },
  { name: 'sctp_stream', type: 'INTEGER', doc: 'SCTP stream id' },
  { name: 'ppid', type: 'INTEGER', doc: 'SCTP payload protocol id' },
  { name: 'retrans', type: 'BOOLEAN', doc: 'true when the transport marked this message as a retransmission' },
  { name: 'm3ua_class', type: 'INTEGER', doc: 'M3UA message class' },
  { name: 'm3ua_type', type: 'INTEGER', doc: 'M3UA message type' },
  { name: 'm3ua_type_name', type: 'VARCHAR', doc: 'M3UA message type name' },
  { name: 'opc', type: 'INTEGER', doc: 'MTP3 / M3UA originating point code' },
  { name: 'dpc', type: 'INTEGER', doc: 'MTP3 / M3UA destination point code' },
  { name: 'si', type: 'INTEGER', doc: 'service indicator (3 SCCP, 5 ISUP)' },
  { name: 'ni', type: 'INTEGER', doc: 'network indicator' },
  { name: 'sls', type: 'INTEGER', doc: 'signalling link selection' },
  { name: 'sccp_type', type: 'INTEGER', doc: 'SCCP message type (9 UDT, 17 XUDT …)' },
  { name: 'sccp_type_name', type: 'VARCHAR', doc: 'SCCP message type name' },
  { name: 'called_gt', type: 'VARCHAR', doc: 'SCCP called party global title digits' },
  { name: 'called_ssn', type: 'INTEGER', doc: 'SCCP called subsystem number' },
  { name: 'called_pc', type: 'INTEGER', doc: 'SCCP called party point code' },
  { name: 'called_tt', type: 'INTEGER', doc: 'called GT translation type' },
  { name: 'called_np', type: 'INTEGER', doc: 'called GT numbering plan' },
  { name: 'called_nai', type: 'INTEGER', doc: 'called GT nature of address' },
  { name: 'calling_gt', type: 'VARCHAR', doc: 'SCCP calling party global title digits' },
  { name: 'calling_ssn', type: 'INTEGER', doc: 'SCCP calling subsystem number' },
  { name: 'calling_pc', type: 'INTEGER', doc: 'SCCP calling party point code' },
  { name: 'calling_tt', type: 'INTEGER', doc: 'calling GT translation type' },
  { name: 'calling_np', type: 'INTEGER', doc: 'calling GT numbering plan' },
  { name: 'calling_nai', type: 'INTEGER', doc: 'calling GT nature of address' },
  { name: 'tcap_type', type: 'VARCHAR', doc: 'TCAP message: begin, continue, end, abort, unidirectional' },
  { name: 'otid', type: 'VARCHAR', doc: 'TCAP originating transaction id, lowercase hex' },
  { name: 'dtid', type: 'VARCHAR', doc: 'TCAP destination transaction id, lowercase hex' },
  { name: 'dialogue', type: 'VARCHAR', doc: 'TCAP dialogue portion PDU: aarq, aare, abrt …' },
  { name: 'acn', type: 'VARCHAR', doc: 'application-context name, dotted OID' },
  { name: 'ac_name', type: 'VARCHAR', doc: 'application-context short name' },
  { name: 'ac_version', type: 'INTEGER', doc: 'application-context version' },
  { name: 'tcap_flags', type: 'VARCHAR', doc: 'comma-separated anomaly markers (global-opcode, no-dialogue …)' },
  { name: 'comp_count', type: 'INTEGER', doc: 'number of components in the TCAP message' },
  { name: 'comp_kind', type: 'INTEGER', doc: 'component: 1 invoke, 2 returnResultLast, 3 returnError, 4 reject, 7 returnResultNotLast' },
  { name: 'comp_kind_name', type: 'VARCHAR', doc: 'component kind name' },
  { name: 'invoke_id', type: 'INTEGER', doc: 'component invoke id' },
  { name: 'linked_id', type: 'INTEGER', doc: 'component linked id' },
  { name: 'opcode', type: 'INTEGER', doc: 'MAP/CAP local operation code' },
  { name: 'op_name', type: 'VARCHAR', doc: 'MAP/CAP operation name (e.g. updateLocation)' },
  { name: 'global_opcode', type: 'VARCHAR', doc: 'global operation code OID, when used instead of a local one' },
  { name: 'is_result', type: 'BOOLEAN', doc: 'true for returnResult components' },
  { name: 'error_code', type: 'INTEGER', doc: 'MAP/CAP error code (returnError)' },
  { name: 'error_name', type: 'VARCHAR', doc: 'MAP/CAP error name' },
  { name: 'imsi', type: 'VARCHAR', doc: 'IMSI (MAP, CAP or Diameter User-Name)' },
  { name: 'msisdn', type: 'VARCHAR', doc: 'MSISDN' },
  { name: 'msc', type: 'VARCHAR', doc: 'MSC number / address' },
  { name: 'vlr', type: 'VARCHAR', doc: 'VLR number' },
  { name: 'hlr', type: 'VARCHAR', doc: 'HLR number' },
  { name: 'sgsn', type: 'VARCHAR', doc: 'SGSN number' },
  { name: 'gmsc', type: 'VARCHAR', doc: 'GMSC address' },
  { name: 'sc_addr', type: 'VARCHAR', doc: 'SMS service centre address' },
  { name: 'sm_rp_da', type: 'VARCHAR', doc: 'SM-RP-DA' },
  { name: 'sm_rp_oa', type: 'VARCHAR', doc: 'SM-RP-OA' },
  { name: 'ss_code', type: 'INTEGER', doc: 'supplementary service code' },
  { name: 'fwd_to', type: 'VARCHAR', doc: 'forwarded-to number' },
  { name: 'gsmscf', type: 'VARCHAR', doc: 'gsmSCF of a CAMEL subscription (O-/T-/SMS-CSI in insertSubscriberData, SRI results)' },
  { name: 'service_key', type: 'BIGINT', doc: 'CAMEL service key' },
  { name: 'msrn', type: 'VARCHAR', doc: 'MSRN / roaming number' },
  { name: 'cgi', type: 'VARCHAR', doc: 'cell global identity' },
  { name: 'lai', type: 'VARCHAR', doc: 'location area identity' },
  { name: 'age_of_location', type: 'INTEGER', doc: 'age of location information, minutes' },
  { name: 'ussd', type: 'VARCHAR', doc: 'USSD string' },
  { name: 'dest_ref', type: 'VARCHAR', doc: "MAP-OPEN destination reference of the dialogue (the subscriber's IMSI in SS/USSD procedures)" },
  { name: 'orig_ref', type: 'VARCHAR', doc: 'MAP-OPEN originating reference of the dialogue' },
  { name: 'scf_requester', type: 'VARCHAR', doc: 'gsmSCF that sent anyTimeInterrogation / anyTimeSubscriptionInterrogation / anyTimeModification' },
  { name: 'cap_called', type: 'VARCHAR', doc: 'CAP called party (BCD) number' },
  { name: 'cap_calling', type: 'VARCHAR', doc: 'CAP calling party number' },
  { name: 'cap_destination', type: 'VARCHAR', doc: 'CAP destination routing address' },
  { name: 'isup_type', type: 'INTEGER', doc: 'ISUP message type' },
  { name: 'isup_name', type: 'VARCHAR', doc: 'ISUP message type name' },
  { name: 'cic', type: 'INTEGER', doc: 'ISUP circuit identification code' },
  { name: 'isup_called', type: 'VARCHAR', doc: 'ISUP called party number' },
  { name: 'isup_calling', type: 'VARCHAR', doc: 'ISUP calling party number' },
  { name: 'isup_redirecting', type: 'VARCHAR', doc: 'ISUP redirecting number' },
  { name: 'isup_cause', type: 'INTEGER', doc: 'ISUP cause value' },
  { name: 'diam_cmd', type: 'INTEGER', doc: 'Diameter command code' },
  { name: 'diam_cmd_name', type: 'VARCHAR', doc: 'Diameter command short name (ULR, AIR …)' },
  { name: 'diam_request', type: 'BOOLEAN', doc: 'Diameter R flag' },
  { name: 'diam_app', type: 'BIGINT', doc: 'Diameter application id' },
  { name: 'hbh', type: 'BIGINT', doc: 'Diameter hop-by-hop id' },
  { name: 'e2e', type: 'BIGINT', doc: 'Diameter end-to-end id' },
  { name: 'session_id', type: 'VARCHAR', doc: 'Diameter Session-Id' },
  { name: 'origin_host', type: 'VARCHAR', doc: 'Diameter Origin-Host' },
  { name: 'origin_realm', type: 'VARCHAR', doc: 'Diameter Origin-Realm' },
  { name: 'dest_host', type: 'VARCHAR', doc: 'Diameter Destination-Host' },
  { name: 'dest_realm', type: 'VARCHAR', doc: 'Diameter Destination-Realm' },
  { name: 'visited_plmn', type: 'VARCHAR', doc: 'Diameter Visited-PLMN-Id (MCC+MNC digits)' },
  { name: 'result_code', type: 'INTEGER', doc: 'Diameter Result-Code' },
  { name: 'exp_result', type: 'INTEGER', doc: 'Diameter Experimental-Result-Code' },
  { name: 'rat_type', type: 'INTEGER', doc: 'Diameter RAT-Type' },
  { name: 'ulr_flags', type: 'BIGINT', doc: 'Diameter ULR-Flags' },
  { name: 'idr_flags', type: 'BIGINT', doc: 'Diameter IDR-Flags' },
  { name: 'stop_layer', type: 'VARCHAR', doc: 'layer where decoding of this message stopped, if it did' },
  { name: 'stop_reason', type: 'VARCHAR', doc: 'why decoding stopped' },
];

export interface TableDoc {
  name: string;
  doc: string;
  columns: ColumnDoc[];
  /** Extra DDL after the column list (e.g. PRIMARY KEY). */
  tail?: string;
}

const c = (name: string, type: string, doc: string): ColumnDoc => ({ name, type, doc });

export const TABLES: readonly TableDoc[] = [
  {
    name: 'case_meta',
    doc: 'key/value facts about the case file (schema_version, created_at, profile)',
    columns: [c('key', 'VARCHAR PRIMARY KEY', 'fact name'), c('value', 'VARCHAR', 'fact value')],
  },
  {
    name: 'evidence',
    doc: 'every file loaded into the case; sha256 recognises a file loaded twice',
    columns: [
      c('id', 'INTEGER PRIMARY KEY', 'evidence id, referenced by evidence_id everywhere'),
      c('path', 'VARCHAR', 'absolute path at import time'),
      c('name', 'VARCHAR', 'file name'),
      c('size', 'BIGINT', 'file size in bytes'),
      c('sha256', 'VARCHAR', 'SHA-256 of the file, lowercase hex'),
      c('capture_type', 'VARCHAR', 'pcap, pcapng, pcap.gz, pcapng.gz, ndjson, tshark-ek, tshark-tsv, csv, parquet, export'),
      c('first_ts', 'DOUBLE', 'earliest message time, epoch seconds'),
      c('last_ts', 'DOUBLE', 'latest message time, epoch seconds'),
      c('imported_at', 'TIMESTAMP', 'import time (UTC)'),
      c('decoder_version', 'VARCHAR', 'Sigtrail version that decoded or mapped the file'),
      c('status', 'VARCHAR', "'complete' or 'complete-with-errors'"),
      c('frames', 'BIGINT', 'frames (or input rows) read'),
      c('messages', 'BIGINT', 'rows added to messages'),
      c('errors', 'BIGINT', 'rows added to decode_errors'),
      c('note', 'VARCHAR', 'import remark (format mapping, source folder)'),
    ],
  },
  {
    name: 'messages',
    doc: 'one row per decoded message, and one per TCAP component for MAP/CAP (MsgRow)',
    columns: [c('evidence_id', 'INTEGER', 'evidence.id of the file this message came from'), ...MESSAGE_COLUMNS.map((m) => c(m.name, m.type, m.doc))],
  },
  {
    name: 'decode_errors',
    doc: 'frames (or input lines) that could not be fully decoded; the import goes on',
    columns: [
      c('evidence_id', 'INTEGER', 'evidence.id'),
      c('frame', 'INTEGER', 'frame number (or input line number for metadata imports)'),
      c('file_offset', 'BIGINT', 'byte offset in the file, -1 when unknown'),
      c('layer', 'VARCHAR', 'layer that failed (file, ip, sctp, m3ua, sccp, tcap, gsm_map, diameter, ndjson, csv …)'),
      c('reason', 'VARCHAR', 'what was wrong'),
    ],
  },
  {
    name: 'dialogues',
    doc: 'TCAP dialogues stitched from Begin/Continue/End/Abort by transaction ids and addresses, and Diameter request/answer pairs',
    columns: [
      c('dialogue_id', 'BIGINT', 'dialogue number in the case (rebuilt at every ingest)'),
      c('evidence_id', 'INTEGER', 'evidence.id'),
      c('kind', 'VARCHAR', "'tcap' or 'diameter'"),
      c('otid', 'VARCHAR', "initiator's transaction id (TCAP)"),
      c('dtid', 'VARCHAR', "responder's transaction id (TCAP)"),
      c('hbh', 'BIGINT', 'hop-by-hop id (Diameter)'),
      c('e2e', 'BIGINT', 'end-to-end id (Diameter)'),
      c('session_id', 'VARCHAR', 'Diameter Session-Id'),
      c('orig_gt', 'VARCHAR', 'initiator calling GT'),
      c('orig_pc', 'INTEGER', 'initiator point code (OPC of the first message)'),
      c('dest_gt', 'VARCHAR', 'called GT of the first message'),
      c('dest_pc', 'INTEGER', 'DPC of the first message'),
      c('resp_gt', 'VARCHAR', "responder's calling GT in its first answer (may differ from dest_gt)"),
      c('orig_host', 'VARCHAR', 'Diameter request Origin-Host'),
      c('orig_realm', 'VARCHAR', 'Diameter request Origin-Realm'),
      c('dest_host', 'VARCHAR', 'Diameter answer Origin-Host (or request Destination-Host when unanswered)'),
      c('dest_realm', 'VARCHAR', 'Diameter Destination-Realm of the request'),
      c('acn', 'VARCHAR', 'application-context OID (TCAP) or application id (Diameter)'),
      c('ac_name', 'VARCHAR', 'application-context name'),
      c('operations', 'VARCHAR', 'operations invoked, in order, comma-separated (op names, or opcodes when unnamed; Diameter command names)'),
      c('first_opcode', 'INTEGER', 'opcode of the first invoke (TCAP) or command code (Diameter)'),
      c('imsi', 'VARCHAR', 'first IMSI seen in the dialogue'),
      c('msisdn', 'VARCHAR', 'first MSISDN seen in the dialogue'),
      c('outcome', 'VARCHAR', "'end', 'abort', 'error' (returnError/reject or Diameter result not 2xxx), 'timeout' (never closed in the evidence), 'no-begin' (Begin not in the evidence), 'unidirectional'"),
      c('error_code', 'INTEGER', 'first MAP/CAP error code, or Diameter Result-Code / Experimental-Result-Code'),
      c('start_ts', 'DOUBLE', 'first message time'),
      c('end_ts', 'DOUBLE', 'last message time'),
      c('duration_ms', 'DOUBLE', 'end_ts - start_ts in milliseconds'),
      c('response_ms', 'DOUBLE', 'time from the first message to the first message from the other side, ms'),
      c('messages', 'INTEGER', 'messages (not components) in the dialogue'),
      c('invokes', 'INTEGER', 'invoke components (TCAP) or requests (Diameter)'),
      c('unanswered', 'INTEGER', 'invokes with no result/error with the same invoke id, or unanswered Diameter requests'),
      c('frame', 'INTEGER', 'frame of the first message (with evidence_id: where to start reading)'),
      c('frames', 'INTEGER[]', 'frames of all its messages, in capture order'),
    ],
  },
  {
    name: 'dialogue_messages',
    doc: 'which dialogue each TCAP / Diameter message belongs to',
    columns: [c('evidence_id', 'INTEGER', 'evidence.id'), c('frame', 'INTEGER', 'frame'), c('msg_idx', 'INTEGER', 'message in frame'), c('dialogue_id', 'BIGINT', 'dialogues.dialogue_id')],
  },
  {
    name: 'nodes',
    doc: 'signalling points, global titles and Diameter hosts seen in the case',
    columns: [
      c('node', 'VARCHAR', "address as text: GT digits, 'pc:<n>' or Diameter host"),
      c('kind', 'VARCHAR', "'gt', 'pc' or 'host'"),
      c('country', 'VARCHAR', 'ISO 3166 alpha-2 country inferred from the E.164 country code (GT) or MCC (realm)'),
      c('country_name', 'VARCHAR', 'country name'),
      c('cc', 'VARCHAR', 'E.164 country code or MCC the country came from'),
      c('network', 'VARCHAR', "network name from the profile ('home' network or a partner), else NULL"),
      c('relation', 'VARCHAR', "'home', 'partner' or 'foreign' when a profile was given"),
      c('role', 'VARCHAR', 'role from the profile, else inferred from SCCP SSN / Diameter traffic (hlr, vlr, msc, sgsn, gsmscf, smsc, hss, mme …)'),
      c('first_ts', 'DOUBLE', 'first seen'),
      c('last_ts', 'DOUBLE', 'last seen'),
      c('sent', 'BIGINT', 'messages sent by this node'),
      c('received', 'BIGINT', 'messages addressed to this node'),
      c('peers', 'BIGINT', 'distinct nodes it exchanged messages with'),
    ],
  },
  {
    name: 'links',
    doc: 'who talked to whom: OPC→DPC, calling GT→called GT, SCTP associations, Diameter origin→destination',
    columns: [
      c('kind', 'VARCHAR', "'mtp' (point codes), 'gt', 'sctp' or 'diameter'"),
      c('src', 'VARCHAR', 'source (pc:<n>, GT, ip:port, host)'),
      c('dst', 'VARCHAR', 'destination'),
      c('messages', 'BIGINT', 'messages'),
      c('first_ts', 'DOUBLE', 'first message'),
      c('last_ts', 'DOUBLE', 'last message'),
      c('frame', 'INTEGER', 'frame of the first message (with evidence_id: where to start reading)'),
      c('evidence_id', 'INTEGER', 'evidence of the first message'),
    ],
  },
  {
    name: 'subscribers',
    doc: 'IMSI ↔ MSISDN as observed (same message or same dialogue)',
    columns: [
      c('imsi', 'VARCHAR', 'IMSI (NULL when only the MSISDN was seen)'),
      c('msisdn', 'VARCHAR', 'MSISDN (NULL when only the IMSI was seen)'),
      c('first_ts', 'DOUBLE', 'first seen'),
      c('last_ts', 'DOUBLE', 'last seen'),
      c('messages', 'BIGINT', 'messages carrying this IMSI or MSISDN'),
      c('dialogues', 'BIGINT', 'dialogues involving it'),
    ],
  },
  {
    name: 'locations',
    doc: 'per-subscriber location history: each updateLocation / updateGprsLocation / ULR / location answer',
    columns: [
      c('imsi', 'VARCHAR', 'IMSI (from the message or its dialogue)'),
      c('msisdn', 'VARCHAR', 'MSISDN (from the message or its dialogue)'),
      c('ts', 'DOUBLE', 'time'),
      c('source', 'VARCHAR', 'operation: updateLocation, updateGprsLocation, ULR, provideSubscriberInfo, anyTimeInterrogation, sendRoutingInfo …'),
      c('serving_kind', 'VARCHAR', "'vlr', 'msc', 'sgsn' or 'mme'"),
      c('serving', 'VARCHAR', 'serving node (VLR/MSC/SGSN number or MME host)'),
      c('country', 'VARCHAR', 'country of the serving node (E.164 CC or visited PLMN MCC)'),
      c('cgi', 'VARCHAR', 'cell global identity when reported'),
      c('lai', 'VARCHAR', 'location area when reported'),
      c('age_of_location', 'INTEGER', 'age of location, minutes'),
      c('evidence_id', 'INTEGER', 'evidence.id'),
      c('frame', 'INTEGER', 'frame'),
    ],
  },
  {
    name: 'kpis',
    doc: 'network indicators per link / peer per minute',
    columns: [
      c('bucket', 'TIMESTAMP', 'start of the one-minute bucket (UTC)'),
      c('scope', 'VARCHAR', "'link' (OPC→DPC messages), 'tcap-peer' (initiator GT→responder), 'diameter-peer' (origin host→answering host)"),
      c('src', 'VARCHAR', 'source'),
      c('dst', 'VARCHAR', 'destination'),
      c('messages', 'BIGINT', 'messages in the bucket (link) or dialogue messages (peer)'),
      c('msg_rate', 'DOUBLE', 'messages per second'),
      c('dialogues', 'BIGINT', 'dialogues / request-answer pairs started in the bucket'),
      c('rt_p50_ms', 'DOUBLE', 'response time, median, ms'),
      c('rt_p90_ms', 'DOUBLE', 'response time, 90th percentile, ms'),
      c('rt_p99_ms', 'DOUBLE', 'response time, 99th percentile, ms'),
      c('errors', 'BIGINT', "dialogues ending in 'error'"),
      c('aborts', 'BIGINT', "dialogues ending in 'abort'"),
      c('error_rate', 'DOUBLE', 'errors / dialogues'),
      c('abort_rate', 'DOUBLE', 'aborts / dialogues'),
      c('unanswered', 'BIGINT', 'unanswered invokes / requests'),
    ],
  },
  {
    name: 'alerts',
    doc: 'detector findings (filled by `sigtrail detect`)',
    columns: [
      c('id', 'VARCHAR PRIMARY KEY', 'stable alert id'),
      c('detector', 'VARCHAR', 'detector name'),
      c('title', 'VARCHAR', 'one-line title'),
      c('severity', 'VARCHAR', 'info, low, medium, high, critical'),
      c('category', 'VARCHAR', "e.g. 'FS.11 Cat 1'"),
      c('techniques', 'VARCHAR[]', 'MITRE / FiGHT technique ids'),
      c('start_ts', 'DOUBLE', 'first message time'),
      c('end_ts', 'DOUBLE', 'last message time'),
      c('attacker_gt', 'VARCHAR', 'attacker GT'),
      c('attacker_pc', 'INTEGER', 'attacker point code'),
      c('attacker_host', 'VARCHAR', 'attacker Diameter host'),
      c('attacker_realm', 'VARCHAR', 'attacker Diameter realm'),
      c('attacker_network', 'VARCHAR', 'attacker network name'),
      c('attacker_country', 'VARCHAR', 'attacker country'),
      c('victim_imsi', 'VARCHAR', 'victim IMSI'),
      c('victim_msisdn', 'VARCHAR', 'victim MSISDN'),
      c('frames', 'STRUCT(evidence VARCHAR, frame INTEGER)[]', 'evidence frames'),
      c('explanation', 'VARCHAR', 'rule trace'),
      c('facts', 'JSON', 'detector-specific facts'),
      c('created_at', 'TIMESTAMP', 'when the alert was stored'),
    ],
  },
  {
    name: 'alert_triage',
    doc: 'analyst triage state of alerts',
    columns: [
      c('alert_id', 'VARCHAR PRIMARY KEY', 'alerts.id'),
      c('status', 'VARCHAR', 'new, investigating, confirmed, false-positive, closed'),
      c('tags', 'VARCHAR[]', 'tags'),
      c('note', 'VARCHAR', 'analyst note'),
      c('updated_at', 'DOUBLE', 'epoch ms of the last change'),
    ],
  },
  {
    name: 'audit_log',
    doc: 'analyst actions on the case (imports, triage changes, exports)',
    columns: [
      c('ts', 'TIMESTAMP', 'when (UTC)'),
      c('actor', 'VARCHAR', 'user or component'),
      c('action', 'VARCHAR', 'ingest, export, triage, note …'),
      c('target', 'VARCHAR', 'what it applied to'),
      c('detail', 'JSON', 'parameters'),
    ],
  },
];

/**
 * ART indexes for the investigator's point look-ups. On `messages` only the IMSI
 * (a subscriber's history: ~20 ms instead of ~120 ms on 10 M rows, for ~1.3 µs per
 * loaded row); time and evidence ranges are served by DuckDB's zone maps.
 */
export const INDEXES: readonly [name: string, table: string, column: string][] = [
  ['messages_imsi', 'messages', 'imsi'],
  ['dialogues_imsi', 'dialogues', 'imsi'],
  ['subscribers_imsi', 'subscribers', 'imsi'],
  ['subscribers_msisdn', 'subscribers', 'msisdn'],
  ['locations_imsi', 'locations', 'imsi'],
  ['links_src', 'links', 'src'],
  ['links_dst', 'links', 'dst'],
  ['nodes_node', 'nodes', 'node'],
];

function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** CREATE TABLE IF NOT EXISTS + COMMENT ON statements for the whole schema. */
export function schemaDDL(): string[] {
  const out: string[] = [];
  for (const t of TABLES) {
    out.push(`CREATE TABLE IF NOT EXISTS ${t.name} (\n  ${t.columns.map((col) => `${col.name} ${col.type}`).join(',\n  ')}${t.tail ? `,\n  ${t.tail}` : ''}\n)`);
  }
  out.push('CREATE SEQUENCE IF NOT EXISTS evidence_seq START 1');
  for (const [name, table, col] of INDEXES) out.push(`CREATE INDEX IF NOT EXISTS ${name} ON ${table} (${col})`);
  return out;
}

/** COMMENT ON statements (run once, when the case is created). */
export function schemaComments(): string[] {
  const out: string[] = [];
  for (const t of TABLES) {
    out.push(`COMMENT ON TABLE ${t.name} IS ${sqlString(t.doc)}`);
    for (const col of t.columns) out.push(`COMMENT ON COLUMN ${t.name}.${col.name} IS ${sqlString(col.doc)}`);
  }
  return out;
}

/** The DuckDB `columns={…}` struct literal for reading MsgRow-shaped CSV. */
export function messageCsvColumns(): string {
  return `{${MESSAGE_COLUMNS.map((m) => `'${m.name}': '${m.type}'`).join(', ')}}`;
}

export const MESSAGE_COLUMN_NAMES: readonly string[] = MESSAGE_COLUMNS.map((m) => m.name);

/** Markdown reference of every table (used to write SCHEMA.md). */
export function schemaMarkdown(): string {
  let s = '';
  for (const t of TABLES) {
    s += `### \`${t.name}\`\n\n${t.doc}.\n\n| column | type | meaning |\n|---|---|---|\n`;
    for (const col of t.columns) s += `| \`${col.name}\` | ${col.type.replace(' PRIMARY KEY', '')} | ${col.doc.replace(/\|/g, '\\|')} |\n`;
    s += '\n';
  }
  return s;
}
