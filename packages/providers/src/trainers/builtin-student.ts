// builtin-student: the offline CPU trainer. It reads the dataset's samples page by page, trains the
// engine's student (its prequential loss per batch becomes the log), stores the model file in the
// blob store and returns its key. Training itself is synchronous engine code, so the worker passes a
// runner that keeps it off the event loop and stops it between batches on cancel.
import { writeBlob } from "@proda/core/server";
import { serializeStudent, trainStudent, type TStudentLogEntry, type TStudentSample } from "@proda/engine";
import { TrainerCancelledError, TrainerFailedError, throwIfCancelled } from "./errors.ts";
import { TRAINER_SPECS, type TStudentHyperparameters } from "./specs.ts";
import type { TTrainerBackend, TTrainerSample } from "./types.ts";

export interface TStudentRunHooks {
  onLog(entry: TStudentLogEntry): void;
  signal: AbortSignal;
}

/** Trains and returns serializeStudent's output; rejects with TrainerCancelledError when stopped. */
export type TStudentRunner = (samples: TStudentSample[], options: TStudentHyperparameters, hooks: TStudentRunHooks) => Promise<string>;

/** In-process runner (tests, small sets): a cancel is seen between batches only if it came before them. */
export const runStudentInProcess: TStudentRunner = async (samples, options, hooks) => {
  const { model } = trainStudent(samples, {
    ...options,
    onLog(entry) {
      hooks.onLog(entry);
      if (hooks.signal.aborted) throw new TrainerCancelledError();
    },
  });
  return serializeStudent(model);
};

/** What the student reads of a stored sample: its messages and which statement or options were false. */
export function toStudentSample(sample: TTrainerSample): TStudentSample {
  const { truth, choices } = sample.meta as TStudentSample["meta"] & object;
  return { messages: sample.messages, meta: { ...(truth !== undefined ? { truth } : {}), ...(choices ? { choices } : {}) } };
}

export function createBuiltinStudentTrainer(runStudent: TStudentRunner = runStudentInProcess): TTrainerBackend<TStudentHyperparameters> {
  return {
    ...TRAINER_SPECS["builtin-student"],
    async train(ctx, hyperparameters) {
      const samples: TStudentSample[] = [];
      for await (const page of ctx.samples()) {
        throwIfCancelled(ctx.signal);
        for (const sample of page) samples.push(toStudentSample(sample));
      }
      if (samples.length === 0) throw new TrainerFailedError("The dataset version has no samples to train on.");
      const totalSteps = Math.ceil(samples.length / hyperparameters.batchSize);
      ctx.log({
        message: `Training the builtin student on ${samples.length} samples (batch size ${hyperparameters.batchSize}, seed ${hyperparameters.seed})`,
        totalSteps,
      });
      const model = await runStudent(samples, hyperparameters, {
        signal: ctx.signal,
        onLog: (entry) => ctx.log({ step: entry.step, epoch: entry.samplesSeen / samples.length, loss: entry.loss, accuracy: entry.accuracy, totalSteps }),
      });
      const blob = await writeBlob(Buffer.from(model, "utf8"));
      ctx.log({ message: `Stored the model (${blob.sizeBytes} bytes)` });
      return { artifactPath: blob.key };
    },
  };
}
