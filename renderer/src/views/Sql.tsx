import { useState } from 'react';
import { call, saveText } from '../api/client.js';
import type { SqlResult } from '../../../shared/ipc/contract.js';
import { useUi } from '../store.js';
import { errText, fmtNum } from '../util.js';

const EXAMPLES: [string, string][] = [
  ['Messages per family', "SELECT family, count(*) AS messages\nFROM messages\nGROUP BY family\nORDER BY messages DESC"],
  ['Top MAP operations by calling GT', "SELECT calling_gt, op_name, count(*) AS n\nFROM messages\nWHERE family = 'map' AND comp_kind_name = 'invoke'\nGROUP BY ALL ORDER BY n DESC LIMIT 50"],
  ['Alerts by detector', 'SELECT detector, severity, count(*) AS n FROM alerts GROUP BY ALL ORDER BY n DESC'],
  ['Diameter result codes', "SELECT diam_cmd_name, result_code, count(*) AS n FROM messages WHERE family = 'diameter' GROUP BY ALL ORDER BY n DESC"],
  ['Tables in this case', 'SHOW TABLES'],
];

export function SqlView() {
  const { sqlText, set, notify } = useUi();
  const [res, setRes] = useState<SqlResult | null>(null);
  const [err, setErr] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setErr(null);
    try {
      setRes(await call('sql', { sql: sqlText, limit: 5000 }));
    } catch (e) {
      setErr(errText(e));
      setRes(null);
    } finally {
      setBusy(false);
    }
  };
  const csv = async () => {
    try {
      const r = await call('sqlCsv', { sql: sqlText });
      await saveText('sigtrail-query.csv', r.csv);
      notify(`Exported ${fmtNum(r.rows)} rows`, 'info');
    } catch (e) {
      notify(errText(e));
    }
  };
  return (
    <div className="view" data-testid="view-sql">
      <h1>SQL console <span className="dim" style={{ fontSize: 12, fontWeight: 400 }}>read-only, over the case (DuckDB SQL)</span></h1>
      <div className="row" style={{ marginBottom: 8 }}>
        {EXAMPLES.map(([l, s]) => <button key={l} className="chip" onClick={() => set({ sqlText: s })}>{l}</button>)}
      </div>
      <textarea className="input sql" value={sqlText} onChange={(e) => set({ sqlText: e.target.value })} onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); void run(); } }} spellCheck={false} data-testid="sql-text" />
      <div className="row" style={{ margin: '8px 0 12px' }}>
        <button className="btn primary" onClick={run} disabled={busy} data-testid="sql-run">Run (Ctrl+Enter)</button>
        <button className="btn" onClick={csv} disabled={busy}>Export CSV</button>
        {res && <span className="muted" data-testid="sql-status">{fmtNum(res.rows.length)} rows{res.truncated ? ' (first 5,000 shown)' : ''} · {res.ms.toFixed(1)} ms</span>}
      </div>
      {err && <div className="err" data-testid="sql-error">{err}</div>}
      {res && (
        <div className="panel" style={{ padding: 0, overflow: 'auto', maxHeight: 'calc(100vh - 360px)' }}>
          <table className="tbl mono" data-testid="sql-grid">
            <thead><tr>{res.columns.map((c, i) => <th key={i} title={res.types[i]}>{c}</th>)}</tr></thead>
            <tbody>{res.rows.map((r, i) => <tr key={i}>{r.map((v, j) => <td key={j} className={v === null ? 'dim' : ''}>{v === null ? 'NULL' : String(v)}</td>)}</tr>)}</tbody>
          </table>
        </div>
      )}
    </div>
  );
}
