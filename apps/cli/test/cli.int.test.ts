// The `proda` CLI end to end, as a user runs it: a real web server (next start on a fresh build,
// else the same route modules behind node:http — see web-server.ts), a real worker process,
// PostgreSQL and Redis. Every call spawns the real binary and checks its exit code and --json
// output: login → project → upload → process → extract → benchmark → freeze → dataset → freeze →
// train → evaluate → results/exports, then the error exit codes, a Prometheus scrape after all that
// work, and the whole loop in one command when the loop routes exist.
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { getPrisma } from "@proda/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUserWithToken } from "../../../prisma/factories/projects.ts";
import { startWorker, type WorkerProcess } from "../../worker/test/worker-process.ts";
import { startWebServer, type TWebServer } from "./web-server.ts";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const BIN = path.join(ROOT, "apps/cli/bin/proda.mjs");
const METRICS_TOKEN = "metrics-secret-for-the-cli-test";

let web: TWebServer;
let worker: WorkerProcess;
let dir: string;
let token: string;
let email: string;
/** Ids the steps hand on to each other. */
const ids: Record<string, string> = {};

interface TRun {
  code: number | null;
  stdout: string;
  stderr: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- the CLI's --json document
}

/** Runs `proda …` with the saved login of this test (PRODA_CONFIG) unless env overrides it. */
function proda(args: string[], env: Record<string, string> = {}, timeoutMs = 120_000): Promise<TRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: dir, PRODA_CONFIG: path.join(dir, "config", "proda.json"), ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => { child.kill("SIGKILL"); reject(new Error(`proda ${args.join(" ")} timed out:\n${stderr}`)); }, timeoutMs);
    child.on("close", (code) => {
      clearTimeout(timer);
      let json: unknown = null;
      if (args.includes("--json")) {
        try { json = JSON.parse(stdout); } catch { /* asserted by the caller */ }
      }
      resolve({ code, stdout, stderr, json });
    });
  });
}

/** A successful step: exit 0 and a JSON document. */
async function ok(args: string[]): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const run = await proda([...args, "--json"]);
  expect(run.code, `proda ${args.join(" ")}\n${run.stderr}\n${run.stdout}`).toBe(0);
  expect(run.json, `proda ${args.join(" ")} printed no JSON:\n${run.stdout}`).not.toBeNull();
  return run.json;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "proda-cli-"));
  const user = await createUserWithToken(getPrisma(), "cli");
  token = user.token;
  email = user.user.email;
  const env = { PRODA_QUEUE_PREFIX: process.env.PRODA_QUEUE_PREFIX!, PRODA_METRICS_TOKEN: METRICS_TOKEN, PRODA_COOKIE_SECURE: "false" };
  web = await startWebServer(env);
  worker = await startWorker(env);
  console.info(`cli test: web server = ${web.kind} at ${web.url}`);
}, 120_000);

afterAll(async () => {
  await worker?.stop();
  await web?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("proda CLI against a running server", () => {
  it("logs in, saving the server and token with mode 0600", async () => {
    const login = await ok(["login", "--server", `${web.url}/`, "--token", token]);
    expect(login.user.email).toBe(email);
    expect(login.server).toBe(web.url);
    const file = path.join(dir, "config", "proda.json");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ server: web.url, token });
    expect((await ok(["whoami"])).user.email).toBe(email);
  });

  it("creates and lists projects", async () => {
    const created = await ok(["projects", "create", "--name", "CLI project", "--description", "from the CLI test"]);
    ids.project = created.project.id;
    expect(created.project.role).toBe("owner");
    const listed = await ok(["projects", "list"]);
    expect(listed.projects.map((p: { id: string }) => p.id)).toContain(ids.project);
    const human = await proda(["projects", "list"]);
    expect(human.stdout).toMatch(/^ID\s+NAME\s+ROLE\s+CREATEDAT\n/);
    expect(human.stdout).toMatch(new RegExp(`${ids.project}\\s+CLI project\\s+owner`));
  });

  it("uploads a folder with per-file results; a rejected file makes the exit code 1", async () => {
    const corpus = path.join(dir, "corpus");
    for (const d of ["economics", "microbiology"]) cpSync(path.join(ROOT, "prisma/demo-corpus", d), path.join(corpus, d), { recursive: true });
    const upload = await ok(["upload", corpus, "--project", ids.project!]);
    expect(upload.summary).toEqual({ accepted: 5, duplicate: 0, rejected: 0 });
    expect(upload.results.map((r: { name: string }) => r.name).sort()).toEqual(["bacterial-growth.md", "cellular-respiration.md", "demand-and-supply.md", "price-controls.md", "vaccines.md"]);

    const odd = path.join(dir, "odd");
    cpSync(path.join(ROOT, "prisma/demo-corpus/economics/price-controls.md"), path.join(odd, "again.md"));
    writeFileSync(path.join(odd, "program.exe"), "MZ not a document");
    const mixed = await proda(["upload", odd, "--project", ids.project!, "--json"]);
    expect(mixed.code, mixed.stderr).toBe(1);
    const byName = Object.fromEntries(mixed.json.results.map((r: { name: string; status: string }) => [r.name, r.status]));
    expect(byName).toEqual({ "again.md": "duplicate", "program.exe": "rejected" });
  });

  it("runs process → extract → benchmark → freeze → dataset → freeze → train → evaluate", async () => {
    const processed = await ok(["run", "process", "--project", ids.project!]);
    expect(processed.job.status).toBe("completed");

    const extracted = await ok(["run", "extract", "--project", ids.project!]);
    expect(extracted.version.status).toBe("ready");
    expect(extracted.job.status).toBe("completed");
    ids.version = extracted.version.id;

    const bench = await ok(["run", "benchmark", "--project", ids.project!, "--knowledge", ids.version!, "--name", "cli bench"]);
    expect(bench.benchmark.status).toBe("ready");
    expect(bench.benchmark.itemCount).toBeGreaterThan(0);
    ids.benchmark = bench.benchmark.id;
    expect((await ok(["freeze", "benchmark", ids.benchmark!, "--project", ids.project!])).benchmark.status).toBe("frozen");

    const dataset = await ok(["run", "dataset", "--project", ids.project!, "--knowledge", ids.version!, "--budget", "200", "--seed", "7"]);
    expect(dataset.dataset.status).toBe("ready");
    expect(dataset.dataset.sampleCount).toBeGreaterThan(0);
    ids.dataset = dataset.dataset.id;
    const frozen = await ok(["freeze", "dataset", ids.dataset!, "--project", ids.project!]);
    expect(frozen.dataset.status).toBe("frozen");
    expect(["passed", "overridden"]).toContain(frozen.report.status);

    const trained = await ok(["run", "train", "--project", ids.project!, "--dataset", ids.dataset!]);
    expect(trained.run.status).toBe("succeeded");
    expect(trained.run.modelId).toBeTruthy();
    ids.run = trained.run.id;
    ids.trainJob = trained.job.id;

    const evaluated = await ok(["run", "evaluate", "--project", ids.project!, "--benchmark", ids.benchmark!, "--training-run", ids.run!]);
    expect(["ready", "frozen"]).toContain(evaluated.evaluation.status);
    expect(evaluated.evaluation.itemsDone).toBe(bench.benchmark.itemCount);
    expect(evaluated.evaluation.summary.total.items).toBe(bench.benchmark.itemCount);
    expect(evaluated.evaluation.summary.total.accuracy).toBeGreaterThan(0); // the student learnt something
    ids.evaluation = evaluated.evaluation.id;
  }, 300_000);

  it("downloads results and exports to files", async () => {
    const results = path.join(dir, "results.jsonl");
    const r = await ok(["results", ids.evaluation!, "--project", ids.project!, "--out", results]);
    expect(r.bytes).toBe(statSync(results).size);
    // --no-wait returns at once with the job to follow; `watch` follows it to the end.
    const started = await ok(["run", "evaluate", "--project", ids.project!, "--benchmark", ids.benchmark!, "--training-run", ids.run!, "--no-wait"]);
    expect(started.jobId).toBeTruthy();
    expect(started.evaluation.id).not.toBe(ids.evaluation);
    expect((await ok(["watch", started.jobId])).job.status).toBe("completed");

    const lines = readFileSync(results, "utf8").trim().split("\n");
    expect(lines.length).toBeGreaterThan(0);
    expect(JSON.parse(lines[0]!)).toHaveProperty("correct");

    const csv = path.join(dir, "results.csv");
    await ok(["results", ids.evaluation!, "--project", ids.project!, "--format", "csv", "--out", csv]);
    expect(readFileSync(csv, "utf8").split("\n")[0]).toContain("correct");

    const dataset = path.join(dir, "dataset.json");
    await ok(["export", "dataset", ids.dataset!, "--project", ids.project!, "--format", "sharegpt", "--out", dataset]);
    expect(readFileSync(dataset, "utf8").length).toBeGreaterThan(10);
    const bench = path.join(dir, "bench.jsonl");
    await ok(["export", "benchmark", ids.benchmark!, "--project", ids.project!, "--out", bench]);
    expect(readFileSync(bench, "utf8").trim().split("\n").length).toBeGreaterThan(0);
    expect(existsSync(`${bench}.partial`)).toBe(false);
  });

  it("prints a progress line per change when stderr is not a terminal", async () => {
    const run = await proda(["watch", ids.trainJob!]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/completed/);
    expect(run.stderr).not.toContain("\x1b["); // no terminal escapes in a pipe
    expect(run.stdout).toMatch(/completed/);
  });

  it.skipIf(!existsSync("/usr/bin/script"))("draws a redrawn progress bar on a terminal (under script(1), a pty)", async () => {
    // Asynchronous on purpose: the route server may live in this very process.
    const child = spawn("script", ["-qec", `${process.execPath} ${BIN} watch ${ids.trainJob}`, "/dev/null"], {
      cwd: ROOT, env: { PATH: process.env.PATH ?? "", HOME: dir, PRODA_CONFIG: path.join(dir, "config", "proda.json"), TERM: "xterm" }, stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    const code = await new Promise((resolve) => child.on("close", resolve));
    expect(code, out).toBe(0);
    expect(out).toContain("\r\x1b[2K");
    expect(out).toMatch(/\[#+\] 100%/);
  });

  it("exits 2 on usage errors, 3 on auth, 4 on unknown ids, 5 when the server is unreachable, 1 on a refused operation", async () => {
    const usage = await proda(["run", "train", "--project", ids.project!]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("--dataset");
    expect((await proda(["run", "train", "--project", ids.project!, "--dataset", "d", "--bogus"])).code).toBe(2);
    expect((await proda(["nonsense"])).code).toBe(2);

    const badToken = await proda(["projects", "list", "--json"], { PRODA_TOKEN: "proda_not-a-real-token" });
    expect(badToken.code).toBe(3);
    expect(badToken.json.error.code).toBe("unauthenticated");
    expect((await proda(["whoami"], { PRODA_CONFIG: path.join(dir, "none.json") })).code).toBe(3);

    const missing = await proda(["watch", "no-such-job", "--json"]);
    expect(missing.code).toBe(4);
    expect((await proda(["run", "benchmark", "--project", "no-such-project", "--knowledge", "x"])).code).toBe(4);

    const down = await proda(["projects", "list"], { PRODA_SERVER: "http://127.0.0.1:1" });
    expect(down.code).toBe(5);
    expect(down.stderr).toContain("Cannot reach");

    // A ready-but-unfrozen benchmark cannot be evaluated: the server refuses (409) → exit 1.
    const unfrozen = await ok(["run", "benchmark", "--project", ids.project!, "--knowledge", ids.version!, "--name", "unfrozen"]);
    const refused = await proda(["run", "evaluate", "--project", ids.project!, "--benchmark", unfrozen.benchmark.id, "--training-run", ids.run!, "--json"]);
    expect(refused.code, refused.stderr).toBe(1);
    expect(refused.json.error.code).toBe("conflict");
  });

  it("serves Prometheus metrics reflecting the work done", async () => {
    const unauthenticated = await fetch(`${web.url}/api/v1/metrics`);
    expect(unauthenticated.status).toBe(401);
    const res = await fetch(`${web.url}/api/v1/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    const value = (series: string) => {
      const line = text.split("\n").find((l) => l.startsWith(`${series} `));
      return line === undefined ? undefined : Number(line.slice(series.length + 1));
    };
    expect(value('proda_queue_up')).toBe(1);
    expect(value('proda_queue_jobs{queue="cpu",state="active"}')).toBeGreaterThanOrEqual(0);
    expect(value('proda_jobs{kind="training.run",status="completed"}')).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/^proda_job_duration_seconds_count\{kind="knowledge\.extractChunks"\} [1-9]/m);
    expect(text).toMatch(/^proda_job_duration_seconds_bucket\{kind="knowledge\.extractChunks",le="\+Inf"\} [1-9]/m);
    expect(text).toMatch(/^proda_llm_calls\{stage="knowledge",provider="builtin",cached="false"\} [1-9]/m);
    expect(text).toMatch(/^proda_llm_calls\{stage="evaluation",provider="builtin-student",cached="false"\} [1-9]/m);
    expect(value('proda_http_requests_total{method="POST",route="/projects/[projectId]/training-runs",status="202"}')).toBe(1);
    expect(value('proda_http_requests_total{method="POST",route="/projects/[projectId]/evaluations",status="409"}')).toBe(1);
    expect(value('proda_http_requests_total{method="GET",route="/metrics",status="401"}')).toBeGreaterThanOrEqual(1);
  });

  it("runs the whole loop with `proda loop run`", async () => {
    const project = await ok(["projects", "create", "--name", "CLI loop"]);
    const corpus = path.join(dir, "loop-corpus");
    for (const d of ["economics", "microbiology"]) cpSync(path.join(ROOT, "prisma/demo-corpus", d), path.join(corpus, d), { recursive: true });
    const uploaded = await ok(["upload", corpus, "--project", project.project.id, "--process"]);
    expect(uploaded.job.status).toBe("completed");
    const invalid = await proda(["loop", "run", "--project", project.project.id, "--set", "v1.budget=0", "--json"]);
    expect(invalid.code).toBe(2); // the server's validation error (400)
    expect(invalid.json.error.code).toBe("validation_failed");
    const run = await ok(["loop", "run", "--project", project.project.id, "--set", "v1.budget=300", "--set", "v1.seed=3"]);
    expect(run.loop.settings.v1).toMatchObject({ budget: 300, seed: 3 });
    expect(run.loop.status).toBe("succeeded");
    expect(run.loop.stage).toBe("done");
    const status = await ok(["loop", "status", run.loop.id, "--project", project.project.id]);
    expect(status.loop.id).toBe(run.loop.id);
  }, 600_000);
});
