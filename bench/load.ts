// 50 users browsing while a loop runs: a production web server (`next start`) and real worker
// processes on the bench database; one project holding the demo corpus's knowledge version, its
// graph layout and a first loop's artifacts (frozen benchmark, training runs, evaluations), with
// 50 members signed in through the real sign-in route (1 in 5 an engineer, the rest viewers).
// Then loops with the same settings run back to back, each started by an engineer's session, and
// meanwhile every user walks a seeded browsing mix over HTTP on loopback (bench/lib/browsing-mix.ts)
// with a think time between clicks, until the time limit, the request budget or `--loops` loops.
// Every non-2xx answer or failed request is an error. Latency per group, per route and overall; the
// loops' times against the first (unloaded) one; a single-user pass of the same mix as baseline.
//
//   npm run build -w @proda/web   (once: next start serves that build)
//   npx tsx --tsconfig apps/web/tsconfig.json bench/load.ts [--users 50] [--duration 180] [--max-requests 20000]
//     [--loops 0 (= until the load ends)] [--think 200-800] [--seed 1] [--port 3300] [--workers 2] [--keep]
//     [--pool <web DATABASE_POOL_SIZE>] [--out bench/results/load-<users>-users.json]
//     [--url http://127.0.0.1:3300 --queue-prefix <its prefix> [--workers 0]]   (reuse a server, and its workers, on proda_bench)
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import bcrypt from "bcryptjs";
import pg from "pg";
import { VIEW_WEIGHTS, type TBrowseTargets, type TLive } from "./lib/browsing-mix.ts";
import { createDemoProject, loopStageSeconds, runLoopHttp } from "./lib/demo-project.ts";
import { provisionBench, ROOT, startWorkers } from "./lib/harness.ts";
import { callApi, signIn, type CookieJar } from "./lib/http-client.ts";
import { summariseLatency } from "./lib/latency.ts";
import { handlerTimeBetween, scrapeHandlerTime } from "./lib/server-metrics.ts";
import { runLoad, type TSample } from "./lib/load-runner.ts";
import { machineCpuSeconds, treeCpuSeconds, treeRss } from "./lib/proc-stats.ts";
import { startWebServer, webBuildId } from "./lib/web-server.ts";

const { values: args } = parseArgs({
  options: {
    users: { type: "string", default: "50" },
    port: { type: "string", default: "3300" },
    url: { type: "string" },
    "queue-prefix": { type: "string" },
    workers: { type: "string", default: "2" },
    duration: { type: "string", default: "180" },
    "max-requests": { type: "string", default: "20000" },
    loops: { type: "string", default: "0" },
    think: { type: "string", default: "200-800" },
    "ramp-up": { type: "string", default: "5" },
    "baseline-requests": { type: "string", default: "300" },
    seed: { type: "string", default: "1" },
    keep: { type: "boolean", default: false },
    pool: { type: "string" },
    out: { type: "string" },
  },
});
const USERS = Number(args.users);
const SEED = Number(args.seed);
const [thinkMin, thinkMax] = args.think!.split("-").map(Number) as [number, number];
const PASSWORD = "correct horse battery staple";
// The integration test's loop (apps/web/test/loop.int.test.ts): V1 teaches 30 % of the relations.
const loopSettings = (versionId: string) => ({ knowledgeVersionId: versionId, v1: { share: 0.3, seed: SEED }, patch: { budget: 300, replayRatio: 0.65, seed: SEED } });

const loadAtStart = os.loadavg().map((v) => +v.toFixed(2));
const services = await provisionBench();
if (args["queue-prefix"]) process.env.PRODA_QUEUE_PREFIX = args["queue-prefix"];
const { getPrisma, disconnectPrisma } = await import("@proda/db");
const { createUserWithToken } = await import("../prisma/factories/projects.ts");
const prisma = getPrisma();
const stops: (() => Promise<void>)[] = [];
const cleanUp = async () => {
  for (const stop of stops.splice(0).reverse()) await stop().catch((e) => console.error("clean-up:", e));
};
process.once("SIGINT", () => void cleanUp().then(() => process.exit(130)));

try {
  const workers = Number(args.workers) > 0 ? await startWorkers(Number(args.workers)) : [];
  stops.push(async () => void (await Promise.all(workers.map((w) => w.stop()))));
  const server = args.url ? null : await startWebServer(Number(args.port), args.pool ? { DATABASE_POOL_SIZE: args.pool } : {});
  if (server) stops.push(() => server.stop());
  const baseUrl = args.url ?? server!.url;
  console.log(`web ${baseUrl} (build ${webBuildId()}), ${workers.length} workers, queue prefix ${process.env.PRODA_QUEUE_PREFIX}, load ${loadAtStart.join(" ")}`);

  // The owner sets the project up with an API token; the members browse with sessions.
  const owner = await createUserWithToken(prisma, "bench-load-owner");
  const ownerAuth = { token: owner.token };
  // Runs after the project is deleted (stops run in reverse order), when nothing refers to them.
  const userEmails = [owner.user.email];
  if (!args.keep) stops.push(async () => void (await prisma.user.deleteMany({ where: { email: { in: userEmails } } })));
  let t = performance.now();
  const fx = await createDemoProject(baseUrl, ownerAuth, `Load bench ${new Date().toISOString()}`);
  if (!args.keep) stops.push(async () => void (await prisma.project.delete({ where: { id: fx.projectId } })));
  const setupSeconds = { project: +((performance.now() - t) / 1000).toFixed(1) };
  console.log(`project ${fx.projectId}: ${fx.files} files uploaded, extracted and laid out in ${setupSeconds.project} s`);

  // One bcrypt hash for all (hashing 50 at cost 12 takes a while); sign-in still checks it each time.
  const tag = `load-${Date.now().toString(36)}`;
  const hash = await bcrypt.hash(PASSWORD, 12);
  const emails = Array.from({ length: USERS }, (_, i) => `${tag}-${i}@bench.proda.local`);
  userEmails.push(...emails);
  await prisma.user.createMany({ data: emails.map((email, i) => ({ email, name: `Load user ${i}`, passwordHash: hash })) });
  const roleOf = (i: number) => (i % 5 === 0 ? "engineer" : "viewer");
  for (const [i, email] of emails.entries()) {
    await callApi(baseUrl, ownerAuth, "POST", `/projects/${fx.projectId}/members`, { body: { email, role: roleOf(i) }, expect: [201] });
  }

  // The first loop: previous runs for the users to browse, and the loop's time without load.
  t = performance.now();
  const first = await runLoopHttp(baseUrl, ownerAuth, fx.projectId, loopSettings(fx.versionId));
  if (first.loop.status !== "succeeded") throw new Error(`first loop ${first.loop.status}: ${first.loop.error}`);
  console.log(`first loop (no load): ${first.seconds.toFixed(1)} s`);

  // Sign-ins through the route (each a bcrypt compare in the web process): the first alone, the
  // others 5 at a time.
  const signInMs: number[] = [];
  const jars: CookieJar[] = new Array(USERS);
  t = performance.now();
  jars[0] = await signIn(baseUrl, emails[0]!, PASSWORD);
  const signInAloneMs = +(performance.now() - t).toFixed(1);
  for (let i = 1; i < USERS; i += 5) {
    await Promise.all(emails.slice(i, i + 5).map(async (email, j) => {
      const started = performance.now();
      jars[i + j] = await signIn(baseUrl, email, PASSWORD);
      signInMs.push(performance.now() - started);
    }));
  }

  const a = first.loop.artifacts;
  const [concepts, disciplines, chains, items] = await Promise.all([
    prisma.concept.findMany({ where: { versionId: fx.versionId }, select: { id: true, term: true }, orderBy: { degree: "desc" }, take: 200 }),
    prisma.concept.findMany({ where: { versionId: fx.versionId }, select: { discipline: true }, distinct: ["discipline"] }),
    prisma.chain.findMany({ where: { versionId: fx.versionId }, select: { id: true } }),
    prisma.benchmarkItem.findMany({ where: { benchmarkId: a.benchmarkId }, select: { id: true }, take: 500 }),
  ]);
  const targets: TBrowseTargets = {
    projectId: fx.projectId, versionId: fx.versionId, layoutId: fx.layoutId,
    disciplines: disciplines.map((d) => d.discipline), concepts, chainIds: chains.map((c) => c.id),
    benchmarkId: a.benchmarkId!, itemIds: items.map((i) => i.id),
    runIds: [a.trainV1Id!, a.trainV2Id!, a.trainControlId!], evaluationIds: [a.evaluationV1Id!, a.evaluationV2Id!, a.evaluationControlId!],
    resultItemIds: items.map((i) => i.id),
  };

  // Baseline: one user, no think time, no loop running.
  const live: TLive = { loopId: first.loop.id, jobId: first.loop.jobId };
  const baseline = await runLoad({
    baseUrl, users: [jars[0]!], targets, live, seed: SEED + 7, thinkMs: [0, 0], rampUpMs: 0,
    maxRequests: Number(args["baseline-requests"]), durationMs: 120_000,
  });

  // Resources once a second while the load runs. CPU in % of one core (the machine has 2): this
  // database's PostgreSQL backends, the web server, the workers, this process (the load generator).
  const pgClient = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await pgClient.connect();
  stops.push(() => pgClient.end());
  type TCpu = { web: number; workers: number; postgres: number; loadGenerator: number; machine: number };
  const resources: { at: number; load1: number; cpuPercent: TCpu; webRssMB: number | null; workerRssMB: number[]; pgConnections: Record<string, number> }[] = [];
  let sampling = true;
  const loadStarted = performance.now();
  const sampler = (async () => {
    let before: { wall: number; web: number; workers: number; self: number; machine: number; backends: Map<number, number> } | null = null;
    while (sampling) {
      const { rows } = await pgClient.query<{ pid: number; state: string | null }>(
        `SELECT pid, state FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      );
      const self = process.cpuUsage();
      const now = {
        wall: performance.now(), web: server ? treeCpuSeconds(server.pid) : 0, workers: workers.reduce((sum, w) => sum + treeCpuSeconds(w.child.pid!), 0),
        self: (self.user + self.system) / 1e6, machine: machineCpuSeconds().busy,
        backends: new Map<number, number>(rows.map((r: { pid: number }) => [r.pid, treeCpuSeconds(r.pid)])),
      };
      if (before) {
        const seconds = (now.wall - before.wall) / 1000;
        const pct = (v: number) => Math.round((100 * v) / seconds);
        // Backends seen both times only: a new connection's whole past is not this second's work.
        let postgres = 0;
        for (const [pid, cpu] of now.backends) if (before.backends.has(pid)) postgres += cpu - before.backends.get(pid)!;
        const states: Record<string, number> = {};
        for (const r of rows as { state: string | null }[]) states[r.state ?? "none"] = (states[r.state ?? "none"] ?? 0) + 1;
        resources.push({
          at: +((now.wall - loadStarted) / 1000).toFixed(1), load1: +os.loadavg()[0]!.toFixed(2),
          cpuPercent: { web: pct(now.web - before.web), workers: pct(now.workers - before.workers), postgres: pct(postgres), loadGenerator: pct(now.self - before.self), machine: pct(now.machine - before.machine) },
          webRssMB: server ? Math.round(treeRss(server.pid) / 2 ** 20) : null,
          workerRssMB: workers.map((w) => Math.round(treeRss(w.child.pid!) / 2 ** 20)),
          pgConnections: states,
        });
      }
      before = now;
      await sleep(1000);
    }
  })();

  // Loops back to back, each started by an engineer's session as soon as the last one ended, and the
  // users while they run. A loop that fails ends the run (and is reported).
  const engineer = { jar: jars[0]! };
  const maxLoops = Number(args.loops);
  const loops: (Awaited<ReturnType<typeof runLoopHttp>> & { startedAt: number; endedAt: number })[] = [];
  let loadDone = false;
  let loopsDone = false;
  const since = () => +((performance.now() - loadStarted) / 1000).toFixed(1);
  const loadAt = { loadavg: os.loadavg().map((v) => +v.toFixed(2)) };
  const driver = (async () => {
    try {
      while (!loadDone && (maxLoops === 0 || loops.length < maxLoops)) {
        const startedAt = since();
        const run = await runLoopHttp(baseUrl, engineer, fx.projectId, loopSettings(fx.versionId), {
          onPoll: (loop) => Object.assign(live, { loopId: loop.id, jobId: loop.jobId ?? live.jobId }),
        });
        loops.push({ ...run, startedAt, endedAt: since() });
        console.log(`  loop ${run.loop.number} under load: ${run.loop.status} in ${run.seconds.toFixed(1)} s`);
        if (run.loop.status !== "succeeded") break;
      }
    } finally {
      loopsDone = true;
    }
  })();
  while (live.loopId === first.loop.id && !loopsDone) await sleep(20);
  const handlerBefore = await scrapeHandlerTime(baseUrl, ownerAuth);
  const load = await runLoad({
    baseUrl, users: jars, targets, live, seed: SEED, thinkMs: [thinkMin, thinkMax], rampUpMs: Number(args["ramp-up"]) * 1000,
    maxRequests: Number(args["max-requests"]), durationMs: Number(args.duration) * 1000, shouldStop: () => loopsDone,
  });
  loadDone = true;
  const handlerTime = handlerTimeBetween(handlerBefore, await scrapeHandlerTime(baseUrl, ownerAuth));
  const loadEnd = os.loadavg().map((v) => +v.toFixed(2));
  console.log(`load ended after ${load.seconds.toFixed(1)} s (${load.stoppedBy}), ${load.samples.length} requests; waiting for the running loop …`);
  await driver;
  sampling = false;
  await sampler;

  const ok = (s: TSample) => typeof s.status === "number" && s.status >= 200 && s.status < 300;
  const figures = (samples: TSample[], seconds: number) => ({
    ...summariseLatency(samples.map((s) => s.ms)),
    errors: samples.filter((s) => !ok(s)).length,
    perSecond: +(samples.length / seconds).toFixed(1),
    meanKB: +(samples.reduce((sum, s) => sum + s.bytes, 0) / (samples.length || 1) / 1024).toFixed(1),
  });
  const byKey = (samples: TSample[], key: (s: TSample) => string, seconds: number) => {
    const groups = new Map<string, TSample[]>();
    for (const s of samples) groups.set(key(s), [...(groups.get(key(s)) ?? []), s]);
    return Object.fromEntries([...groups].sort(([x], [y]) => x.localeCompare(y)).map(([k, list]) => [k, figures(list, seconds)]));
  };
  const errorsByStatus: Record<string, number> = {};
  for (const s of load.samples.filter((x) => !ok(x))) errorsByStatus[String(s.status)] = (errorsByStatus[String(s.status)] ?? 0) + 1;
  const max = <T>(list: T[], f: (x: T) => number) => Math.max(...list.map(f));
  const meanCpu = (list: typeof resources) =>
    Object.fromEntries((["web", "workers", "postgres", "loadGenerator", "machine"] as const).map((k) => [k, Math.round(list.reduce((s, r) => s + r.cpuPercent[k], 0) / (list.length || 1))]));

  const result = {
    when: new Date().toISOString(),
    machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB; web server, ${workers.length} workers, PostgreSQL, Redis and this load generator on the same machine, loopback`,
    loadAverage: { beforeSetup: loadAtStart, atLoadStart: loadAt.loadavg, atLoadEnd: loadEnd },
    server: { url: baseUrl, build: webBuildId(), started: server !== null, databasePool: Number(args.pool ?? process.env.DATABASE_POOL_SIZE ?? 10) },
    settings: {
      users: USERS, roles: { engineer: emails.filter((_, i) => roleOf(i) === "engineer").length, viewer: emails.filter((_, i) => roleOf(i) === "viewer").length },
      thinkMs: [thinkMin, thinkMax], rampUpSeconds: Number(args["ramp-up"]), maxRequests: Number(args["max-requests"]), durationSeconds: Number(args.duration),
      seed: SEED, loop: loopSettings("<version>"), viewWeights: VIEW_WEIGHTS,
    },
    project: { corpus: "prisma/demo-corpus", files: fx.files, concepts: await prisma.concept.count({ where: { versionId: fx.versionId } }), chains: chains.length, benchmarkItems: items.length, setupSeconds: setupSeconds.project },
    signInMs: { alone: signInAloneMs, fiveAtATime: summariseLatency(signInMs) },
    baseline: { note: "one user, no think time, no loop running", seconds: +baseline.seconds.toFixed(1), overall: figures(baseline.samples, baseline.seconds), byGroup: byKey(baseline.samples, (s) => s.group, baseline.seconds) },
    load: {
      seconds: +load.seconds.toFixed(1), stoppedBy: load.stoppedBy,
      overall: figures(load.samples, load.seconds),
      byGroup: byKey(load.samples, (s) => s.group, load.seconds),
      byRoute: byKey(load.samples, (s) => s.route, load.seconds),
      errorsByStatus, errorExamples: load.errorExamples,
      // The server's own measure (route handler start to response start), all API routes.
      serverHandlerTime: handlerTime,
      byTenSeconds: Array.from({ length: Math.ceil(load.seconds / 10) }, (_, w) => {
        const inWindow = load.samples.filter((x) => x.at >= w * 10_000 && x.at < (w + 1) * 10_000);
        const cpu = meanCpu(resources.filter((r) => r.at > w * 10 && r.at <= (w + 1) * 10));
        return { from: w * 10, ...figures(inWindow, 10), cpuPercent: { ...cpu, others: cpu.machine! - cpu.web! - cpu.workers! - cpu.postgres! - cpu.loadGenerator! } };
      }),
    },
    loop: {
      unloaded: { status: first.loop.status, seconds: +first.seconds.toFixed(1), byStage: loopStageSeconds(first.loop) },
      underLoad: loops.map((l) => ({
        number: l.loop.number, status: l.loop.status, error: l.loop.error, seconds: +l.seconds.toFixed(1), byStage: loopStageSeconds(l.loop),
        startedAtSecond: l.startedAt, endedAtSecond: l.endedAt, wholeUnderLoad: l.endedAt <= load.seconds, pollErrors: l.pollErrors,
      })),
    },
    resources: {
      peakLoad1: max(resources, (r) => r.load1),
      // Means over the samples taken while the users ran.
      meanCpuPercent: meanCpu(resources.filter((r) => r.at <= load.seconds)),
      peakWebRssMB: server ? max(resources, (r) => r.webRssMB ?? 0) : null,
      peakWorkerRssMB: workers.length ? max(resources, (r) => Math.max(...r.workerRssMB)) : null,
      peakPgConnections: max(resources, (r) => Object.values(r.pgConnections).reduce((s, n) => s + n, 0)),
      peakPgActive: max(resources, (r) => r.pgConnections.active ?? 0),
      samples: resources,
    },
  };
  const out = path.resolve(ROOT, args.out ?? `bench/results/load-${USERS}-users.json`);
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  const row = (name: string, f: ReturnType<typeof figures>, base?: ReturnType<typeof figures>) => ({
    group: name, requests: f.count, errors: f.errors, "req/s": f.perSecond, "p50 ms": f.p50, "p95 ms": f.p95, "p99 ms": f.p99, "max ms": f.max,
    "baseline p50/p95 ms": base ? `${base.p50} / ${base.p95}` : "",
  });
  console.table([
    ...Object.entries(result.load.byGroup).map(([g, f]) => row(g, f, result.baseline.byGroup[g])),
    row("overall", result.load.overall, result.baseline.overall),
  ]);
  console.log(`errors by status: ${JSON.stringify(errorsByStatus)}`);
  const loaded = result.loop.underLoad.filter((l) => l.wholeUnderLoad && l.status === "succeeded").map((l) => l.seconds);
  console.log(`loops: ${result.loop.unloaded.seconds} s unloaded; under load ${result.loop.underLoad.map((l) => `#${l.number} ${l.status} ${l.seconds} s${l.wholeUnderLoad ? "" : " (ended after the load)"}`).join(", ")}`);
  console.log(`  mean of the loops wholly under load: ${loaded.length ? (loaded.reduce((x, y) => x + y, 0) / loaded.length).toFixed(1) : "–"} s; sign-in ${signInAloneMs} ms alone, p50 ${result.signInMs.fiveAtATime.p50} ms 5 at a time`);
  console.log(`mean CPU % of one core while the users ran (machine: 200 = both cores): ${JSON.stringify(result.resources.meanCpuPercent)}`);
  console.log(`peaks: load ${result.resources.peakLoad1}, web RSS ${result.resources.peakWebRssMB} MB, worker RSS ${result.resources.peakWorkerRssMB} MB, PG connections ${result.resources.peakPgConnections} (${result.resources.peakPgActive} active)`);
  console.log(`server-side handler time: ${JSON.stringify(handlerTime)}`);
  if (load.errorExamples.length) console.log("error examples:", load.errorExamples);
  console.log(`written to ${path.relative(ROOT, out)}`);
} finally {
  await cleanUp();
  await disconnectPrisma();
  await services.stop();
}
