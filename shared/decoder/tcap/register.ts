import type { DecodeContext, DispatchTables, LayerHandler, RangeHandler } from '../context.js';
import { decodeItuTcap } from './itu.js';
import { decodeAnsiTcap, isAnsiTcap } from './ansi.js';
import { registerMap } from '../map/register.js';
import { registerCap } from '../cap/register.js';
import { newTcapInfo } from '../shapes.js';

/**
 * SSNs Wireshark 4.0 hands to TCAP (`tshark -G decodes`, table sccp.ssn):
 * ANSI MAP 5-14, INAP 106/241, GSM MAP 6-9/145/148-150, CAMEL 146.
 */
export const TCAP_SSNS: readonly number[] = [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 106, 145, 146, 148, 149, 150, 241];

/** TCAP entry for a known TCAP SSN: ANSI packages by their PRIVATE tag, ITU otherwise. */
export function tcapForSsn(ssn: number | undefined): LayerHandler {
  const h = tcapRangeForSsn(ssn);
  return (data: Uint8Array, ctx: DecodeContext): void => h(data, 0, data.length, ctx);
}

/** tcapForSsn taking its message as b[s, e) (what SCCP dispatches: no view per message). */
export function tcapRangeForSsn(ssn: number | undefined): RangeHandler {
  return (b: Uint8Array, s: number, e: number, ctx: DecodeContext): void => {
    if (e <= s) {
      ctx.rec.protos.push('tcap');
      ctx.rec.tcap = newTcapInfo('itu', 'unknown');
      ctx.stop('tcap', 'empty TCAP message', 0);
      return;
    }
    const first = b[s]!;
    if (first >> 6 === 3) {
      // PRIVATE class: ANSI package types; Wireshark ignores other private tags
      if (isAnsiTcap(first)) decodeAnsiTcap(s === 0 && e === b.length ? b : b.subarray(s, e), ctx, ssn);
      return;
    }
    decodeItuTcap(b, ctx, ssn, false, s, e);
  };
}

/** Identifier octets of the ITU message types. */
const ITU_FIRST = new Set([0x61, 0x62, 0x64, 0x65, 0x67]);

/**
 * Payload heuristic for SSNs that are not TCAP SSNs (key '*'): when the data
 * is a well-formed ITU TCAP message it is described in `rec.tcap` (flag
 * 'heuristic', first component in `rec.component`, MAP/CAP operation in
 * `rec.map` / `rec.cap`) without claiming the protocol stack, because tshark
 * leaves such payloads undecoded (protos stay as they are, tshark columns
 * stay empty). Returns without touching the record otherwise.
 */
export function tcapHeuristic(data: Uint8Array, ctx: DecodeContext): void {
  if (data.length < 4 || !ITU_FIRST.has(data[0]!)) return;
  // the outer length must cover the data exactly (definite) or be indefinite
  const l0 = data[1]!;
  let len = -1, hdr = 2;
  if (l0 < 0x80) len = l0;
  else if (l0 === 0x81 && data.length > 2) { len = data[2]!; hdr = 3; }
  else if (l0 === 0x82 && data.length > 3) { len = data[2]! * 256 + data[3]!; hdr = 4; }
  else if (l0 !== 0x80) return;
  if (len >= 0 && hdr + len !== data.length) return;
  const second = data[hdr];
  if (second !== 0x48 && second !== 0x49 && second !== 0x6b && second !== 0x6c) return;
  const s = ctx.rec.sccp;
  const ssn = s?.called.ssn ?? s?.calling.ssn;
  const saveStop = ctx.rec.stop;
  decodeItuTcap(data, ctx, ssn, true);
  // a heuristic guess must not leave a stop on a record tshark reads as plain SCCP
  if (saveStop === undefined) ctx.rec.stop = undefined;
  ctx.note(`TCAP-like payload on SSN ${ssn ?? '?'} (not a TCAP SSN; tshark leaves it undecoded)`);
}

/** Registers the tcap layer handlers in the dispatch tables. */
export function registerTcap(t: DispatchTables): void {
  for (const ssn of TCAP_SSNS) t.registerRange('sccp.ssn', ssn, tcapRangeForSsn(ssn));
  t.register('sccp.ssn', '*', tcapHeuristic);
  registerMap(t);
  registerCap(t);
  // INAP (SSN 106/241): named in the stack like Wireshark, operations not decoded
  t.register('tcap.user', 'inap', (_d, ctx) => {
    ctx.rec.protos.push('inap');
  });
}
