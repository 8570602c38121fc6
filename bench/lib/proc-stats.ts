// Memory and CPU time of a process together with its descendants (next start and tsx fork children),
// read from /proc, for benchmarks that watch the servers they started.
import { readdirSync, readFileSync } from "node:fs";

const CLOCK_TICKS = 100; // USER_HZ on Linux

function descendants(pid: number): number[] {
  const out: number[] = [];
  for (const queue = [pid]; queue.length > 0; ) {
    const p = queue.pop()!;
    out.push(p);
    try {
      for (const task of readdirSync(`/proc/${p}/task`)) {
        const list = readFileSync(`/proc/${p}/task/${task}/children`, "utf8").trim();
        if (list) queue.push(...list.split(/\s+/).map(Number));
      }
    } catch {
      /* gone meanwhile */
    }
  }
  return out;
}

function read(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null;
  }
}

/** Resident memory (bytes) of `pid` and its descendants. */
export function treeRss(pid: number): number {
  return descendants(pid).reduce((sum, p) => sum + Number(read(`/proc/${p}/status`)?.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) * 1024, 0);
}

/** CPU seconds (user + system) `pid` and its live descendants have used so far. */
export function treeCpuSeconds(pid: number): number {
  return descendants(pid).reduce((sum, p) => {
    const stat = read(`/proc/${p}/stat`);
    if (!stat) return sum;
    // Fields after the parenthesised command name; utime and stime are the 14th and 15th overall.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return sum + (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  }, 0);
}

/** Busy and total CPU seconds of the whole machine since boot, all cores together (/proc/stat). */
export function machineCpuSeconds(): { busy: number; total: number } {
  const [, ...ticks] = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = ticks.map(Number) as number[];
  const total = user! + nice! + system! + idle! + iowait! + irq! + softirq! + steal!;
  return { busy: (total - idle! - iowait!) / CLOCK_TICKS, total: total / CLOCK_TICKS };
}
