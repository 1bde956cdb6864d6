/**
 * The backend's view of a case database: run SQL with bound parameters and get
 * JSON-safe rows back. `DuckCaseDb` opens the case file with @duckdb/node-api
 * (through the instance cache, so the store and detectors running in this
 * process share one database instance).
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Scalar, Row } from '../../ipc/contract.js';

export interface QueryResult {
  columns: string[];
  types: string[];
  rows: Scalar[][];
}

export interface CaseDb {
  readonly path: string;
  query(sql: string, params?: (string | number | boolean | null)[]): Promise<QueryResult>;
  close(): Promise<void>;
}

/** Converts a DuckDB JS value into a JSON-safe scalar. */
export function toScalar(v: unknown): Scalar {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      return Number.isFinite(v) ? v : String(v);
    case 'bigint':
      return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString();
  }
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Uint8Array) {
    let s = '';
    for (const b of v) s += (b < 16 ? '0' : '') + b.toString(16);
    return s;
  }
  try {
    return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? (x <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(x) : x.toString()) : x));
  } catch {
    return String(v);
  }
}

export function rowObjects(r: QueryResult): Row[] {
  return r.rows.map((vals) => {
    const o: Row = {};
    r.columns.forEach((c, i) => (o[c] = vals[i] ?? null));
    return o;
  });
}

export class DuckCaseDb implements CaseDb {
  private constructor(readonly path: string, private conn: DuckDBConnection) {}

  static async open(path: string): Promise<DuckCaseDb> {
    const inst = await DuckDBInstance.fromCache(path);
    const conn = await inst.connect();
    return new DuckCaseDb(path, conn);
  }

  async query(sql: string, params: (string | number | boolean | null)[] = []): Promise<QueryResult> {
    const reader = await this.conn.runAndReadAll(sql, params.length ? (params as never) : undefined);
    const columns = reader.columnNames();
    const types = reader.columnTypes().map((t) => String(t));
    const rows = reader.getRowsJS().map((r) => r.map(toScalar));
    return { columns, types, rows };
  }

  async close(): Promise<void> {
    this.conn.closeSync();
  }
}
