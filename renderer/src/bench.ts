/**
 * Renderer benchmark page (bench.html): drives the real GraphModel and
 * TimelineModel with SYNTHETIC data of a given size and reports timings on
 * window.__bench. Used by test/bench/ui.bench.ts and the E2E suite; never shown
 * in the app.
 */
import { LANES, type GraphData, type TimelineData } from '../../shared/ipc/contract.js';
import { GraphModel } from './model/graph-model.js';
import { TimelineModel } from './model/timeline-model.js';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function syntheticGraph(n: number): GraphData {
  const r = rng(7);
  const nets = 40;
  const nodes = Array.from({ length: n }, (_, i) => ({ id: `gt:${i}`, kind: 'gt' as const, label: `+${880000000 + i}`, network: `net-${i % nets}`, country: null, role: null, messages: 1 + Math.floor(r() * 1000), alerts: i % 97 === 0 ? 1 : 0, maxSeverity: i % 97 === 0 ? ('high' as const) : null }));
  const edges = Array.from({ length: n * 2 }, (_, i) => {
    const a = Math.floor(r() * n), b = Math.floor(r() * n);
    return { id: `e${i}`, source: `gt:${a}`, target: `gt:${b}`, messages: 1 + Math.floor(r() * 100), families: ['map'] };
  }).filter((e) => e.source !== e.target);
  return { nodes, edges, truncated: false, timeRange: { start: 0, end: 1 }, families: ['map'] };
}

function syntheticTimeline(n: number): TimelineData {
  const r = rng(11);
  const ts: number[] = [];
  let t = 1.7e9;
  for (let i = 0; i < n; i++) ts.push((t += r() * 5));
  return {
    subscriber: { imsi: null, msisdn: null },
    events: { ts, lane: ts.map(() => Math.floor(r() * LANES.length)), op: ts.map(() => 'op'), frame: ts.map((_, i) => i + 1), evidence: ts.map(() => '1'), dialogue: ts.map(() => null), peer: ts.map(() => null), error: ts.map(() => r() < 0.01) },
    locations: [],
    alerts: [],
    truncated: false,
  };
}

const frame = () => new Promise<number>((ok) => requestAnimationFrame(() => ok(performance.now())));

async function graphBench(n: number, webgl?: boolean) {
  const m = new GraphModel(document.getElementById('graph')!, webgl === undefined ? {} : { webgl });
  const d = syntheticGraph(n);
  const t0 = performance.now();
  m.setData(d);
  await frame();
  await frame();
  const loadMs = performance.now() - t0;
  const { layoutMs, addMs, fitMs } = m.timings;
  // Interaction: 20 zoom/pan steps and a selection, each followed by a paint.
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const s = performance.now();
    if (i % 2) m.cy.zoom({ level: m.cy.zoom() * 1.15, renderedPosition: { x: 600, y: 350 } });
    else m.cy.panBy({ x: 25, y: -15 });
    await frame();
    times.push(performance.now() - s);
  }
  // The same through user input: wheel events on the graph canvas, as a mouse would send.
  const target = document.querySelector('#graph canvas:last-of-type') ?? document.getElementById('graph')!;
  const wheel: number[] = [];
  for (let i = 0; i < 20; i++) {
    const s = performance.now();
    target.dispatchEvent(new WheelEvent('wheel', { deltaY: i % 2 ? -120 : 100, clientX: 600, clientY: 350, bubbles: true, cancelable: true }));
    await frame();
    wheel.push(performance.now() - s);
  }
  const s = performance.now();
  m.select('gt:0');
  await frame();
  const selectMs = performance.now() - s;
  times.sort((a, b) => a - b);
  wheel.sort((a, b) => a - b);
  const webglUsed = m.webgl ? 1 : 0;
  m.destroy();
  return { nodes: d.nodes.length, edges: d.edges.length, webgl: webglUsed, loadMs, layoutMs, addMs, fitMs, interactionMedianMs: times[Math.floor(times.length / 2)]!, interactionP90Ms: times[Math.floor(times.length * 0.9)]!, wheelMedianMs: wheel[Math.floor(wheel.length / 2)]!, selectMs };
}

async function timelineBench(n: number) {
  const c = document.getElementById('timeline') as HTMLCanvasElement;
  const m = new TimelineModel(c);
  c.height = m.height();
  const d = syntheticTimeline(n);
  const t0 = performance.now();
  m.setData(d);
  const firstMs = performance.now() - t0;
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    m.zoomAround((m.t0 + m.t1) / 2, 0.8);
    const s = performance.now();
    m.render();
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  m.destroy();
  return { events: n, firstRenderMs: firstMs, zoomRenderMedianMs: times[Math.floor(times.length / 2)]!, zoomRenderP90Ms: times[Math.floor(times.length * 0.9)]! };
}

declare global {
  interface Window {
    __bench?: { graph(n: number, webgl?: boolean): ReturnType<typeof graphBench>; timeline(n: number): ReturnType<typeof timelineBench> };
  }
}
window.__bench = { graph: graphBench, timeline: timelineBench };
document.getElementById('status')!.textContent = 'bench ready (synthetic data)';
