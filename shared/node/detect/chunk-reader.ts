/**
 * Columnar reading of DuckDB result chunks straight from the vectors' memory: numbers from typed-array
 * views, validity from the bitmask, strings decoded from DuckDB's 16-byte string entries and interned per
 * column. node-api's per-value path (a BigInt test per validity bit, a TextDecoder call, a cache slot and,
 * for strings over 12 bytes, a native call that allocates a buffer) cost ~7 µs of the ~9 µs per 53-column
 * detector row.
 *
 * Strings over 12 bytes are not stored inline in the entry; reading them costs one native call each
 * (~1.5 µs). A column known to hold such strings is therefore selected as several ≤ 12-character pieces
 * (`stringPieces`), which this reader joins again.
 */
import duckdb from '@duckdb/node-bindings';
import { DuckDBTypeId, type DuckDBDataChunk, type DuckDBType } from '@duckdb/node-api';

type Out = unknown[];
/** Reads one output column of a chunk from its result vector(s) into `out[0..n)`; null for invalid entries. */
type ColumnReader = (vecs: readonly duckdb.Vector[], n: number, out: Out, val: Uint8Array | null) => void;

const utf8 = new TextDecoder();
/** Bytes an entry stores inline (DuckDB string_t). */
const INLINE = 12;

function validityOf(vec: duckdb.Vector, n: number): Uint8Array | null {
  return duckdb.vector_get_validity(vec, Math.ceil(n / 64) * 8) ?? null;
}

const isValid = (val: Uint8Array | null, r: number): boolean => val === null || (val[r >> 3]! & (1 << (r & 7))) !== 0;

/** Whether the validity mask marks all of the first n entries invalid (NULL). */
function noneValid(val: Uint8Array, n: number): boolean {
  const full = n >> 3;
  for (let i = 0; i < full; i++) if (val[i] !== 0) return false;
  return (n & 7) === 0 || (val[full]! & ((1 << (n & 7)) - 1)) === 0;
}

/** Raw bytes of a vector's data, copied when misaligned for `align`-byte elements (DuckDB aligns them; this is a guard). */
function dataOf(vec: duckdb.Vector, bytes: number, align: number): Uint8Array {
  const d = duckdb.vector_get_data(vec, bytes);
  return d.byteOffset % align === 0 ? d : d.slice();
}

// One function per element type, so that each loop stays monomorphic.
const readBool: ColumnReader = ([vec], n, out, val) => {
  const a = dataOf(vec!, n, 1);
  for (let r = 0; r < n; r++) out[r] = isValid(val, r) ? a[r] !== 0 : null;
};
const readI8: ColumnReader = ([vec], n, out, val) => {
  const d = dataOf(vec!, n, 1), a = new Int8Array(d.buffer, d.byteOffset, n);
  for (let r = 0; r < n; r++) out[r] = isValid(val, r) ? a[r]! : null;
};
const readU8: ColumnReader = ([vec], n, out, val) => {
  const a = dataOf(vec!, n, 1);
  for (let r = 0; r < n; r++) out[r] = isValid(val, r) ? a[r]! : null;
};
const readI16: ColumnReader = ([vec], n, out, val) => {
  const d = dataOf(vec!, n * 2, 2), a = new Int16Array(d.buffer, d.byteOffset, n);
  for (let r = 0; r < n; r++) out[r] = isValid(val, r) ? a[r]! : null;
};
const readU16: ColumnReader = ([vec], n, out, val) => {
  const d = dataOf(vec!, n * 2, 2), a = new Uint16Array(d.buffer, d.byteOffset, n);
  for (let r = 0; r < n; r++) out[r] = isValid(val, r) ? a[r]! : null;
};
const readI32: ColumnReader = ([vec], n, out, val) => {
  const d = dataOf(vec!, n * 4, 4), a = new Int32Array(d.buffer, d.byteOffset, n);
  for (let r = 0; r < n; r++) out[r] = isValid(val, r) ? a[r]! : null;
};
const readU32: ColumnReader = ([vec], n, out, val) => {
  const d = dataOf(vec!, n * 4, 4), a = new Uint32Array(d.buffer, d.byteOffset, n);
  for (let r = 0; r < n; r++) out[r] = isValid(val, r) ? a[r]! : null;
};
const readF32: ColumnReader = ([vec], n, out, val) => {
  const d = dataOf(vec!, n * 4, 4), a = new Float32Array(d.buffer, d.byteOffset, n);
  for (let r = 0; r < n; r++) out[r] = isValid(val, r) ? a[r]! : null;
};
const readF64: ColumnReader = ([vec], n, out, val) => {
  const d = dataOf(vec!, n * 8, 8), a = new Float64Array(d.buffer, d.byteOffset, n);
  for (let r = 0; r < n; r++) out[r] = isValid(val, r) ? a[r]! : null;
};
const readI64: ColumnReader = ([vec], n, out, val) => {
  const d = dataOf(vec!, n * 8, 8), a = new BigInt64Array(d.buffer, d.byteOffset, n);
  for (let r = 0; r < n; r++) out[r] = isValid(val, r) ? Number(a[r]!) : null;
};
const readU64: ColumnReader = ([vec], n, out, val) => {
  const d = dataOf(vec!, n * 8, 8), a = new BigUint64Array(d.buffer, d.byteOffset, n);
  for (let r = 0; r < n; r++) out[r] = isValid(val, r) ? Number(a[r]!) : null;
};

function sameAscii(s: string, b: Uint8Array, off: number, len: number): boolean {
  for (let i = 0; i < len; i++) if (s.charCodeAt(i) !== b[off + i]) return false;
  return true;
}

/** ASCII bytes as a string (fromCharCode with fixed arities for the short values that dominate). */
function decodeAscii(b: Uint8Array, o: number, len: number): string {
  const f = String.fromCharCode;
  switch (len) {
    case 0: return '';
    case 1: return f(b[o]!);
    case 2: return f(b[o]!, b[o + 1]!);
    case 3: return f(b[o]!, b[o + 1]!, b[o + 2]!);
    case 4: return f(b[o]!, b[o + 1]!, b[o + 2]!, b[o + 3]!);
    case 5: return f(b[o]!, b[o + 1]!, b[o + 2]!, b[o + 3]!, b[o + 4]!);
    case 6: return f(b[o]!, b[o + 1]!, b[o + 2]!, b[o + 3]!, b[o + 4]!, b[o + 5]!);
    case 7: return f(b[o]!, b[o + 1]!, b[o + 2]!, b[o + 3]!, b[o + 4]!, b[o + 5]!, b[o + 6]!);
    case 8: return f(b[o]!, b[o + 1]!, b[o + 2]!, b[o + 3]!, b[o + 4]!, b[o + 5]!, b[o + 6]!, b[o + 7]!);
    default: return utf8.decode(b.subarray(o, o + len));
  }
}

function decode(b: Uint8Array, off: number, len: number): string {
  for (let i = off, end = off + len; i < end; i++) if (b[i]! > 0x7f) return utf8.decode(b.subarray(off, off + len));
  return decodeAscii(b, off, len);
}

/**
 * Per-column string intern table (open addressing over byte hashes). Repeated values (GTs, IMSIs,
 * operation and application-context names) come back as the same string object, so decoding is one
 * hash + compare per value and later Map lookups hit V8's cached string hash. A column whose values
 * rarely repeat (transaction ids) stops interning after a sample.
 */
class Interner {
  private strs: Array<string | undefined> = new Array<string | undefined>(1024);
  private hashes = new Int32Array(1024);
  private mask = 1023;
  private size = 0;
  private lookups = 0;
  private misses = 0;
  private enabled = true;

  /** The string of bytes `b[off, off + len)` (UTF-8). */
  get(b: Uint8Array, off: number, len: number): string {
    if (!this.enabled) return decode(b, off, len);
    let h = len | 0;
    let high = 0;
    for (let i = off, end = off + len; i < end; i++) {
      const c = b[i]!;
      high |= c;
      h = Math.imul(h ^ c, 0x01000193);
    }
    if (high > 0x7f) return utf8.decode(b.subarray(off, off + len));
    this.lookups++;
    h ^= h >>> 15;
    let slot = h & this.mask;
    for (;;) {
      const s = this.strs[slot];
      if (s === undefined) break;
      if (this.hashes[slot] === h && s.length === len && sameAscii(s, b, off, len)) return s;
      slot = (slot + 1) & this.mask;
    }
    const s = decodeAscii(b, off, len);
    this.misses++;
    this.strs[slot] = s;
    this.hashes[slot] = h;
    if (++this.size * 2 > this.mask) this.grow();
    if (this.lookups >= 8192 && this.misses * 2 > this.lookups) {
      // Mostly distinct values: interning costs more than it saves.
      this.enabled = false;
      this.strs = [];
      this.hashes = new Int32Array(0);
    }
    return s;
  }

  private grow(): void {
    const cap = (this.mask + 1) * 2;
    if (cap > 1 << 21) {
      // Bounded memory: start over rather than grow past 2 M slots.
      this.strs = new Array<string | undefined>(this.mask + 1);
      this.hashes.fill(0);
      this.size = 0;
      return;
    }
    const oldS = this.strs, oldH = this.hashes;
    this.strs = new Array<string | undefined>(cap);
    this.hashes = new Int32Array(cap);
    this.mask = cap - 1;
    rehash(oldS, oldH, this.strs, this.hashes, this.mask);
  }
}

/** Re-inserts the occupied slots of an open-addressing intern table into the new (larger) arrays; `moved` copies side data. */
function rehash(oldS: Array<string | undefined>, oldH: Int32Array, strs: Array<string | undefined>, hashes: Int32Array, mask: number, moved?: (from: number, to: number) => void): void {
  for (let i = 0; i < oldS.length; i++) {
    const s = oldS[i];
    if (s === undefined) continue;
    let slot = oldH[i]! & mask;
    while (strs[slot] !== undefined) slot = (slot + 1) & mask;
    strs[slot] = s;
    hashes[slot] = oldH[i]!;
    moved?.(i, slot);
  }
}

/**
 * Intern table keyed by the raw 16-byte DuckDB string entries of a value's pieces (each: the length
 * word and the three words of inline bytes), for values whose pieces are all stored inline. Hashing
 * and comparing four words per piece costs far less than hashing the bytes one by one, and a hit
 * needs no copy of the bytes. DuckDB zero-fills the unused inline bytes; were they not, equal strings
 * would merely take separate slots (the key still fixes the bytes, so a hit is always the right string).
 */
class EntryInterner {
  /** Words per key (4 per piece). */
  private readonly k: number;
  private strs: Array<string | undefined>;
  private keys: Int32Array;
  private hashes: Int32Array;
  private mask: number;
  private size = 0;
  private lookups = 0;
  private misses = 0;
  /** False once the column's values turn out mostly distinct (interning then costs more than it saves). */
  enabled = true;

  constructor(pieces: number) {
    this.k = pieces * 4;
    this.strs = new Array<string | undefined>(1024);
    this.keys = new Int32Array(1024 * this.k);
    this.hashes = new Int32Array(1024);
    this.mask = 1023;
  }

  /**
   * The string whose entries are `words[p][r * 4 .. r * 4 + 4)` for each piece p; `make` decodes it on a miss.
   * Every piece must be inline (length ≤ 12).
   */
  get(words: readonly Int32Array[], r: number, make: () => string): string {
    const k = this.k;
    const o = r * 4;
    let h = k;
    for (let p = 0; p < words.length; p++) {
      const w = words[p]!;
      h = Math.imul(h ^ w[o]!, 0x5bd1e995);
      h = Math.imul(h ^ w[o + 1]!, 0x5bd1e995);
      h = Math.imul(h ^ w[o + 2]!, 0x5bd1e995);
      h = Math.imul(h ^ w[o + 3]!, 0x5bd1e995);
      h ^= h >>> 13;
    }
    h ^= h >>> 15;
    this.lookups++;
    const keys = this.keys;
    let slot = h & this.mask;
    for (;;) {
      const s = this.strs[slot];
      if (s === undefined) break;
      if (this.hashes[slot] === h) {
        let at = slot * k, same = true;
        for (let p = 0; p < words.length && same; p++) {
          const w = words[p]!;
          same = keys[at] === w[o] && keys[at + 1] === w[o + 1] && keys[at + 2] === w[o + 2] && keys[at + 3] === w[o + 3];
          at += 4;
        }
        if (same) return s;
      }
      slot = (slot + 1) & this.mask;
    }
    const s = make();
    this.misses++;
    this.strs[slot] = s;
    this.hashes[slot] = h;
    let at = slot * k;
    for (let p = 0; p < words.length; p++) {
      const w = words[p]!;
      keys[at] = w[o]!;
      keys[at + 1] = w[o + 1]!;
      keys[at + 2] = w[o + 2]!;
      keys[at + 3] = w[o + 3]!;
      at += 4;
    }
    if (++this.size * 2 > this.mask) this.grow();
    if (this.lookups >= 8192 && this.misses * 2 > this.lookups) {
      this.enabled = false;
      this.strs = [];
      this.keys = new Int32Array(0);
      this.hashes = new Int32Array(0);
    }
    return s;
  }

  private grow(): void {
    const k = this.k;
    const cap = (this.mask + 1) * 2;
    if (cap > 1 << 18) {
      // Bounded memory: start over rather than grow past 256 k slots.
      this.strs = new Array<string | undefined>(this.mask + 1);
      this.hashes.fill(0);
      this.size = 0;
      return;
    }
    const oldS = this.strs, oldH = this.hashes, oldK = this.keys;
    this.strs = new Array<string | undefined>(cap);
    this.hashes = new Int32Array(cap);
    const keys = (this.keys = new Int32Array(cap * k));
    this.mask = cap - 1;
    rehash(oldS, oldH, this.strs, this.hashes, this.mask, (from, to) => keys.set(oldK.subarray(from * k, from * k + k), to * k));
  }
}

/**
 * VARCHAR: 16-byte entries, a 4-byte length then either the bytes inline (up to 12) or a 4-byte prefix and
 * a pointer to the bytes (read through the bindings). With several vectors, the value is their concatenation
 * (pieces of one column; null when the first piece is).
 */
function varcharReader(pieces: number): ColumnReader {
  const entries = new EntryInterner(pieces);
  /** Values with a piece stored out of line (non-ASCII text), interned by their bytes. */
  const pool = new Interner();
  let buf = new Uint8Array(64);
  const raws: Uint8Array[] = new Array<Uint8Array>(pieces);
  const words: Int32Array[] = new Array<Int32Array>(pieces);
  let row = 0;
  /** Bytes of row `row`'s pieces (all inline) copied into `buf`; returns the length. */
  const gather = (): number => {
    let len = 0;
    for (let p = 0; p < pieces; p++) {
      const l = words[p]![row * 4]!;
      const raw = raws[p]!;
      const o = row * 16 + 4;
      for (let i = 0; i < l; i++) buf[len + i] = raw[o + i]!;
      len += l;
    }
    return len;
  };
  // Decoding on a miss of the entry table (all pieces inline, so at most 12 bytes each).
  const make1 = (): string => decode(raws[0]!, row * 16 + 4, words[0]![row * 4]!);
  const makeN = (): string => decode(buf, 0, gather());
  const make = pieces === 1 ? make1 : makeN;
  if (buf.length < pieces * INLINE) buf = new Uint8Array(pieces * INLINE);
  return (vecs, n, out, val) => {
    for (let p = 0; p < pieces; p++) {
      const raw = duckdb.vector_get_data(vecs[p]!, n * 16);
      raws[p] = raw.byteOffset % 4 === 0 ? raw : raw.slice();
      words[p] = new Int32Array(raws[p]!.buffer, raws[p]!.byteOffset, n * 4);
    }
    for (let r = 0; r < n; r++) {
      if (!isValid(val, r)) {
        out[r] = null;
        continue;
      }
      let inline = true;
      for (let p = 0; p < pieces; p++) {
        if (words[p]![r * 4]! > INLINE) {
          inline = false;
          break;
        }
      }
      row = r;
      if (inline) {
        out[r] = entries.enabled ? entries.get(words, r, make) : make();
        continue;
      }
      // A piece stored out of line: copy the pieces' bytes (inline or through their pointers) and intern those.
      let len = 0;
      for (let p = 0; p < pieces; p++) {
        const l = words[p]![r * 4]!;
        if (l === 0) continue;
        if (len + l > buf.length) {
          const nb = new Uint8Array(Math.max(buf.length * 2, len + l));
          nb.set(buf.subarray(0, len));
          buf = nb;
        }
        const raw = raws[p]!;
        if (l <= INLINE) {
          const o = r * 16 + 4;
          for (let i = 0; i < l; i++) buf[len + i] = raw[o + i]!;
        } else buf.set(duckdb.get_data_from_pointer(raw.buffer as ArrayBuffer, raw.byteOffset + r * 16 + 8, l), len);
        len += l;
      }
      out[r] = pool.get(buf, 0, len);
    }
  };
}

/** Builds the reader of one result column; undefined for types read through node-api's generic path. */
function columnReader(t: DuckDBType, pieces: number): ColumnReader | undefined {
  switch (t.typeId) {
    case DuckDBTypeId.BOOLEAN: return readBool;
    case DuckDBTypeId.TINYINT: return readI8;
    case DuckDBTypeId.UTINYINT: return readU8;
    case DuckDBTypeId.SMALLINT: return readI16;
    case DuckDBTypeId.USMALLINT: return readU16;
    case DuckDBTypeId.INTEGER: return readI32;
    case DuckDBTypeId.UINTEGER: return readU32;
    case DuckDBTypeId.FLOAT: return readF32;
    case DuckDBTypeId.DOUBLE: return readF64;
    case DuckDBTypeId.BIGINT: return readI64;
    case DuckDBTypeId.UBIGINT: return readU64;
    case DuckDBTypeId.VARCHAR: return varcharReader(pieces);
    default: return undefined;
  }
}

/** Normalises a node-api value as detectors expect it: BIGINT → number, other objects → string. */
function plain(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'object') return String(v);
  return v;
}

const quote = (c: string): string => `"${c.replace(/"/g, '""')}"`;

/**
 * Select-list expressions for a VARCHAR column read as `pieces` pieces of up to 12 characters (the last one
 * takes the rest). Characters, not bytes: a non-ASCII piece may exceed 12 bytes and is then read through
 * its pointer, still correct. A piece that must be empty (the value's byte length, which bounds its
 * character length, ends before it) is not computed, so short values cost no substring work.
 */
export function stringPieces(column: string, pieces: number): string[] {
  const c = quote(column);
  if (pieces <= 1) return [c];
  const out = [`CASE WHEN strlen(${c}) <= ${INLINE} THEN ${c} ELSE substr(${c}, 1, ${INLINE}) END`];
  for (let p = 1; p < pieces; p++) out.push(`CASE WHEN strlen(${c}) > ${p * INLINE} THEN substr(${c}, ${p * INLINE + 1}${p === pieces - 1 ? '' : `, ${INLINE}`}) ELSE '' END`);
  return out;
}

/** Pieces worth selecting for strings of at most `maxLen` characters (one piece when short or unknown). */
export function piecesFor(maxLen: number | undefined, cap = 4): number {
  if (maxLen === undefined || maxLen <= INLINE) return 1;
  return Math.min(cap, Math.ceil(maxLen / INLINE));
}

/**
 * Reads result chunks column by column into reusable per-column arrays. `pieces[i]` is the number of
 * consecutive result columns that make output column i (VARCHAR pieces; 1 otherwise).
 */
export class ChunkReader {
  private readonly readers: Array<ColumnReader | undefined>;
  private readonly first: number[];
  private readonly pieces: number[];
  /** One array per output column, valid for the rows of the last chunk read. */
  readonly columns: unknown[][];

  constructor(types: readonly DuckDBType[], pieces?: readonly number[]) {
    this.pieces = pieces ? [...pieces] : types.map(() => 1);
    this.first = [];
    this.readers = [];
    let at = 0;
    for (const k of this.pieces) {
      const t = types[at];
      if (!t) throw new Error('ChunkReader: more output columns than result columns');
      for (let p = 1; p < k; p++) if (types[at + p]?.typeId !== DuckDBTypeId.VARCHAR || t.typeId !== DuckDBTypeId.VARCHAR) throw new Error('ChunkReader: pieces must be VARCHAR');
      this.first.push(at);
      this.readers.push(columnReader(t, k));
      at += k;
    }
    if (at !== types.length) throw new Error(`ChunkReader: ${types.length} result columns, ${at} expected`);
    this.columns = this.pieces.map(() => []);
  }

  /** Decodes a chunk; returns its row count. */
  read(chunk: DuckDBDataChunk): number {
    const n = chunk.rowCount;
    for (let c = 0; c < this.readers.length; c++) {
      const rd = this.readers[c];
      const out = this.columns[c]!;
      const at = this.first[c]!;
      if (rd) {
        const first = duckdb.data_chunk_get_vector(chunk.chunk, at);
        const val = validityOf(first, n);
        if (val !== null && noneValid(val, n)) {
          // A column with no value in this chunk (Diameter fields among MAP traffic, rare MAP fields): its data is not read.
          for (let r = 0; r < n; r++) out[r] = null;
          continue;
        }
        const vecs: duckdb.Vector[] = [first];
        for (let p = 1; p < this.pieces[c]!; p++) vecs.push(duckdb.data_chunk_get_vector(chunk.chunk, at + p));
        rd(vecs, n, out, val);
      } else {
        const vals = chunk.getColumnValues(at);
        for (let r = 0; r < n; r++) out[r] = plain(vals[r]);
      }
    }
    return n;
  }
}
