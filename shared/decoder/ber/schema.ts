/**
 * A small table-driven BER walker: a schema node says how to read one element
 * (leaf kind + target field) or which children a constructed element has.
 * Children are keyed by tag (class * 2^24 + number); a key may list several
 * nodes for the 1st, 2nd … occurrence (positional OCTET STRINGs), and `pos`
 * gives positional CHOICEs for the first elements of a SEQUENCE.
 * The walker is generic; the leaf decoder is supplied by the user (MAP, CAP).
 */
import { readTlv, tlv as tlvBinding, berErrorText, berErrOffset } from './ber.js';

/** Local reference to the shared TLV scratch (avoids a live-binding getter per access in CJS-transpiled runs). */
const tlv = tlvBinding;

export interface SNode<K extends string = string> {
  /** 'seq' (constructed, walk children), 'choice' (the element itself is one of `c`), or a leaf kind. */
  k: 'seq' | 'choice' | K;
  /** Target field(s) for leaves. */
  f?: string;
  /** Secondary target field for leaves (e.g. smRpDa and imsi). */
  f2?: string;
  /** Set `kf` to `kv` when this element is present (choice discriminators). */
  kf?: string;
  kv?: string | number;
  c?: Map<number, SNode<K> | SNode<K>[]>;
  pos?: SNode<K>[];
}

export const U = (n: number): number => n;
export const A = (n: number): number => 0x1000000 + n;
export const C = (n: number): number => 0x2000000 + n;

type Kids<K extends string> = Record<number, SNode<K> | SNode<K>[]>;

/** Nodes already in the canonical shape (see `canon`). */
const canonical = new WeakSet<object>();

/**
 * The node with every field present in one order (absent ones undefined), so that the
 * walker's and the leaf decoders' reads of k / f / f2 / kf / kv / c / pos stay
 * monomorphic instead of seeing one hidden class per combination of fields.
 */
function canon<K extends string>(n: SNode<K>): SNode<K> {
  if (canonical.has(n)) return n;
  const x: SNode<K> = { k: n.k, f: n.f, f2: n.f2, kf: n.kf, kv: n.kv, c: n.c, pos: n.pos ? n.pos.map(canon) : undefined };
  canonical.add(x);
  return x;
}

function toMap<K extends string>(o: Kids<K>): Map<number, SNode<K> | SNode<K>[]> {
  const m = new Map<number, SNode<K> | SNode<K>[]>();
  for (const k of Object.keys(o)) {
    const v = o[Number(k)]!;
    m.set(Number(k), Array.isArray(v) ? v.map(canon) : canon(v));
  }
  return m;
}

export function seq<K extends string>(kids: Kids<K>, pos?: SNode<K>[]): SNode<K> {
  return canon({ k: 'seq', c: toMap(kids), pos });
}

export function choice<K extends string>(kids: Kids<K>): SNode<K> {
  return canon({ k: 'choice', c: toMap(kids) });
}

export type LeafFn<K extends string> = (b: Uint8Array, vs: number, ve: number, node: SNode<K>, out: Record<string, unknown>) => void;

export interface WalkError {
  reason: string;
  offset: number;
}

/**
 * Walks the children of a constructed element [s, e) with `node`, calling `leaf` for leaves.
 * Returns the first BER error, or undefined.
 */
export function walk<K extends string>(b: Uint8Array, s: number, e: number, node: SNode<K>, out: Record<string, unknown>, leaf: LeafFn<K>, depth = 0): WalkError | undefined {
  if (depth > 24) return { reason: 'nesting too deep', offset: s };
  const kids = node.c;
  const pos = node.pos;
  let counts: Map<number, number> | undefined;
  let i = 0;
  let p = s;
  let err: WalkError | undefined;
  while (p < e) {
    const r = readTlv(b, p, e);
    if (r) return err ?? { reason: berErrorText(r), offset: berErrOffset };
    const key = tlv.key, vs = tlv.vs, ve = tlv.ve, next = tlv.next, cons = tlv.constructed;
    let n: SNode<K> | SNode<K>[] | undefined;
    if (pos && i < pos.length) {
      n = pos[i];
    } else if (kids) {
      n = kids.get(key);
      if (Array.isArray(n)) {
        counts ??= new Map();
        const k = counts.get(key) ?? 0;
        counts.set(key, k + 1);
        n = n[k];
      }
    }
    i++;
    p = next;
    if (!n || Array.isArray(n)) continue;
    const e2 = element(b, key, vs, ve, cons, n, out, leaf, depth);
    if (e2 && !err) err = e2;
  }
  return err;
}

/** Decodes one element (already parsed: key, value range) with node `n`. */
export function element<K extends string>(b: Uint8Array, key: number, vs: number, ve: number, cons: boolean, n: SNode<K>, out: Record<string, unknown>, leaf: LeafFn<K>, depth = 0): WalkError | undefined {
  if (n.k === 'choice') {
    const alt = n.c?.get(key);
    if (!alt || Array.isArray(alt)) return undefined;
    n = alt;
  }
  if (n.kf !== undefined && out[n.kf] === undefined) out[n.kf] = n.kv;
  if (n.k === 'seq') {
    if (!cons) return undefined;
    return walk(b, vs, ve, n, out, leaf, depth + 1);
  }
  leaf(b, vs, ve, n, out);
  return undefined;
}
