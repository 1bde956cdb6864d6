/** Long-running backend jobs (import, generate, detect) with throttled progress events and cancel. */
import { randomUUID } from 'node:crypto';
import type { JobKind, JobProgress } from '../../ipc/contract.js';

export interface JobHandle {
  readonly id: string;
  readonly signal: AbortSignal;
  update(p: Partial<Omit<JobProgress, 'jobId' | 'kind' | 'startedAt'>>): void;
}

export class JobRegistry {
  private jobs = new Map<string, { p: JobProgress; ctl: AbortController; lastEmit: number }>();
  constructor(private emit: (p: JobProgress) => void) {}

  start(kind: JobKind, step: string, work: (job: JobHandle) => Promise<Partial<JobProgress> | void>): string {
    const id = randomUUID();
    const ctl = new AbortController();
    const p: JobProgress = { jobId: id, kind, state: 'running', step, bytesDone: 0, bytesTotal: 0, messages: 0, rate: 0, eta: null, startedAt: Date.now() };
    const entry = { p, ctl, lastEmit: 0 };
    this.jobs.set(id, entry);
    const handle: JobHandle = {
      id,
      signal: ctl.signal,
      update: (u) => {
        Object.assign(p, u);
        const el = (Date.now() - p.startedAt) / 1000;
        if (u.rate === undefined && el > 0) p.rate = p.messages / el;
        if (u.eta === undefined && p.bytesTotal > 0 && p.bytesDone > 0 && el > 0.2) p.eta = Math.max(0, (el * (p.bytesTotal - p.bytesDone)) / p.bytesDone);
        const now = Date.now();
        if (now - entry.lastEmit > 150) {
          entry.lastEmit = now;
          this.emit({ ...p });
        }
      },
    };
    this.emit({ ...p });
    // Run on the next tick so the caller gets the id before the first event.
    setImmediate(() => {
      work(handle).then(
        (final) => {
          Object.assign(p, final ?? {});
          p.state = ctl.signal.aborted ? 'cancelled' : 'done';
          if (p.state === 'done' && p.bytesTotal > 0) p.bytesDone = p.bytesTotal;
          p.eta = 0;
          this.emit({ ...p });
        },
        (err: unknown) => {
          p.state = ctl.signal.aborted ? 'cancelled' : 'failed';
          p.error = err instanceof Error ? err.message : String(err);
          this.emit({ ...p });
        },
      );
    });
    return id;
  }

  get(id: string): JobProgress | null {
    const j = this.jobs.get(id);
    return j ? { ...j.p } : null;
  }

  list(): JobProgress[] {
    return [...this.jobs.values()].map((j) => ({ ...j.p }));
  }

  cancel(id: string): boolean {
    const j = this.jobs.get(id);
    if (!j || j.p.state !== 'running') return false;
    j.ctl.abort();
    return true;
  }

  running(): number {
    let n = 0;
    for (const j of this.jobs.values()) if (j.p.state === 'running') n++;
    return n;
  }

  cancelAll(): void {
    for (const j of this.jobs.values()) if (j.p.state === 'running') j.ctl.abort();
  }
}
