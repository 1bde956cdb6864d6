/**
 * `npm run bench -- ui`: renderer timings in Debian Chromium through the web
 * host. First paint of a demo case (vs. the same browser painting the bare
 * index page), graph interaction at 5,000 nodes (vs. 500), timeline render at
 * 100,000 events (vs. 10,000), on the renderer's bench page (synthetic data,
 * the same GraphModel / TimelineModel classes the views use).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureRenderer, startWeb } from '../../electron/cli/web.js';
import { chromiumMissing, launchChromium, makeDemoCase, root } from '../e2e/helpers.js';

type BenchWin = { __bench: { graph(n: number): Promise<Record<string, number>>; timeline(n: number): Promise<Record<string, number>> } };

export async function bench(): Promise<void> {
  if (chromiumMissing) {
    console.log(`ui bench skipped: ${chromiumMissing}`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'sigtrail-uibench-'));
  const rendererDir = await ensureRenderer(root, true, () => undefined, join(dir, 'renderer'));
  const demo = await makeDemoCase(dir, 6000);
  console.log(`demo case: ${demo.seconds.toFixed(1)} s to generate + ingest + detect`);
  const web = await startWeb({ root, rendererDir, casePath: demo.casePath, stateDir: join(dir, 'state'), casesDir: join(dir, 'cases') });
  let browser: Awaited<ReturnType<typeof launchChromium>> | null = null;
  try {
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // Reference: the bench page (static, no data).
    let t0 = performance.now();
    await page.goto(`http://127.0.0.1:${web.host.port}/bench.html`);
    await page.waitForFunction(() => !!(globalThis as unknown as Partial<BenchWin>).__bench);
    const refPaint = performance.now() - t0;
    t0 = performance.now();
    await page.goto(web.host.url);
    await page.waitForSelector('[data-testid=histogram] rect');
    const paint = performance.now() - t0;
    const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
    console.log(`first paint, demo case overview: ${paint.toFixed(0)} ms (first-contentful-paint ${fcp.toFixed(0)} ms); bare page ${refPaint.toFixed(0)} ms; ratio ${(paint / refPaint).toFixed(1)}x`);
    await page.goto(`http://127.0.0.1:${web.host.port}/bench.html`);
    await page.waitForFunction(() => !!(globalThis as unknown as Partial<BenchWin>).__bench);
    const g500 = await page.evaluate(() => (globalThis as unknown as BenchWin).__bench.graph(500));
    const g5k = await page.evaluate(() => (globalThis as unknown as BenchWin).__bench.graph(5000));
    console.log(`graph 500 nodes: load ${g500.loadMs!.toFixed(0)} ms, wheel-zoom frame median ${g500.wheelMedianMs!.toFixed(1)} ms, full redraw median ${g500.interactionMedianMs!.toFixed(1)} ms`);
    console.log(`graph 5,000 nodes (${g5k.edges} edges, ${g5k.webgl ? 'WebGL' : 'canvas 2D'}): load ${g5k.loadMs!.toFixed(0)} ms, wheel-zoom frame median ${g5k.wheelMedianMs!.toFixed(1)} ms, full redraw median ${g5k.interactionMedianMs!.toFixed(1)} ms (p90 ${g5k.interactionP90Ms!.toFixed(1)}), select+highlight ${g5k.selectMs!.toFixed(1)} ms; wheel ratio 5k/500 ${(g5k.wheelMedianMs! / Math.max(0.1, g500.wheelMedianMs!)).toFixed(2)}x`);
    const t10k = await page.evaluate(() => (globalThis as unknown as BenchWin).__bench.timeline(10000));
    const t100k = await page.evaluate(() => (globalThis as unknown as BenchWin).__bench.timeline(100000));
    console.log(`timeline 10,000 events: first render ${t10k.firstRenderMs!.toFixed(1)} ms, zoom re-render median ${t10k.zoomRenderMedianMs!.toFixed(1)} ms`);
    console.log(`timeline 100,000 events: first render ${t100k.firstRenderMs!.toFixed(1)} ms, zoom re-render median ${t100k.zoomRenderMedianMs!.toFixed(1)} ms, p90 ${t100k.zoomRenderP90Ms!.toFixed(1)} ms; ratio 100k/10k ${(t100k.zoomRenderMedianMs! / Math.max(0.1, t10k.zoomRenderMedianMs!)).toFixed(2)}x`);
  } finally {
    await browser?.close();
    await web.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
