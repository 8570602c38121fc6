// A throwaway PostgreSQL cluster and redis-server of a test's own, on free ports, that the test may
// stop and start again: outages are rehearsed on these, never on the machine's shared services.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Redis } from "ioredis";

const ROOT = path.resolve(import.meta.dirname, "../../..");

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function postgresBinDir(): string {
  try {
    const dir = execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim();
    if (existsSync(path.join(dir, "pg_ctl"))) return dir;
  } catch {
    // pg_config may be missing or belong to a client-only package; fall back to the Debian layout.
  }
  const versions = existsSync("/usr/lib/postgresql") ? readdirSync("/usr/lib/postgresql").sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((v) => `/usr/lib/postgresql/${v}/bin`).find((d) => existsSync(path.join(d, "pg_ctl")));
  if (!found) throw new Error("PostgreSQL server binaries (pg_ctl, initdb) not found");
  return found;
}

export interface PrivatePostgres {
  /** postgresql://proda@127.0.0.1:PORT/proda_test (trust auth). */
  url: string;
  /** Fast shutdown, as `systemctl restart postgresql` does: sessions are ended, data is kept. */
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

/** initdb + start + CREATE DATABASE + the project's migrations. */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = postgresBinDir();
  const dir = mkdtempSync(path.join(tmpdir(), "proda-pg-"));
  const data = path.join(dir, "data");
  const port = await freePort();
  // initdb refuses to run as root; the data directory must then belong to the postgres user.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }));
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }));
    chownSync(dir, uid, gid);
  }
  const pgRun = (tool: string, args: string[]) => {
    const [cmd, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", path.join(bin, tool), ...args]] : [path.join(bin, tool), args];
    execFileSync(cmd, argv, { stdio: "pipe", timeout: 60_000 });
  };
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`;
  const start = async () => pgRun("pg_ctl", ["start", "-D", data, "-l", path.join(dir, "log"), "-w", "-t", "30", "-o", options]);
  const stopWith = async (mode: string) => pgRun("pg_ctl", ["stop", "-D", data, "-m", mode, "-w", "-t", "30"]);
  const destroy = async () => {
    await stopWith("immediate").catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  };
  const url = `postgresql://proda@127.0.0.1:${port}/proda_test`;
  try {
    pgRun("initdb", ["-D", data, "-U", "proda", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
    await start();
    execFileSync(path.join(bin, "createdb"), ["-h", "127.0.0.1", "-p", String(port), "-U", "proda", "proda_test"], { stdio: "pipe" });
    execFileSync(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url },
      stdio: "pipe",
      timeout: 120_000,
    });
  } catch (error) {
    await destroy(); // the caller never gets a handle to clean up with
    throw error;
  }
  return { url, stop: () => stopWith("fast"), start, destroy };
}

export interface PrivateRedis {
  url: string;
  /** SHUTDOWN (what a service restart sends); the append-only file keeps every acknowledged write. */
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

/** redis-server with an fsync-always append-only file, so a stop/start keeps the queues like a real deployment. */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const dir = mkdtempSync(path.join(tmpdir(), "proda-redis-"));
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  const args = [
    "--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--appendonly", "yes",
    "--appendfsync", "always", "--maxmemory-policy", "noeviction", "--logfile", path.join(dir, "redis.log"),
  ];
  let child: ChildProcess | undefined;
  const ping = async () => {
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
    client.on("error", () => {}); // refused while the server starts: connect() rejects, which is the answer
    try {
      await client.connect();
      return (await client.ping()) === "PONG";
    } catch {
      return false;
    } finally {
      client.disconnect();
    }
  };
  const start = async () => {
    child = spawn("redis-server", args, { stdio: "ignore" });
    const deadline = Date.now() + 15_000;
    while (!(await ping())) {
      if (child.exitCode !== null || Date.now() > deadline) {
        child.kill("SIGKILL");
        throw new Error(`redis-server did not start; see ${dir}/redis.log`);
      }
      await sleep(50);
    }
  };
  const stop = async () => {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    running.kill("SIGTERM"); // redis-server handles SIGTERM as SHUTDOWN: flushes the AOF and exits
    await exited;
  };
  await start();
  return {
    url,
    stop,
    start,
    destroy: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
