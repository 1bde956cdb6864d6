import { useEffect, useState } from 'react';
import { call } from '../api/client.js';
import type { Overview } from '../../../shared/ipc/contract.js';
import { useUi } from '../store.js';
import { errText, FAMILY_COLOR, fmtNum, fmtTime, SEV_COLOR } from '../util.js';

function Histogram({ h }: { h: Overview['histogram'] }) {
  const k = h.families.length;
  const n = k ? h.counts.length / k : 0;
  if (!n) return <div className="empty">No messages.</div>;
  let max = 1;
  for (let b = 0; b < n; b++) {
    let s = 0;
    for (let f = 0; f < k; f++) s += h.counts[b * k + f]!;
    max = Math.max(max, s);
  }
  const W = 900, H = 190, bw = W / n;
  const bars: React.JSX.Element[] = [];
  for (let b = 0; b < n; b++) {
    let y = H;
    for (let f = 0; f < k; f++) {
      const v = h.counts[b * k + f]!;
      if (!v) continue;
      const bh = (v / max) * (H - 10);
      y -= bh;
      bars.push(<rect key={`${b}-${f}`} x={b * bw + 0.5} y={y} width={Math.max(1, bw - 1)} height={bh} fill={FAMILY_COLOR[h.families[f]!] ?? FAMILY_COLOR.other}><title>{`${fmtTime(h.bucketStart + b * h.bucketSeconds)} ${h.families[f]}: ${v}`}</title></rect>);
    }
  }
  return (
    <div>
      <svg viewBox={`0 0 ${W} ${H + 18}`} style={{ width: '100%', height: 210 }} data-testid="histogram">
        <line x1={0} y1={H} x2={W} y2={H} stroke="#2e3b4d" />
        {bars}
        <text x={0} y={H + 14} fill="#6b7a8c" fontSize={10}>{fmtTime(h.bucketStart, false)}</text>
        <text x={W} y={H + 14} fill="#6b7a8c" fontSize={10} textAnchor="end">{fmtTime(h.bucketStart + n * h.bucketSeconds, false)}</text>
        <text x={W / 2} y={H + 14} fill="#6b7a8c" fontSize={10} textAnchor="middle">bucket {h.bucketSeconds} s · peak {fmtNum(max)} msgs</text>
      </svg>
      <div className="legend">{h.families.map((f) => <span key={f}><i style={{ background: FAMILY_COLOR[f] ?? FAMILY_COLOR.other }} />{f}</span>)}</div>
    </div>
  );
}

export function OverviewView() {
  const { caseVersion, notify, go } = useUi();
  const [o, setO] = useState<Overview | null>(null);
  useEffect(() => {
    call('overview', { buckets: 120 }).then((x) => {
      setO(x);
      performance.mark('sigtrail-overview');
    }, (e) => notify(errText(e)));
  }, [caseVersion, notify]);
  if (!o) return <div className="view"><div className="empty">Loading overview…</div></div>;
  const maxSev = Math.max(1, ...o.alertsBySeverity.map((a) => a.count));
  return (
    <div className="view" data-testid="view-overview">
      <h1>Overview <span className="dim" style={{ fontSize: 12, fontWeight: 400 }}>{o.info.name} · {fmtTime(o.info.start)} → {fmtTime(o.info.end)}</span></h1>
      <div className="kpis">
        {o.counts.map((c) => (
          <div className="kpi" key={c.label} title={c.note}>
            <div className="v">{c.value === null ? '—' : fmtNum(c.value)}</div>
            <div className="l">{c.label}</div>
            {c.note && <div className="n">{c.note}</div>}
          </div>
        ))}
      </div>
      <div className="grid2" style={{ gridTemplateColumns: '2fr 1fr', marginBottom: 14 }}>
        <div className="panel">
          <h2>Message rate</h2>
          <Histogram h={o.histogram} />
        </div>
        <div className="panel">
          <h2>Alerts by severity</h2>
          {o.alertsBySeverity.map((a) => (
            <div key={a.severity} className="row" style={{ marginBottom: 6, cursor: 'pointer' }} onClick={() => go('alerts')}>
              <span className="sev" style={{ background: SEV_COLOR[a.severity], width: 70, textAlign: 'center' }}>{a.severity}</span>
              <div style={{ flex: 1, height: 12, background: '#0b0f14', borderRadius: 3 }}>
                <div style={{ width: `${(100 * a.count) / maxSev}%`, height: '100%', background: SEV_COLOR[a.severity], borderRadius: 3, opacity: 0.8 }} />
              </div>
              <span className="mono" style={{ width: 50, textAlign: 'right' }}>{fmtNum(a.count)}</span>
            </div>
          ))}
          <h2 style={{ marginTop: 16 }}>Protocol families</h2>
          {o.families.map((f) => (
            <div key={f.family} className="row mono" style={{ fontSize: 12 }}>
              <i style={{ width: 10, height: 10, background: FAMILY_COLOR[f.family] ?? FAMILY_COLOR.other, display: 'inline-block', borderRadius: 2 }} />
              <span style={{ width: 80 }}>{f.family}</span><span className="muted">{fmtNum(f.messages)}</span>
            </div>
          ))}
        </div>
      </div>
      <div className="panel">
        <h2>Top talkers</h2>
        <table className="tbl">
          <thead><tr><th>Node</th><th>Kind</th><th>Messages sent</th><th>Alerts (as attacker)</th></tr></thead>
          <tbody>
            {o.topTalkers.map((t) => (
              <tr key={t.id} className="clickable" onClick={() => go('graph', { nodeId: t.id })}>
                <td className="mono">{t.label}</td><td>{t.kind}</td><td>{fmtNum(t.messages)}</td>
                <td>{t.alerts ? <span className="sev" style={{ background: SEV_COLOR.high }}>{t.alerts}</span> : <span className="dim">0</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
