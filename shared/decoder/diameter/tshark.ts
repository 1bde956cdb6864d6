import type { SigRecord } from '../../model/record.js';
import type { DiameterAvp } from '../../model/layers/diameter.js';
import type { TsharkCells } from '../tshark-format.js';

const hex8 = (v: number): string => '0x' + (v >>> 0).toString(16).padStart(8, '0');

/** tshark shows string fields up to the first NUL. */
function untilNul(s: string): string {
  const i = s.indexOf('\0');
  return i < 0 ? s : s.slice(0, i);
}

/** Every occurrence of the IETF AVPs Session-Id (263), User-Name (1), Result-Code (268), in tree order. */
function collect(avps: DiameterAvp[], out: { sid: string[]; user: string[]; rc: string[] }): void {
  for (const a of avps) {
    if (a.children) collect(a.children, out);
    else if (a.vendor === undefined && a.value !== undefined) {
      if (a.code === 263) out.sid.push(untilNul(String(a.value)));
      else if (a.code === 1) out.user.push(untilNul(String(a.value)));
      else if (a.code === 268 && typeof a.value === 'number') out.rc.push(String(a.value));
    }
  }
}

/** Fills the oracle columns this family owns (see ../tshark-format.ts), formatted exactly as tshark 4.0 -T fields prints them. */
export function diameterTsharkColumns(r: SigRecord, c: TsharkCells): void {
  const d = r.diameter;
  if (!d) return;
  c['diameter.cmd.code'] = String(d.cmd);
  c['diameter.flags.request'] = d.request ? '1' : '0';
  c['diameter.applicationId'] = String(d.appId);
  c['diameter.hopbyhopid'] = hex8(d.hopByHop);
  c['diameter.endtoendid'] = hex8(d.endToEnd);
  const o = { sid: [] as string[], user: [] as string[], rc: [] as string[] };
  collect(d.avps, o);
  if (o.sid.length) c['diameter.Session-Id'] = o.sid.join(',');
  if (o.user.length) c['diameter.User-Name'] = o.user.join(',');
  if (o.rc.length) c['diameter.Result-Code'] = o.rc.join(',');
  if (d.imsis?.length) c['e212.imsi'] = d.imsis.map(untilNul).join(',');
  if (d.e164?.length) c['e164.msisdn'] = d.e164.map(untilNul).join(',');
}
