/**
 * The investigator's path through the workbench, in Debian Chromium against
 * the local web host: open the demo case, import a capture with progress, find
 * an alert, follow it to the timeline, graph and ladder, triage it, reload and
 * see the triage persisted, run a SQL query. Screenshots of every view go to
 * test/artifacts/. Prints first paint and the graph (5,000 nodes) and timeline
 * (100,000 events) timings measured on the renderer's bench page.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ensureRenderer, startWeb } from '../../electron/cli/web.js';
import { artifacts, chromiumMissing, launchChromium, makeDemoCase, root } from './helpers.js';
import { CAPTURES } from '../helpers/shared-dir.js';

/** The bits of the DOM used inside page.evaluate callbacks (this tsconfig has no DOM lib). */
type Dom = { document: { querySelector(s: string): { textContent: string | null } | null }; location: { hash: string } };

const CAPTURE = join(CAPTURES, 'magma__gx_gy_combined_04_210505_133027-1.pcapng');

test('workbench end to end through the web host', { skip: chromiumMissing, timeout: 300_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sigtrail-e2e-'));
  mkdirSync(artifacts, { recursive: true });
  const t = (label: string, t0: number) => console.log(`# ${label}: ${((performance.now() - t0) / 1000).toFixed(2)} s`);
  let t0 = performance.now();
  const rendererDir = await ensureRenderer(root, true, () => undefined, join(dir, 'renderer'));
  t('renderer build', t0);
  t0 = performance.now();
  const demo = await makeDemoCase(dir);
  t('demo case (generate + ingest + detect)', t0);
  const web = await startWeb({ root, rendererDir, stateDir: join(dir, 'state'), casesDir: join(dir, 'cases') });
  const api = async <T>(method: string, args: object = {}): Promise<T> => {
    const r = await fetch(`http://127.0.0.1:${web.host.port}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-sigtrail-token': web.host.token }, body: JSON.stringify(args) });
    const b = (await r.json()) as { ok: boolean; result: T; error?: string };
    if (!b.ok) throw new Error(b.error);
    return b.result;
  };
  let browser: Awaited<ReturnType<typeof launchChromium>> | null = null;
  let page: Page = null as unknown as Page;
  const errors: string[] = [];
  const shot = (name: string) => page.screenshot({ path: join(artifacts, `${name}.png`) });
  const nav = async (view: string) => {
    await page.click(`[data-view=${view}]`);
    await page.waitForSelector(`[data-testid=view-${view}]`);
  };
  try {
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (e) => errors.push(e.message));
    // --- open the demo case (first paint measured from navigation to the Cases view)
    t0 = performance.now();
    await page.goto(web.host.url);
    await page.waitForSelector('[data-testid=view-cases]');
    const firstPaint = performance.now() - t0;
    const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
    assert.ok(!page.url().includes('token='), 'the token is removed from the address bar');
    await page.fill('[data-testid=open-path]', demo.casePath);
    t0 = performance.now();
    await page.click('[data-testid=open-btn]');
    await page.waitForSelector('[data-testid=case-badge]');
    await nav('overview');
    await page.waitForSelector('.kpi .v');
    await page.waitForSelector('[data-testid=histogram] rect');
    const overviewMs = performance.now() - t0;
    console.log(`# first paint (page → cases view): ${firstPaint.toFixed(0)} ms; first-contentful-paint ${fcp?.toFixed(0)} ms; demo case open → overview drawn: ${overviewMs.toFixed(0)} ms`);
    const kpi = await page.locator('.kpi').first().innerText();
    assert.match(kpi, /\d/);
    await shot('overview');

    // --- import a capture with progress
    await nav('cases');
    await page.fill('[data-testid=import-paths]', CAPTURE);
    await page.click('[data-testid=import-btn]');
    const seen: { state: string; pct: number; rate: string }[] = [];
    t0 = performance.now();
    for (;;) {
      const job = page.locator('[data-testid=job]').first();
      const state = (await job.getAttribute('data-state').catch(() => null)) ?? 'none';
      const pct = Number((await job.locator('[data-testid=job-progress]').getAttribute('data-pct').catch(() => '0')) ?? 0);
      const rate = (await job.locator('[data-testid=job-rate]').innerText().catch(() => '')) ?? '';
      seen.push({ state, pct, rate });
      if (state === 'done' || state === 'failed') break;
      if (performance.now() - t0 > 120_000) throw new Error(`import did not finish: ${JSON.stringify(seen.slice(-3))}`);
      if (seen.length === 3) await shot('import-progress');
      await page.waitForTimeout(150);
    }
    t('import with detection (UI)', t0);
    const last = seen[seen.length - 1]!;
    assert.equal(last.state, 'done', JSON.stringify(seen.slice(-5)));
    assert.ok(seen.some((s) => s.state === 'running'), 'progress was shown while running');
    assert.ok(seen.some((s) => s.state === 'running' && s.pct > 0), `progress advanced: ${JSON.stringify(seen.slice(0, 8))}`);
    assert.ok(seen.some((s) => /[1-9][\d,]* msg\/s/.test(s.rate)), 'a message rate was shown');
    await page.waitForSelector('[data-testid=evidence-table] tbody tr:nth-child(2)');
    const evText = await page.locator('[data-testid=evidence-table]').innerText();
    assert.match(evText, /magma__gx_gy_combined_04/);
    assert.match(evText, /[0-9a-f]{16}…/, 'evidence hashes are listed');
    await shot('cases');

    // --- find an alert (one with a victim, an attacker node and evidence frames)
    const alerts = await api<{ id: string; detector: string; severity: string; victimImsi: string | null; victimMsisdn: string | null; frames: number; attacker: string }[]>('alerts');
    assert.ok(alerts.length > 0, 'the demo case has alerts');
    const target = alerts.find((a) => (a.victimImsi || a.victimMsisdn) && a.frames > 0 && /GT \+/.test(a.attacker) && a.detector !== 'camel-redirection') ?? alerts.find((a) => a.victimImsi && a.frames > 0)!;
    assert.ok(target, 'an alert with a victim and evidence');
    await nav('alerts');
    await page.fill('input[placeholder^="search"]', target.detector);
    await page.click(`[data-alert="${target.id}"]`);
    await page.waitForSelector('[data-testid=alert-detail] .trace');
    const trace = await page.locator('[data-testid=alert-detail] .trace').innerText();
    assert.ok(trace.length > 10, 'rule trace shown');
    await shot('alerts');

    // --- follow it to the timeline
    await page.click('[data-testid=to-timeline]');
    await page.waitForSelector('[data-testid=view-timeline]');
    await page.waitForFunction(() => /[1-9][\d,]* events/.test((globalThis as unknown as Dom).document.querySelector('[data-testid=view-timeline] .toolbar')?.textContent ?? ''));
    await page.waitForTimeout(300);
    await shot('timeline');
    // Click an event on the canvas → its dialogue ladder.
    const box = (await page.locator('[data-testid=timeline-canvas]').boundingBox())!;
    const picked = await page.evaluate(() => (globalThis as unknown as Dom).location.hash);
    assert.match(picked, /^#timeline\?(imsi|msisdn)=/);
    void box;

    // --- … to the graph
    await nav('alerts');
    await page.click(`[data-alert="${target.id}"]`).catch(() => undefined);
    await page.waitForSelector('[data-testid=to-graph]:not([disabled])');
    await page.click('[data-testid=to-graph]');
    await page.waitForSelector('[data-testid=view-graph]');
    await page.waitForSelector('[data-testid=node-detail] h2');
    const nodeText = await page.locator('[data-testid=node-detail]').innerText();
    assert.match(nodeText, /Peers/i);
    await shot('graph');

    // --- … and to the ladder, with decoded fields and raw bytes of the frame
    await nav('alerts');
    await page.click(`[data-alert="${target.id}"]`).catch(() => undefined);
    await page.waitForSelector('[data-testid=to-ladder]:not([disabled])');
    await page.click('[data-testid=to-ladder]');
    await page.waitForSelector('[data-testid=ladder-svg] g[data-frame]');
    await page.waitForSelector('[data-testid=frame-detail] [data-testid=hex]');
    const hex = await page.locator('[data-testid=hex]').innerText();
    assert.match(hex, /^000000 {2}[0-9a-f]{2} /, 'raw bytes re-read from the evidence');
    await shot('ladder');

    // --- triage it, reload, see it persisted
    await nav('alerts');
    await page.click(`[data-alert="${target.id}"]`);
    await page.waitForSelector('[data-testid=triage-status]');
    await page.selectOption('[data-testid=triage-status]', 'confirmed');
    await page.fill('[data-testid=triage-tags]', 'e2e, tracking');
    await page.fill('[data-testid=triage-note]', 'confirmed by the E2E run');
    await page.click('[data-testid=triage-save]');
    await page.waitForSelector(`[data-alert="${target.id}"] .status.confirmed`);
    await page.reload();
    await page.waitForSelector('[data-testid=view-alerts]');
    await page.waitForSelector('[data-testid=triage-status]');
    assert.equal(await page.inputValue('[data-testid=triage-status]'), 'confirmed');
    assert.equal(await page.inputValue('[data-testid=triage-tags]'), 'e2e, tracking');
    assert.equal(await page.inputValue('[data-testid=triage-note]'), 'confirmed by the E2E run');
    const hist = await page.locator('[data-testid=alert-detail]').innerText();
    assert.match(hist, /triage/);

    // --- the case report: a download carrying the triage just saved and the evidence hash
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=report-export]')]);
    assert.match(download.suggestedFilename(), /-report-\d{4}-\d{2}-\d{2}\.html$/);
    const reportPath = join(dir, download.suggestedFilename());
    await download.saveAs(reportPath);
    const report = readFileSync(reportPath, 'utf8');
    assert.match(report, /confirmed by the E2E run/, 'the report carries the analyst note');
    const ev = await api<Array<{ sha256: string | null }>>('evidenceList');
    assert.ok(ev[0]?.sha256 && report.includes(ev[0].sha256), 'the report names the evidence SHA-256');
    assert.ok(report.includes(`id="alert-${target.id}"`), 'the triaged alert is in the report');

    // --- messages view with a filter expression
    await nav('messages');
    await page.fill('[data-testid=msg-filter]', 'family == map and op_name contains "location"');
    await page.press('[data-testid=msg-filter]', 'Enter');
    await page.waitForFunction(() => /^[1-9]/.test((globalThis as unknown as Dom).document.querySelector('[data-testid=msg-total]')?.textContent ?? ''));
    await page.waitForSelector('[data-testid=msg-table] .r');
    await shot('messages');

    // --- SQL console
    await nav('sql');
    await page.fill('[data-testid=sql-text]', "SELECT detector, count(*) AS n FROM alerts GROUP BY detector ORDER BY n DESC");
    await page.click('[data-testid=sql-run]');
    await page.waitForSelector('[data-testid=sql-grid] tbody tr');
    const rows = await page.locator('[data-testid=sql-grid] tbody tr').count();
    assert.ok(rows > 0);
    assert.match(await page.locator('[data-testid=sql-status]').innerText(), /rows/);
    await shot('sql');

    // --- scenario library (step through the generated case)
    await nav('scenarios');
    await page.waitForSelector('[data-testid=scenario-steps]');
    await shot('scenarios');

    // --- renderer at scale (synthetic data on the bench page, same model classes)
    await page.goto(`http://127.0.0.1:${web.host.port}/bench.html`);
    await page.waitForFunction(() => !!(globalThis as unknown as { __bench?: unknown }).__bench);
    const g = await page.evaluate(() => (globalThis as unknown as { __bench: { graph(n: number): Promise<Record<string, number>> } }).__bench.graph(5000));
    const tl = await page.evaluate(() => (globalThis as unknown as { __bench: { timeline(n: number): Promise<Record<string, number>> } }).__bench.timeline(100000));
    console.log(`# graph 5,000 nodes / ${g.edges} edges (${g.webgl ? 'WebGL' : 'canvas 2D'}): load ${g.loadMs!.toFixed(0)} ms, wheel-zoom frame median ${g.wheelMedianMs!.toFixed(1)} ms, full redraw median ${g.interactionMedianMs!.toFixed(1)} ms (p90 ${g.interactionP90Ms!.toFixed(1)}), select+highlight ${g.selectMs!.toFixed(1)} ms`);
    console.log(`# timeline 100,000 events: first render ${tl.firstRenderMs!.toFixed(1)} ms, zoom re-render median ${tl.zoomRenderMedianMs!.toFixed(1)} ms (p90 ${tl.zoomRenderP90Ms!.toFixed(1)})`);
    assert.equal(g.nodes, 5000);
    assert.equal(tl.events, 100000);
    assert.deepEqual(errors, [], 'no uncaught errors in the page');
  } finally {
    await browser?.close();
    await web.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
