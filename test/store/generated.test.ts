/**
 * Dialogue stitching on captures from `sigtrail generate` (every generated TCAP
 * dialogue starts with a Begin, so none may come out as 'no-begin', every TCAP
 * message is in exactly one dialogue, and each dialogue's messages share its
 * transaction ids). Skips with the reason when the generator is not available.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { openCase, closeCase, caseQuery, ingestFiles } from '../../shared/node/store/case.js';
import { tmpDir } from './helpers.js';

const root = new URL('../..', import.meta.url).pathname;
const t = tmpDir('gen');
const gen = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'electron/cli.ts'), 'generate', '--out', t.dir, '--seed', '7', '--messages', '3000'], { cwd: root, encoding: 'utf8' });
const cap = join(t.dir, 'capture.pcap');
const skip = gen.status !== 0 || !existsSync(cap) ? `sigtrail generate not available: ${(gen.stderr || gen.stdout || '').trim().split('\n')[0]}` : false;

test('dialogues stitched on a generated capture', { skip }, async () => {
  try {
    const h = await openCase(join(t.dir, 'c.duckdb'));
    await ingestFiles(h, [cap]);
    const tcapMsgs = await caseQuery(h, 'SELECT count(*) AS n FROM messages WHERE tcap_type IS NOT NULL AND comp_idx <= 0');
    const inDlg = await caseQuery(h, "SELECT count(*) AS n, count(DISTINCT (dm.evidence_id, dm.frame, dm.msg_idx)) AS d FROM dialogue_messages dm JOIN dialogues d USING (dialogue_id) WHERE d.kind = 'tcap'");
    assert.equal(inDlg[0]!.n, tcapMsgs[0]!.n, 'every TCAP message in one dialogue');
    assert.equal(inDlg[0]!.d, tcapMsgs[0]!.n);
    const noBegin = await caseQuery(h, "SELECT count(*) AS n FROM dialogues WHERE kind = 'tcap' AND outcome = 'no-begin'");
    assert.equal(noBegin[0]!.n, 0);
    // within a dialogue, the initiator's messages carry its OTID (or it as DTID from the other side)
    const bad = await caseQuery(h, `SELECT count(*) AS n FROM dialogue_messages dm JOIN dialogues d USING (dialogue_id) JOIN messages m ON m.evidence_id = dm.evidence_id AND m.frame = dm.frame AND m.msg_idx = dm.msg_idx AND m.comp_idx <= 0
      WHERE d.kind = 'tcap' AND d.otid IS NOT NULL AND NOT (m.otid IS NOT DISTINCT FROM d.otid OR m.dtid IS NOT DISTINCT FROM d.otid OR m.otid IS NOT DISTINCT FROM d.dtid OR m.dtid IS NOT DISTINCT FROM d.dtid)`);
    assert.equal(bad[0]!.n, 0);
    const pairs = await caseQuery(h, "SELECT count(*) AS n FROM dialogues WHERE kind = 'diameter' AND outcome = 'no-begin'");
    assert.equal(pairs[0]!.n, 0, 'every Diameter answer finds its request');
    await closeCase(h);
  } finally {
    t.done();
  }
});

test('cleanup', () => {
  if (skip) t.done();
});
