/**
 * Holds the Cytoscape instance and the graph data outside React. Layout is a
 * deterministic grouped spiral (O(n)): one cluster per network/country, nodes
 * placed by weight on a phyllotaxis spiral inside it, so 5,000 nodes appear at
 * once without a force simulation. Rendering tuned for size: edges hidden and
 * textures used while the viewport moves, labels only when zoomed in.
 */
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import type { GraphData, GraphNode } from '../../../shared/ipc/contract.js';

const SEV = { critical: '#ff4d6d', high: '#ff8c42', medium: '#f4c542', low: '#5ab0ff', info: '#8b96a5' } as const;
const PALETTE = ['#4cc9f0', '#f77f00', '#90be6d', '#b388ff', '#f9c74f', '#43aa8b', '#118ab2', '#ffd166', '#06d6a0', '#9b5de5', '#f15bb5', '#00bbf9', '#8ac926', '#e9c46a', '#2a9d8f'];

export function groupOf(n: GraphNode): string {
  return n.network ?? n.country ?? (n.kind === 'pc' ? 'point codes' : n.kind === 'ip' ? 'IP endpoints' : n.kind === 'host' ? 'Diameter hosts' : 'unknown');
}

export function layoutPositions(nodes: GraphNode[]): { pos: Map<string, { x: number; y: number }>; groups: { name: string; x: number; y: number; r: number; color: string; count: number }[] } {
  const groups = new Map<string, GraphNode[]>();
  for (const n of nodes) {
    const g = groupOf(n);
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g)!.push(n);
  }
  const ordered = [...groups.entries()].sort((a, b) => b[1].length - a[1].length);
  const pos = new Map<string, { x: number; y: number }>();
  const out: { name: string; x: number; y: number; r: number; color: string; count: number }[] = [];
  const spacing = 38;
  const golden = Math.PI * (3 - Math.sqrt(5));
  // Place clusters on a larger spiral, biggest in the middle.
  let placed: { x: number; y: number; r: number }[] = [];
  ordered.forEach(([name, members], gi) => {
    members.sort((a, b) => b.messages - a.messages);
    const r = spacing * Math.sqrt(members.length) * 0.62 + 30;
    let cx = 0, cy = 0;
    if (gi > 0) {
      for (let k = 1; ; k++) {
        const a = k * golden;
        const d = 40 * Math.sqrt(k) * 4;
        cx = Math.cos(a) * d;
        cy = Math.sin(a) * d;
        if (placed.every((p) => Math.hypot(p.x - cx, p.y - cy) > p.r + r + 30)) break;
      }
    }
    placed.push({ x: cx, y: cy, r });
    members.forEach((m, i) => {
      const rr = spacing * Math.sqrt(i) * 0.6;
      const a = i * golden;
      pos.set(m.id, { x: cx + Math.cos(a) * rr, y: cy + Math.sin(a) * rr });
    });
    let h = 0;
    for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) | 0;
    out.push({ name, x: cx, y: cy - r - 24, r, color: PALETTE[Math.abs(h) % PALETTE.length]!, count: members.length });
  });
  placed = [];
  return { pos, groups: out };
}

/** WebGL on a real GPU. Software WebGL (SwiftShader, e.g. headless or GPU-less machines) is slower than canvas 2D. */
export function hasWebgl(): boolean {
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return false;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
    return !/swiftshader|llvmpipe|software/i.test(name);
  } catch {
    return false;
  }
}

export class GraphModel {
  cy: Core;
  data: GraphData | null = null;
  private hl: cytoscape.Collection;
  private dimmed = false;
  private byId = new Map<string, GraphNode>();
  onSelect: (id: string | null) => void = () => undefined;

  readonly webgl: boolean;

  constructor(container: HTMLElement, opts: { webgl?: boolean } = {}) {
    // Cytoscape's WebGL renderer draws 5,000+ nodes fluidly; fall back to canvas 2D where WebGL is missing.
    this.webgl = opts.webgl ?? hasWebgl();
    this.cy = cytoscape({
      container,
      ...(this.webgl ? { renderer: { name: 'canvas', webgl: true, webglTexSize: 4096, webglTexRows: 24, webglBatchSize: 4096, webglTexPerBatch: 16 } as never } : {}),
      elements: [],
      layout: { name: 'preset' },
      minZoom: 0.02,
      maxZoom: 6,
      wheelSensitivity: 0.35,
      pixelRatio: 1,
      hideEdgesOnViewport: true,
      textureOnViewport: true,
      motionBlur: false,
      boxSelectionEnabled: false,
      style: [
        { selector: 'node', style: { 'background-color': 'data(color)', width: 'data(size)', height: 'data(size)', label: 'data(label)', color: '#c9d4df', 'font-size': 9, 'min-zoomed-font-size': 9, 'text-valign': 'bottom', 'text-margin-y': 3, 'border-width': 0, 'overlay-opacity': 0 } },
        { selector: 'node[alertColor]', style: { 'border-width': 3, 'border-color': 'data(alertColor)' } },
        { selector: 'node.group', style: { 'background-opacity': 0, 'text-opacity': 0.6, label: 'data(label)', 'font-size': 'data(fs)' as never, 'min-zoomed-font-size': 4, color: 'data(color)', 'text-valign': 'center', events: 'no', 'font-weight': 'bold' } },
        { selector: 'edge', style: { width: 'data(w)', 'line-color': '#3a4a5c', opacity: 0.55, 'curve-style': 'haystack', 'haystack-radius': 0 } },
        { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#ffffff', 'z-index': 10 } },
        { selector: 'edge.hl', style: { 'line-color': '#3fb6ff', opacity: 0.95, 'z-index': 9 } },
        { selector: 'node.dim', style: { opacity: 0.18 } },
        { selector: 'edge.dim', style: { opacity: 0.06 } },
      ],
    });
    this.hl = this.cy.collection();
    this.cy.on('tap', 'node', (e) => {
      const id = e.target.id() as string;
      if (!id.startsWith('group:')) this.onSelect(id);
    });
    this.cy.on('tap', (e) => {
      if (e.target === this.cy) this.onSelect(null);
    });
  }

  timings = { layoutMs: 0, addMs: 0, fitMs: 0 };

  setData(d: GraphData) {
    const t0 = performance.now();
    this.data = d;
    this.byId = new Map(d.nodes.map((n) => [n.id, n]));
    const { pos, groups } = layoutPositions(d.nodes);
    const t1 = performance.now();
    const maxMsgs = Math.max(1, ...d.nodes.map((n) => n.messages));
    const els: ElementDefinition[] = [];
    const groupColor = new Map(groups.map((g) => [g.name, g.color]));
    for (const g of groups) els.push({ group: 'nodes', data: { id: `group:${g.name}`, label: `${g.name} (${g.count})`, color: g.color, size: 1, fs: Math.max(16, Math.min(44, g.r / 5)) }, position: { x: g.x, y: g.y }, classes: 'group', selectable: false, grabbable: false });
    for (const n of d.nodes) {
      const data: Record<string, unknown> = { id: n.id, label: n.label, color: groupColor.get(groupOf(n)) ?? '#5c6773', size: 8 + 22 * Math.sqrt(n.messages / maxMsgs) };
      if (n.maxSeverity) data.alertColor = SEV[n.maxSeverity];
      els.push({ group: 'nodes', data, position: pos.get(n.id)! });
    }
    const maxE = Math.max(1, ...d.edges.map((e) => e.messages));
    for (const e of d.edges) {
      if (e.source === e.target) continue;
      els.push({ group: 'edges', data: { id: e.id, source: e.source, target: e.target, w: 0.6 + 5 * Math.sqrt(e.messages / maxE) } });
    }
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.cy.add(els);
    });
    const t2 = performance.now();
    this.bounds = null;
    for (const p of pos.values()) this.extend(p.x, p.y);
    for (const g of groups) this.extend(g.x, g.y);
    this.fitAll();
    this.timings = { layoutMs: t1 - t0, addMs: t2 - t1, fitMs: performance.now() - t2 };
    return groups;
  }

  private bounds: { x1: number; y1: number; x2: number; y2: number } | null = null;
  private extend(x: number, y: number) {
    const b = this.bounds;
    if (!b) this.bounds = { x1: x, y1: y, x2: x, y2: y };
    else {
      b.x1 = Math.min(b.x1, x);
      b.y1 = Math.min(b.y1, y);
      b.x2 = Math.max(b.x2, x);
      b.y2 = Math.max(b.y2, y);
    }
  }

  /** Fits the known layout bounds (cy.fit() would measure every element and label: slow at 5,000 nodes). */
  fitAll(pad = 40) {
    const b = this.bounds;
    if (!b) return;
    const w = this.cy.width(), h = this.cy.height();
    const zoom = Math.min(this.cy.maxZoom(), Math.max(this.cy.minZoom(), Math.min((w - 2 * pad) / Math.max(1, b.x2 - b.x1), (h - 2 * pad) / Math.max(1, b.y2 - b.y1))));
    this.cy.viewport({ zoom, pan: { x: w / 2 - zoom * (b.x1 + b.x2) / 2, y: h / 2 - zoom * (b.y1 + b.y2) / 2 } });
  }

  select(id: string | null) {
    // Dimming everything else restyles every element: only worth it on smaller graphs.
    const dimOthers = this.cy.nodes().length <= 1500;
    this.cy.batch(() => {
      this.hl.removeClass('hl');
      if (this.dimmed) this.cy.elements('.dim').removeClass('dim');
      this.cy.$(':selected').unselect();
      this.dimmed = false;
      this.hl = this.cy.collection();
      if (!id) return;
      const n = this.cy.getElementById(id);
      if (n.empty()) return;
      n.select();
      this.hl = n.connectedEdges().addClass('hl') as unknown as cytoscape.Collection;
      if (dimOthers) {
        this.cy.elements().not(n.closedNeighborhood()).not('.group').addClass('dim');
        this.dimmed = true;
      }
    });
  }

  focus(id: string) {
    const n = this.cy.getElementById(id);
    if (n.nonempty()) this.cy.animate({ center: { eles: n }, zoom: Math.max(this.cy.zoom(), 1.2) }, { duration: 250 });
  }

  node(id: string): GraphNode | undefined {
    return this.byId.get(id);
  }

  destroy() {
    this.cy.destroy();
  }
}
