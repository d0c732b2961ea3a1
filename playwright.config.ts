import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { defineConfig } from '@playwright/test'
import { E2E_ADMIN } from './e2e/support/credentials.js'

/**
 * End-to-end tests drive the built client in Chromium against the real server
 * (`node --import tsx server/main.ts`, as `npm start` runs it) with real files.
 * `npm run test:e2e` builds the client first; the server serves dist/client.
 */

const port = Number(process.env.E2E_PORT ?? 4317)
// The server checks the Origin header against PUBLIC_URL, so the browser must use exactly this origin.
const origin = `http://localhost:${port}`

// Playwright evaluates this file in the runner and again in every worker. The runner
// creates the data directory and passes it on in the environment, so all agree on one.
function sharedDataDir(): string {
  const inherited = process.env.E2E_DATA_DIR
  if (inherited) return inherited
  const created = mkdtempSync(path.join(os.tmpdir(), 'plenary-e2e-'))
  process.env.E2E_DATA_DIR = created
  // Only the process that created it removes it, after the web server has been stopped.
  process.once('exit', () => {
    if (process.env.E2E_KEEP_DATA) console.log(`End-to-end data kept in ${created}`)
    else rmSync(created, { recursive: true, force: true })
  })
  return created
}
const dataDir = sharedDataDir()

export default defineConfig({
  testDir: 'e2e',
  // Two cores: one browser-driving worker plus the server is what the machine holds without timing noise.
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: 'list',
  // Generous: CI machines have two cores and the server, Chromium and three browser contexts share them.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: origin,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      // Debian's Chromium: Playwright's own browsers cannot be downloaded here.
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: 'node --import tsx server/main.ts',
    url: `${origin}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
    // SIGTERM lets the server save open statements and release the data directory's lock.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ADMIN_EMAIL: E2E_ADMIN.email,
      ADMIN_PASSWORD: E2E_ADMIN.password,
      CLIENT_DIR: 'dist/client',
      PUBLIC_URL: origin,
    },
  },
})
