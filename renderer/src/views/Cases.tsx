import { useEffect, useState } from 'react';
import { call, dialogs, fileToPath, host } from '../api/client.js';
import type { EvidenceItem, RecentCase } from '../../../shared/ipc/contract.js';
import { useUi } from '../store.js';
import { errText, fmtBytes, fmtNum, fmtTime } from '../util.js';
import { JobCard } from '../components/JobCard.js';

export function CasesView() {
  const { app, caseInfo, jobs, caseVersion, notify, set } = useUi();
  const [recent, setRecent] = useState<RecentCase[]>([]);
  const [evidence, setEvidence] = useState<EvidenceItem[]>([]);
  const [openPath, setOpenPath] = useState('');
  const [newName, setNewName] = useState('');
  const [importPaths, setImportPaths] = useState('');
  const [over, setOver] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    call('caseRecent', {}).then(setRecent, (e) => notify(errText(e)));
  }, [caseVersion, notify]);
  useEffect(() => {
    if (!caseInfo) return setEvidence([]);
    call('evidenceList', {}).then(setEvidence, (e) => notify(errText(e)));
  }, [caseInfo, caseVersion, notify]);

  const open = async (path: string) => {
    setBusy(true);
    try {
      const info = await call('caseOpen', { path });
      set({ caseInfo: info, caseVersion: useUi.getState().caseVersion + 1, alertId: null, nodeId: null, subscriber: null, ladder: null });
    } catch (e) {
      notify(errText(e));
    } finally {
      setBusy(false);
    }
  };
  const create = async (path: string) => {
    setBusy(true);
    try {
      const info = await call('caseCreate', { path });
      set({ caseInfo: info, caseVersion: useUi.getState().caseVersion + 1 });
      notify(`Case created: ${info.path}`, 'info');
    } catch (e) {
      notify(errText(e));
    } finally {
      setBusy(false);
    }
  };
  const startImport = async (files: string[]) => {
    if (!files.length) return;
    try {
      const { jobId } = await call('importStart', { files });
      const j = await call('jobStatus', { jobId });
      if (j) useUi.getState().setJob(j);
    } catch (e) {
      notify(errText(e));
    }
  };
  const onDrop = async (ev: React.DragEvent) => {
    ev.preventDefault();
    setOver(false);
    try {
      const paths: string[] = [];
      for (const f of Array.from(ev.dataTransfer.files)) paths.push(await fileToPath(f));
      await startImport(paths);
    } catch (e) {
      notify(errText(e));
    }
  };
  const onPick = async (ev: React.ChangeEvent<HTMLInputElement>) => {
    try {
      const paths: string[] = [];
      for (const f of Array.from(ev.target.files ?? [])) paths.push(await fileToPath(f));
      ev.target.value = '';
      await startImport(paths);
    } catch (e) {
      notify(errText(e));
    }
  };
  const importJobs = Object.values(jobs).sort((a, b) => b.startedAt - a.startedAt).slice(0, 6);

  return (
    <div className="view" data-testid="view-cases">
      <h1>Cases</h1>
      <div className="grid2" style={{ marginBottom: 14 }}>
        <div className="panel col">
          <h2>Open a case</h2>
          <div className="row">
            <input className="input" style={{ flex: 1 }} placeholder="/path/to/case.duckdb" value={openPath} onChange={(e) => setOpenPath(e.target.value)} data-testid="open-path" onKeyDown={(e) => e.key === 'Enter' && openPath && open(openPath)} />
            <button className="btn primary" disabled={!openPath || busy} onClick={() => open(openPath)} data-testid="open-btn">Open</button>
            {dialogs && <button className="btn" onClick={async () => { const p = await dialogs!.openCase(); if (p) await open(p); }}>Browse…</button>}
          </div>
          {app?.demoCase && (
            <div className="row">
              <button className="btn" onClick={() => open(app.demoCase!)} data-testid="open-demo">Open the demo case</button>
              <span className="dim mono">{app.demoCase}</span>
            </div>
          )}
          <h2 style={{ marginTop: 8 }}>New case</h2>
          <div className="row">
            <input className="input" style={{ flex: 1 }} placeholder={`name, or full path ending in .duckdb (default folder ${app?.casesDir ?? ''})`} value={newName} onChange={(e) => setNewName(e.target.value)} data-testid="new-name" />
            <button className="btn" disabled={!newName || busy} onClick={() => create(newName)} data-testid="create-btn">Create</button>
            {dialogs && <button className="btn" onClick={async () => { const p = await dialogs!.newCase(); if (p) await create(p); }}>Save as…</button>}
          </div>
        </div>
        <div className="panel">
          <h2>Recent cases</h2>
          {recent.length === 0 && <div className="dim">None yet.</div>}
          <table className="tbl">
            <tbody>
              {recent.map((r) => (
                <tr key={r.path} className="clickable" onClick={() => r.exists && open(r.path)} style={{ opacity: r.exists ? 1 : 0.4 }}>
                  <td><b>{r.name}</b></td>
                  <td className="mono dim" title={r.path}>{r.path}</td>
                  <td className="dim">{r.exists ? new Date(r.openedAt).toLocaleString() : 'missing'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>

      <div className="panel" style={{ marginBottom: 14 }}>
        <h2>Import captures and metadata {caseInfo ? <span className="dim">into {caseInfo.name}</span> : <span className="dim">(open a case first)</span>}</h2>
        <div className={`drop ${over ? 'over' : ''}`} onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)} onDrop={onDrop}>
          Drop pcap / pcapng / .gz captures, Sigtrail NDJSON, tshark EK/TSV, CSV or Parquet here
          <div className="row" style={{ justifyContent: 'center', marginTop: 10 }}>
            {dialogs ? (
              <button className="btn" disabled={!caseInfo} onClick={async () => startImport(await dialogs!.importFiles())}>Choose files…</button>
            ) : (
              <label className="btn" style={{ opacity: caseInfo ? 1 : 0.45 }}>
                Upload files…
                <input type="file" multiple hidden disabled={!caseInfo} onChange={onPick} data-testid="upload-input" />
              </label>
            )}
          </div>
        </div>
        <div className="row" style={{ marginTop: 10 }}>
          <input className="input mono" style={{ flex: 1 }} placeholder={host === 'web' ? 'or paths on this machine, one per line or comma-separated' : 'or file paths, comma-separated'} value={importPaths} onChange={(e) => setImportPaths(e.target.value)} data-testid="import-paths" />
          <button className="btn primary" disabled={!caseInfo || !importPaths.trim()} onClick={() => startImport(importPaths.split(/[\n,]/).map((s) => s.trim()).filter(Boolean))} data-testid="import-btn">Import</button>
        </div>
        <div style={{ marginTop: 12 }}>
          {importJobs.map((j) => <JobCard key={j.jobId} job={j} />)}
        </div>
      </div>

      {caseInfo && (
        <div className="panel" style={{ overflowX: 'auto' }}>
          <h2>Evidence ({evidence.length})</h2>
          <table className="tbl" data-testid="evidence-table">
            <thead>
              <tr><th>#</th><th>File</th><th>Type</th><th>Size</th><th>Messages</th><th>Span</th><th>SHA-256</th><th>Status</th><th>Imported</th></tr>
            </thead>
            <tbody>
              {evidence.map((e) => (
                <tr key={e.id}>
                  <td>{e.id}</td>
                  <td title={e.path}><b>{e.name}</b></td>
                  <td>{e.kind ?? '—'}</td>
                  <td>{fmtBytes(e.size)}</td>
                  <td>{fmtNum(e.messages)}</td>
                  <td className="mono dim">{fmtTime(e.start, false)} → {fmtTime(e.end, false)}</td>
                  <td className="mono" title={e.sha256 ?? ''}>{e.sha256 ? `${e.sha256.slice(0, 16)}…` : '—'}</td>
                  <td>{e.status ?? '—'}</td>
                  <td className="dim">{e.importedAt ? e.importedAt.replace('T', ' ').slice(0, 19) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {evidence.length === 0 && <div className="dim" style={{ marginTop: 8 }}>No evidence yet: import a capture above.</div>}
        </div>
      )}
    </div>
  );
}
