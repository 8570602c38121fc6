// A production web server for the benchmarks that go over HTTP: `next start` of apps/web (the build
// in apps/web/.next) as a child process, with this process's env (DATABASE_URL, REDIS_URL, queue
// prefix from provisionBench), plain-http cookies, answering on 127.0.0.1:port.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { ROOT } from "./harness.ts";

export interface TWebServer {
  url: string;
  pid: number;
  output(): string;
  stop(): Promise<void>;
}

const WEB = path.join(ROOT, "apps/web");

/** The id of the production build `next start` would serve, or null when there is none. */
export function webBuildId(): string | null {
  const file = path.join(WEB, ".next/BUILD_ID");
  return existsSync(file) ? readFileSync(file, "utf8").trim() : null;
}

export async function startWebServer(port: number, env: Record<string, string> = {}): Promise<TWebServer> {
  if (!webBuildId()) throw new Error("no production build in apps/web/.next: run `npm run build -w @proda/web` first");
  const next = createRequire(path.join(WEB, "package.json")).resolve("next/dist/bin/next");
  // A parent's tsx --tsconfig must not leak into the server (it resolves its own paths).
  const { TSX_TSCONFIG_PATH: _parentTsconfig, ...inherited } = process.env;
  const child = spawn(process.execPath, [next, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: WEB,
    env: { ...inherited, NODE_ENV: "production", PRODA_COOKIE_SECURE: "false", NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // The last 200 kB of its output, for the report when something fails.
  let output = "";
  const keep = (d: Buffer) => (output = (output + d.toString()).slice(-200_000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${output}`);
    // Any answer will do: health is 503 until a worker has sent its first heartbeat.
    const up = await fetch(`${url}/api/v1/health`).then(() => true, () => false);
    if (up) break;
    if (Date.now() > deadline) throw new Error(`next start did not answer on ${url}:\n${output}`);
    await sleep(250);
  }
  return {
    url,
    pid: child.pid!,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
