/** Detection streams only DETECT_COLUMNS: every messages column the detection code reads must be among them. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MESSAGE_COLUMN_NAMES } from '../../shared/store/schema.js';
import { DETECT_COLUMNS } from '../../shared/node/detect/run-case.js';

test('every messages column named in shared/detect is streamed to the detectors', () => {
  const root = fileURLToPath(new URL('../../shared/detect', import.meta.url));
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts')) files.push(p);
    }
  };
  walk(root);
  assert.ok(files.length > 10, `detection sources found under ${root}`);
  const src = files.map((f) => readFileSync(f, 'utf8')).join('\n');
  // A property access `.column` anywhere in the detection code (rows are the only objects with these names).
  const named = MESSAGE_COLUMN_NAMES.filter((c) => new RegExp(`\\.${c}\\b`).test(src));
  assert.ok(named.includes('calling_gt') && named.includes('imsi'), 'the scan finds row accesses');
  const listed = new Set<string>(DETECT_COLUMNS);
  assert.deepEqual(named.filter((c) => !listed.has(c)), [], 'columns read by detection code but not streamed (add them to DETECT_COLUMNS)');
});
