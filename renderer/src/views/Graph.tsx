import { useEffect, useRef, useState } from 'react';
import { call } from '../api/client.js';
import type { GraphData, NodeDetail } from '../../../shared/ipc/contract.js';
import { GraphModel } from '../model/graph-model.js';
import { useUi } from '../store.js';
import { errText, fmtNum, fmtTime, SEV_COLOR } from '../util.js';

export function GraphView() {
  const { nodeId, graphFamilies, graphWindow, caseVersion, notify, set, go } = useUi();
  const box = useRef<HTMLDivElement>(null);
  const model = useRef<GraphModel | null>(null);
  const [data, setData] = useState<GraphData | null>(null);
  const [groups, setGroups] = useState<{ name: string; color: string; count: number }[]>([]);
  const [detail, setDetail] = useState<NodeDetail | null>(null);
  const [win, setWin] = useState<[number, number]>([0, 1000]);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    const m = new GraphModel(box.current!);
    m.onSelect = (id) => useUi.getState().set({ nodeId: id });
    model.current = m;
    return () => {
      m.destroy();
      model.current = null;
    };
  }, []);

  useEffect(() => {
    let stale = false;
    setLoading(true);
    const args: { families?: string[]; from?: number; to?: number; limit: number } = { limit: 5000 };
    if (graphFamilies.length) args.families = graphFamilies;
    if (graphWindow) [args.from, args.to] = graphWindow;
    const t0 = performance.now();
    call('graph', args).then((d) => {
      if (stale || !model.current) return;
      setData(d);
      setGroups(model.current.setData(d));
      const ms = performance.now() - t0;
      performance.measure?.('sigtrail-graph', { start: t0, duration: ms });
      setLoading(false);
      const sel = useUi.getState().nodeId;
      if (sel) {
        model.current.select(sel);
        model.current.focus(sel);
      }
    }, (e) => {
      setLoading(false);
      notify(errText(e));
    });
    return () => {
      stale = true;
    };
  }, [graphFamilies, graphWindow, caseVersion, notify]);

  useEffect(() => {
    model.current?.select(nodeId);
    if (!nodeId) return setDetail(null);
    call('nodeDetail', { id: nodeId }).then(setDetail, (e) => notify(errText(e)));
  }, [nodeId, notify]);

  const range = data?.timeRange;
  const toTs = (v: number) => (range ? range.start + ((range.end - range.start) * v) / 1000 : 0);
  const toggle = (f: string) => set({ graphFamilies: graphFamilies.includes(f) ? graphFamilies.filter((x) => x !== f) : [...graphFamilies, f] });

  return (
    <div className="view fill" data-testid="view-graph">
      <div className="toolbar">
        <b>Signaling-point graph</b>
        <span className="dim">{data ? `${fmtNum(data.nodes.length)} nodes · ${fmtNum(data.edges.length)} links${data.truncated ? ' (strongest 5,000 nodes)' : ''}` : ''}</span>
        <span className="dim">|</span>
        <span className="muted">families</span>
        <span className="chips">
          {(data?.families ?? []).map((f) => (
            <button key={f} className={`chip ${graphFamilies.length === 0 || graphFamilies.includes(f) ? 'on' : ''}`} onClick={() => toggle(f)}>{f}</button>
          ))}
          {graphFamilies.length > 0 && <button className="chip" onClick={() => set({ graphFamilies: [] })}>all</button>}
        </span>
      </div>
      <div className="toolbar">
        <span className="muted">time window</span>
        <input type="range" min={0} max={1000} value={win[0]} onChange={(e) => setWin([Math.min(Number(e.target.value), win[1]), win[1]])} style={{ width: 180 }} data-testid="win-from" />
        <input type="range" min={0} max={1000} value={win[1]} onChange={(e) => setWin([win[0], Math.max(Number(e.target.value), win[0])])} style={{ width: 180 }} data-testid="win-to" />
        <span className="mono dim" style={{ fontSize: 11 }}>{range ? `${fmtTime(toTs(win[0]), false)} → ${fmtTime(toTs(win[1]), false)}` : ''}</span>
        <button className="btn small" disabled={!range} onClick={() => set({ graphWindow: win[0] === 0 && win[1] === 1000 ? null : [toTs(win[0]), toTs(win[1])] })}>Apply</button>
        <button className="btn small" onClick={() => { setWin([0, 1000]); set({ graphWindow: null }); }}>Reset</button>
        <span className="spacer" />
        <button className="btn small" onClick={() => model.current?.fitAll()}>Fit</button>
        <span className="legend">
          {Object.entries(SEV_COLOR).map(([s, c]) => <span key={s}><i style={{ background: 'transparent', border: `2px solid ${c}` }} />{s}</span>)}
        </span>
      </div>
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 340px', flex: 1, minHeight: 0 }}>
        <div style={{ position: 'relative', minHeight: 0, background: 'radial-gradient(circle at 50% 40%, #111a24, #0b0f14)' }}>
          <div ref={box} style={{ position: 'absolute', inset: 0 }} data-testid="graph-canvas" />
          {loading && <div style={{ position: 'absolute', left: 12, top: 10 }} className="dim">loading graph…</div>}
          {data && data.nodes.length === 0 && !loading && <div className="empty" style={{ position: 'absolute', inset: 0 }}>No signaling points in this selection.</div>}
          <div className="legend" style={{ position: 'absolute', left: 10, bottom: 8, maxWidth: '70%' }}>
            {groups.slice(0, 14).map((g) => <span key={g.name}><i style={{ background: g.color }} />{g.name} ({g.count})</span>)}
          </div>
        </div>
        <div className="side" data-testid="node-detail">
          {!detail && <div className="dim">Click a node for its details, peers and alerts.</div>}
          {detail?.node && (
            <>
              <h2>{detail.node.kind === 'gt' ? 'Global title' : detail.node.kind === 'pc' ? 'Point code' : detail.node.kind === 'host' ? 'Diameter host' : 'IP endpoint'}</h2>
              <div style={{ fontSize: 16, fontWeight: 600, color: '#fff', marginBottom: 8 }} className="mono">{detail.node.label}</div>
              <div className="kv" style={{ marginBottom: 12 }}>
                <div>network</div><div>{detail.node.network ?? '—'}</div>
                <div>country</div><div>{detail.node.country ?? '—'}</div>
                <div>role</div><div>{detail.node.role ?? '—'}</div>
                <div>messages</div><div>{fmtNum(detail.node.messages)}</div>
                <div>alerts</div><div>{detail.node.alerts}</div>
              </div>
            </>
          )}
          {detail && (
            <>
              {detail.alerts.length > 0 && (
                <>
                  <h2>Alerts</h2>
                  {detail.alerts.slice(0, 20).map((a) => (
                    <div key={a.id} className="row" style={{ marginBottom: 4, cursor: 'pointer' }} onClick={() => go('alerts', { alertId: a.id })}>
                      <span className="sev" style={{ background: SEV_COLOR[a.severity] }}>{a.severity}</span>
                      <a>{a.title}</a>
                    </div>
                  ))}
                </>
              )}
              <h2 style={{ marginTop: 12 }}>Peers</h2>
              <table className="tbl">
                <thead><tr><th>Peer</th><th>sent →</th><th>← recv</th></tr></thead>
                <tbody>
                  {detail.peers.map((p) => (
                    <tr key={p.id} className="clickable" onClick={() => { set({ nodeId: p.id }); model.current?.focus(p.id); }}>
                      <td className="mono">{p.label}</td><td>{fmtNum(p.sent)}</td><td>{fmtNum(p.received)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <h2 style={{ marginTop: 12 }}>Operations</h2>
              <table className="tbl">
                <tbody>{detail.operations.map((o) => <tr key={o.name}><td className="mono">{o.name}</td><td>{fmtNum(o.count)}</td></tr>)}</tbody>
              </table>
            </>
          )}
        </div>
      </div>
    </div>
  );
}
