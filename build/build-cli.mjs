// Bundles the CLI (electron/cli.ts) and Node worker entries into dist/ with esbuild.
// Runs on `npm install` (prepare) so that `npx sigtrail …` works right after it.
import { build } from 'esbuild';
import { readdirSync, existsSync, chmodSync, statSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const entryPoints = {
  sigtrail: join(root, 'electron/cli.ts'),
  // the streaming capture decoder as a library entry (used by the RSS benchmark's child process)
  'capture-file': join(root, 'shared/node/capture-file.ts'),
};
// Worker entries: any shared/node/**/*.worker.ts becomes dist/<name>.worker.mjs
(function walk(dir) {
  if (!existsSync(dir)) return;
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) walk(p);
    else if (n.endsWith('.worker.ts')) entryPoints[n.replace(/\.ts$/, '')] = p;
  }
})(join(root, 'shared/node'));

const result = await build({
  entryPoints,
  outdir: join(root, 'dist'),
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  packages: 'external',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
  metafile: true,
  absWorkingDir: root,
});
// content-hashed chunks of earlier builds would pile up in dist/: keep only this build's outputs
const outputs = new Set(Object.keys(result.metafile.outputs).map((o) => join(root, o)));
for (const n of readdirSync(join(root, 'dist'))) {
  const p = join(root, 'dist', n);
  if (!outputs.has(p) && /\.mjs(\.map)?$/.test(n)) rmSync(p, { force: true });
}
chmodSync(join(root, 'dist/sigtrail.mjs'), 0o755);
if (!process.argv.includes('--quiet')) console.log('sigtrail CLI built: dist/sigtrail.mjs');
