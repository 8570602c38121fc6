// Runs computeLayout in a worker thread: Louvain and ForceAtlas2 take seconds to minutes of
// synchronous CPU at 45k–300k nodes, which on the main thread would starve BullMQ's lock renewal
// (the job would be taken for stalled) and every other job of this process.
import { parentPort, workerData } from "node:worker_threads";
import { computeLayout, type TLayoutInput } from "./compute-layout.ts";

export type TThreadMessage =
  | { type: "progress"; phase: "communities" | "forces"; done: number; total: number }
  | { type: "done"; positions: Float32Array; communities: Int32Array; communityCount: number; modularity: number; iterations: number; bounds: { minX: number; minY: number; maxX: number; maxY: number } }
  | { type: "error"; message: string };

const input = workerData as TLayoutInput;
try {
  const result = await computeLayout(input, (phase, done, total) => parentPort!.postMessage({ type: "progress", phase, done, total } satisfies TThreadMessage));
  parentPort!.postMessage({ type: "done", ...result } satisfies TThreadMessage, [result.positions.buffer as ArrayBuffer, result.communities.buffer as ArrayBuffer]);
} catch (error) {
  parentPort!.postMessage({ type: "error", message: error instanceof Error ? error.message : String(error) } satisfies TThreadMessage);
}
