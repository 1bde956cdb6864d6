/**
 * Decode context shared by every layer decoder.
 *
 * Layers never import their children: a parent finds the next decoder through a
 * dispatch table keyed by a protocol fact (SCTP PPID, port, MTP3 SI, SCCP SSN,
 * pcap link type …). The composition root (./decoder.ts) fills the tables by
 * calling each protocol family's `register*` function.
 *
 * Rules for a layer handler `(data, ctx) => void`:
 *  - fill `ctx.rec.<layer>` and push the Wireshark protocol name on `ctx.rec.protos`
 *    as soon as the layer is recognised;
 *  - on malformed input call `ctx.stop(layer, reason, offset)` and return: never throw;
 *  - to continue, call `ctx.dispatch(table, key, payload)` with a subarray view;
 *  - a layer that fans out (TCAP: one record per component) calls `ctx.emit(copy)`
 *    for each output record; otherwise the pipeline emits `ctx.rec` itself.
 */
import type { SigRecord, LayerName } from '../model/record.js';
import { append } from './shapes.js';

export type TableName =
  /** key: pcap link type (139 MTP2 with pseudo-header, 140 MTP2, 141 MTP3). data: whole packet. */
  | 'link'
  /** key: SCTP payload protocol id. */
  | 'sctp.ppid'
  /** key: SCTP port (tried with destination then source port when the PPID is unknown). */
  | 'sctp.port'
  /** key: TCP port (destination, then source). data: one reassembled PDU. */
  | 'tcp.port'
  /** key: MTP3 service indicator. data: the MTP3 user part (after the routing label). */
  | 'mtp3.si'
  /** key: SCCP called-party SSN (calling SSN as fallback). data: SCCP user data (reassembled). */
  | 'sccp.ssn'
  /** key: component user protocol name ('gsm_map' | 'camel' | …), used inside TCAP. */
  | 'tcap.user';

export type LayerHandler = (data: Uint8Array, ctx: DecodeContext) => void;

/**
 * A layer handler that reads its bytes as buf[s, e) of a larger buffer (offsets stay
 * absolute in `buf`; stop offsets are still relative to `s`). Parents hand data to it
 * with `ctx.dispatchRange` without creating a subarray view per message; through
 * `dispatch` (or `tables.get`) it is reached like any LayerHandler.
 */
export type RangeHandler = (buf: Uint8Array, s: number, e: number, ctx: DecodeContext) => void;

export interface DecodeOptions {
  /** MTP3 routing label flavour for MTP2/M2UA/M2PA-carried MTP3: 14-bit ITU (default) or 24-bit ANSI. */
  mtp3Variant: 'itu' | 'ansi';
  /** M3UA parameter encoding: 'auto' detects the old Internet-Draft tags (draft-6) per message. */
  m3uaVersion: 'auto' | 'rfc4666' | 'draft6';
  /** Reassemble SCCP XUDT/LUDT segments (default true). */
  sccpReassembly: boolean;
  /** Reassemble fragmented SCTP DATA chunks (default true). */
  sctpReassembly: boolean;
  /**
   * Decode PDUs found by payload heuristics on non-standard ports (Diameter on TCP ports other
   * than 3868). Off by default, like Wireshark's diameter_tcp heuristic, so that rows match tshark.
   */
  heuristics: boolean;
}

export const defaultDecodeOptions: DecodeOptions = {
  mtp3Variant: 'itu',
  m3uaVersion: 'auto',
  sccpReassembly: true,
  sctpReassembly: true,
  heuristics: false,
};

/** Dense index of each table (a switch on interned strings, no hashing on the hot path). */
function tableIndex(table: TableName): number {
  switch (table) {
    case 'link': return 0;
    case 'sctp.ppid': return 1;
    case 'sctp.port': return 2;
    case 'tcp.port': return 3;
    case 'mtp3.si': return 4;
    case 'sccp.ssn': return 5;
    default: return 6;
  }
}

/** Keys below this bound live in a dense array per table (SSN, SI, PPID, link types); others in a Map. */
const DENSE = 256;

export class DispatchTables {
  /** Per table: handlers of the small integer keys, by key. */
  private readonly dense: (LayerHandler | undefined)[][] = [];
  /** Per table: handlers of the other keys (ports, strings). */
  private readonly sparse: Map<number | string, LayerHandler>[] = [];
  /** Per table: the range form of handlers registered with registerRange (small integer keys dense, as above). */
  private readonly denseRanges: (RangeHandler | undefined)[][] = [];
  private readonly ranges: Map<number | string, RangeHandler>[] = [];
  /** Bumped by every registration: lets a layer keep what it looked up until the tables change. */
  version = 0;

  constructor() {
    for (let i = 0; i < 7; i++) {
      this.dense.push(new Array<LayerHandler | undefined>(DENSE).fill(undefined));
      this.sparse.push(new Map());
      this.denseRanges.push(new Array<RangeHandler | undefined>(DENSE).fill(undefined));
      this.ranges.push(new Map());
    }
  }

  /** Registers a handler that takes a byte range (see RangeHandler); `get` returns a view-taking wrapper of it. */
  registerRange(table: TableName, key: number | string, handler: RangeHandler): void {
    this.register(table, key, (data, ctx) => handler(data, 0, data.length, ctx));
    this.version++;
    const i = tableIndex(table);
    if (typeof key === 'number' && key >= 0 && key < DENSE && (key | 0) === key) this.denseRanges[i]![key] = handler;
    else this.ranges[i]!.set(key, handler);
  }

  getRange(table: TableName, key: number | string): RangeHandler | undefined {
    const i = tableIndex(table);
    if (typeof key === 'number' && key >= 0 && key < DENSE && (key | 0) === key) return this.denseRanges[i]![key];
    return this.ranges[i]!.get(key);
  }

  register(table: TableName, key: number | string, handler: LayerHandler): void {
    this.version++;
    const i = tableIndex(table);
    if (typeof key === 'number' && key >= 0 && key < DENSE && (key | 0) === key) this.dense[i]![key] = handler;
    else this.sparse[i]!.set(key, handler);
  }

  get(table: TableName, key: number | string): LayerHandler | undefined {
    const i = tableIndex(table);
    if (typeof key === 'number' && key >= 0 && key < DENSE && (key | 0) === key) return this.dense[i]![key];
    return this.sparse[i]!.get(key);
  }

  has(table: TableName, key: number | string): boolean {
    return this.get(table, key) !== undefined;
  }
}

/** Per-capture state bag: reassembly buffers, TCAP dialogue memory … keyed by the owning layer. */
export class StateBag {
  private readonly m = new Map<string, unknown>();
  /**
   * The first few keys asked for, and their values, scanned before the Map: the
   * keys are string literals, so the comparison is one pointer check, cheaper
   * than hashing on every message (M3UA and TCAP ask once per message).
   */
  private readonly fastKeys: string[] = [];
  private readonly fastVals: unknown[] = [];

  get<T>(key: string, make: () => T): T {
    const fk = this.fastKeys;
    for (let i = 0; i < fk.length; i++) if (fk[i] === key) return this.fastVals[i] as T;
    let v = this.m.get(key) as T | undefined;
    if (v === undefined) {
      v = make();
      this.m.set(key, v);
    }
    if (fk.length < 4) {
      fk.push(key);
      this.fastVals.push(v);
    }
    return v;
  }
}

/** Frozen protocol lists by a hash of their names (direct-mapped: a collision just copies). */
const STACKS: (readonly string[] | undefined)[] = new Array<readonly string[] | undefined>(256).fill(undefined);

/** The shared frozen protocol list equal to `list` (names compared by identity: they are literals), else a copy. */
function stackOf(list: string[]): string[] {
  const n = list.length;
  let h = n;
  for (let i = 0; i < n; i++) {
    const x = list[i]!;
    h = Math.imul(h ^ (x.length | (x.charCodeAt(0) << 8) | (x.charCodeAt(x.length - 1) << 16)), 0x9e3779b1);
  }
  const k = (h ^ (h >>> 16)) & 255;
  const c = STACKS[k];
  if (c !== undefined && c.length === n) {
    let same = true;
    for (let i = 0; i < n; i++) {
      if (c[i] !== list[i]) {
        same = false;
        break;
      }
    }
    if (same) return c as string[];
  }
  const copy = list.slice();
  if (c === undefined) STACKS[k] = Object.freeze(copy.slice());
  return copy;
}

export class DecodeContext {
  /** Record under construction for the current message. */
  rec!: SigRecord;
  /** Records emitted for the current frame. */
  readonly out: SigRecord[] = [];
  /** Set when a handler emitted explicitly for the current message. */
  emitted = false;
  /**
   * Octets the snap length cut off the end of the current message (MTP2/MTP3 link-type frames,
   * whose message ends with the frame); 0 when it was captured whole.
   */
  cut = 0;

  constructor(
    readonly tables: DispatchTables,
    readonly opts: DecodeOptions,
    readonly state: StateBag,
  ) {}

  /** Current frame number (for reassembly bookkeeping). */
  get frame(): number {
    return this.rec.frame;
  }

  dispatch(table: TableName, key: number | string, data: Uint8Array): boolean {
    const h = this.tables.get(table, key);
    if (!h) return false;
    h(data, this);
    return true;
  }

  /**
   * Like `dispatch` with buf.subarray(s, e), without making the view when the
   * handler takes a range (RangeHandler).
   */
  dispatchRange(table: TableName, key: number | string, buf: Uint8Array, s: number, e: number): boolean {
    const r = this.tables.getRange(table, key);
    if (r !== undefined) {
      r(buf, s, e, this);
      return true;
    }
    const h = this.tables.get(table, key);
    if (!h) return false;
    h(buf.subarray(s, e), this);
    return true;
  }

  /** Record the first point where decoding stopped. */
  stop(layer: LayerName, reason: string, offset: number): void {
    if (!this.rec.stop) this.rec.stop = { layer, reason, offset };
  }

  note(text: string): void {
    this.rec.notes = append(this.rec.notes, text);
  }

  /**
   * Protocol list of the message being decoded by the frame pipeline: a record it makes
   * starts with this (emptied) list as its `protos`, the layers push onto it, and the record
   * gets an exact-size copy when it is emitted (`finish`). A list made by [] and push() would
   * reserve 17 slots on the first push for the 3-5 names a message has.
   */
  readonly protoScratch: string[] = [];

  /**
   * `rec`, with a protocol list of its own if it still shares the scratch list: the shared,
   * frozen list of the same names (a capture's messages have a handful of stacks), else a copy.
   */
  finish(rec: SigRecord): SigRecord {
    if (rec.protos === this.protoScratch) rec.protos = stackOf(this.protoScratch);
    return rec;
  }

  /** Emit a finished record (used by fan-out layers such as TCAP). */
  emit(rec: SigRecord): void {
    this.emitted = true;
    this.out.push(this.finish(rec));
  }

  /** Shallow copy of the current record, for per-component fan-out. */
  fork(): SigRecord {
    const r = { ...this.rec, protos: this.rec.protos.slice() };
    if (this.rec.notes) r.notes = this.rec.notes.slice();
    return r;
  }
}
