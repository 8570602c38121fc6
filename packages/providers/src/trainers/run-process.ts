// Runs a trainer as a child process: an argument array (never a shell string), its output read line
// by line as it comes, a cancel that stops its whole process group (trainers such as
// llamafactory-cli start children of their own), and on failure the exit code with its last lines.
import { spawn } from "node:child_process";
import { TrainerCancelledError, TrainerFailedError } from "./errors.ts";

const TAIL_LINES = 20;
const TAIL_CHARS = 4000;
const MAX_LINE = 10_000;

export interface TProcessOptions {
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  signal: AbortSignal;
  onLine(line: string, stream: "stdout" | "stderr"): void;
  /** After a cancel, how long the trainer gets to stop on SIGTERM before SIGKILL. */
  killGraceMs?: number;
}

// Process groups still running: killed when the worker exits, so no trainer outlives its worker.
const running = new Set<number>();
let exitHookInstalled = false;

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", () => {
    for (const pid of running) killGroup(pid, "SIGKILL");
  });
}

/** The environment a trainer gets: the worker's own minus its database, queue and secret settings. */
export function trainerEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env, PYTHONUNBUFFERED: "1" };
  for (const key of Object.keys(out)) if (key === "DATABASE_URL" || key === "REDIS_URL" || key.startsWith("PRODA_")) delete out[key];
  return out;
}

export function runTrainerProcess(options: TProcessOptions): Promise<void> {
  const { signal } = options;
  if (signal.aborted) return Promise.reject(new TrainerCancelledError());
  installExitHook();
  return new Promise((resolve, reject) => {
    const child = spawn(options.command, options.args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ["ignore", "pipe", "pipe"],
      // Its own process group, so a cancel reaches the trainer's children too.
      detached: true,
    });
    const pid = child.pid;
    if (pid) running.add(pid);
    const tail: string[] = [];
    let killTimer: NodeJS.Timeout | undefined;

    const read = (stream: "stdout" | "stderr") => {
      let pending = "";
      child[stream].setEncoding("utf8");
      child[stream].on("data", (chunk: string) => {
        pending += chunk;
        const lines = pending.split("\n");
        pending = lines.pop()!.slice(-MAX_LINE);
        for (const line of lines) emit(line, stream);
      });
      child[stream].on("end", () => {
        if (pending) emit(pending, stream);
        pending = "";
      });
    };
    const emit = (line: string, stream: "stdout" | "stderr") => {
      const text = line.slice(0, MAX_LINE);
      if (stream === "stderr" && text.trim()) {
        tail.push(text.split("\r").pop()!.trimEnd());
        if (tail.length > TAIL_LINES) tail.shift();
      }
      options.onLine(text, stream);
    };
    read("stdout");
    read("stderr");

    const onAbort = () => {
      if (!pid) return;
      killGroup(pid, "SIGTERM");
      killTimer = setTimeout(() => killGroup(pid, "SIGKILL"), options.killGraceMs ?? 5000);
    };
    signal.addEventListener("abort", onAbort, { once: true });

    child.on("error", (error) => {
      // Not started at all (ENOENT, EACCES): there is no process to wait for.
      signal.removeEventListener("abort", onAbort);
      if (pid) running.delete(pid);
      reject(new TrainerFailedError(`Could not start the trainer ${JSON.stringify(options.command)}: ${error.message}`));
    });
    child.on("close", (code, exitSignal) => {
      signal.removeEventListener("abort", onAbort);
      clearTimeout(killTimer);
      if (pid) {
        running.delete(pid);
        // Anything the trainer left running in its group goes with it.
        killGroup(pid, "SIGKILL");
      }
      if (signal.aborted) return reject(new TrainerCancelledError());
      if (code === 0) return resolve();
      const how = code !== null ? `exited with code ${code}` : `was killed by ${exitSignal}`;
      const last = tail.join("\n").slice(-TAIL_CHARS);
      reject(new TrainerFailedError(`The trainer ${how}${last ? `:\n${last}` : " (it wrote nothing to stderr)"}`));
    });
  });
}
