// electron-vite build layout: main and preload from electron/, renderer rooted at renderer/.
// Output: out/main/index.js, out/preload/index.cjs, out/renderer/index.html (+ bench.html).
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const root = import.meta.dirname ?? process.cwd();

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      externalizeDeps: true,
      rollupOptions: {
        // The store's decode worker is loaded by URL next to the main bundle (see shared/node/ingest/run-worker.ts).
        input: { index: resolve(root, 'electron/main/index.ts'), 'decode.worker': resolve(root, 'shared/node/ingest/decode.worker.ts') },
        external: ['electron', /^@duckdb\//, /^node:/],
        output: { format: 'es', entryFileNames: (c) => (c.name.endsWith('.worker') ? '[name].mjs' : '[name].js') },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      externalizeDeps: true,
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        external: ['electron'],
        // Sandboxed preloads must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      chunkSizeWarningLimit: 4096,
      rollupOptions: {
        input: { index: resolve(root, 'renderer/index.html'), bench: resolve(root, 'renderer/bench.html') },
      },
    },
  },
});
