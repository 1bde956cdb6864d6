import { useEffect, useState } from 'react';
import { call } from '../api/client.js';
import type { FrameDetail as FD } from '../../../shared/ipc/contract.js';
import { errText, fmtTime } from '../util.js';
import { Hex } from './Hex.js';

export function FrameDetail({ evidence, frame, msgIdx, compIdx }: { evidence: string; frame: number; msgIdx?: number; compIdx?: number }) {
  const [d, setD] = useState<FD | null>(null);
  const [err, setErr] = useState<string | null>(null);
  useEffect(() => {
    setD(null);
    setErr(null);
    const a: { evidence: string; frame: number; msgIdx?: number; compIdx?: number } = { evidence, frame };
    if (msgIdx !== undefined) a.msgIdx = msgIdx;
    if (compIdx !== undefined) a.compIdx = compIdx;
    call('frameDetail', a).then(setD, (e) => setErr(errText(e)));
  }, [evidence, frame, msgIdx, compIdx]);
  if (err) return <div className="err">{err}</div>;
  if (!d) return <div className="dim">loading frame {frame}…</div>;
  const fields = d.row ? Object.entries(d.row).filter(([, v]) => v !== null && v !== '' && v !== false) : [];
  return (
    <div data-testid="frame-detail">
      <h2>Frame {frame} · evidence {evidence}</h2>
      {d.row && <div className="muted mono" style={{ marginBottom: 8 }}>{fmtTime(Number(d.row.ts))} · {String(d.row.protos ?? '')}</div>}
      <div className="kv" style={{ marginBottom: 12 }}>
        {fields.map(([k, v]) => [<div key={`k${k}`}>{k}</div>, <div key={`v${k}`}>{String(v)}</div>])}
      </div>
      <h2>Raw bytes {d.linkType !== null ? <span className="dim">(link type {d.linkType})</span> : null}</h2>
      {d.hex ? <Hex hex={d.hex} /> : <div className="err">{d.bytesError}</div>}
    </div>
  );
}
