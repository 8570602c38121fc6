// Starts the layout in its own thread and relays its progress; a progress callback that throws
// (a cancel) terminates the thread at once, wherever it is.
import { Worker } from "node:worker_threads";
import type { TLayoutInput, TLayoutResult } from "./compute-layout.ts";
import type { TThreadMessage } from "./layout-thread.ts";

const PROGRESS_EVERY_MS = 1_000;

export function runLayoutThread(input: TLayoutInput, onProgress: (phase: string, done: number, total: number) => Promise<void>): Promise<TLayoutResult> {
  return new Promise((resolve, reject) => {
    const thread = new Worker(new URL("./layout-thread.mjs", import.meta.url), { workerData: input });
    // workerData is copied, not transferred: the caller still stores `input.edges` afterwards.
    let settled = false;
    let lastReport = 0;
    const finish = (error: unknown, result?: TLayoutResult) => {
      if (settled) return;
      settled = true;
      void thread.terminate();
      if (error) reject(error);
      else resolve(result!);
    };
    thread.on("message", (message: TThreadMessage) => {
      if (message.type === "done") finish(null, message);
      else if (message.type === "error") finish(new Error(message.message));
      else if (Date.now() - lastReport >= PROGRESS_EVERY_MS || message.done === message.total) {
        lastReport = Date.now();
        onProgress(message.phase, message.done, message.total).catch((error: unknown) => finish(error));
      }
    });
    thread.on("error", (error) => finish(error));
    thread.on("exit", (code) => finish(new Error(`The layout thread exited with code ${code}`)));
  });
}
