/**
 * Differential test: for every capture in ../shared/captures, Sigtrail's
 * `--format tshark` output equals tshark's reading (../shared/oracle/expected)
 * cell for cell, rows in the same order.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listCaptures, compareCapture, summarize } from './oracle-lib.js';

const captures = listCaptures();

test('the oracle corpus is present', () => {
  assert.ok(captures.length >= 30, `expected the shared capture corpus, found ${captures.length} files`);
});

for (const cap of captures) {
  test(`oracle: ${cap}`, async () => {
    const c = await compareCapture(cap);
    assert.ok(c, `no oracle file for ${cap}`);
    const ok = c.headerEqual && c.diffs.length === 0 && c.missing.length === 0 && c.extra.length === 0;
    assert.ok(ok, summarize(c));
  });
}
