/**
 * Starts the decode worker: from the bundle (dist/decode.worker.mjs next to the
 * CLI chunk) or, when running from TypeScript sources (tests, dev under tsx),
 * through a tiny ESM bootstrap that registers tsx inside the worker first
 * (`execArgv: ['--import', 'tsx']` alone does not reach worker threads on Node 20).
 */
import { Worker } from 'node:worker_threads';
import type { WorkerInput } from './protocol.js';

export function startDecodeWorker(input: WorkerInput): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const target = new URL('./decode.worker.ts', here).href;
    const api = import.meta.resolve('tsx/esm/api');
    const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); });`;
    return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), { workerData: input });
  }
  return new Worker(new URL('./decode.worker.mjs', here), { workerData: input });
}
