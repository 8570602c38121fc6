#!/usr/bin/env node
// `npm test [-- --unit] [--integration] [--e2e]`: provisions PostgreSQL/Redis (scripts/services.mjs),
// resets the `proda_test` database, then runs the suites in order:
//   1. Vitest, projects `unit` and `integration` (vitest.config.ts)
//   2. the production build (`turbo run build`), which the browser tests need
//   3. Playwright against the built app (playwright.config.ts)
// With no flag all three run; `--e2e` means build + Playwright. Each suite leaves a machine-readable
// report in .proda/reports/. The last line printed is `N passed, M failed[, K skipped]`, summed over
// the suites (the build counts as one check), also written to .proda/reports/summary.txt.
// A suite that cannot even run counts as one failure. Exits non-zero if anything failed.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { provisionServices, ServiceError } from "./services.mjs";
import { aptInstall, canApt, freePort, log, root, run, which } from "./lib/util.mjs";

const reportsDir = path.join(root, ".proda/reports");
const report = (name) => path.join(reportsDir, name);

const flags = new Set(process.argv.slice(2));
const all = !["--unit", "--integration", "--e2e"].some((f) => flags.has(f));
const want = { unit: all || flags.has("--unit"), integration: all || flags.has("--integration"), e2e: all || flags.has("--e2e") };

const totals = { passed: 0, failed: 0, skipped: 0 };
const add = (suite, { passed = 0, failed = 0, skipped = 0 }) => {
  totals.passed += passed; totals.failed += failed; totals.skipped += skipped;
  log("test", `${suite}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
};

// Children share our terminal (and so get Ctrl-C themselves); we only remember that it happened,
// let the current child finish, and then stop the services instead of running the next suite.
let interrupted = false;
let abortLockWait = () => {};
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => { interrupted = true; abortLockWait(); });

/** Runs a command with inherited stdio; resolves to its exit code (1 if it could not start). */
function exec(cmd, args, extraEnv = {}) {
  log("test", `$ ${[cmd, ...args].join(" ")}`);
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, ...extraEnv } });
    child.on("error", (e) => { console.error(`${cmd}: ${e.message}`); resolve(1); });
    child.on("close", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const readJson = (file) => { try { return JSON.parse(readFileSync(file, "utf8")); } catch { return null; } };

/** Counts from Vitest's JSON report; a test file that failed to load counts as one failure. */
function vitestCounts(json, code) {
  if (!json) return { failed: 1 };
  let failed = json.numFailedTests ?? 0;
  for (const file of json.testResults ?? []) {
    if (file.status === "failed" && !(file.assertionResults ?? []).some((a) => a.status === "failed")) failed++;
  }
  if (code !== 0 && failed === 0) failed = 1; // e.g. an unhandled error outside any test
  return { passed: json.numPassedTests ?? 0, failed, skipped: (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0) };
}

/** Counts from Playwright's JSON report; errors outside tests (e.g. the web server) count as one. */
function playwrightCounts(json, code) {
  if (!json?.stats) return { failed: 1 };
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = json.stats;
  let failed = unexpected;
  if (failed === 0 && (code !== 0 || (json.errors ?? []).length > 0)) failed = 1;
  return { passed: expected + flaky, failed, skipped };
}

/**
 * Serialises test runs that share one test database (several checkouts or people on one machine):
 * a second run would otherwise reset the schema under the first one's feet. A PostgreSQL advisory
 * lock, held on a connection to the maintenance database, is released even if this process dies.
 */
async function lockTestDatabase(databaseUrl) {
  const u = new URL(databaseUrl);
  const key = `proda-test:${u.pathname.slice(1)}`;
  u.pathname = "/postgres"; // advisory locks are per database: every run must lock in the same one
  const client = new pg.Client({ connectionString: u.toString() });
  client.on("error", () => {});
  abortLockWait = () => client.end().catch(() => {});
  try {
    await client.connect();
    const { rows } = await client.query("SELECT pg_try_advisory_lock(hashtext($1)) AS ok", [key]);
    if (!rows[0].ok) {
      log("test", "another test run is using the test database; waiting for it to finish");
      await client.query("SELECT pg_advisory_lock(hashtext($1))", [key]);
    }
  } catch (err) {
    if (!interrupted) log("test", `warning: could not lock the test database (${err.message}); continuing without`);
  }
  abortLockWait = () => {};
  return () => client.end().catch(() => {});
}

function finish(code) {
  const line = `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`;
  mkdirSync(reportsDir, { recursive: true });
  writeFileSync(report("summary.txt"), `${line}\n`);
  console.log(line);
  process.exit(code || (totals.failed > 0 ? 1 : 0));
}

async function main() {
  Object.assign(process.env, { TURBO_TELEMETRY_DISABLED: "1", NEXT_TELEMETRY_DISABLED: "1" });
  // Uploaded files of the test runs stay inside the checkout (git-ignored), apart from a dev store.
  process.env.PRODA_DATA_DIR ??= path.join(root, ".proda", "test-data");

  let svc;
  try {
    svc = await provisionServices({ purpose: "test" });
  } catch (err) {
    console.error(err instanceof ServiceError ? `\n${err.message}\n` : err);
    add("services", { failed: 1 });
    return 1;
  }

  const unlock = await lockTestDatabase(svc.databaseUrl);
  try {
    if (interrupted) { add("interrupted", { failed: 1 }); return 130; }
    // Only now, holding the lock: a concurrent run may still be writing its reports.
    mkdirSync(reportsDir, { recursive: true });
    for (const f of ["vitest.json", "playwright.json", "summary.txt"]) rmSync(report(f), { force: true });

    // Set-up that every suite needs: when it fails, nothing after it can mean anything.
    if ((await exec(process.execPath, ["scripts/prisma.mjs", "generate"])) !== 0) {
      add("prisma generate", { failed: 1 });
      return 1;
    }
    if (want.integration) ensureComposeCli();
    if (want.integration || want.e2e) {
      const reset = await exec(process.execPath, ["scripts/prisma.mjs", "migrate", "reset", "--force", "--skip-seed", "--skip-generate"]);
      if (reset !== 0) {
        add("reset test database", { failed: 1 });
        return 1;
      }
      await dropTestQueues(svc.redisUrl);
    }

    if ((want.unit || want.integration) && !interrupted) {
      const projects = [want.unit && "unit", want.integration && "integration"].filter(Boolean);
      const code = await exec("npx", [
        "vitest", "run", ...projects.flatMap((p) => ["--project", p]),
        "--reporter=default", "--reporter=json", `--outputFile=${report("vitest.json")}`,
      ]);
      add("vitest", vitestCounts(readJson(report("vitest.json")), code));
    }

    if (want.e2e && !interrupted) {
      const built = (await exec("npx", ["turbo", "run", "build"])) === 0;
      add("build", built ? { passed: 1 } : { failed: 1 });

      const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
      if (!existsSync(chromium) && canApt()) {
        log("test", `${chromium} is missing; apt-get install -y chromium`);
        aptInstall("chromium");
      }
      if (interrupted) {
        // fall through to the summary
      } else if (!built) {
        log("test", "playwright: not run, because the build failed");
        add("playwright", { failed: 1 });
      } else if (!existsSync(chromium)) {
        log("test", `playwright: not run, no browser at ${chromium} (install chromium or set CHROMIUM_PATH)`);
        add("playwright", { failed: 1 });
      } else {
        // Another app (a dev `npm start`?) may hold 3100; the config reads E2E_PORT.
        const E2E_PORT = String(await freePort(Number(process.env.E2E_PORT ?? 3100)));
        const code = await exec("npx", ["playwright", "test", "--pass-with-no-tests"], {
          E2E_PORT, PLAYWRIGHT_JSON_OUTPUT_FILE: report("playwright.json"),
        });
        add("playwright", playwrightCounts(readJson(report("playwright.json")), code));
      }
    }
    if (!interrupted) return 0;
    add("interrupted", { failed: 1 }); // an unfinished run must not read as a clean one
    return 130;
  } finally {
    await unlock();
    await svc.stop();
  }
}

main().then(finish, (err) => { console.error(err); add("test runner", { failed: 1 }); finish(1); });

/**
 * Queue keys that earlier runs' test files left in Redis (each file has its own "test-…" prefix):
 * the database they belonged to was just reset. Held under the test lock, so no run is using them.
 */
async function dropTestQueues(redisUrl) {
  const { Redis } = await import("ioredis");
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = "0";
    let dropped = 0;
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", "test-*", "COUNT", 1000);
      cursor = next;
      if (keys.length) dropped += await redis.unlink(...keys);
    } while (cursor !== "0");
    if (dropped) log("test", `dropped ${dropped} Redis keys left by earlier test runs`);
  } finally {
    redis.disconnect();
  }
}

/**
 * The compose test validates docker-compose.yml with a compose CLI's `config` (no engine needed).
 * Debian's docker-compose provides one; --no-install-recommends keeps apt from pulling in an engine.
 */
function ensureComposeCli() {
  const hasPlugin = which("docker") !== null && run("docker", ["compose", "version"], { stdio: "ignore" }) === 0;
  if (hasPlugin || which("docker-compose") !== null || !canApt()) return;
  log("test", "installing docker-compose (apt) for the compose config check");
  aptInstall("--no-install-recommends", "docker-compose");
}
