import type { SigRecord } from '../../model/record.js';
import type { TsharkCells } from '../tshark-format.js';

const ELEMENT = {
  begin: 'tcap.begin_element',
  continue: 'tcap.continue_element',
  end: 'tcap.end_element',
  abort: 'tcap.abort_element',
} as const;

/** Fills the oracle columns this family owns (see ../tshark-format.ts), formatted exactly as tshark 4.0 -T fields prints them. */
export function tcapTsharkColumns(r: SigRecord, c: TsharkCells): void {
  const t = r.tcap;
  if (!t || t.variant !== 'itu') return;
  const protos = r.protos;
  if (!protos.includes('tcap')) return;
  if (t.otid !== undefined) c['tcap.otid'] = t.otid;
  if (t.dtid !== undefined) c['tcap.dtid'] = t.dtid;
  const el = (ELEMENT as Record<string, (typeof ELEMENT)[keyof typeof ELEMENT] | undefined>)[t.type];
  if (el) c[el] = '1';
  // numbers in the dialogue portion (MAP-OpenInfo) come first, on every row of the message
  const e164: string[] = t.e164 ? t.e164.slice() : [];
  const imsis: string[] = t.imsis ? t.imsis.slice() : [];
  fillComponent(r, c, e164, imsis);
  if (imsis.length) c['e212.imsi'] = imsis.join(',');
  if (e164.length) c['e164.msisdn'] = e164.join(',');
}

function fillComponent(r: SigRecord, c: TsharkCells, e164: string[], imsis: string[]): void {
  const protos = r.protos;
  const comp = r.component;
  if (r.compIdx < 0 || !comp) return;
  if (r.map && protos.includes('gsm_map')) {
    c['gsm_map.old.Component'] = String(comp.kind);
    // a reject's invoke id is a CHOICE (derivable / not derivable): another field in tshark
    if (comp.invokeId !== undefined && comp.kind !== 4) c['gsm_old.invokeID'] = String(comp.invokeId);
    const lv = comp.kind === 3 ? comp.errorCode : comp.opcode;
    if (lv !== undefined) c['gsm_old.localValue'] = String(lv);
    if (r.map.imsis) imsis.push(...r.map.imsis);
    if (r.map.e164) e164.push(...r.map.e164);
  } else if (r.cap && protos.includes('camel')) {
    // camel.opcode is the CHOICE index of the operation code: 0 local, 1 global
    if (comp.kind !== 3 && comp.kind !== 4) {
      if (comp.opcode !== undefined) c['camel.opcode'] = '0';
      else if (comp.globalOpcode !== undefined) c['camel.opcode'] = '1';
    }
    if (r.cap.imsis) imsis.push(...r.cap.imsis);
    if (r.cap.e164) e164.push(...r.cap.e164);
  }
}
