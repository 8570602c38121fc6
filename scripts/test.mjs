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
import { provisionServices, ServiceError } from "./services.mjs";
import { aptInstall, canApt, freePort, log, root } from "./lib/util.mjs";

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
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => { interrupted = true; });

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

function finish(code) {
  const line = `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`;
  mkdirSync(reportsDir, { recursive: true });
  writeFileSync(report("summary.txt"), `${line}\n`);
  console.log(line);
  process.exit(code || (totals.failed > 0 ? 1 : 0));
}

async function main() {
  mkdirSync(reportsDir, { recursive: true });
  for (const f of ["vitest.json", "playwright.json", "summary.txt"]) rmSync(report(f), { force: true });
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

  try {
    // Set-up that every suite needs: when it fails, nothing after it can mean anything.
    if ((await exec(process.execPath, ["scripts/prisma.mjs", "generate"])) !== 0) {
      add("prisma generate", { failed: 1 });
      return 1;
    }
    if (want.integration || want.e2e) {
      const reset = await exec(process.execPath, ["scripts/prisma.mjs", "migrate", "reset", "--force", "--skip-seed", "--skip-generate"]);
      if (reset !== 0) {
        add("reset test database", { failed: 1 });
        return 1;
      }
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
    return interrupted ? 130 : 0;
  } finally {
    await svc.stop();
  }
}

main().then(finish, (err) => { console.error(err); add("test runner", { failed: 1 }); finish(1); });
