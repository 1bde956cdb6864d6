/** CLI usage errors exit 2 with a one-line reason; help exits 0 (POSIX convention, as tshark and git do). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

const root = new URL('../..', import.meta.url).pathname;
const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli.ts', ...args], { cwd: root, encoding: 'utf8' });

test('unknown option, missing value and bad choices are usage errors (exit 2)', () => {
  const cases: [string[], RegExp][] = [
    [['decode', 'x.pcap', '--bogus'], /sigtrail decode: unknown option --bogus/],
    [['query', '--case'], /--case needs a value/],
    [['detect', '--case', 'c.duckdb', '--format', 'xml'], /--format must be table or ndjson/],
    [['generate', '--out', '/tmp/never', '--messages', '-5'], /--messages needs a non-negative number/],
    [['frobnicate'], /unknown command 'frobnicate'/],
  ];
  for (const [args, re] of cases) {
    const r = cli(...args);
    assert.equal(r.status, 2, `${args.join(' ')}: exit ${r.status}, stderr ${r.stderr}`);
    assert.match(r.stderr, re);
  }
});

test('--help exits 0 and a failure that is not a usage error exits 1', () => {
  assert.equal(cli('decode', '--help').status, 0);
  const r = cli('decode', '/nonexistent/file.pcap');
  assert.equal(r.status, 1, r.stderr);
});
