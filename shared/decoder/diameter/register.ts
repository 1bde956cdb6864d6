import type { DecodeContext, DispatchTables } from '../context.js';
import { parseDiameter } from './decode.js';

/** IANA SCTP payload protocol ids (RFC 6733 §2.1, RFC 6733 DTLS: 47). */
export const PPID_DIAMETER = 46;
export const PPID_DIAMETER_DTLS = 47;
export const DIAMETER_PORT = 3868;

/** One Diameter message (SCTP DATA chunk payload or one framed TCP PDU). */
export function diameterHandler(data: Uint8Array, ctx: DecodeContext): void {
  const rec = ctx.rec;
  rec.protos.push('diameter');
  const r = parseDiameter(data);
  if (r.info) rec.diameter = r.info;
  if (r.notes) for (const n of r.notes) ctx.note(n);
  if (r.stop) ctx.stop('diameter', r.stop.reason, r.stop.offset);
}

/** Diameter over DTLS/SCTP: the records are encrypted, so the message is recorded but not decoded. */
export function diameterDtlsHandler(_data: Uint8Array, ctx: DecodeContext): void {
  ctx.rec.protos.push('dtls');
  ctx.note('Diameter over DTLS (SCTP PPID 47): encrypted, not decoded');
  ctx.stop('diameter', 'encrypted: Diameter over DTLS (PPID 47)', 0);
}

/** Registers the diameter layer handlers in the dispatch tables. */
export function registerDiameter(t: DispatchTables): void {
  t.register('sctp.ppid', PPID_DIAMETER, diameterHandler);
  t.register('sctp.ppid', PPID_DIAMETER_DTLS, diameterDtlsHandler);
  t.register('sctp.port', DIAMETER_PORT, diameterHandler);
  t.register('tcp.port', DIAMETER_PORT, diameterHandler);
}
