// The web server the CLI test talks to over real HTTP. With a production build newer than every
// source file it is `next start` (the real thing); otherwise — as under `npm test`, whose build step
// comes after the integration suite — a small node:http server that dispatches /api/v1 requests to
// the same route modules Next would (file-system routing, [param] folders), in this process.
// PRODA_CLI_TEST_SERVER=next|routes forces one.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { Readable } from "node:stream";
import { pathToFileURL } from "node:url";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const WEB = path.join(ROOT, "apps/web");
const API_DIR = path.join(WEB, "app/api/v1");

export interface TWebServer {
  url: string;
  kind: "next" | "routes";
  stop(): Promise<void>;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name === ".next" || name === "generated" && dir.endsWith("db/src")) continue;
    const full = path.join(dir, name);
    const s = statSync(full);
    newest = Math.max(newest, s.isDirectory() ? newestMtime(full) : s.mtimeMs);
  }
  return newest;
}

/** A build is usable when it is newer than the web app and the packages it bundles. */
export function freshBuild(): boolean {
  const buildId = path.join(WEB, ".next/BUILD_ID");
  if (!existsSync(buildId)) return false;
  const sources = [path.join(WEB, "app"), path.join(WEB, "src"), ...readdirSync(path.join(ROOT, "packages")).map((p) => path.join(ROOT, "packages", p, "src"))];
  return statSync(buildId).mtimeMs > Math.max(...sources.filter(existsSync).map(newestMtime));
}

async function waitForHealth(url: string, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${url}/api/v1/health`);
      await res.body?.cancel();
      if (res.status === 200 || res.status === 503) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`web server did not answer on ${url}:\n${output()}`);
}

async function startNext(port: number, env: Record<string, string>): Promise<TWebServer> {
  const child = spawn("npm", ["run", "start", "-w", "@proda/web", "--", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT, env: { ...process.env, ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" }, stdio: ["ignore", "pipe", "pipe"], detached: true,
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, 60_000, () => output);
  return {
    url,
    kind: "next",
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      try { process.kill(-child.pid!, "SIGTERM"); } catch { resolve(); }
    }),
  };
}

/** The route file for a URL path under /api/v1, and its [param] values. */
export function matchRoute(segments: string[], dir = API_DIR, params: Record<string, string> = {}): { file: string; params: Record<string, string> } | null {
  if (segments.length === 0) {
    const file = path.join(dir, "route.ts");
    return existsSync(file) ? { file, params } : null;
  }
  const [head, ...rest] = segments;
  const entries = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory());
  const exact = entries.find((e) => e.name === head);
  if (exact) {
    const found = matchRoute(rest, path.join(dir, exact.name), params);
    if (found) return found;
  }
  for (const e of entries) {
    const m = e.name.match(/^\[(\w+)\]$/);
    if (!m) continue;
    const found = matchRoute(rest, path.join(dir, e.name), { ...params, [m[1]!]: decodeURIComponent(head!) });
    if (found) return found;
  }
  return null;
}

async function dispatch(req: IncomingMessage, res: ServerResponse, base: string): Promise<void> {
  const url = new URL(req.url ?? "/", base);
  const match = url.pathname.startsWith("/api/v1/") ? matchRoute(url.pathname.slice("/api/v1/".length).split("/").filter(Boolean)) : null;
  const mod = match ? ((await import(pathToFileURL(match.file).href)) as Record<string, unknown>) : null;
  const handler = mod?.[req.method ?? "GET"] as ((r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>) | undefined;
  if (!match || !handler) {
    res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { code: "not_found", message: "No such route" } }));
    return;
  }
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(", ") : v);
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const request = new Request(url, { method: req.method, headers, body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined, duplex: "half" } as RequestInit);
  const response = await handler(request, { params: Promise.resolve(match.params) });
  const out: Record<string, string | string[]> = {};
  response.headers.forEach((v, k) => { if (k !== "set-cookie") out[k] = v; });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) out["set-cookie"] = cookies;
  res.writeHead(response.status, out);
  if (!response.body) return void res.end();
  const body = Readable.fromWeb(response.body as never);
  res.on("close", () => body.destroy());
  body.on("error", () => res.destroy());
  body.pipe(res);
}

async function startRoutes(port: number): Promise<TWebServer> {
  const base = `http://127.0.0.1:${port}`;
  const server = createServer((req, res) => {
    dispatch(req, res, base).catch((error) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(String(error?.stack ?? error));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    kind: "routes",
    stop: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

export async function startWebServer(env: Record<string, string>): Promise<TWebServer> {
  const forced = process.env.PRODA_CLI_TEST_SERVER;
  const useNext = forced ? forced === "next" : freshBuild();
  if (useNext) {
    const { freePort } = (await import(pathToFileURL(path.join(ROOT, "scripts/lib/util.mjs")).href)) as { freePort: (p: number) => Promise<number> };
    return startNext(await freePort(3200), env);
  }
  Object.assign(process.env, env); // the route modules run in this process
  return startRoutes(0);
}
