// The builtin student's training, on a thread of its own: the engine's trainer is synchronous, and
// on the worker's main thread it would stall job locks, heartbeats and cancel checks. Between
// batches it reports the log entry, pauses if throttled, and stops when the cancel flag is set.
import { parentPort, workerData } from "node:worker_threads";
import { serializeStudent, trainStudent, type TStudentLogEntry, type TStudentSample } from "@proda/engine";

export interface TStudentThreadInput {
  samples: TStudentSample[];
  seed: number;
  batchSize: number;
  pauseMs: number;
  /** Int32 flag at index 0: 1 = stop. */
  cancel: SharedArrayBuffer;
}

export type TStudentThreadMessage =
  | { type: "log"; entry: TStudentLogEntry }
  | { type: "done"; model: string }
  | { type: "cancelled" }
  | { type: "error"; message: string };

class Stopped extends Error {}

const input = workerData as TStudentThreadInput;
const flag = new Int32Array(input.cancel);
const send = (message: TStudentThreadMessage) => parentPort!.postMessage(message);

try {
  const { model } = trainStudent(input.samples, {
    seed: input.seed,
    batchSize: input.batchSize,
    onLog(entry) {
      send({ type: "log", entry });
      // Sleeps unless the flag is set; a cancel wakes it at once (Atomics.notify).
      if (input.pauseMs > 0) Atomics.wait(flag, 0, 0, input.pauseMs);
      if (Atomics.load(flag, 0) === 1) throw new Stopped();
    },
  });
  send({ type: "done", model: serializeStudent(model) });
} catch (error) {
  send(error instanceof Stopped ? { type: "cancelled" } : { type: "error", message: error instanceof Error ? error.message : String(error) });
}
