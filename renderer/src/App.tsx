import { useEffect } from 'react';
import { call, host, onEvent } from './api/client.js';
import { applyHash, hashOf, useUi, VIEWS, type ViewId } from './store.js';
import { errText, fmtNum, fmtTime } from './util.js';
import { CasesView } from './views/Cases.js';
import { OverviewView } from './views/Overview.js';
import { GraphView } from './views/Graph.js';
import { TimelineView } from './views/Timeline.js';
import { LadderView } from './views/Ladder.js';
import { MessagesView } from './views/Messages.js';
import { AlertsView } from './views/Alerts.js';
import { SqlView } from './views/Sql.js';
import { ScenariosView } from './views/Scenarios.js';

const COMPONENTS: Record<ViewId, () => React.JSX.Element> = {
  cases: CasesView, overview: OverviewView, graph: GraphView, timeline: TimelineView, ladder: LadderView,
  messages: MessagesView, alerts: AlertsView, sql: SqlView, scenarios: ScenariosView,
};

// Read before the first render: the hash sync below rewrites it.
const initialHash = typeof location !== 'undefined' ? location.hash : '';

export function App() {
  const { view, caseInfo, app, toast, jobs } = useUi();
  const ui = useUi.getState;

  useEffect(() => {
    const off = onEvent((e) => {
      if (e.type === 'job') {
        ui().setJob(e.job);
        if (e.job.state === 'failed') ui().notify(`${e.job.kind} failed: ${e.job.error ?? 'unknown error'}`);
      } else {
        ui().set({ caseInfo: e.info, caseVersion: ui().caseVersion + 1 });
      }
    });
    (async () => {
      try {
        const [a, c] = await Promise.all([call('appInfo', {}), call('caseCurrent', {})]);
        const fromHash = applyHash(initialHash);
        ui().set({ app: a, caseInfo: c, ...(c && fromHash ? fromHash : { view: c ? 'overview' : 'cases' }) });
        performance.mark('sigtrail-ready');
      } catch (e) {
        ui().notify(errText(e));
      }
    })();
    const onKey = (ev: KeyboardEvent) => {
      if (!ev.altKey) return;
      const v = VIEWS.find((x) => x.key === ev.key);
      if (v && (!v.needsCase || ui().caseInfo)) {
        ev.preventDefault();
        ui().go(v.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      off();
      window.removeEventListener('keydown', onKey);
    };
  }, [ui]);

  // Keep the hash in step with the view and its main selection.
  const s = useUi();
  const h = hashOf(s);
  useEffect(() => {
    if (s.app && location.hash !== h) history.replaceState(null, '', h);
  }, [h, s.app]);

  // While jobs run, also poll (events may be missed if the connection drops).
  const running = Object.values(jobs).filter((j) => j.state === 'running');
  useEffect(() => {
    if (running.length === 0) return;
    const t = setInterval(async () => {
      try {
        for (const j of await call('jobsList', {})) ui().setJob(j);
      } catch {
        /* next tick */
      }
    }, 1000);
    return () => clearInterval(t);
  }, [running.length, ui]);

  useEffect(() => {
    if (!toast) return;
    const t = setTimeout(() => ui().set({ toast: null }), toast.kind === 'error' ? 9000 : 4000);
    return () => clearTimeout(t);
  }, [toast, ui]);

  const View = COMPONENTS[caseInfo || !VIEWS.find((v) => v.id === view)?.needsCase ? view : 'cases'];
  return (
    <div className="app">
      <header className="topbar">
        <div className="brand"><span className="logo" />SIGTRAIL</div>
        {caseInfo ? (
          <div className="casebadge" data-testid="case-badge">
            <span className="dim">case</span> <b>{caseInfo.name}</b>
            <span className="muted">{fmtNum(caseInfo.messages)} msgs · {fmtNum(caseInfo.alerts)} alerts</span>
            <span className="dim">{fmtTime(caseInfo.start, false)} → {fmtTime(caseInfo.end, false)}</span>
          </div>
        ) : (
          <div className="casebadge dim">no case open</div>
        )}
        <div className="spacer" />
        {running.map((j) => (
          <div key={j.jobId} className="row" style={{ width: 220 }} title={j.step}>
            <span className="dim" style={{ fontSize: 11 }}>{j.kind}</span>
            <div className="progress" style={{ flex: 1 }}><div style={{ width: `${j.bytesTotal ? (100 * j.bytesDone) / j.bytesTotal : 5}%` }} /></div>
          </div>
        ))}
        <span className="dim" style={{ fontSize: 11 }}>{host === 'web' ? 'local web host · 127.0.0.1' : 'desktop'}</span>
      </header>
      <nav className="nav">
        <div className="sect">Case</div>
        {VIEWS.map((v, i) => (
          <div key={v.id}>
            {i === 1 && <div className="sect">Analysis</div>}
            {i === 8 && <div className="sect">Training</div>}
            <button className={v.id === view ? 'on' : ''} disabled={v.needsCase && !caseInfo} onClick={() => ui().go(v.id)} data-view={v.id}>
              {v.label}
              <span className="key">Alt+{v.key}</span>
            </button>
          </div>
        ))}
      </nav>
      <main className="main">
        <View key={`${view}`} />
        {toast && (
          <div className={`toast ${toast.kind}`} role="alert" onClick={() => ui().set({ toast: null })}>
            {toast.text}
          </div>
        )}
      </main>
      <footer className="statusbar">
        <span>{caseInfo ? caseInfo.path : 'Open or create a case to begin'}</span>
        <span className="spacer" />
        <span>Sigtrail {app?.version ?? ''}</span>
        <span>offline · no data leaves this machine</span>
      </footer>
    </div>
  );
}
