/**
 * `--format tshark`: the oracle TSV (../shared/oracle/tshark-fields.sh) reproduced
 * from SigRecords, so Sigtrail can be diffed against Wireshark cell for cell.
 * Each protocol family fills its own columns (./<family>/tshark.ts).
 */
import type { SigRecord } from '../model/record.js';
import { ss7TsharkColumns } from './ss7/tshark.js';
import { tcapTsharkColumns } from './tcap/tshark.js';
import { diameterTsharkColumns } from './diameter/tshark.js';

export const TSHARK_COLUMNS = [
  'frame.number', 'frame.time_epoch', 'msg_idx', 'comp_idx', 'msg_protos',
  'm3ua.message_class', 'm3ua.message_type', 'm3ua.protocol_data_opc', 'm3ua.protocol_data_dpc', 'm3ua.protocol_data_si',
  'mtp3.opc', 'mtp3.dpc',
  'sccp.message_type', 'sccp.called.ssn', 'sccp.calling.ssn', 'sccp.called.digits', 'sccp.calling.digits',
  'tcap.otid', 'tcap.dtid', 'tcap.begin_element', 'tcap.continue_element', 'tcap.end_element', 'tcap.abort_element',
  'gsm_map.old.Component', 'gsm_old.invokeID', 'gsm_old.localValue', 'camel.opcode',
  'e212.imsi', 'e164.msisdn',
  'isup.message_type', 'isup.cic', 'isup.called', 'isup.calling',
  'diameter.cmd.code', 'diameter.flags.request', 'diameter.applicationId', 'diameter.hopbyhopid', 'diameter.endtoendid',
  'diameter.Session-Id', 'diameter.User-Name', 'diameter.Result-Code',
] as const;

export type TsharkColumn = (typeof TSHARK_COLUMNS)[number];
export type TsharkCells = Partial<Record<TsharkColumn, string>>;

export function tsharkHeader(): string {
  return TSHARK_COLUMNS.join('\t');
}

function clean(s: string): string {
  return s.replace(/[\t\r\n]/g, ' ');
}

export function tsharkRow(r: SigRecord): string {
  const c: TsharkCells = {
    'frame.number': String(r.frame),
    'frame.time_epoch': `${r.tsSec}.${String(r.tsNsec).padStart(9, '0')}`,
    'msg_idx': String(r.msgIdx),
    'comp_idx': r.compIdx >= 0 ? String(r.compIdx) : '',
    'msg_protos': r.protos.join(':'),
  };
  ss7TsharkColumns(r, c);
  tcapTsharkColumns(r, c);
  diameterTsharkColumns(r, c);
  let line = '';
  for (let i = 0; i < TSHARK_COLUMNS.length; i++) {
    if (i) line += '\t';
    const v = c[TSHARK_COLUMNS[i]!];
    if (v) line += clean(v);
  }
  return line;
}
