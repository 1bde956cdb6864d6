// Lint: enforces the layer boundaries. shared/ is pure TypeScript that runs in
// Node 20, Electron's Node and the browser: no Node, Electron or DOM imports,
// except in shared/node/ (the clearly named Node-only adapters).
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'zlib', 'crypto', 'stream', 'child_process', 'worker_threads', 'http', 'https', 'net', 'url', 'util', 'events', 'buffer', 'readline', 'process', 'assert'];
const NODE_MSG = 'shared/ must stay free of Node APIs: put Node code in shared/node/.';
// Bare module names go in `paths` (exact match): as gitignore-style patterns, 'util'
// would also match relative imports such as '../util/digits.js'.
const bannedPaths = nodeBuiltins.flatMap((n) => [
  { name: n, message: NODE_MSG },
  ...['promises', 'types', 'web'].map((sub) => ({ name: `${n}/${sub}`, message: NODE_MSG })),
]);
const banned = [
  { group: ['node:*'], message: NODE_MSG },
  { group: ['electron', 'electron/*'], message: 'shared/ must not import Electron.' },
  { group: ['react', 'react-dom', 'cytoscape', 'zustand'], message: 'shared/ must not import UI libraries.' },
  { group: ['@duckdb/*'], message: 'DuckDB is Node-only: use it from shared/node/.' },
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'release/**', 'test/artifacts/**', '**/*.d.ts'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-explicit-any': 'warn',
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/node/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: bannedPaths, patterns: banned }],
      'no-restricted-globals': ['error',
        { name: 'window', message: 'no DOM in shared/' },
        { name: 'document', message: 'no DOM in shared/' },
        { name: 'process', message: 'no Node globals in shared/' },
        { name: 'Buffer', message: 'use Uint8Array in shared/' },
        { name: 'require', message: 'no CommonJS in shared/' },
        { name: '__dirname', message: 'no Node globals in shared/' },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['electron', 'node:*', '@duckdb/*', '../shared/node/*', '../../shared/node/*', '../../../shared/node/*'], message: 'the renderer reaches the backend only through renderer/src/api/client.ts' },
      ] }],
    },
  },
);
