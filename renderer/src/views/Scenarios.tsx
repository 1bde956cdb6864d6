import { useEffect, useState } from 'react';
import { call } from '../api/client.js';
import type { ScenarioInfo, ScenarioStep } from '../../../shared/ipc/contract.js';
import { JobCard } from '../components/JobCard.js';
import { useUi } from '../store.js';
import { errText, fmtTime } from '../util.js';

export function ScenariosView() {
  const { caseInfo, caseVersion, jobs, notify, go } = useUi();
  const [cat, setCat] = useState<ScenarioInfo[] | null>(null);
  const [catErr, setCatErr] = useState<string | null>(null);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [seed, setSeed] = useState('1');
  const [messages, setMessages] = useState('5000');
  const [steps, setSteps] = useState<ScenarioStep[]>([]);
  const [step, setStep] = useState(0);

  useEffect(() => {
    call('scenarios', {}).then(setCat, (e) => setCatErr(errText(e)));
  }, []);
  useEffect(() => {
    if (!caseInfo) return setSteps([]);
    call('scenarioLabels', {}).then((s) => { setSteps(s); setStep(0); }, () => setSteps([]));
  }, [caseInfo, caseVersion]);

  const generate = async () => {
    try {
      const { jobId } = await call('scenarioGenerate', { scenarios: [...picked], seed: Number(seed) || 1, messages: Number(messages) || 5000 });
      const j = await call('jobStatus', { jobId });
      if (j) useUi.getState().setJob(j);
    } catch (e) {
      notify(errText(e));
    }
  };
  const genJobs = Object.values(jobs).filter((j) => j.kind === 'generate').sort((a, b) => b.startedAt - a.startedAt).slice(0, 3);
  const s = steps[step];
  const info = s ? cat?.find((c) => c.id === s.scenario) : undefined;

  return (
    <div className="view" data-testid="view-scenarios">
      <h1>Scenario library</h1>
      {steps.length > 0 && s && (
        <div className="panel" style={{ marginBottom: 14 }} data-testid="scenario-steps">
          <div className="row">
            <h2 style={{ margin: 0 }}>Step through this case · {step + 1} / {steps.length}</h2>
            <span className="spacer" />
            <button className="btn small" disabled={step === 0} onClick={() => setStep(step - 1)}>◀ Previous</button>
            <button className="btn small" disabled={step >= steps.length - 1} onClick={() => setStep(step + 1)}>Next ▶</button>
          </div>
          <div style={{ fontSize: 15, fontWeight: 600, color: '#fff', margin: '8px 0 4px' }}>{info?.title ?? s.scenario} {s.benign && <span className="badge">look-alike (benign)</span>}</div>
          <div className="kv" style={{ marginBottom: 8 }}>
            <div>attack</div><div>{s.attack}</div>
            <div>category</div><div>{s.category}</div>
            <div>difficulty</div><div>{s.difficulty}</div>
            <div>time</div><div>{fmtTime(s.start)} → {fmtTime(s.end)}</div>
            <div>victims</div><div>{s.victims.map((v) => v.imsi ?? v.msisdn).join(', ') || '—'}</div>
            <div>frames</div><div>{s.frames.slice(0, 30).join(', ')}{s.frames.length > 30 ? ' …' : ''}</div>
          </div>
          {info && <div className="trace" style={{ marginBottom: 8 }}>{info.description}</div>}
          <div className="row">
            <button className="btn small" disabled={!s.frames.length} onClick={() => go('ladder', { ladder: { evidence: '1', frame: s.frames[0]! }, ladderFocus: { evidence: '1', frame: s.frames[0]! } })}>Dialogue ladder</button>
            <button className="btn small" disabled={!s.frames.length} onClick={() => go('messages', { messagesFilter: `frame in (${s.frames.slice(0, 500).join(', ')})` })}>Its messages</button>
            <button className="btn small" disabled={!s.victims[0]} onClick={() => { const v = s.victims[0]!; go('timeline', { subscriber: v.imsi ? { imsi: v.imsi } : { msisdn: v.msisdn } }); }}>Victim timeline</button>
            <button className="btn small" onClick={() => go('alerts')}>Alerts</button>
          </div>
        </div>
      )}
      <div className="grid2" style={{ gridTemplateColumns: '2fr 1fr' }}>
        <div>
          {catErr && <div className="err">{catErr}</div>}
          {!cat && !catErr && <div className="dim">loading catalogue…</div>}
          {cat?.map((c) => (
            <div key={c.id} className={`scen ${picked.has(c.id) ? 'on' : ''}`} data-scenario={c.id}>
              <label className="row" style={{ cursor: 'pointer' }}>
                <input type="checkbox" checked={picked.has(c.id)} onChange={() => { const p = new Set(picked); if (p.has(c.id)) p.delete(c.id); else p.add(c.id); setPicked(p); }} />
                <span className="t">{c.title}</span><span className="badge">{c.category}</span><span className="dim mono" style={{ fontSize: 11 }}>{c.id}</span>
              </label>
              <div className="muted" style={{ marginTop: 4 }}>{c.description}</div>
            </div>
          ))}
        </div>
        <div className="panel col" style={{ alignSelf: 'start' }}>
          <h2>Generate into a new case</h2>
          <div className="row"><span className="dim" style={{ width: 80 }}>scenarios</span><span>{picked.size ? [...picked].join(', ') : 'pick at least one'}</span></div>
          <div className="row"><span className="dim" style={{ width: 80 }}>seed</span><input className="input" value={seed} onChange={(e) => setSeed(e.target.value)} style={{ width: 100 }} /></div>
          <div className="row"><span className="dim" style={{ width: 80 }}>messages</span><input className="input" value={messages} onChange={(e) => setMessages(e.target.value)} style={{ width: 100 }} /></div>
          <div className="row">
            <button className="btn primary" disabled={!picked.size} onClick={generate}>Generate, import and detect</button>
            <button className="btn" disabled={!cat?.length} onClick={() => setPicked(new Set(cat?.map((c) => c.id)))}>All</button>
          </div>
          {genJobs.map((j) => <JobCard key={j.jobId} job={j} />)}
        </div>
      </div>
    </div>
  );
}
