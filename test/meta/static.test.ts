/**
 * Static checks that belong in every run: the type checker over every tsconfig,
 * and lint, which enforces the layer boundaries (shared/ free of Node, Electron and DOM
 * outside shared/node/; the renderer reaching the backend only through its client module).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const bin = (n: string): string => join(root, 'node_modules', '.bin', n);

function run(cmd: string, args: string[]): { code: number; out: string } {
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { code: r.status ?? 1, out: `${r.stdout}${r.stderr}` };
}

for (const cfg of ['tsconfig.json', 'renderer/tsconfig.json']) {
  test(`typecheck: ${cfg}`, { skip: !existsSync(join(root, cfg)) && `${cfg} absent` }, () => {
    const r = run(bin('tsc'), ['-p', cfg, '--noEmit']);
    assert.equal(r.code, 0, r.out.slice(0, 4000));
  });
}

test('lint: whole tree', () => {
  const r = run(bin('eslint'), ['--max-warnings=-1', 'shared', 'electron', 'renderer', 'test']);
  assert.equal(r.code, 0, r.out.slice(0, 4000));
});

test('lint refuses a Node import in shared/ (the boundary rule can fail)', () => {
  const dir = mkdtempSync(join(root, 'shared', '.lintprobe-'));
  const f = join(dir, 'probe.ts');
  try {
    writeFileSync(f, "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n");
    const r = run(bin('eslint'), ['--no-ignore', f]);
    assert.notEqual(r.code, 0, 'eslint accepted node:fs inside shared/');
    assert.match(r.out, /shared\/ must stay free of Node APIs/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
