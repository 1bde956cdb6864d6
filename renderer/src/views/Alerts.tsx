import { useEffect, useState } from 'react';
import { call, saveText } from '../api/client.js';
import { SEVERITIES, TRIAGE_STATUSES, type AlertDetail, type AlertItem } from '../../../shared/ipc/contract.js';
import type { Severity, TriageStatus } from '../../../shared/model/alert.js';
import { useUi } from '../store.js';
import { errText, fmtTime, SEV_COLOR } from '../util.js';

export function AlertsView() {
  const { alertId, caseVersion, notify, set, go } = useUi();
  const [list, setList] = useState<AlertItem[]>([]);
  const [status, setStatus] = useState<TriageStatus | ''>('');
  const [sev, setSev] = useState<Severity | ''>('');
  const [text, setText] = useState('');
  const [d, setD] = useState<AlertDetail | null>(null);
  const [form, setForm] = useState<{ status: TriageStatus; tags: string; note: string }>({ status: 'new', tags: '', note: '' });
  const [saving, setSaving] = useState(false);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    const a: { status?: TriageStatus; severity?: Severity; q?: string } = {};
    if (status) a.status = status;
    if (sev) a.severity = sev;
    if (text) a.q = text;
    call('alerts', a).then(setList, (e) => notify(errText(e)));
  }, [status, sev, text, caseVersion, reload, notify]);

  useEffect(() => {
    if (!alertId) return setD(null);
    call('alertDetail', { id: alertId }).then((x) => {
      setD(x);
      setForm({ status: x.status, tags: x.tags.join(', '), note: x.note });
    }, (e) => notify(errText(e)));
  }, [alertId, caseVersion, reload, notify]);

  const save = async () => {
    if (!d) return;
    setSaving(true);
    try {
      await call('triageSet', { alertId: d.id, status: form.status, tags: form.tags.split(',').map((s) => s.trim()).filter(Boolean), note: form.note });
      notify('Triage saved in the case', 'info');
      setReload((r) => r + 1);
    } catch (e) {
      notify(errText(e));
    } finally {
      setSaving(false);
    }
  };
  const [exporting, setExporting] = useState(false);
  const report = async () => {
    setExporting(true);
    try {
      const r = await call('reportExport', { format: 'html' });
      await saveText(r.fileName, r.text, 'text/html');
      notify(`Case report written: ${r.alerts} alerts`, 'info');
    } catch (e) {
      notify(errText(e));
    } finally {
      setExporting(false);
    }
  };
  const first = d?.evidenceFrames.find((f) => f.row);

  return (
    <div className="view fill" data-testid="view-alerts">
      <div className="toolbar">
        <b>Alerts</b>
        <select className="input" value={status} onChange={(e) => setStatus(e.target.value as TriageStatus | '')} data-testid="alert-status-filter">
          <option value="">all statuses</option>
          {TRIAGE_STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
        <select className="input" value={sev} onChange={(e) => setSev(e.target.value as Severity | '')}>
          <option value="">all severities</option>
          {SEVERITIES.slice().reverse().map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
        <input className="input" placeholder="search title, detector, GT, IMSI, tag" value={text} onChange={(e) => setText(e.target.value)} style={{ width: 260 }} />
        <span className="muted">{list.length} alerts</span>
        <button className="btn" style={{ marginLeft: 'auto' }} onClick={report} disabled={exporting} title="Every alert with its triage state, rule trace and evidence frames, the evidence files with their SHA-256, the detectors' descriptions and the audit log, as one HTML file" data-testid="report-export">
          {exporting ? 'Writing report…' : 'Case report'}
        </button>
      </div>
      <div className="split" style={{ gridTemplateColumns: 'minmax(520px, 1.25fr) minmax(420px, 1fr)' }}>
        <div>
          <table className="tbl" data-testid="alert-list">
            <thead><tr><th>Sev</th><th>Title</th><th>Victim</th><th>Time</th><th>Status</th></tr></thead>
            <tbody>
              {list.map((a) => (
                <tr key={a.id} className={`clickable ${a.id === alertId ? 'sel' : ''}`} onClick={() => set({ alertId: a.id })} data-alert={a.id}>
                  <td><span className="sev" style={{ background: SEV_COLOR[a.severity] }}>{a.severity}</span></td>
                  <td title={`${a.title}\n${a.detector} · attacker ${a.attacker}`} style={{ maxWidth: 300 }}>{a.title}<div className="dim mono" style={{ fontSize: 10.5 }}>{a.detector} · {a.attacker}</div></td>
                  <td className="mono" style={{ maxWidth: 200 }}>{a.victim}</td>
                  <td className="mono dim">{fmtTime(a.start, false)}</td>
                  <td><span className={`status ${a.status}`}>{a.status}</span>{a.tags.map((t) => <span key={t} className="tag" style={{ marginLeft: 4 }}>{t}</span>)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {list.length === 0 && <div className="empty">No alerts{status || sev || text ? ' match the filters' : ' in this case (run detection on import)'}.</div>}
        </div>
        <div className="side" data-testid="alert-detail">
          {!d && <div className="dim">Select an alert for its rule trace, evidence and triage.</div>}
          {d && (
            <>
              <div className="row" style={{ marginBottom: 6 }}>
                <span className="sev" style={{ background: SEV_COLOR[d.severity] }}>{d.severity}</span>
                <span className="badge">{d.category}</span>
                {d.techniques.map((t) => <span key={t} className="badge">{t}</span>)}
              </div>
              <h1 style={{ fontSize: 16 }}>{d.title}</h1>
              <div className="kv" style={{ marginBottom: 10 }}>
                <div>detector</div><div>{d.detector}</div>
                <div>time</div><div>{fmtTime(d.start)} → {fmtTime(d.end)}</div>
                <div>attacker</div><div>{d.attacker}</div>
                <div>victim</div><div>{d.victim}</div>
                <div>alert id</div><div>{d.id}</div>
              </div>
              <div className="row" style={{ marginBottom: 12 }}>
                <button className="btn small" disabled={!d.victimImsi && !d.victimMsisdn} onClick={() => go('timeline', { subscriber: d.victimImsi ? { imsi: d.victimImsi } : { msisdn: d.victimMsisdn! } })} data-testid="to-timeline">Subscriber timeline</button>
                <button className="btn small" disabled={!d.graphNode} onClick={() => go('graph', { nodeId: d.graphNode })} data-testid="to-graph">Show attacker in graph</button>
                <button className="btn small" disabled={!first} onClick={() => first && go('ladder', { ladder: { evidence: first.evidence || String(first.row?.evidence_id), frame: first.frame }, ladderFocus: { evidence: first.evidence || String(first.row?.evidence_id), frame: first.frame } })} data-testid="to-ladder">Dialogue ladder</button>
              </div>
              <h2>Rule trace</h2>
              <div className="trace" style={{ marginBottom: 12 }}>{d.explanation || '—'}</div>
              {Object.keys(d.facts).length > 0 && (
                <div className="kv" style={{ marginBottom: 12 }}>
                  {Object.entries(d.facts).map(([k, v]) => [<div key={`k${k}`}>{k}</div>, <div key={`v${k}`}>{String(v)}</div>])}
                </div>
              )}
              <h2>Triage</h2>
              <div className="col panel" style={{ marginBottom: 12 }}>
                <div className="row">
                  <span className="dim" style={{ width: 50 }}>status</span>
                  <select className="input" value={form.status} onChange={(e) => setForm({ ...form, status: e.target.value as TriageStatus })} data-testid="triage-status">
                    {TRIAGE_STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
                  </select>
                </div>
                <div className="row">
                  <span className="dim" style={{ width: 50 }}>tags</span>
                  <input className="input" style={{ flex: 1 }} value={form.tags} onChange={(e) => setForm({ ...form, tags: e.target.value })} placeholder="comma-separated" data-testid="triage-tags" />
                </div>
                <textarea className="input" rows={3} value={form.note} onChange={(e) => setForm({ ...form, note: e.target.value })} placeholder="analyst note (saved in the case)" data-testid="triage-note" />
                <div className="row"><button className="btn primary" disabled={saving} onClick={save} data-testid="triage-save">Save triage</button></div>
              </div>
              <h2>Evidence frames ({d.frames})</h2>
              <table className="tbl" style={{ marginBottom: 12 }}>
                <thead><tr><th>ev</th><th>frame</th><th>time</th><th>operation</th><th>from → to</th></tr></thead>
                <tbody>
                  {d.evidenceFrames.map((f) => (
                    <tr key={`${f.evidence}-${f.frame}`} className="clickable" onClick={() => go('ladder', { ladder: { evidence: f.evidence || String(f.row?.evidence_id), frame: f.frame }, ladderFocus: { evidence: f.evidence || String(f.row?.evidence_id), frame: f.frame } })}>
                      <td>{f.evidence || String(f.row?.evidence_id ?? '')}</td><td>{f.frame}</td>
                      <td className="mono">{f.row ? fmtTime(Number(f.row.ts)) : '—'}</td>
                      <td className="mono">{f.row ? String(f.row.op_name ?? f.row.diam_cmd_name ?? f.row.family) : 'not in case'}</td>
                      <td className="mono dim">{f.row ? `${f.row.calling_gt ?? f.row.origin_host ?? f.row.opc ?? ''} → ${f.row.called_gt ?? f.row.dest_host ?? f.row.dpc ?? ''}` : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {d.history.length > 0 && (
                <>
                  <h2>History</h2>
                  {d.history.map((h, i) => <div key={i} className="mono dim" style={{ fontSize: 11 }}>{h.at} · {h.action} · {h.detail}</div>)}
                </>
              )}
            </>
          )}
        </div>
      </div>
    </div>
  );
}
