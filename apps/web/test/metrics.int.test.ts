// GET /api/v1/metrics and bull-board at /admin/queues on real PostgreSQL and Redis: who may see
// them (the metrics token, project owners by API token or session; not other users), the text
// format, series that follow the Job table and the queues, and bull-board's pages, API, static
// files, same-origin rule and audit trail.
import { randomBytes } from "node:crypto";
import { getPrisma } from "@proda/db";
import { closeProducer, enqueueJob } from "@proda/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProjectWithRoles, createUserWithToken } from "../../../prisma/factories/projects.ts";
import * as board from "../app/admin/queues/[[...path]]/route.ts";
import * as metrics from "../app/api/v1/metrics/route.ts";
import * as signIn from "../app/api/v1/auth/sign-in/route.ts";
import { callRoute, setCookies } from "./call-route.ts";

const prisma = getPrisma();
const METRICS_TOKEN = `m-${randomBytes(8).toString("hex")}`;
// Metrics span the whole database: a kind of this run's own keeps earlier runs' rows out of the counts.
const KIND = `metrics.test-${randomBytes(4).toString("hex")}`;
let owner: { token: string; email: string; userId: string };
let viewer: { token: string };
let stranger: { token: string };
let projectId: string;

const scrape = (headers: Record<string, string> = {}) =>
  metrics.GET(new Request("http://localhost/api/v1/metrics", { headers }), { params: Promise.resolve({}) });
const boardCall = (path: string, init: RequestInit = {}) => {
  const handler = (board as Record<string, (req: Request) => Promise<Response>>)[init.method ?? "GET"]!;
  return handler(new Request(`http://localhost:3000/admin/queues${path}`, init));
};

beforeAll(async () => {
  process.env.PRODA_METRICS_TOKEN = METRICS_TOKEN;
  const fx = await createProjectWithRoles(prisma, ["owner", "viewer"]);
  projectId = fx.project.id;
  owner = { token: fx.members.owner.token, email: fx.members.owner.email, userId: fx.members.owner.userId };
  viewer = fx.members.viewer;
  stranger = await createUserWithToken(prisma, "stranger");
  // Two finished jobs and one failed, with known durations, and one waiting in BullMQ.
  const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));
  await prisma.job.createMany({
    data: [
      { kind: KIND, queue: "cpu", payload: {}, projectId, status: "completed", startedAt: at(0), finishedAt: at(3) },
      { kind: KIND, queue: "cpu", payload: {}, projectId, status: "completed", startedAt: at(0), finishedAt: at(40) },
      { kind: KIND, queue: "cpu", payload: {}, projectId, status: "failed", startedAt: at(0), finishedAt: at(1), error: "boom" },
    ],
  });
  await enqueueJob(prisma, "project.recomputeStats", { projectId }, { projectId });
});

afterAll(async () => {
  delete process.env.PRODA_METRICS_TOKEN;
  await closeProducer();
});

describe("GET /api/v1/metrics", () => {
  it("needs the metrics token or a project owner", async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape({ authorization: "Bearer wrong-metrics-token" })).status).toBe(401);
    expect((await scrape({ authorization: `Bearer ${viewer.token}` })).status).toBe(403);
    expect((await scrape({ authorization: `Bearer ${stranger.token}` })).status).toBe(403);
    expect((await scrape({ authorization: `Bearer ${owner.token}` })).status).toBe(200);
    const res = await scrape({ authorization: `Bearer ${METRICS_TOKEN}` });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
  });

  it("accepts an owner's browser session too", async () => {
    const { upsertUser } = await import("../../../prisma/factories/users.ts");
    await upsertUser(prisma, { email: owner.email, password: "correct horse battery staple", name: "owner" });
    const signedIn = await callRoute(signIn.POST, "POST", { body: { email: owner.email, password: "correct horse battery staple" } });
    const cookie = `proda_session=${setCookies(signedIn.response).proda_session}`;
    expect((await scrape({ cookie })).status).toBe(200);
  });

  it("writes valid exposition text with job, queue, LLM and HTTP series", async () => {
    const text = await (await scrape({ authorization: `Bearer ${METRICS_TOKEN}` })).text();
    const lines = text.trimEnd().split("\n");
    const declared = new Set<string>();
    for (const line of lines) {
      if (line.startsWith("# TYPE ")) {
        const [, , name, type] = line.split(" ");
        expect(["counter", "gauge", "histogram"]).toContain(type);
        declared.add(name!);
        continue;
      }
      if (line.startsWith("# HELP ")) continue;
      const m = line.match(/^([a-z_]+)(\{[^}]*\})? (-?[0-9.e+]+|NaN|[+-]Inf)$/);
      expect(m, `bad sample line: ${line}`).not.toBeNull();
      const family = m![1]!.replace(/_(bucket|sum|count)$/, "");
      expect(declared.has(m![1]!) || declared.has(family), `${m![1]} has no # TYPE`).toBe(true);
    }
    const value = (series: string) => Number(lines.find((l) => l.startsWith(`${series} `))?.split(" ").at(-1));
    expect(value(`proda_jobs{kind="${KIND}",status="completed"}`)).toBe(2);
    expect(value(`proda_jobs{kind="${KIND}",status="failed"}`)).toBe(1);
    expect(value(`proda_job_failures{kind="${KIND}"}`)).toBe(1);
    expect(value(`proda_job_duration_seconds_count{kind="${KIND}"}`)).toBe(3);
    expect(value(`proda_job_duration_seconds_sum{kind="${KIND}"}`)).toBe(44);
    expect(value(`proda_job_duration_seconds_bucket{kind="${KIND}",le="1"}`)).toBe(1);
    expect(value(`proda_job_duration_seconds_bucket{kind="${KIND}",le="5"}`)).toBe(2);
    expect(value(`proda_job_duration_seconds_bucket{kind="${KIND}",le="60"}`)).toBe(3);
    expect(value("proda_queue_up")).toBe(1);
    expect(value('proda_queue_jobs{queue="cpu",state="waiting"}')).toBeGreaterThanOrEqual(1);
    expect(value('proda_queue_jobs{queue="gpu",state="active"}')).toBe(0);
    expect(value("proda_llm_cache_entries")).toBeGreaterThanOrEqual(0);
    expect(text).toContain("# TYPE proda_llm_tokens gauge");
    expect(value('proda_http_requests_total{method="GET",route="/metrics",status="403"}')).toBeGreaterThanOrEqual(2);
    expect(value('proda_http_requests_total{method="GET",route="/metrics",status="401"}')).toBeGreaterThanOrEqual(2);
  });
});

describe("bull-board at /admin/queues", () => {
  it("sends signed-out visitors to sign-in and refuses users who own no project", async () => {
    const anonymous = await boardCall("");
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get("location")).toBe("http://localhost:3000/sign-in?next=%2Fadmin%2Fqueues");
    expect((await boardCall("", { headers: { authorization: `Bearer ${viewer.token}` } })).status).toBe(403);
    expect((await boardCall("", { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).status).toBe(303); // the scrape token is not a sign-in
  });

  it("serves the board, its static files and its API to an owner", async () => {
    const auth = { authorization: `Bearer ${owner.token}` };
    // The proxy hands pages a CSP nonce in x-nonce; bull-board's scripts must carry it to run.
    const page = await boardCall("", { headers: { ...auth, "x-nonce": "bm9uY2U=" } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<base href="/admin/queues/"');
    const scripts = html.match(/<script\b[^>]*>/g)!;
    expect(scripts.length).toBeGreaterThan(1);
    for (const tag of scripts) expect(tag).toContain('nonce="bm9uY2U="');
    expect(html).not.toContain("fonts.googleapis.com");
    const script = html.match(/src="(static\/js\/main\.[^"]+\.js)"/)![1]!;
    const asset = await boardCall(`/${script}`, { headers: auth });
    expect(asset.status).toBe(200);
    expect((await asset.text()).length).toBeGreaterThan(1000);

    const api = await boardCall("/api/queues?activeQueue=cpu&status=waiting&page=1", { headers: auth });
    expect(api.status).toBe(200);
    const body = (await api.json()) as { queues: { name: string; counts: Record<string, number> }[] };
    expect(body.queues.map((q) => q.name).sort()).toEqual(["cpu", "gpu"]);
    expect(body.queues.find((q) => q.name === "cpu")!.counts.waiting).toBeGreaterThanOrEqual(1);
  });

  it("refuses cross-origin mutations and audits the allowed ones", async () => {
    const auth = { authorization: `Bearer ${owner.token}`, "content-type": "application/json" };
    const cross = await boardCall("/api/queues/gpu/pause", { method: "PUT", headers: { ...auth, origin: "http://evil.example", host: "localhost:3000" } });
    expect(cross.status).toBe(403);
    const paused = await boardCall("/api/queues/gpu/pause", { method: "PUT", headers: { ...auth, origin: "http://localhost:3000", host: "localhost:3000" } });
    expect(paused.status).toBe(200);
    const resumed = await boardCall("/api/queues/gpu/resume", { method: "PUT", headers: { ...auth, origin: "http://localhost:3000", host: "localhost:3000" } });
    expect(resumed.status).toBe(200);
    const events = await prisma.auditEvent.findMany({ where: { actorId: owner.userId, action: "queues.operate" }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => (e.detail as { path: string }).path)).toEqual(["/api/queues/gpu/pause", "/api/queues/gpu/resume"]);
  });
});
