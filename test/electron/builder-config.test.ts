import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
// js-yaml ships with electron-builder (which reads this file with it).
const yaml = createRequire(import.meta.url)('js-yaml') as { load(s: string): unknown };

/** electron-builder style glob (**, *, {a,b}) → RegExp, enough to check our patterns. */
function globRe(g: string): RegExp {
  let s = '';
  for (let i = 0; i < g.length; i++) {
    const c = g[i]!;
    if (c === '*' && g[i + 1] === '*') {
      s += '.*';
      i++;
      if (g[i + 1] === '/') i++;
    } else if (c === '*') s += '[^/]*';
    else if (c === '{') {
      const end = g.indexOf('}', i);
      s += `(${g.slice(i + 1, end).split(',').map((x) => x.replace(/[.+^$()|[\]\\]/g, '\\$&')).join('|')})`;
      i = end;
    } else s += c.replace(/[.+?^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${s}$`);
}

function walk(dir: string, out: string[] = []): string[] {
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

test('electron-builder.yml targets AppImage, deb, NSIS and dmg and unpacks DuckDB native files', () => {
  interface Platform { target: string[]; icon: string }
  const cfg = yaml.load(readFileSync(join(root, 'build/electron-builder.yml'), 'utf8')) as {
    appId: unknown; productName: string; asar: boolean; extraMetadata: { main: string }; files: string[]; asarUnpack: string[]; linux: Platform; win: Platform; mac: Platform;
  };
  assert.equal(typeof cfg.appId, 'string');
  assert.equal(cfg.productName, 'Sigtrail');
  assert.deepEqual(cfg.linux.target, ['AppImage', 'deb']);
  assert.deepEqual(cfg.win.target, ['nsis']);
  assert.deepEqual(cfg.mac.target, ['dmg']);
  assert.equal(cfg.asar, true);
  assert.equal(cfg.extraMetadata.main, 'out/main/index.js');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
  assert.equal(pkg.main, cfg.extraMetadata.main, 'package.json main and the packaged entry agree');
  for (const k of ['linux', 'win', 'mac'] as const) assert.ok(existsSync(join(root, cfg[k].icon)), `${k} icon ${cfg[k].icon} exists`);
  assert.ok(cfg.files.includes('out/**/*'), 'the electron-vite output is packaged');
  // Every DuckDB native file installed here must match an asarUnpack pattern.
  const unpack = cfg.asarUnpack.map(globRe);
  const natives = walk(join(root, 'node_modules/@duckdb')).map((p) => relative(root, p)).filter((p) => /\.(node|so(\.\d+)*|dylib|dll)$/.test(p));
  assert.ok(natives.length >= 2, `DuckDB native files found: ${natives.join(', ')}`);
  for (const n of natives) assert.ok(unpack.some((re) => re.test(n)), `${n} is unpacked from the asar`);
  // Patterns for the other platforms' DuckDB binaries.
  for (const n of ['node_modules/@duckdb/node-bindings-darwin-arm64/libduckdb.dylib', 'node_modules/@duckdb/node-bindings-win32-x64/duckdb.dll', 'node_modules/@duckdb/node-bindings-win32-x64/duckdb.node']) {
    assert.ok(unpack.some((re) => re.test(n)), `${n} would be unpacked`);
  }
  assert.ok(!unpack.some((re) => re.test('out/renderer/index.html')), 'the renderer stays inside the asar');
});

test('electron-vite config uses the custom layout and a CommonJS sandboxed preload', () => {
  const s = readFileSync(join(root, 'electron.vite.config.ts'), 'utf8');
  for (const needle of ["'electron/main/index.ts'", "'electron/preload/index.ts'", "root: resolve(root, 'renderer')", "'out/main'", "'out/preload'", "'out/renderer'", "format: 'cjs'"]) {
    assert.ok(s.includes(needle), `electron.vite.config.ts mentions ${needle}`);
  }
});
