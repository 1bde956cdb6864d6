/** Shared E2E plumbing: a demo case, the web host, Debian Chromium. */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { createApiService } from '../../shared/node/api/service.js';

export const root = new URL('../..', import.meta.url).pathname;
export const artifacts = join(root, 'test', 'artifacts');
export const CHROMIUM = '/usr/bin/chromium';
export const chromiumMissing = existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed (apt-get install chromium)`;

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  // Playwright gives every launch a fresh temporary user-data-dir.
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Makes the demo case the way the workbench's scenario library (and npm start)
 * does: a generated capture with every scenario → new case → ingest → detect.
 */
export async function makeDemoCase(dir: string, messages = 6000): Promise<{ casePath: string; seconds: number }> {
  mkdirSync(dir, { recursive: true });
  const t0 = performance.now();
  const s = createApiService({ host: 'web', stateDir: join(dir, 'state'), casesDir: join(dir, 'cases') });
  try {
    const casePath = join(dir, 'cases', 'demo.duckdb');
    const { jobId } = await s.scenarioGenerate({ scenarios: ['all'], seed: 2026, messages, path: casePath });
    for (;;) {
      const j = await s.jobStatus({ jobId });
      if (j && j.state !== 'running') {
        if (j.state !== 'done') throw new Error(`demo case: ${j.state}: ${j.error ?? ''}`);
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    return { casePath, seconds: (performance.now() - t0) / 1000 };
  } finally {
    await s.close();
  }
}
