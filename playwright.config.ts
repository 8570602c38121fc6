// Browser tests against the production build: `npm test -- --e2e` (scripts/test.mjs provisions
// PostgreSQL/Redis, builds, and passes DATABASE_URL, REDIS_URL and PRODA_SECRET_KEY in the env).
// Debian's Chromium, never `npx playwright install` (no browser download here; STACK.md).
import { randomBytes } from "node:crypto";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

// This file is evaluated by the runner and again by each test worker; `??=` on process.env keeps one
// value, because workers inherit the runner's env. A queue prefix of its own keeps this run's jobs
// apart from a dev worker's or another run's on a shared Redis.
process.env.PRODA_E2E_QUEUE_PREFIX ??= `e2e-${randomBytes(4).toString("hex")}`;

const serverEnv = {
  ...(process.env as Record<string, string>),
  NODE_ENV: "production",
  PRODA_COOKIE_SECURE: "false", // plain http on 127.0.0.1
  PRODA_QUEUE_PREFIX: process.env.PRODA_E2E_QUEUE_PREFIX,
  NEXT_TELEMETRY_DISABLED: "1",
};

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  reporter: [
    ["list"],
    ["json", { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ?? ".proda/reports/playwright.json" }],
  ],
  use: {
    baseURL,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: [
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage",
          ],
        },
      },
    },
  ],
  webServer: [
    {
      name: "web",
      command: `npm run start -w @proda/web -- -p ${port} -H 127.0.0.1`,
      url: `${baseURL}/api/v1/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: serverEnv,
      stdout: "ignore",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    },
    {
      name: "worker",
      command: "npm run start -w @proda/worker",
      // The worker logs a JSON line containing "worker ready" once its queues are consumed.
      wait: { stdout: /worker ready/, stderr: /worker ready/ },
      reuseExistingServer: false,
      timeout: 120_000,
      env: serverEnv,
      stdout: "ignore",
      stderr: "pipe",
      // It drains running jobs on SIGTERM (up to 20 s) before exiting.
      gracefulShutdown: { signal: "SIGTERM", timeout: 25_000 },
    },
  ],
});
