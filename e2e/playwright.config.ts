import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

// E2E_PORT lets two runs on one machine (e.g. CI and a developer) use different ports.
const PORT = Number(process.env.E2E_PORT ?? 8091);
const external = process.env.E2E_BASE_URL;

// Playwright loads this file in the runner and again in every worker; the env var makes all of
// them agree on one fresh database directory instead of each creating its own.
function dataDir(): string {
  const existing = process.env.MOTCUA_E2E_DATA_DIR;
  if (existing) return existing;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-e2e-'));
  process.env.MOTCUA_E2E_DATA_DIR = dir;
  // The runner exits after stopping the server; only the process that made the directory removes it.
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export default defineConfig({
  testDir: 'tests',
  // One server on a small machine: tests run one after another, and a failure is never retried away.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  // A limit, not a measurement: a whole counter-to-return journey with accessibility scans takes
  // ~25 s on a quiet 2-core machine and more while other work shares it.
  timeout: 90_000,
  reporter: [['list']],
  use: {
    baseURL: external ?? `http://127.0.0.1:${PORT}`,
    locale: 'vi-VN',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        // Debian's Chromium: browsers are never downloaded.
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
        headless: true,
      },
    },
  ],
  ...(external
    ? {}
    : {
        webServer: {
          command: 'node ../scripts/start.mjs',
          url: `http://127.0.0.1:${PORT}/api/health`,
          // Many sign-ins from one address within a minute: raise the login limit for the test server only.
          env: { PORT: String(PORT), MOTCUA_DATA_DIR: dataDir(), MOTCUA_LOGIN_RATE_LIMIT: '200', SIM_PORTAL_PORT: String(PORT + 1000) },
          timeout: 240_000,
          reuseExistingServer: false,
          stdout: 'ignore',
          stderr: 'pipe',
        },
      }),
});
