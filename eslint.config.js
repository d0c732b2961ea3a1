import js from '@eslint/js'
import tseslint from 'typescript-eslint'

/**
 * The layer boundaries are lint rules, not hopes:
 * shared/ imports neither server/ nor client/ nor Node's I/O modules;
 * client/ never imports server/; server/ never imports client/;
 * nothing outside server/storage/ imports lowdb.
 */
const nodeIo = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'net', 'node:net', 'http', 'node:http', 'child_process', 'node:child_process']

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'test-results/**', 'playwright-report/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeIo.map((name) => ({ name, message: 'shared/ is pure: no I/O.' })),
        patterns: [{ group: ['**/server/**', '**/client/**'], message: 'shared/ imports neither server/ nor client/.' }],
      }],
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**'], message: 'The client talks to the server over HTTP and WebSocket only.' }] }],
    },
  },
  {
    files: ['server/**/*.ts'],
    ignores: ['server/storage/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'lowdb', message: 'lowdb stays inside server/storage/.' }, { name: 'lowdb/node', message: 'lowdb stays inside server/storage/.' }],
        patterns: [{ group: ['**/client/**'], message: 'The server does not import client code.' }],
      }],
    },
  },
  {
    // Tests read untyped JSON responses; the assertions are the type check there.
    files: ['**/*.test.ts', 'server/test/**/*.ts', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
)
