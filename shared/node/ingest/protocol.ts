/** Messages between the ingest main thread and the decode worker. */
export type WorkerKind = 'capture' | 'ndjson' | 'tshark-ek';

export interface WorkerInput {
  path: string;
  kind: WorkerKind;
  /** Folder for the CSV chunks (the main thread bulk-loads then deletes them). */
  tmpDir: string;
  /** Rows per chunk file. */
  chunkRows: number;
  /** Chunks written but not yet acknowledged before the worker pauses (bounded memory/disk). */
  maxInFlight: number;
  decode: { mtp3Variant?: 'itu' | 'ansi'; m3uaVersion?: string };
}

export type ToMain =
  | { t: 'chunk'; seq: number; msgFile: string | null; rows: number; errFile: string | null; errRows: number; bytesRead: number; totalBytes: number; framesSeen: number }
  | { t: 'done'; framesSeen: number; bytesRead: number; totalBytes: number }
  | { t: 'fail'; message: string; notCapture: boolean };

export type ToWorker = { t: 'ack'; seq: number };
