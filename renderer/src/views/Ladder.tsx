import { useEffect, useState } from 'react';
import { call } from '../api/client.js';
import type { LadderData, LadderMessage } from '../../../shared/ipc/contract.js';
import { FrameDetail } from '../components/FrameDetail.js';
import { useUi } from '../store.js';
import { errText, FAMILY_COLOR, fmtTime } from '../util.js';

export function LadderView() {
  const { ladder, ladderFocus, caseVersion, notify, set } = useUi();
  const [data, setData] = useState<LadderData | null>(null);
  const [sel, setSel] = useState<LadderMessage | null>(null);
  const [ev, setEv] = useState('');
  const [fr, setFr] = useState('');

  useEffect(() => {
    if (!ladder) return;
    setData(null);
    call('ladder', ladder).then((d) => {
      setData(d);
      const f = useUi.getState().ladderFocus ?? ('frame' in ladder ? ladder : null);
      setSel((f && d.messages.find((m) => m.frame === f.frame && m.evidence === f.evidence)) ?? d.messages[0] ?? null);
    }, (e) => notify(errText(e)));
  }, [ladder, caseVersion, notify]);

  const colW = 190, rowH = 30, top = 56, left = 90;
  const parties = data?.parties ?? [];
  const W = left + Math.max(1, parties.length) * colW;
  const H = top + (data?.messages.length ?? 0) * rowH + 20;
  const t0 = data?.messages[0]?.ts ?? 0;

  return (
    <div className="view fill" data-testid="view-ladder">
      <div className="toolbar">
        <b>Dialogue ladder</b>
        <span className="muted">{data?.title ?? (ladder ? 'loading…' : '')}</span>
        {data?.truncated && <span className="badge">first 500 messages</span>}
        <span className="spacer" />
        <span className="dim">evidence</span>
        <input className="input mono" style={{ width: 60 }} value={ev} onChange={(e) => setEv(e.target.value)} placeholder="1" />
        <span className="dim">frame</span>
        <input className="input mono" style={{ width: 90 }} value={fr} onChange={(e) => setFr(e.target.value)} placeholder="frame" onKeyDown={(e) => e.key === 'Enter' && Number(fr) > 0 && set({ ladder: { evidence: ev || '1', frame: Number(fr) }, ladderFocus: null })} />
        <button className="btn small" disabled={!(Number(fr) > 0)} onClick={() => set({ ladder: { evidence: ev || '1', frame: Number(fr) }, ladderFocus: null })}>Show</button>
      </div>
      <div className="split" style={{ gridTemplateColumns: '1fr 460px', flex: 1 }}>
        <div className="ladder" style={{ overflow: 'auto', background: '#0b0f14' }}>
          {!ladder && <div className="empty">Open a dialogue from an alert, the timeline or the message table — or give an evidence id and frame above.</div>}
          {data && (
            <svg width={W} height={H} data-testid="ladder-svg">
              {parties.map((p, i) => (
                <g key={p}>
                  <rect x={left + i * colW + 10} y={8} width={colW - 20} height={30} rx={4} fill="#151c25" stroke="#2e3b4d" />
                  <text x={left + i * colW + colW / 2} y={27} textAnchor="middle" fill="#e6edf5">{p.length > 24 ? `${p.slice(0, 23)}…` : p}</text>
                  <line x1={left + i * colW + colW / 2} y1={40} x2={left + i * colW + colW / 2} y2={H} stroke="#243040" strokeDasharray="3 4" />
                </g>
              ))}
              <defs>
                <marker id="arr" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="context-stroke" /></marker>
              </defs>
              {data.messages.map((m, i) => {
                const a = parties.indexOf(m.from), b = parties.indexOf(m.to);
                const y = top + i * rowH + 10;
                const x1 = left + a * colW + colW / 2, x2 = left + b * colW + colW / 2;
                const on = sel && sel.frame === m.frame && sel.msgIdx === m.msgIdx && sel.compIdx === m.compIdx && sel.evidence === m.evidence;
                const col = m.error ? '#ff4d6d' : FAMILY_COLOR[m.family] ?? '#8ba0b5';
                return (
                  <g key={`${m.evidence}-${m.frame}-${m.msgIdx}-${m.compIdx}`} style={{ cursor: 'pointer' }} onClick={() => setSel(m)} data-frame={m.frame}>
                    <rect x={0} y={y - 14} width={W} height={rowH - 2} fill={on ? '#17324a' : 'transparent'} />
                    <text x={6} y={y + 4} fill="#6b7a8c">{`+${(m.ts - t0).toFixed(3)}s`}</text>
                    {a === b ? (
                      <path d={`M${x1},${y - 4} h40 v10 h-40`} fill="none" stroke={col} strokeWidth={1.6} markerEnd="url(#arr)" />
                    ) : (
                      <line x1={x1} y1={y} x2={x2} y2={y} stroke={col} strokeWidth={on ? 2.4 : 1.6} markerEnd="url(#arr)" />
                    )}
                    <text x={(x1 + x2) / 2} y={y - 6} textAnchor="middle" fill={on ? '#fff' : '#c9d4df'}>{m.label.length > 44 ? `${m.label.slice(0, 43)}…` : m.label} <tspan fill="#6b7a8c">#{m.frame}</tspan></text>
                  </g>
                );
              })}
            </svg>
          )}
        </div>
        <div className="side">
          {sel ? <FrameDetail evidence={sel.evidence} frame={sel.frame} msgIdx={sel.msgIdx} compIdx={sel.compIdx} /> : <div className="dim">Click a message for decoded fields and raw bytes.</div>}
          {sel && <div className="dim" style={{ marginTop: 8 }}>{fmtTime(sel.ts)}</div>}
          {ladderFocus && <div className="dim" style={{ marginTop: 4 }}>opened from frame {ladderFocus.frame}</div>}
        </div>
      </div>
    </div>
  );
}
