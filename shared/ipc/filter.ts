/**
 * Message filter expressions (the Messages view's filter box), compiled to a
 * parameterised SQL WHERE clause over the `messages` table.
 *
 *   family == map and op_name contains "Location" and not error_code
 *   opc in (1, 2, 3) or (calling_gt ~ "^882" && ts >= 1700000000)
 *
 * Operators: == = != < > <= >= contains ~ (regex) in; and/&&, or/||, not/!,
 * parentheses; a bare column means "is set" (not null, not false).
 * Column names are checked against an allow-list, values are always bound
 * parameters: no text of the expression reaches SQL except validated names.
 */
export interface CompiledFilter {
  where: string;
  params: (string | number)[];
}

export class FilterError extends Error {
  constructor(message: string, readonly at: number) {
    super(message);
    this.name = 'FilterError';
  }
}

type Tok = { t: 'id' | 'num' | 'str' | 'op' | '(' | ')' | ','; v: string; at: number };

function lex(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') { i++; continue; }
    if (c === '(' || c === ')' || c === ',') { out.push({ t: c, v: c, at: i }); i++; continue; }
    if (c === '"' || c === "'") {
      let j = i + 1, s = '';
      while (j < src.length && src[j] !== c) {
        if (src[j] === '\\' && j + 1 < src.length) j++;
        s += src[j];
        j++;
      }
      if (j >= src.length) throw new FilterError(`unterminated string starting at ${i + 1}`, i);
      out.push({ t: 'str', v: s, at: i });
      i = j + 1;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (['==', '!=', '<=', '>=', '&&', '||'].includes(two)) { out.push({ t: 'op', v: two, at: i }); i += 2; continue; }
    if ('=<>~!'.includes(c)) { out.push({ t: 'op', v: c, at: i }); i++; continue; }
    const m = /^(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)(?![\w.])/i.exec(src.slice(i));
    if (m) { out.push({ t: 'num', v: m[1]!, at: i }); i += m[1]!.length; continue; }
    const w = /^[A-Za-z0-9_.:+\-*#]+/.exec(src.slice(i));
    if (w) { out.push({ t: 'id', v: w[0], at: i }); i += w[0].length; continue; }
    throw new FilterError(`unexpected character '${c}' at ${i + 1}`, i);
  }
  return out;
}

/** Compiles `expr`; `columns` maps allowed column names to 'text' | 'number' | 'bool'. */
export function compileFilter(expr: string, columns: Record<string, 'text' | 'number' | 'bool'>): CompiledFilter {
  const toks = lex(expr);
  if (toks.length === 0) return { where: 'TRUE', params: [] };
  let p = 0;
  const params: (string | number)[] = [];
  const peek = () => toks[p];
  const kw = (...names: string[]) => {
    const t = peek();
    return t !== undefined && (t.t === 'id' || t.t === 'op') && names.includes(t.v.toLowerCase());
  };
  const col = (t: Tok): string => {
    const name = t.v.toLowerCase();
    if (t.t !== 'id' || !(name in columns)) throw new FilterError(`unknown column '${t.v}' at ${t.at + 1}`, t.at);
    return name;
  };
  const value = (kind: 'text' | 'number' | 'bool'): string | number => {
    const t = toks[p++];
    if (!t || (t.t !== 'num' && t.t !== 'str' && t.t !== 'id')) throw new FilterError(`expected a value at ${t ? t.at + 1 : expr.length + 1}`, t?.at ?? expr.length);
    if (kind === 'number') {
      const n = t.v.toLowerCase().startsWith('0x') ? parseInt(t.v, 16) : Number(t.v);
      if (!Number.isFinite(n)) throw new FilterError(`'${t.v}' is not a number (at ${t.at + 1})`, t.at);
      return n;
    }
    if (kind === 'bool') {
      const v = t.v.toLowerCase();
      if (v === 'true' || v === '1') return 1;
      if (v === 'false' || v === '0') return 0;
      throw new FilterError(`'${t.v}' is not true/false (at ${t.at + 1})`, t.at);
    }
    return t.v;
  };
  const primary = (): string => {
    const t = peek();
    if (!t) throw new FilterError('expression ends early', expr.length);
    if (t.t === '(') {
      p++;
      const e = orExpr();
      if (peek()?.t !== ')') throw new FilterError(`missing ')' for '(' at ${t.at + 1}`, t.at);
      p++;
      return `(${e})`;
    }
    const c = col(t);
    p++;
    const kind = columns[c]!;
    const q = `"${c}"`;
    const o = peek();
    const opv = o && (o.t === 'op' || o.t === 'id') ? o.v.toLowerCase() : '';
    if (!['==', '=', '!=', '<', '>', '<=', '>=', '~', 'contains', 'in', 'matches'].includes(opv)) {
      return kind === 'bool' ? `coalesce(${q}, false)` : kind === 'number' ? `(${q} IS NOT NULL AND ${q} <> 0)` : `(${q} IS NOT NULL AND ${q} <> '')`;
    }
    p++;
    if (opv === 'in') {
      if (peek()?.t !== '(') throw new FilterError(`'in' needs a (list) at ${o!.at + 1}`, o!.at);
      p++;
      const items: string[] = [];
      for (;;) {
        params.push(value(kind));
        items.push('?');
        const n = toks[p++];
        if (n?.t === ')') break;
        if (n?.t !== ',') throw new FilterError(`expected ',' or ')' in list at ${n ? n.at + 1 : expr.length}`, n?.at ?? expr.length);
      }
      return `${q} IN (${items.join(', ')})`;
    }
    if (opv === 'contains') {
      params.push(String(value('text')));
      return `contains(lower(CAST(${q} AS VARCHAR)), lower(?))`;
    }
    if (opv === '~' || opv === 'matches') {
      const v = String(value('text'));
      try {
        new RegExp(v);
      } catch {
        throw new FilterError(`bad regular expression '${v}'`, o!.at);
      }
      params.push(v);
      return `regexp_matches(CAST(${q} AS VARCHAR), ?)`;
    }
    params.push(value(kind));
    const sqlOp = opv === '==' ? '=' : opv === '!=' ? '<>' : opv;
    return opv === '!=' ? `(${q} IS NULL OR ${q} ${sqlOp} ?)` : `${q} ${sqlOp} ?`;
  };
  const notExpr = (): string => {
    if (kw('not', '!')) {
      p++;
      return `NOT (${notExpr()})`;
    }
    return primary();
  };
  const andExpr = (): string => {
    let e = notExpr();
    while (kw('and', '&&')) {
      p++;
      e = `${e} AND ${notExpr()}`;
    }
    return e;
  };
  const orExpr = (): string => {
    let e = andExpr();
    while (kw('or', '||')) {
      p++;
      e = `(${e} OR ${andExpr()})`;
    }
    return e;
  };
  const where = orExpr();
  const rest = peek();
  if (rest) throw new FilterError(`unexpected '${rest.v}' at ${rest.at + 1}`, rest.at);
  return { where, params };
}
