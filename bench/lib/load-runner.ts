// Simulated users on a running web server: each walks the browsing mix with its own session
// cookies, waits a seeded think time between clicks, and every request is timed to its last byte.
// Bounded by a request count and a deadline; `stop()` (e.g. the loop ended) ends it early.
import { setTimeout as sleep } from "node:timers/promises";
import { createBrowser, type TBrowseTargets, type TGroup, type TLive, type TRequestSpec } from "./browsing-mix.ts";
import type { CookieJar } from "./http-client.ts";

export interface TSample {
  group: TGroup;
  route: string;
  /** HTTP status, or "network" / "timeout" when no answer came. */
  status: number | "network" | "timeout";
  ms: number;
  bytes: number;
  /** Milliseconds since the load started. */
  at: number;
  user: number;
}

export interface TLoadOptions {
  baseUrl: string;
  users: CookieJar[];
  targets: TBrowseTargets;
  live: TLive;
  seed: number;
  thinkMs: [number, number];
  /** Users start at seeded moments spread over this many milliseconds. */
  rampUpMs: number;
  maxRequests: number;
  durationMs: number;
  /** Checked before every click: true ends the run (requests in flight still finish). */
  shouldStop?: () => boolean;
  requestTimeoutMs?: number;
}

export interface TLoadRun {
  samples: TSample[];
  /** The first answers of each failing route, status and body start, for the report. */
  errorExamples: { route: string; path: string; status: TSample["status"]; body: string }[];
  seconds: number;
  stoppedBy: "requests" | "time" | "signal";
}

export async function runLoad(o: TLoadOptions): Promise<TLoadRun> {
  const started = performance.now();
  const deadline = started + o.durationMs;
  const samples: TSample[] = [];
  const errorExamples: TLoadRun["errorExamples"] = [];
  let issued = 0;
  let stoppedBy: TLoadRun["stoppedBy"] | null = null;
  const done = () => {
    if (stoppedBy) return true;
    if (issued >= o.maxRequests) stoppedBy = "requests";
    else if (performance.now() >= deadline) stoppedBy = "time";
    else if (o.shouldStop?.()) stoppedBy = "signal";
    return stoppedBy !== null;
  };

  async function request(user: number, jar: CookieJar, spec: TRequestSpec) {
    issued++;
    const t = performance.now();
    let status: TSample["status"];
    let bytes = 0;
    let body = "";
    try {
      const res = await fetch(`${o.baseUrl}${spec.path}`, {
        headers: { cookie: jar.header(), accept: spec.group === "pages" && !spec.path.startsWith("/api/") ? "text/html" : "application/json" },
        redirect: "manual",
        signal: AbortSignal.timeout(o.requestTimeoutMs ?? 30_000),
      });
      const buffer = Buffer.from(await res.arrayBuffer());
      jar.absorb(res);
      status = res.status;
      bytes = buffer.length;
      if (!res.ok) body = buffer.subarray(0, 300).toString();
    } catch (error) {
      status = (error as Error).name === "TimeoutError" ? "timeout" : "network";
      body = String((error as Error).cause ?? (error as Error).message).slice(0, 300);
    }
    const ms = performance.now() - t;
    samples.push({ group: spec.group, route: spec.route, status, ms, bytes, at: t - started, user });
    if ((typeof status !== "number" || status >= 300) && errorExamples.filter((e) => e.route === spec.route).length < 3) {
      errorExamples.push({ route: spec.route, path: spec.path, status, body });
    }
  }

  async function user(index: number) {
    const browser = createBrowser(o.seed * 1000 + index);
    const think = () => o.thinkMs[0] + browser.random() * (o.thinkMs[1] - o.thinkMs[0]);
    await sleep(browser.random() * o.rampUpMs);
    while (!done()) {
      const view = browser.nextView(o.targets, o.live);
      for (const step of view.steps) {
        if (done()) return;
        await Promise.all(step.map((spec) => request(index, o.users[index]!, spec)));
        await sleep(think());
      }
    }
  }

  await Promise.all(o.users.map((_, i) => user(i)));
  return { samples, errorExamples, seconds: (performance.now() - started) / 1000, stoppedBy: stoppedBy ?? "time" };
}
