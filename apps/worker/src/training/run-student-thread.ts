// Runs the builtin student on a worker thread (student-thread.ts). The worker runs TypeScript through
// tsx, whose loader a new thread does not inherit: the thread starts from a one-line bootstrap that
// imports the entry through tsx's API. Cancel sets a shared flag the thread checks between batches;
// a thread that does not stop within the grace period is terminated.
import { Worker } from "node:worker_threads";
import { TrainerCancelledError, TrainerFailedError, type TStudentRunner } from "@proda/providers";
import type { TStudentThreadInput, TStudentThreadMessage } from "./student-thread.ts";

const ENTRY = new URL("./student-thread.ts", import.meta.url).href;
const BOOTSTRAP = `import("tsx/esm/api").then((tsx) => tsx.tsImport(${JSON.stringify(ENTRY)}, ${JSON.stringify(import.meta.url)}))`;
const STOP_GRACE_MS = 5000;

export function createThreadStudentRunner(pauseMs: number): TStudentRunner {
  return (samples, options, hooks) =>
    new Promise((resolve, reject) => {
      const cancel = new SharedArrayBuffer(4);
      const flag = new Int32Array(cancel);
      const input: TStudentThreadInput = { samples, seed: options.seed, batchSize: options.batchSize, pauseMs, cancel };
      const thread = new Worker(BOOTSTRAP, { eval: true, workerData: input });
      let settled = false;
      let stopTimer: NodeJS.Timeout | undefined;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(stopTimer);
        hooks.signal.removeEventListener("abort", onAbort);
        fn();
        void thread.terminate();
      };
      const onAbort = () => {
        Atomics.store(flag, 0, 1);
        Atomics.notify(flag, 0);
        stopTimer = setTimeout(() => settle(() => reject(new TrainerCancelledError())), STOP_GRACE_MS);
      };
      if (hooks.signal.aborted) onAbort();
      else hooks.signal.addEventListener("abort", onAbort, { once: true });

      thread.on("message", (message: TStudentThreadMessage) => {
        if (message.type === "log") {
          try {
            hooks.onLog(message.entry);
          } catch (error) {
            settle(() => reject(error));
          }
        } else if (message.type === "done") settle(() => resolve(message.model));
        else if (message.type === "cancelled") settle(() => reject(new TrainerCancelledError()));
        else settle(() => reject(new TrainerFailedError(`The student's training failed: ${message.message}`)));
      });
      thread.on("error", (error) => settle(() => reject(new TrainerFailedError(`The student's training thread failed: ${error.message}`))));
      thread.on("exit", (code) => settle(() => reject(new TrainerFailedError(`The student's training thread exited with code ${code}`))));
    });
}
