/** Columnar chunk reader: the same values as node-api's own conversion, for every type detectors read, strings of any length and encoding, split or whole. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { ChunkReader, piecesFor, stringPieces } from '../../shared/node/detect/chunk-reader.js';

/** node-api's reading, normalised as the detectors expect values (BIGINT → number, other objects → string). */
async function reference(conn: DuckDBConnection, sql: string): Promise<unknown[][]> {
  const r = await conn.runAndReadAll(sql);
  return r.getRows().map((row) => row.map((v) => (v === undefined || v === null ? null : typeof v === 'bigint' ? Number(v) : typeof v === 'object' ? String(v) : v)));
}

async function readAll(conn: DuckDBConnection, sql: string, pieces?: number[]): Promise<unknown[][]> {
  const res = await conn.stream(sql);
  const reader = new ChunkReader(res.columnTypes(), pieces);
  const out: unknown[][] = [];
  for (;;) {
    const chunk = await res.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const n = reader.read(chunk);
    for (let r = 0; r < n; r++) out.push(reader.columns.map((c) => c[r]));
  }
  return out;
}

const STRINGS = [
  null, '', 'a', 'map', '12345678', '123456789012', '1234567890123', '262033665997159', 'networkLocUpContext-v3',
  'epc.mnc005.mcc202.3gppnetwork.org', 'mme01.epc.mnc005.mcc202.3gppnetwork.org.with-a-much-longer-host-name.example',
  'é', 'Grüße aus Köln', '日本語のUSSDメッセージ *100#', '😀 emoji at the start then ascii', 'ascii then 😀', "quote ' and \" and \\",
];

async function withTable<T>(fn: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
  const inst = await DuckDBInstance.create(':memory:');
  const conn = await inst.connect();
  try {
    await conn.run(`CREATE TABLE t (i INTEGER, s VARCHAR, b BOOLEAN, d DOUBLE, big BIGINT, ub UBIGINT, si SMALLINT, ti TINYINT, ui UINTEGER, f FLOAT, ts TIMESTAMP, u VARCHAR)`);
    // Several 2048-row chunks; repeating values (interned) and a column of distinct ones (interning given up).
    const vals: string[] = [];
    for (let k = 0; k < 12000; k++) {
      const s = k % 7 === 3 ? `'distinct-${k}-${'x'.repeat(k % 40)}'` : STRINGS[k % STRINGS.length] == null ? 'NULL' : `'${STRINGS[k % STRINGS.length]!.replace(/'/g, "''")}'`;
      const n = (v: string): string => (k % 11 === 5 ? 'NULL' : v);
      vals.push(`(${n(String(k))}, ${s}, ${n(k % 2 ? 'true' : 'false')}, ${n(String(k / 7))}, ${n(String(4294967295 + k))}, ${n(String(k * 3))}, ${n(String((k % 60000) - 30000))}, ${n(String((k % 250) - 125))}, ${n(String(k * 1000))}, ${n(String(k / 4))}, ${n(`TIMESTAMP '2024-01-01 00:00:00' + INTERVAL ${k} SECOND`)}, '${(k * 7919).toString(16)}')`);
    }
    await conn.run(`INSERT INTO t VALUES ${vals.join(', ')}`);
    return await fn(conn);
  } finally {
    conn.closeSync();
    inst.closeSync();
  }
}

test('chunk reader returns what node-api returns, for each column type and across chunks', async () => {
  await withTable(async (conn) => {
    const sql = 'SELECT i, s, b, d, big, ub, si, ti, ui, f, ts, u FROM t ORDER BY rowid';
    const want = await reference(conn, sql);
    const got = await readAll(conn, sql);
    assert.equal(got.length, 12000);
    assert.deepEqual(got, want);
  });
});

test('strings split into pieces read back whole, whatever their length or encoding', async () => {
  await withTable(async (conn) => {
    const want = await reference(conn, 'SELECT i, s FROM t ORDER BY rowid');
    for (const k of [2, 3, 4]) {
      const got = await readAll(conn, `SELECT i, ${stringPieces('s', k).join(', ')} FROM (SELECT i, s FROM t ORDER BY rowid)`, [1, k]);
      assert.deepEqual(got, want, `${k} pieces`);
    }
  });
});

test('piece counts follow the longest string, capped', () => {
  assert.equal(piecesFor(undefined), 1);
  assert.equal(piecesFor(12), 1);
  assert.equal(piecesFor(13), 2);
  assert.equal(piecesFor(24), 2);
  assert.equal(piecesFor(25), 3);
  assert.equal(piecesFor(500), 4);
  assert.deepEqual(stringPieces('imsi', 1), ['"imsi"']);
  assert.deepEqual(stringPieces('imsi', 2), ['CASE WHEN strlen("imsi") <= 12 THEN "imsi" ELSE substr("imsi", 1, 12) END', `CASE WHEN strlen("imsi") > 12 THEN substr("imsi", 13) ELSE '' END`]);
});

test('columns with no value in a whole chunk read as nulls, and the chunks after them read their values', async () => {
  const inst = await DuckDBInstance.create(':memory:');
  const conn = await inst.connect();
  try {
    // Rows 4096..8191 (two full chunks) have no value in any column but i; values before and after, with a NULL now and then.
    await conn.run(`CREATE TABLE t AS SELECT i, CASE WHEN (i < 4096 OR i >= 8192) AND i % 5 <> 0 THEN 'value-' || i || repeat('x', i % 30) END AS s,
      CASE WHEN (i < 4096 OR i >= 8192) AND i % 7 <> 0 THEN i * 3 END::INTEGER AS n, CASE WHEN i < 4096 OR i >= 8192 THEN i / 8 END::DOUBLE AS d,
      CASE WHEN i < 4096 OR i >= 8192 THEN 4294967296 + i END::BIGINT AS big, CASE WHEN i < 4096 OR i >= 8192 THEN i % 2 = 0 END AS b FROM range(12000) r(i)`);
    const want = await reference(conn, 'SELECT i, s, n, d, big, b FROM t ORDER BY i');
    assert.ok(want.slice(4096, 8192).every((r) => r.slice(1).every((v) => v === null)) && want[1]!.every((v) => v !== null) && want[8193]!.every((v) => v !== null));
    assert.deepEqual(await readAll(conn, 'SELECT i, s, n, d, big, b FROM t ORDER BY i'), want);
    const split = await readAll(conn, `SELECT i, ${stringPieces('s', 3).join(', ')}, n, d, big, b FROM (SELECT * FROM t ORDER BY i)`, [1, 3, 1, 1, 1, 1]);
    assert.deepEqual(split, want);
  } finally {
    conn.closeSync();
    inst.closeSync();
  }
});
