/**
 * Canvas renderer for the subscriber timeline. Events are columnar and sorted
 * by time; each frame bins the visible range per pixel column and lane (one
 * pass, binary-searched bounds), so 100,000 events draw in a few ms. Wheel
 * zooms around the cursor, drag pans, shift+drag brushes a range.
 */
import { LANES, type TimelineData } from '../../../shared/ipc/contract.js';

const SEV: Record<string, string> = { critical: '#ff4d6d', high: '#ff8c42', medium: '#f4c542', low: '#5ab0ff', info: '#8b96a5' };
const LANE_COLOR = ['#4cc9f0', '#f9c74f', '#90be6d', '#b388ff', '#f15bb5', '#f77f00', '#6c7a89'];
const LANE_LABEL: Record<string, string> = { mobility: 'Mobility', sms: 'SMS', calls: 'Calls', ss: 'Suppl. services', ussd: 'USSD', diameter: 'Diameter', other: 'Other' };

export interface Pick {
  index: number;
  ts: number;
  op: string;
  frame: number;
  evidence: string;
  lane: string;
}

function lowerBound(a: number[], x: number): number {
  let lo = 0, hi = a.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (a[m]! < x) lo = m + 1;
    else hi = m;
  }
  return lo;
}

export class TimelineModel {
  data: TimelineData | null = null;
  t0 = 0;
  t1 = 1;
  brush: [number, number] | null = null;
  hover: Pick | null = null;
  lastRenderMs = 0;
  readonly left = 130;
  readonly top = 28;
  readonly laneH = 44;
  onPick: (p: Pick) => void = () => undefined;
  onBrush: (r: [number, number] | null) => void = () => undefined;
  onHover: (p: Pick | null, x: number, y: number) => void = () => undefined;
  private ctx: CanvasRenderingContext2D;
  private raf = 0;
  private drag: { x: number; t0: number; t1: number; brush: boolean; moved: boolean } | null = null;
  private cleanup: (() => void)[] = [];

  constructor(private canvas: HTMLCanvasElement) {
    this.ctx = canvas.getContext('2d', { alpha: false })!;
    const on = <K extends keyof HTMLElementEventMap>(t: K, f: (e: HTMLElementEventMap[K]) => void, o?: AddEventListenerOptions) => {
      canvas.addEventListener(t, f as EventListener, o);
      this.cleanup.push(() => canvas.removeEventListener(t, f as EventListener));
    };
    on('wheel', (e) => {
      e.preventDefault();
      const t = this.xToT(e.offsetX);
      const f = Math.exp(e.deltaY * 0.0015);
      this.zoomAround(t, f);
    }, { passive: false });
    on('mousedown', (e) => {
      this.drag = { x: e.offsetX, t0: this.t0, t1: this.t1, brush: e.shiftKey, moved: false };
    });
    on('mousemove', (e) => {
      if (this.drag) {
        const dx = e.offsetX - this.drag.x;
        if (Math.abs(dx) > 3) this.drag.moved = true;
        if (this.drag.brush) {
          const a = this.xToT(this.drag.x), b = this.xToT(e.offsetX);
          this.brush = [Math.min(a, b), Math.max(a, b)];
        } else if (this.drag.moved) {
          const dt = (dx / this.plotW()) * (this.drag.t1 - this.drag.t0);
          this.t0 = this.drag.t0 - dt;
          this.t1 = this.drag.t1 - dt;
        }
        this.schedule();
        return;
      }
      this.hover = this.pickAt(e.offsetX, e.offsetY);
      this.onHover(this.hover, e.offsetX, e.offsetY);
      this.schedule();
    });
    on('mouseleave', () => {
      this.hover = null;
      this.onHover(null, 0, 0);
      this.schedule();
    });
    const up = (e: MouseEvent) => {
      if (!this.drag) return;
      const d = this.drag;
      this.drag = null;
      if (d.brush && d.moved) this.onBrush(this.brush);
      else if (!d.moved) {
        const p = this.pickAt(e.offsetX, e.offsetY);
        if (p) this.onPick(p);
      }
    };
    on('mouseup', up);
  }

  setData(d: TimelineData) {
    this.data = d;
    const ts = d.events.ts;
    let a = ts.length ? ts[0]! : Date.now() / 1000, b = ts.length ? ts[ts.length - 1]! : a + 1;
    for (const l of d.locations) { a = Math.min(a, l.ts); b = Math.max(b, l.ts); }
    const pad = Math.max(1, (b - a) * 0.02);
    this.t0 = a - pad;
    this.t1 = b + pad;
    this.brush = null;
    this.render();
  }

  plotW() {
    return this.canvas.width - this.left - 10;
  }
  xToT(x: number) {
    return this.t0 + ((x - this.left) / this.plotW()) * (this.t1 - this.t0);
  }
  tToX(t: number) {
    return this.left + ((t - this.t0) / (this.t1 - this.t0)) * this.plotW();
  }
  zoomAround(t: number, f: number) {
    const span = Math.max(1e-3, (this.t1 - this.t0) * f);
    const r = (t - this.t0) / (this.t1 - this.t0);
    this.t0 = t - r * span;
    this.t1 = this.t0 + span;
    this.schedule();
  }
  zoomTo(a: number, b: number) {
    this.t0 = a;
    this.t1 = Math.max(a + 1e-3, b);
    this.schedule();
  }
  laneY(i: number) {
    return this.top + i * this.laneH;
  }
  height() {
    return this.top + (LANES.length + 2) * this.laneH + 20;
  }

  pickAt(x: number, y: number): Pick | null {
    const d = this.data;
    if (!d || x < this.left) return null;
    const lane = Math.floor((y - this.top) / this.laneH);
    if (lane < 0 || lane >= LANES.length) return null;
    const tol = (6 / this.plotW()) * (this.t1 - this.t0);
    const t = this.xToT(x);
    const ts = d.events.ts;
    let best = -1, bd = Infinity;
    for (let i = lowerBound(ts, t - tol); i < ts.length && ts[i]! <= t + tol; i++) {
      if (d.events.lane[i] !== lane) continue;
      const dd = Math.abs(ts[i]! - t);
      if (dd < bd) { bd = dd; best = i; }
    }
    if (best < 0) return null;
    return { index: best, ts: ts[best]!, op: d.events.op[best]!, frame: d.events.frame[best]!, evidence: d.events.evidence[best]!, lane: LANES[lane]! };
  }

  schedule() {
    if (this.raf) return;
    this.raf = requestAnimationFrame(() => {
      this.raf = 0;
      this.render();
    });
  }

  render() {
    const t0p = performance.now();
    const c = this.ctx, W = this.canvas.width, H = this.canvas.height, pw = this.plotW();
    c.fillStyle = '#0b0f14';
    c.fillRect(0, 0, W, H);
    const d = this.data;
    c.font = '11px ui-monospace, DejaVu Sans Mono, monospace';
    // time axis
    c.fillStyle = '#6b7a8c';
    c.strokeStyle = '#1a232e';
    const span = this.t1 - this.t0;
    const steps = [0.001, 0.01, 0.1, 1, 5, 10, 30, 60, 300, 600, 1800, 3600, 7200, 21600, 43200, 86400, 7 * 86400];
    const step = steps.find((s) => span / s <= 10) ?? 30 * 86400;
    for (let t = Math.ceil(this.t0 / step) * step; t <= this.t1; t += step) {
      const x = Math.round(this.tToX(t)) + 0.5;
      c.beginPath();
      c.moveTo(x, this.top - 4);
      c.lineTo(x, H - 10);
      c.stroke();
      const iso = new Date(t * 1000).toISOString();
      c.fillText(step < 1 ? iso.slice(11, 23) : step < 86400 ? iso.slice(11, 19) : iso.slice(0, 10), x + 3, 14);
    }
    const lanes = LANES.length;
    for (let i = 0; i <= lanes + 2; i++) {
      const y = this.laneY(i) + 0.5;
      c.strokeStyle = '#1f2935';
      c.beginPath();
      c.moveTo(0, y);
      c.lineTo(W, y);
      c.stroke();
    }
    c.fillStyle = '#0f151c';
    c.fillRect(0, this.top, this.left - 6, this.laneH * (lanes + 2));
    c.font = '12px Inter, DejaVu Sans, sans-serif';
    LANES.forEach((l, i) => {
      c.fillStyle = LANE_COLOR[i]!;
      c.fillRect(8, this.laneY(i) + this.laneH / 2 - 5, 8, 8);
      c.fillStyle = '#b8c4d0';
      c.fillText(LANE_LABEL[l] ?? l, 22, this.laneY(i) + this.laneH / 2 + 3);
    });
    c.fillStyle = '#b8c4d0';
    c.fillText('Location', 22, this.laneY(lanes) + this.laneH / 2 + 3);
    c.fillText('Alerts', 22, this.laneY(lanes + 1) + this.laneH / 2 + 3);
    if (d) {
      const ts = d.events.ts;
      const from = lowerBound(ts, this.t0), to = lowerBound(ts, this.t1);
      const visible = to - from;
      c.save();
      c.beginPath();
      c.rect(this.left, 0, pw, H);
      c.clip();
      if (visible > 3000) {
        // Binned density: counts per pixel column per lane.
        const cols = Math.max(1, Math.floor(pw));
        const bins = new Uint32Array(cols * lanes);
        const errs = new Uint8Array(cols * lanes);
        const k = cols / span;
        for (let i = from; i < to; i++) {
          const x = Math.min(cols - 1, Math.floor((ts[i]! - this.t0) * k));
          const j = x * lanes + d.events.lane[i]!;
          bins[j]!++;
          if (d.events.error[i]) errs[j] = 1;
        }
        let max = 1;
        for (let j = 0; j < bins.length; j++) if (bins[j]! > max) max = bins[j]!;
        const lm = Math.log1p(max);
        for (let l = 0; l < lanes; l++) {
          const yb = this.laneY(l) + this.laneH - 4;
          c.fillStyle = LANE_COLOR[l]!;
          for (let x = 0; x < cols; x++) {
            const v = bins[x * lanes + l]!;
            if (!v) continue;
            const h = 3 + (this.laneH - 10) * (Math.log1p(v) / lm);
            c.fillRect(this.left + x, yb - h, 1, h);
          }
          c.fillStyle = '#ff4d6d';
          for (let x = 0; x < cols; x++) if (errs[x * lanes + l]) c.fillRect(this.left + x, yb + 1, 1, 3);
        }
      } else {
        for (let i = from; i < to; i++) {
          const l = d.events.lane[i]!;
          const x = this.tToX(ts[i]!);
          const y = this.laneY(l) + this.laneH / 2;
          c.fillStyle = d.events.error[i] ? '#ff4d6d' : LANE_COLOR[l]!;
          c.fillRect(x - 2, y - 9, 4, 18);
        }
        if (visible < 150) {
          c.fillStyle = '#dfe7ef';
          c.font = '10px ui-monospace, DejaVu Sans Mono, monospace';
          let lastX = -1e9;
          for (let i = from; i < to; i++) {
            const x = this.tToX(ts[i]!);
            if (x - lastX < 70) continue;
            lastX = x;
            c.fillText(d.events.op[i]!.slice(0, 22), x + 4, this.laneY(d.events.lane[i]!) + 11);
          }
        }
      }
      // location track
      const ly = this.laneY(lanes);
      c.font = '10px ui-monospace, DejaVu Sans Mono, monospace';
      d.locations.forEach((loc, i) => {
        const next = d.locations[i + 1];
        const x0 = this.tToX(loc.ts), x1 = next ? this.tToX(next.ts) : this.tToX(this.t1);
        const fast = loc.speedKmh !== null && loc.speedKmh > 1000;
        c.fillStyle = fast ? '#5a1a28' : i % 2 ? '#16324a' : '#1b3d5a';
        c.fillRect(x0, ly + 6, Math.max(2, x1 - x0), this.laneH - 12);
        c.fillStyle = fast ? '#ff9aae' : '#cfe6ff';
        if (x1 - x0 > 50) c.fillText(`${loc.country ?? '?'} · ${loc.node}${loc.speedKmh !== null ? ` · ${Math.round(loc.speedKmh)} km/h` : ''}`.slice(0, Math.floor((x1 - x0) / 6.5)), x0 + 4, ly + this.laneH / 2 + 3);
      });
      // alerts: packed into up to three sub-rows so that alerts starting at the same instant do not
      // overprint each other; a label is drawn only where it fits before the next alert of its row
      const ay = this.laneY(lanes + 1);
      const rowsMax = 3;
      const rowH = Math.max(4, Math.floor((this.laneH - 6) / rowsMax));
      const rowEnd: number[] = [];
      const placed: { a: (typeof d.alerts)[number]; x0: number; x1: number; row: number }[] = [];
      let hidden = 0;
      for (const a of [...d.alerts].sort((p, q) => p.ts - q.ts)) {
        const x0 = this.tToX(a.ts), x1 = Math.max(x0 + 3, this.tToX(Math.max(a.end, a.ts)));
        let row = rowEnd.findIndex((e) => e <= x0);
        if (row < 0 && rowEnd.length < rowsMax) row = rowEnd.length;
        if (row < 0) {
          row = rowEnd.indexOf(Math.min(...rowEnd));
          hidden++;
        }
        rowEnd[row] = Math.max(rowEnd[row] ?? -1e9, x1 + 2);
        placed.push({ a, x0, x1, row });
        c.fillStyle = SEV[a.severity] ?? '#8b96a5';
        c.globalAlpha = 0.12;
        c.fillRect(x0, this.top, x1 - x0, this.laneH * lanes);
        c.globalAlpha = 1;
        c.fillRect(x0, ay + 3 + row * rowH, x1 - x0, rowH - 2);
      }
      c.fillStyle = '#fff';
      for (let i = 0; i < placed.length; i++) {
        const p = placed[i]!;
        let room = this.left + this.plotW() - p.x0;
        for (let j = i + 1; j < placed.length; j++) {
          if (placed[j]!.row === p.row) {
            room = placed[j]!.x0 - p.x0;
            break;
          }
        }
        const chars = Math.min(40, Math.floor((room - 6) / 6.2));
        if (chars >= 6 && rowH >= 9) c.fillText(p.a.title.length > chars ? p.a.title.slice(0, chars - 1) + '…' : p.a.title, p.x0 + 4, ay + 3 + p.row * rowH + rowH - 4);
      }
      if (hidden) {
        c.fillStyle = '#ffd166';
        c.fillText(`+${hidden} overlapping`, this.left + this.plotW() - 110, ay + this.laneH - 2);
      }
      if (this.brush) {
        const x0 = this.tToX(this.brush[0]), x1 = this.tToX(this.brush[1]);
        c.fillStyle = 'rgba(63,182,255,0.15)';
        c.fillRect(x0, this.top, x1 - x0, this.laneH * (lanes + 2));
        c.strokeStyle = '#3fb6ff';
        c.strokeRect(x0 + 0.5, this.top + 0.5, x1 - x0, this.laneH * (lanes + 2));
      }
      if (this.hover) {
        const x = this.tToX(this.hover.ts);
        c.strokeStyle = '#ffffff';
        c.beginPath();
        c.moveTo(x + 0.5, this.top);
        c.lineTo(x + 0.5, this.laneY(lanes));
        c.stroke();
      }
      c.restore();
      c.fillStyle = '#6b7a8c';
      c.font = '11px Inter, DejaVu Sans, sans-serif';
      c.fillText(`${visible.toLocaleString('en-US')} of ${ts.length.toLocaleString('en-US')} events in view`, this.left, H - 4);
    }
    this.lastRenderMs = performance.now() - t0p;
  }

  destroy() {
    cancelAnimationFrame(this.raf);
    for (const f of this.cleanup) f();
  }
}
