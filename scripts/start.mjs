#!/usr/bin/env node
// `npm start`: everything from a fresh checkout to a running ProDa Studio on http://127.0.0.1:PORT.
//   install deps (if missing) → PostgreSQL/Redis/secret (scripts/services.mjs) → prisma generate →
//   migrate deploy → seed (demo user) → turbo build → web + worker, until Ctrl-C.
// `npm start -- --skip-build` reuses the last build. PORT (default 3000) moves to the next free port if taken. Ctrl-C/SIGTERM stops web, then worker,
// then only the services this script started. If web or worker dies, everything stops, exit 1.
import { existsSync } from "node:fs";
import path from "node:path";
import { provisionServices, ServiceError } from "./services.mjs";
import { freePort, log, root, run, sleep, spawnPrefixed, stopChild } from "./lib/util.mjs";

const DEMO = { email: "demo@proda.local", password: "proda-demo" };
const HEALTH_TIMEOUT_MS = 120_000;

const fail = (msg) => { console.error(`\n[start] ${msg}\n`); process.exit(1); };

// Until the children exist, Ctrl-C simply ends this process; `cleanup` is replaced below once there
// is something to stop.
let cleanup = async () => {};
let stopping = false;
async function shutdown(code, why) {
  if (stopping) return;
  stopping = true;
  if (why) log("start", why);
  await cleanup();
  process.exit(code);
}
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => void shutdown(0, `${sig}: stopping`));

/** Runs a set-up step; on failure stops what was started and exits. */
async function step(title, cmd, args) {
  log("start", title);
  if (run(cmd, args) !== 0) await shutdown(1, `${title} failed`);
}

// 1. Dependencies: a fresh clone has no node_modules.
if (!existsSync(path.join(root, "node_modules"))) {
  const lock = existsSync(path.join(root, "package-lock.json"));
  log("start", `node_modules is missing: npm ${lock ? "ci" : "install"}`);
  if (run("npm", [lock ? "ci" : "install", "--no-audit", "--no-fund"]) !== 0) fail("npm install failed");
}

// 2. Services. provisionServices also exports DATABASE_URL, REDIS_URL, PRODA_SECRET_KEY.
let svc;
try {
  svc = await provisionServices({ purpose: "dev" });
} catch (err) {
  fail(err instanceof ServiceError ? err.message : err.stack);
}
cleanup = () => svc.stop();
Object.assign(process.env, { TURBO_TELEMETRY_DISABLED: "1", NEXT_TELEMETRY_DISABLED: "1" });
process.env.PRODA_DATA_DIR ??= path.join(root, ".proda", "data"); // uploaded files (content-addressed)

// 3. Database schema, demo data, build.
await step("prisma generate", process.execPath, ["scripts/prisma.mjs", "generate"]);
await step("prisma migrate deploy", process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"]);
if (existsSync(path.join(root, "prisma/seed.ts"))) {
  await step("seeding demo data", "npx", ["tsx", "prisma/seed.ts"]);
} else {
  log("start", "warning: prisma/seed.ts does not exist yet; no demo data seeded");
}
if (process.argv.includes("--skip-build")) log("start", "--skip-build: using the existing build");
else await step("building (turbo run build)", "npx", ["turbo", "run", "build"]);

// 4. Web and worker, each in its own process group so that stopping one stops all it spawned.
const port = await freePort(Number(process.env.PORT ?? 3000));
const env = { ...process.env, NODE_ENV: "production", PRODA_COOKIE_SECURE: "false", PORT: String(port) };
const web = spawnPrefixed("web", "npm", ["run", "start", "-w", "@proda/web", "--", "-p", String(port), "-H", "127.0.0.1"], { env });
const worker = spawnPrefixed("worker", "npm", ["run", "start", "-w", "@proda/worker"], { env });

cleanup = async () => {
  await stopChild(web, 10_000);
  await stopChild(worker, 25_000); // it drains running jobs for up to 20 s
  await svc.stop();
};
for (const [name, child] of [["web", web], ["worker", worker]]) {
  child.on("exit", (code, signal) => void shutdown(1, `${name} exited (${signal ?? `code ${code}`}); stopping everything`));
}

// 5. Ready when the health route answers 200.
const url = `http://127.0.0.1:${port}`;
const deadline = Date.now() + HEALTH_TIMEOUT_MS;
let healthy = false;
while (!stopping && !healthy) {
  const res = await fetch(`${url}/api/v1/health`, { signal: AbortSignal.timeout(2000) }).catch(() => null);
  healthy = res?.status === 200;
  if (!healthy && Date.now() > deadline) await shutdown(1, `${url}/api/v1/health did not answer 200 within ${HEALTH_TIMEOUT_MS / 1000} s`);
  if (!healthy) await sleep(500);
}
if (healthy && !stopping) console.log(`
  ProDa Studio is running at ${url}
  Sign in as ${DEMO.email} / ${DEMO.password}
  Press Ctrl-C to stop.
`);
