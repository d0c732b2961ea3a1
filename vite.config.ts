import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

const repoRoot = fileURLToPath(new URL('.', import.meta.url))

export default defineConfig({
  root: 'client',
  plugins: [react()],
  // One copy of Yjs in the bundle: two copies break `instanceof` checks and the sync.
  resolve: { dedupe: ['yjs', 'y-protocols', 'lib0', '@tiptap/pm', '@tiptap/core'] },
  // `npm run dev`: the Vite dev server forwards the API and the collaboration socket.
  server: {
    proxy: {
      '/api': `http://127.0.0.1:${process.env.PLENARY_API_PORT ?? 3000}`,
      '/collab': { target: `ws://127.0.0.1:${process.env.PLENARY_API_PORT ?? 3000}`, ws: true },
    },
  },
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
    // The lazily loaded editor chunk (Tiptap, ProseMirror, Yjs) is about 530 kB; it loads only on a statement page.
    chunkSizeWarningLimit: 700,
  },
  test: {
    root: repoRoot,
    include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'client/**/*.test.{ts,tsx}', 'bench/**/*.test.ts'],
    // Integration tests start real servers and real child processes.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
})
