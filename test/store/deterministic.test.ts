/**
 * Derived tables are a function of the evidence: rebuilding them over the same
 * messages must give the same content every time (an auditor re-running a case
 * must see the same nodes, dialogues and KPIs). Ties in "busiest SSN/role per
 * node" once made `nodes` differ between rebuilds.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateFiles } from '../../shared/generator/index.js';
import { openCase, ingestFiles, rebuildDerived, caseQuery, closeCase } from '../../shared/node/store/case.js';

const TABLES = ['nodes', 'dialogues', 'links', 'subscribers', 'locations', 'kpis'];

test('rebuilding the derived tables three times gives identical content', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sigtrail-det-'));
  try {
    const g = await generateFiles({ seed: 11, messages: 6000 });
    const pcap = join(dir, 'capture.pcap');
    writeFileSync(pcap, g.pcap);
    const h = await openCase(join(dir, 'case.duckdb'));
    try {
      await ingestFiles(h, [pcap]);
      const snapshots: string[] = [];
      for (let i = 0; i < 3; i++) {
        if (i > 0) await rebuildDerived(h);
        const parts: string[] = [];
        for (const tb of TABLES) {
          const r = await caseQuery(h, `SELECT count(*) AS n, md5(string_agg(x::VARCHAR, '|' ORDER BY x::VARCHAR)) AS h FROM ${tb} x`);
          assert.ok(Number(r[0]!.n) > 0, `${tb} is empty`);
          parts.push(`${tb}:${String(r[0]!.h)}`);
        }
        snapshots.push(parts.join(' '));
      }
      assert.equal(snapshots[1], snapshots[0]);
      assert.equal(snapshots[2], snapshots[0]);
    } finally {
      await closeCase(h);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
