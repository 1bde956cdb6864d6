/** Helpers for the SS7 decoder tests: run the SS7 handlers on raw bytes without the network layers. */
import { readFileSync } from 'node:fs';
import { DecodeContext, DispatchTables, StateBag, defaultDecodeOptions, type DecodeOptions, type TableName } from '../../shared/decoder/context.js';
import { registerSs7 } from '../../shared/decoder/ss7/register.js';
import type { SigRecord } from '../../shared/model/record.js';

export interface Payload {
  cap: string;
  frame: number;
  idx: number;
  ppid: number;
  hex: string;
}

export const payloads: Payload[] = JSON.parse(readFileSync(new URL('../fixtures/ss7/payloads.json', import.meta.url), 'utf8')) as Payload[];

export function fromHex(h: string): Uint8Array {
  const s = h.replace(/\s+/g, '');
  const b = new Uint8Array(s.length >> 1);
  for (let i = 0; i < b.length; i++) b[i] = parseInt(s.substr(i * 2, 2), 16);
  return b;
}

export function newRecord(frame = 1): SigRecord {
  return { frame, tsSec: 0, tsNsec: 0, fileOffset: 0, msgIdx: 0, compIdx: -1, protos: [] };
}

/** Runs one message through `table`/`key` and returns the record(s) the pipeline would emit. */
export function run(ctx: DecodeContext, table: TableName, key: number | string, data: Uint8Array, frame = 1): SigRecord[] {
  const rec = newRecord(frame);
  ctx.rec = rec;
  ctx.emitted = false;
  ctx.out.length = 0;
  ctx.dispatch(table, key, data);
  return ctx.emitted ? ctx.out.slice() : [rec];
}

/** A context with only the SS7 lower layers registered (independent of the TCAP / network decoders). */
export function ctxFor(opts: Partial<DecodeOptions> = {}): DecodeContext {
  const t = new DispatchTables();
  registerSs7(t);
  return new DecodeContext(t, { ...defaultDecodeOptions, ...opts }, new StateBag());
}

/** Wireshark protocol names produced by the SS7 lower-layer decoders. */
export const SS7_PROTOS = new Set(['mtp2', 'm2pa', 'm2ua', 'm3ua', 'sua', 'mtp3', 'mtp3mg', 'sccp', 'sccpmg', 'isup', 'bicc']);
