import { call } from '../api/client.js';
import type { JobProgress } from '../../../shared/ipc/contract.js';
import { fmtBytes, fmtDur, fmtNum } from '../util.js';

export function JobCard({ job }: { job: JobProgress }) {
  const pct = job.bytesTotal ? Math.min(100, (100 * job.bytesDone) / job.bytesTotal) : job.state === 'done' ? 100 : 0;
  return (
    <div className="job" data-testid="job" data-state={job.state}>
      <div className="row">
        <b style={{ textTransform: 'capitalize' }}>{job.kind}</b>
        <span className="muted">{job.step}</span>
        <span className="spacer" />
        <span className={`status ${job.state === 'failed' ? 'confirmed' : job.state === 'done' ? 'closed' : 'investigating'}`} data-testid="job-state">{job.state}</span>
        {job.state === 'running' && (
          <button className="btn small danger" onClick={() => call('jobCancel', { jobId: job.jobId })}>Cancel</button>
        )}
      </div>
      <div className="progress" style={{ margin: '8px 0 6px' }} data-testid="job-progress" data-pct={pct.toFixed(1)}>
        <div style={{ width: `${pct}%` }} />
      </div>
      <div className="row mono muted" style={{ fontSize: 11, gap: 16 }}>
        <span>{pct.toFixed(1)} %</span>
        <span>{fmtBytes(job.bytesDone)} / {fmtBytes(job.bytesTotal)}</span>
        <span>{fmtNum(job.messages)} messages</span>
        <span data-testid="job-rate">{fmtNum(Math.round(job.rate))} msg/s</span>
        <span>ETA {job.state === 'running' ? fmtDur(job.eta) : '—'}</span>
        <span>elapsed {fmtDur((Date.now() - job.startedAt) / 1000)}</span>
      </div>
      {job.error && <div className="err" style={{ marginTop: 6 }}>{job.error}</div>}
      {job.summary && job.state === 'done' && <div className="muted" style={{ marginTop: 6 }}>{job.summary}</div>}
    </div>
  );
}
