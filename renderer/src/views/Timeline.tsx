import { useEffect, useRef, useState } from 'react';
import { call } from '../api/client.js';
import type { SubscriberHit, TimelineData } from '../../../shared/ipc/contract.js';
import { TimelineModel, type Pick } from '../model/timeline-model.js';
import { useUi } from '../store.js';
import { errText, fmtNum, fmtTime, SEV_COLOR } from '../util.js';

export function TimelineView() {
  const { subscriber, caseVersion, notify, set, go } = useUi();
  const [q, setQ] = useState(subscriber?.imsi ?? subscriber?.msisdn ?? '');
  const [hits, setHits] = useState<SubscriberHit[]>([]);
  const [data, setData] = useState<TimelineData | null>(null);
  const [hover, setHover] = useState<{ p: Pick; x: number; y: number } | null>(null);
  const [brush, setBrush] = useState<[number, number] | null>(null);
  const [renderMs, setRenderMs] = useState(0);
  const canvas = useRef<HTMLCanvasElement>(null);
  const wrap = useRef<HTMLDivElement>(null);
  const model = useRef<TimelineModel | null>(null);

  useEffect(() => {
    const m = new TimelineModel(canvas.current!);
    model.current = m;
    m.onPick = (p) => go('ladder', { ladder: { evidence: p.evidence, frame: p.frame }, ladderFocus: { evidence: p.evidence, frame: p.frame } });
    m.onBrush = (r) => setBrush(r);
    m.onHover = (p, x, y) => setHover(p ? { p, x, y } : null);
    const ro = new ResizeObserver(() => {
      const w = wrap.current!.clientWidth;
      canvas.current!.width = Math.max(600, w);
      canvas.current!.height = m.height();
      m.render();
    });
    ro.observe(wrap.current!);
    return () => {
      ro.disconnect();
      m.destroy();
    };
  }, [go]);

  useEffect(() => {
    const t = setTimeout(() => {
      call('subscriberSearch', { q, limit: 30 }).then(setHits, (e) => notify(errText(e)));
    }, 200);
    return () => clearTimeout(t);
  }, [q, caseVersion, notify]);

  useEffect(() => {
    if (!subscriber || (!subscriber.imsi && !subscriber.msisdn)) return;
    const args: { imsi?: string; msisdn?: string } = {};
    if (subscriber.imsi) args.imsi = subscriber.imsi;
    else if (subscriber.msisdn) args.msisdn = subscriber.msisdn;
    call('timeline', args).then((d) => {
      setData(d);
      setBrush(null);
      const t0 = performance.now();
      model.current?.setData(d);
      setRenderMs(performance.now() - t0);
      performance.mark('sigtrail-timeline');
    }, (e) => notify(errText(e)));
  }, [subscriber, caseVersion, notify]);

  return (
    <div className="view fill" data-testid="view-timeline">
      <div className="toolbar">
        <b>Subscriber timeline</b>
        <input className="input mono" style={{ width: 260 }} placeholder="IMSI or MSISDN (prefix)" value={q} onChange={(e) => setQ(e.target.value)} data-testid="sub-search" />
        {data && (
          <span className="muted mono">
            {data.subscriber.imsi ? `IMSI ${data.subscriber.imsi}` : ''} {data.subscriber.msisdn ? `MSISDN ${data.subscriber.msisdn}` : ''} · {fmtNum(data.events.ts.length)} events{data.truncated ? ' (truncated)' : ''} · render {renderMs.toFixed(1)} ms
          </span>
        )}
        <span className="spacer" />
        {brush && (
          <>
            <span className="mono dim" style={{ fontSize: 11 }}>{fmtTime(brush[0])} → {fmtTime(brush[1])}</span>
            <button className="btn small" onClick={() => model.current?.zoomTo(brush[0], brush[1])}>Zoom to selection</button>
            <button className="btn small primary" onClick={() => data && go('ladder', { ladder: { ...(data.subscriber.imsi ? { imsi: data.subscriber.imsi } : { msisdn: data.subscriber.msisdn! }), from: brush[0], to: brush[1] } })}>Ladder of selection</button>
          </>
        )}
        <button className="btn small" disabled={!data} onClick={() => data && model.current?.setData(data)}>Reset zoom</button>
      </div>
      <div style={{ display: 'grid', gridTemplateColumns: '260px 1fr', flex: 1, minHeight: 0 }}>
        <div style={{ borderRight: '1px solid var(--line)', overflow: 'auto', background: 'var(--bg1)' }}>
          <table className="tbl" data-testid="sub-hits">
            <thead><tr><th>Subscriber</th><th>msgs</th></tr></thead>
            <tbody>
              {hits.map((h) => (
                <tr key={`${h.imsi}-${h.msisdn}`} className={`clickable ${subscriber && ((subscriber.imsi && subscriber.imsi === h.imsi) || (!subscriber.imsi && subscriber.msisdn === h.msisdn)) ? 'sel' : ''}`} onClick={() => set({ subscriber: h.imsi ? { imsi: h.imsi } : { msisdn: h.msisdn ?? undefined } })}>
                  <td className="mono">{h.imsi ?? '—'}<br /><span className="dim">{h.msisdn ?? ''}</span></td>
                  <td>{fmtNum(h.messages)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {hits.length === 0 && <div className="dim" style={{ padding: 12 }}>No subscribers match.</div>}
        </div>
        <div style={{ overflow: 'auto', minWidth: 0 }}>
          <div ref={wrap} style={{ position: 'relative' }}>
            <canvas ref={canvas} style={{ display: 'block', cursor: 'crosshair' }} data-testid="timeline-canvas" />
            {hover && (
              <div className="panel mono" style={{ position: 'absolute', left: Math.min(hover.x + 14, (wrap.current?.clientWidth ?? 800) - 300), top: hover.y + 14, pointerEvents: 'none', fontSize: 11, padding: '6px 8px', zIndex: 5 }}>
                <b>{hover.p.op}</b> · {hover.p.lane}<br />{fmtTime(hover.p.ts)}<br />frame {hover.p.frame} (evidence {hover.p.evidence}) · click for the ladder
              </div>
            )}
            {!subscriber && <div className="empty" style={{ position: 'absolute', top: 120, left: 0, right: 0 }}>Pick a subscriber on the left (search by IMSI or MSISDN).</div>}
          </div>
          <div className="dim" style={{ padding: '4px 12px', fontSize: 11 }}>wheel: zoom · drag: pan · shift+drag: select a range · click an event: open its dialogue</div>
          {data && (
            <div className="grid2" style={{ padding: 12 }}>
              <div className="panel">
                <h2>Location track</h2>
                <table className="tbl">
                  <thead><tr><th>Time</th><th>Serving node</th><th>Country</th><th>Speed</th></tr></thead>
                  <tbody>
                    {data.locations.slice(0, 200).map((l, i) => (
                      <tr key={i} className="clickable" onClick={() => model.current?.zoomTo(l.ts - 60, l.ts + 60)}>
                        <td className="mono">{fmtTime(l.ts)}</td><td className="mono">{l.node}</td><td>{l.country ?? '—'}</td>
                        <td style={{ color: l.speedKmh !== null && l.speedKmh > 1000 ? '#ff9aae' : undefined }}>{l.speedKmh === null ? '—' : `${fmtNum(Math.round(l.speedKmh))} km/h`}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {data.locations.length === 0 && <div className="dim">No location-bearing messages.</div>}
              </div>
              <div className="panel">
                <h2>Alerts on this subscriber</h2>
                {data.alerts.map((a) => (
                  <div key={a.id} className="row" style={{ marginBottom: 4 }}>
                    <span className="sev" style={{ background: SEV_COLOR[a.severity] }}>{a.severity}</span>
                    <a onClick={() => go('alerts', { alertId: a.id })}>{a.title}</a>
                    <span className="dim mono" style={{ fontSize: 11 }}>{fmtTime(a.ts, false)}</span>
                  </div>
                ))}
                {data.alerts.length === 0 && <div className="dim">None.</div>}
              </div>
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
