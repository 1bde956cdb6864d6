/**
 * Starts the decode worker: from the bundle (decode.worker.mjs next to the
 * bundled code, as build/build-cli.mjs writes it to dist/) or, when running from
 * TypeScript sources (tests, dev under tsx), through a tiny ESM bootstrap that
 * registers tsx inside the worker first (`execArgv: ['--import', 'tsx']` alone
 * does not reach worker threads on Node 20). SIGTRAIL_DECODE_WORKER may name the
 * worker file explicitly (e.g. for an Electron main bundle that lives elsewhere).
 */
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { WorkerInput } from './protocol.js';

/**
 * A larger young generation: decoding allocates many short-lived objects per
 * message, and the default semi-space makes the worker spend most of its time
 * in scavenges.
 */
const LIMITS = { maxYoungGenerationSizeMb: 96 };

export function startDecodeWorker(input: WorkerInput): Worker {
  const here = import.meta.url;
  const override = process.env.SIGTRAIL_DECODE_WORKER;
  if (override) return new Worker(pathToFileURL(override), { workerData: input, resourceLimits: LIMITS });
  if (here.endsWith('.ts')) {
    const target = new URL('./decode.worker.ts', here).href;
    const api = import.meta.resolve('tsx/esm/api');
    const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); });`;
    return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), { workerData: input, resourceLimits: LIMITS });
  }
  const bundled = new URL('./decode.worker.mjs', here);
  if (!existsSync(fileURLToPath(bundled))) {
    throw new Error(`decode worker not found at ${fileURLToPath(bundled)} (build it with node build/build-cli.mjs, or set SIGTRAIL_DECODE_WORKER)`);
  }
  return new Worker(bundled, { workerData: input, resourceLimits: LIMITS });
}
