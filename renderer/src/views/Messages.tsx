import { useCallback, useEffect, useRef, useState } from 'react';
import { call, saveText } from '../api/client.js';
import type { Scalar } from '../../../shared/ipc/contract.js';
import { FrameDetail } from '../components/FrameDetail.js';
import { useUi } from '../store.js';
import { errText, fmtNum, fmtTime } from '../util.js';

const ROW = 24, PAGE = 200;
const DEFAULT_COLS = ['frame', 'ts', 'family', 'opc', 'dpc', 'calling_gt', 'called_gt', 'tcap_type', 'op_name', 'diam_cmd_name', 'imsi', 'msisdn', 'evidence_id', 'msg_idx', 'comp_idx'];
const width = (c: string) => (c === 'ts' ? 190 : c === 'frame' || c.endsWith('_idx') || c === 'opc' || c === 'dpc' || c === 'evidence_id' ? 80 : c.endsWith('gt') || c === 'imsi' || c === 'msisdn' ? 150 : 130);

export function MessagesView() {
  const { messagesFilter, messageColumns, caseVersion, notify, set, go } = useUi();
  const [draft, setDraft] = useState(messagesFilter);
  const [allCols, setAllCols] = useState<string[]>([]);
  const [total, setTotal] = useState(0);
  const [colsShown, setColsShown] = useState<string[]>([]);
  const [version, setVersion] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [detail, setDetail] = useState<{ evidence: string; frame: number; msgIdx: number; compIdx: number } | null>(null);
  const [filterErr, setFilterErr] = useState<string | null>(null);
  const [chooser, setChooser] = useState(false);
  const [jump, setJump] = useState('');
  const pages = useRef(new Map<number, Scalar[][]>());
  const loading = useRef(new Set<number>());
  const box = useRef<HTMLDivElement>(null);
  const cols = messageColumns ?? DEFAULT_COLS;

  useEffect(() => {
    call('messageColumns', {}).then((c) => setAllCols(c.map((x) => x.name)), (e) => notify(errText(e)));
  }, [caseVersion, notify]);

  const loadPage = useCallback(async (p: number) => {
    if (pages.current.has(p) || loading.current.has(p)) return;
    loading.current.add(p);
    try {
      const r = await call('messages', { filter: messagesFilter, columns: cols, offset: p * PAGE, limit: PAGE });
      pages.current.set(p, r.rows);
      setTotal(r.total);
      setColsShown(r.columns);
      setFilterErr(null);
      setVersion((v) => v + 1);
    } catch (e) {
      setFilterErr(errText(e));
      setTotal(0);
    } finally {
      loading.current.delete(p);
    }
  }, [messagesFilter, cols]);

  useEffect(() => {
    pages.current.clear();
    loading.current.clear();
    setSelected(new Set());
    setVersion((v) => v + 1);
    if (box.current) box.current.scrollTop = 0;
    setScrollTop(0);
    void loadPage(0);
  }, [loadPage, caseVersion]);

  useEffect(() => {
    const el = box.current!;
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const first = Math.max(0, Math.floor(scrollTop / ROW) - 10);
  const last = Math.min(total, Math.ceil((scrollTop + height) / ROW) + 10);
  useEffect(() => {
    for (let p = Math.floor(first / PAGE); p <= Math.floor(Math.max(first, last - 1) / PAGE); p++) void loadPage(p);
  }, [first, last, loadPage]);

  const rowAt = (i: number) => pages.current.get(Math.floor(i / PAGE))?.[i % PAGE];
  const ci = (name: string) => colsShown.indexOf(name);
  const rows: React.JSX.Element[] = [];
  void version;
  const totalW = colsShown.reduce((s, c) => s + width(c), 0);
  for (let i = first; i < last; i++) {
    const r = rowAt(i);
    rows.push(
      <div key={i} className={`r ${selected.has(i) ? 'sel' : ''}`} style={{ top: ROW + i * ROW, width: totalW }} data-row={i}
        onClick={(e) => {
          const s = new Set(e.ctrlKey || e.metaKey ? selected : []);
          if (e.shiftKey && selected.size) {
            const a = Math.min(...selected), b = i;
            for (let k = Math.min(a, b); k <= Math.max(a, b); k++) s.add(k);
          } else if (s.has(i) && (e.ctrlKey || e.metaKey)) s.delete(i);
          else s.add(i);
          setSelected(s);
          if (r && ci('frame') >= 0 && ci('evidence_id') >= 0) setDetail({ evidence: String(r[ci('evidence_id')]), frame: Number(r[ci('frame')]), msgIdx: Number(r[ci('msg_idx')] ?? 0), compIdx: Number(r[ci('comp_idx')] ?? -1) });
        }}
        onDoubleClick={() => r && go('ladder', { ladder: { evidence: String(r[ci('evidence_id')]), frame: Number(r[ci('frame')]) }, ladderFocus: { evidence: String(r[ci('evidence_id')]), frame: Number(r[ci('frame')]) } })}>
        {colsShown.map((c, j) => {
          const v = r?.[j];
          return <div key={c} style={{ width: width(c) }} className={v === null || v === undefined ? 'null' : ''}>{r ? (v === null ? '·' : c === 'ts' ? fmtTime(Number(v)) : String(v)) : '…'}</div>;
        })}
      </div>,
    );
  }

  const apply = () => set({ messagesFilter: draft.trim() });
  const exportSel = async () => {
    try {
      const frames = [...selected].map((i) => rowAt(i)).filter((r): r is Scalar[] => !!r).map((r) => Number(r[ci('frame')]));
      const r = await call('messagesExport', frames.length ? { filter: messagesFilter, frames } : { filter: messagesFilter, limit: 100000 });
      await saveText(`sigtrail-messages-${frames.length ? 'selection' : 'filtered'}.csv`, r.csv);
      notify(`Exported ${fmtNum(r.rows)} rows`, 'info');
    } catch (e) {
      notify(errText(e));
    }
  };
  const doJump = async () => {
    try {
      const r = await call('messageIndex', { filter: messagesFilter, frame: Number(jump) });
      if (r.index === null) return notify(`frame ${jump} is not in the filtered list`);
      box.current!.scrollTop = Math.max(0, r.index * ROW - 3 * ROW);
      setSelected(new Set([r.index]));
    } catch (e) {
      notify(errText(e));
    }
  };

  return (
    <div className="view fill" data-testid="view-messages">
      <div className="toolbar">
        <b>Messages</b>
        <input className={`input mono ${filterErr ? 'bad' : ''}`} style={{ flex: 1, minWidth: 300 }} value={draft} onChange={(e) => setDraft(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && apply()}
          placeholder='filter, e.g.  family == map and op contains "location" and calling_gt ~ "^882"' data-testid="msg-filter" />
        <button className="btn primary" onClick={apply}>Apply</button>
        <span className="muted" data-testid="msg-total">{fmtNum(total)} rows</span>
        <input className="input mono" style={{ width: 90 }} placeholder="frame #" value={jump} onChange={(e) => setJump(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && doJump()} />
        <button className="btn small" disabled={!(Number(jump) > 0)} onClick={doJump}>Jump</button>
        <button className="btn small" onClick={() => setChooser(!chooser)}>Columns…</button>
        <button className="btn small" onClick={exportSel}>{selected.size ? `Export ${selected.size} selected` : 'Export filtered'}</button>
      </div>
      {filterErr && <div className="err" style={{ padding: '4px 12px' }}>{filterErr}</div>}
      {chooser && (
        <div className="panel" style={{ margin: 8, maxHeight: 200, overflow: 'auto', columns: 5 }}>
          {allCols.map((c) => (
            <label key={c} style={{ display: 'block', fontSize: 12 }} className="mono">
              <input type="checkbox" checked={cols.includes(c)} onChange={() => set({ messageColumns: cols.includes(c) ? cols.filter((x) => x !== c) : [...cols, c] })} /> {c}
            </label>
          ))}
          <button className="btn small" onClick={() => set({ messageColumns: null })}>Defaults</button>
        </div>
      )}
      <div style={{ display: 'grid', gridTemplateColumns: detail ? '1fr 420px' : '1fr', flex: 1, minHeight: 0 }}>
        <div className="vt" ref={box} onScroll={(e) => setScrollTop((e.target as HTMLDivElement).scrollTop)} data-testid="msg-table">
          <div style={{ height: ROW + total * ROW, width: totalW, position: 'relative' }}>
            <div className="hdr" style={{ width: totalW }}>
              {colsShown.map((c) => <div key={c} style={{ width: width(c) }} title={c}>{c}</div>)}
            </div>
            {rows}
          </div>
        </div>
        {detail && (
          <div className="side">
            <div className="row" style={{ marginBottom: 8 }}>
              <button className="btn small" onClick={() => go('ladder', { ladder: { evidence: detail.evidence, frame: detail.frame }, ladderFocus: { evidence: detail.evidence, frame: detail.frame } })}>Open dialogue ladder</button>
              <span className="spacer" />
              <button className="btn small" onClick={() => setDetail(null)}>Close</button>
            </div>
            <FrameDetail {...detail} />
          </div>
        )}
      </div>
    </div>
  );
}
