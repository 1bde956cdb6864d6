/**
 * Ingest worker: decodes the evidence file (capture, Sigtrail NDJSON or
 * tshark -T ek) and writes the rows as CSV chunk files that the main thread
 * bulk-loads into DuckDB while this thread decodes the next chunk. It starts
 * decoding at once: the main thread hashes the file meanwhile (SHA-256 for the
 * duplicate check) and loads nothing before that check.
 * At most `maxInFlight` chunks wait for the main thread (bounded memory and disk).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createReadStream, openSync, readSync, writeSync, closeSync, statSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import type { WorkerInput, ToMain, ToWorker } from './protocol.js';
import { flattenRecord, type MsgRow } from '../../model/row.js';
import type { SigRecord } from '../../model/record.js';
import { msgRowCsv, writeMsgRowCsv, ROW_RESERVE, csvStr } from '../../store/csv.js';
import { ekToRow } from '../../store/import-map.js';

const port = parentPort!;
const input = workerData as WorkerInput;
const send = (m: ToMain): void => port.postMessage(m);

let acked = 0;
let seq = 0;
let ackWaiter: (() => void) | null = null;
port.on('message', (m: ToWorker) => {
  if (m.t === 'ack') {
    acked = Math.max(acked, m.seq);
    const w = ackWaiter;
    ackWaiter = null;
    w?.();
  }
});

function isGz(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const b = Buffer.alloc(2);
    return readSync(fd, b, 0, 2, 0) === 2 && b[0] === 0x1f && b[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

/** Message rows are serialised straight into this byte buffer (off the JS heap), written out when nearly full. */
const OUT = Buffer.allocUnsafe(1 << 18);

/** Accumulates one chunk: message CSV and error CSV files. */
class ChunkWriter {
  private fd = -1;
  private efd = -1;
  private pos = 0;
  private ebuf = '';
  rows = 0;
  errRows = 0;
  msgFile: string | null = null;
  errFile: string | null = null;

  add(row: MsgRow): void {
    if (this.fd < 0) {
      this.msgFile = join(input.tmpDir, `m${String(seq + 1).padStart(6, '0')}.csv`);
      this.fd = openSync(this.msgFile, 'w');
    }
    if (OUT.length - this.pos < ROW_RESERVE) this.flush();
    const end = writeMsgRowCsv(row, OUT, this.pos);
    if (end >= 0) this.pos = end;
    else {
      // a value too long for the buffer: this row as a string
      this.flush();
      writeSync(this.fd, msgRowCsv(row));
    }
    this.rows++;
  }

  addError(frame: number, fileOffset: number, layer: string, reason: string): void {
    if (this.efd < 0) {
      this.errFile = join(input.tmpDir, `e${String(seq + 1).padStart(6, '0')}.csv`);
      this.efd = openSync(this.errFile, 'w');
    }
    this.ebuf += `${frame},${fileOffset},${csvStr(layer)},${csvStr(reason)}\n`;
    this.errRows++;
    if (this.ebuf.length > 1 << 18) this.flush();
  }

  flush(): void {
    for (let off = 0; off < this.pos; ) off += writeSync(this.fd, OUT, off, this.pos - off);
    if (this.ebuf) writeSync(this.efd, this.ebuf);
    this.pos = 0;
    this.ebuf = '';
  }

  close(): void {
    this.flush();
    if (this.fd >= 0) closeSync(this.fd);
    if (this.efd >= 0) closeSync(this.efd);
  }
}

let cw = new ChunkWriter();

async function emit(bytesRead: number, totalBytes: number, framesSeen: number, force = false): Promise<void> {
  if (!force && cw.rows < input.chunkRows && cw.errRows < input.chunkRows) return;
  if (cw.rows === 0 && cw.errRows === 0) return;
  cw.close();
  seq++;
  send({ t: 'chunk', seq, msgFile: cw.msgFile, rows: cw.rows, errFile: cw.errFile, errRows: cw.errRows, bytesRead, totalBytes, framesSeen });
  cw = new ChunkWriter();
  while (seq - acked >= input.maxInFlight) await new Promise<void>((res) => (ackWaiter = res));
}

async function runCapture(): Promise<void> {
  const { decodeCaptureFile } = await import('../capture-file.js');
  const { NotACaptureError } = await import('../../decoder/capture/types.js');
  let last = { bytesRead: 0, totalBytes: 0, framesSeen: 0 };
  try {
    for await (const b of decodeCaptureFile(input.path, { ...(input.decode as object) })) {
      for (let i = 0; i < b.records.length; i++) cw.add(flattenRecord(b.records[i]!));
      for (const e of b.errors) cw.addError(e.frame, e.fileOffset, e.layer, e.reason);
      last = { bytesRead: b.bytesRead, totalBytes: b.totalBytes, framesSeen: b.framesSeen };
      await emit(last.bytesRead, last.totalBytes, last.framesSeen);
    }
  } catch (e) {
    if (e instanceof NotACaptureError) {
      send({ t: 'fail', message: e.message, notCapture: true });
      return;
    }
    throw e;
  }
  await emit(last.bytesRead, last.totalBytes, last.framesSeen, true);
  send({ t: 'done', ...last });
}

async function runLines(kind: 'ndjson' | 'tshark-ek'): Promise<void> {
  const totalBytes = statSync(input.path).size;
  const raw = createReadStream(input.path, { highWaterMark: 1 << 20 });
  let bytesRead = 0;
  raw.on('data', (c) => (bytesRead += (c as Buffer).length));
  const src = isGz(input.path) ? raw.pipe(createGunzip()) : raw;
  const rl = createInterface({ input: src, crlfDelay: Infinity });
  let line = 0;
  let frames = 0;
  try {
    for await (const text of rl) {
      line++;
      if (!text.trim()) continue;
      let obj: unknown;
      try {
        obj = JSON.parse(text);
      } catch (e) {
        cw.addError(line, -1, kind, `line ${line}: not JSON (${(e as Error).message})`);
        await emit(bytesRead, totalBytes, frames);
        continue;
      }
      if (!obj || typeof obj !== 'object') {
        cw.addError(line, -1, kind, `line ${line}: not a JSON object`);
        continue;
      }
      const o = obj as Record<string, unknown>;
      if (kind === 'tshark-ek') {
        if ('index' in o) continue;
        const layers = o.layers;
        if (!layers || typeof layers !== 'object') {
          cw.addError(line, -1, kind, `line ${line}: no 'layers' object`);
          continue;
        }
        frames++;
        cw.add(ekToRow(layers as Record<string, unknown>));
      } else if ('error' in o && o.error && typeof o.error === 'object') {
        const e = o.error as { frame?: number; fileOffset?: number; layer?: string; reason?: string };
        cw.addError(Number(e.frame ?? line), Number(e.fileOffset ?? -1), String(e.layer ?? 'unknown'), String(e.reason ?? ''));
      } else {
        const r = o as unknown as SigRecord;
        if (typeof r.frame !== 'number' || typeof r.tsSec !== 'number' || !Array.isArray(r.protos)) {
          cw.addError(line, -1, kind, `line ${line}: not a Sigtrail record (needs frame, tsSec, protos)`);
          continue;
        }
        if (r.frame !== frames) frames++;
        try {
          cw.add(flattenRecord({ ...r, tsNsec: r.tsNsec ?? 0, fileOffset: r.fileOffset ?? -1, msgIdx: r.msgIdx ?? 0, compIdx: r.compIdx ?? -1 }));
        } catch (e) {
          cw.addError(r.frame, -1, kind, `line ${line}: ${(e as Error).message}`);
        }
      }
      await emit(bytesRead, totalBytes, frames);
    }
  } catch (e) {
    // a cut .gz: keep what was read and record the damage
    cw.addError(line + 1, -1, 'file', `input stream damaged: ${(e as Error).message}`);
  }
  await emit(bytesRead, totalBytes, frames, true);
  send({ t: 'done', framesSeen: frames, bytesRead: totalBytes, totalBytes });
}

async function main(): Promise<void> {
  if (input.kind === 'capture') await runCapture();
  else await runLines(input.kind);
}

main().then(
  () => port.close(),
  (e: unknown) => {
    send({ t: 'fail', message: e instanceof Error ? e.message : String(e), notCapture: false });
    port.close();
  },
);
