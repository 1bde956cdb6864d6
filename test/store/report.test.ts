/**
 * Case report: gathered from a case with known evidence, alerts, triage and audit rows; rendered as
 * HTML and Markdown (escaping, order, filters, frames named by evidence file); through the workbench
 * service and the `sigtrail report` command.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { openCase, closeCase, caseQuery, type CaseHandle } from '../../shared/node/store/case.js';
import { gatherCaseReport, caseReport } from '../../shared/node/report.js';
import { caseReportHtml, caseReportMarkdown, framesText } from '../../shared/report/case-report.js';
import { createApiService } from '../../shared/node/api/service.js';
import { tmpDir } from './helpers.js';

const root = new URL('../..', import.meta.url).pathname;
const T = 1_700_000_000;
const SHA = 'c0ffee'.repeat(10) + 'abcd';

async function seed(h: CaseHandle): Promise<void> {
  await h.conn.run(`INSERT INTO evidence (id, path, name, size, sha256, capture_type, first_ts, last_ts, imported_at, decoder_version, status, frames, messages, errors)
    VALUES (1, '/cases/in/attack.pcap', 'attack.pcap', 123456, '${SHA}', 'pcap', ${T}, ${T + 3600}, '2026-12-01 10:00:00', 'sigtrail-0.1.0', 'complete', 900, 880, 2)`);
  const alert = (id: string, detector: string, sev: string, start: number, explanation: string, frames: number[]) =>
    `('${id}', '${detector}', 'title of ${id}', '${sev}', 'FS.11 Cat 1', ['T1430'], ${start}, ${start + 5}, '882340000123', 7777, NULL, NULL, 'unknown network +882', NULL, '268270000000001', '351871000001',
      [${frames.map((f) => `{'evidence': '1', 'frame': ${f}}`).join(', ')}], '${explanation.replace(/'/g, "''")}', NULL, now()::TIMESTAMP)`;
  await h.conn.run(`INSERT INTO alerts VALUES
    ${alert('a-low', 'baseline-rate', 'low', T + 10, 'rate went up', [5])},
    ${alert('a-crit', 'fs11-cat1', 'critical', T + 100, 'ATI <script>alert(1)</script> from | pipe', [40, 12, 13])},
    ${alert('a-high', 'fs11-cat1', 'high', T + 50, 'sendIMSI from a foreign GT', [7])}`);
  await h.conn.run(`INSERT INTO alert_triage VALUES ('a-crit', 'confirmed', ['tracking', 'vip'], 'Seen by <b>two</b> analysts', 0), ('a-low', 'false-positive', [], 'rate test', 0)`);
  await h.conn.run(`INSERT INTO audit_log VALUES ('2026-12-01 10:05:00', 'alice', 'triage', 'a-crit', '"status new → confirmed"'::JSON)`);
}

test('case report: data, filters, HTML and Markdown rendering', async () => {
  const t = tmpDir('report');
  try {
    const casePath = join(t.dir, 'fraud-2026.duckdb');
    const h = await openCase(casePath);
    await seed(h);
    const q = (sql: string, p?: (string | number | boolean | null)[]) => caseQuery(h, sql, p);
    const d = await gatherCaseReport(q, { casePath, now: new Date('2026-12-07T12:00:00Z') });
    assert.equal(d.caseName, 'fraud-2026');
    assert.equal(d.alertsInCase, 3);
    assert.equal(d.evidence[0]!.sha256, SHA);
    const crit = d.alerts.find((a) => a.id === 'a-crit')!;
    assert.deepEqual(crit.frames.map((f) => `${f.evidence}#${f.frame}`), ['attack.pcap#40', 'attack.pcap#12', 'attack.pcap#13'], 'frames named by evidence file');
    assert.equal(crit.status, 'confirmed');
    assert.deepEqual(crit.tags, ['tracking', 'vip']);
    assert.equal(d.alerts.find((a) => a.id === 'a-high')!.status, 'new', 'an alert nobody triaged is new');
    assert.deepEqual(d.detectors.map((x) => x.id).sort(), ['baseline-rate', 'fs11-cat1'], 'descriptions of the detectors that raised alerts');
    assert.equal(d.audit.length, 1);

    const html = caseReportHtml(d);
    assert.ok(!html.includes('<script>'), 'rule traces are escaped');
    assert.ok(html.includes('ATI &lt;script&gt;alert(1)&lt;/script&gt; from | pipe'));
    assert.ok(html.includes('Seen by &lt;b&gt;two&lt;/b&gt; analysts'), 'analyst notes are escaped');
    assert.ok(html.includes(SHA));
    const order = ['a-crit', 'a-high', 'a-low'].map((id) => html.indexOf(`id="alert-${id}"`));
    assert.ok(order.every((i) => i > 0) && order[0]! < order[1]! && order[1]! < order[2]!, 'most severe first');
    assert.match(html, /attack\.pcap: 12, 13, 40/);

    const md = caseReportMarkdown(d);
    assert.match(md, /^# Case report: fraud-2026$/m);
    assert.match(md, /> ATI <script>alert\(1\)<\/script> from \| pipe/);
    assert.match(md, /\| critical \| 1 \|/);

    const f = await gatherCaseReport(q, { casePath, minSeverity: 'high', statuses: ['new', 'confirmed'] });
    assert.deepEqual(f.alerts.map((a) => a.id).sort(), ['a-crit', 'a-high']);
    assert.equal(f.scope, 'severity high and above, triage status new or confirmed');
    const none = await gatherCaseReport(q, { casePath, statuses: ['closed'] });
    assert.equal(none.alerts.length, 0);
    assert.match(caseReportHtml(none), /No alerts in scope/);

    const r = await caseReport(q, { casePath, now: new Date('2026-12-07T12:00:00Z') }, 'markdown');
    assert.equal(r.fileName, 'fraud-2026-report-2026-12-07.md');
    assert.equal(r.alerts, 3);
    await closeCase(h);

    // the workbench call
    const s = createApiService({ host: 'web', stateDir: join(t.dir, 'state'), casesDir: t.dir });
    try {
      await s.caseOpen({ path: casePath });
      const w = await s.reportExport({ minSeverity: 'critical' });
      assert.match(w.fileName, /^fraud-2026-report-\d{4}-\d{2}-\d{2}\.html$/);
      assert.equal(w.alerts, 1);
      assert.ok(w.text.includes('id="alert-a-crit"') && !w.text.includes('id="alert-a-high"'));
    } finally {
      await s.close();
    }

    // the command
    const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(root, 'electron/cli.ts'), 'report', ...args], { cwd: root, encoding: 'utf8' });
    const out = join(t.dir, 'r.md');
    const c = cli('--case', casePath, '--out', out, '--status', 'confirmed');
    assert.equal(c.status, 0, c.stderr);
    assert.match(c.stderr, /markdown report, 1 alert/);
    assert.match(readFileSync(out, 'utf8'), /### \[CRITICAL\] title of a-crit/);
    assert.equal(cli('--case', casePath, '--min-severity', 'severe').status, 2);
    assert.equal(cli().status, 2);
  } finally {
    t.done();
  }
});

test('case report: frame lists are grouped per evidence file and bounded', () => {
  const frames = [...Array.from({ length: 70 }, (_, i) => ({ evidence: 'a.pcap', frame: 100 - i })), { evidence: 'b.pcap', frame: 3 }];
  const s = framesText(frames, 60);
  assert.match(s, /^a\.pcap: 31, 32, 33/);
  assert.match(s, /, 90 \(\+10 more\); b\.pcap: 1 frame\(s\)$/);
});
