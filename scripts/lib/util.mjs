// Small helpers shared by scripts/services.mjs, scripts/start.mjs and scripts/test.mjs.
// Node 20 built-ins only: these scripts must run before (and without) anything else being built.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const prodaDir = path.join(root, ".proda");

export const log = (tag, ...msg) => console.log(`[${tag}]`, ...msg);
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

/** Absolute path of an executable on PATH (or in the usual sbin folders), or null. */
export function which(bin) {
  const dirs = [...(process.env.PATH ?? "").split(path.delimiter), "/usr/sbin", "/sbin", "/usr/local/sbin"];
  for (const dir of dirs) {
    const file = path.join(dir, bin);
    if (dir && existsSync(file)) return file;
  }
  return null;
}

export const canApt = () => isRoot() && which("apt-get") !== null;

/** Runs a command with inherited stdio; returns its exit status (1 if it could not start). */
export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", ...opts });
  if (r.error) console.error(`${cmd}: ${r.error.message}`);
  return r.status ?? 1;
}

/**
 * `apt-get install -y` as root. The package lists of a fresh container are often empty, so run
 * `apt-get update` only when the first install attempt fails (it is slow and usually unneeded).
 */
export function aptInstall(...pkgs) {
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const install = () => run("apt-get", ["install", "-y", ...pkgs], { env });
  if (install() === 0) return true;
  log("apt", "install failed; running apt-get update and retrying");
  run("apt-get", ["update"], { env });
  return install() === 0;
}

/** True if something accepts TCP connections on host:port. */
export function portOpen(port, host = "127.0.0.1", timeoutMs = 1000) {
  return new Promise((resolve) => {
    const sock = net.connect({ port, host });
    const done = (ok) => { sock.destroy(); resolve(ok); };
    sock.setTimeout(timeoutMs, () => done(false));
    sock.once("connect", () => done(true));
    sock.once("error", () => done(false));
  });
}

/** True if we can bind host:port ourselves (nothing else is listening there). */
export function portFree(port, host = "127.0.0.1") {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, host, () => srv.close(() => resolve(true)));
  });
}

/** `preferred` if free, else the next free one among the following 100, else one the OS picks. */
export async function freePort(preferred, host = "127.0.0.1") {
  for (let p = preferred; p < preferred + 100; p++) if (await portFree(p, host)) return p;
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, host, () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}

/** Hides the password of a URL for printing. */
export function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "<unparsable url>";
  }
}

/**
 * Spawns a long-running child in its own process group (so that stopping it also stops what npm
 * started under it) and prefixes every line of its output with `[tag]`.
 */
export function spawnPrefixed(tag, cmd, args, opts = {}) {
  const child = spawn(cmd, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"], detached: true, ...opts });
  for (const [stream, out] of [[child.stdout, process.stdout], [child.stderr, process.stderr]]) {
    let buf = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk) => {
      buf += chunk;
      const lines = buf.split("\n");
      buf = lines.pop();
      for (const line of lines) out.write(`[${tag}] ${line}\n`);
    });
    stream.on("end", () => { if (buf) out.write(`[${tag}] ${buf}\n`); });
  }
  return child;
}

const groupAlive = (pid) => { try { process.kill(-pid, 0); return true; } catch { return false; } };

/**
 * Stops a child started by spawnPrefixed: SIGTERM to its whole process group, SIGKILL to whatever
 * is left after `graceMs`. Waits for the group, not just for npm, which may exit before its child.
 */
export async function stopChild(child, graceMs = 10_000) {
  if (!child?.pid) return;
  try { process.kill(-child.pid, "SIGTERM"); } catch { return; /* group already gone */ }
  const deadline = Date.now() + graceMs;
  while (groupAlive(child.pid) && Date.now() < deadline) await sleep(100);
  if (groupAlive(child.pid)) try { process.kill(-child.pid, "SIGKILL"); } catch { /* gone */ }
}
