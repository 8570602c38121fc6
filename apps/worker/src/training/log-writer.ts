// A run's log as it is produced: points are numbered (seq) in order, buffered briefly and written in
// batches, so a trainer printing hundreds of lines a second costs a few inserts, and the browser sees
// them within a fraction of a second. The run's step and total follow the latest point.
import type { PrismaClient } from "@proda/db";
import type { TTrainerLogPoint } from "@proda/providers";

const FLUSH_MS = 200;
const FLUSH_AT = 500;
const MAX_MESSAGE = 4000;

const finite = (v: number | null | undefined) => (typeof v === "number" && Number.isFinite(v) ? v : null);

export interface TLogWriter {
  push(point: TTrainerLogPoint): void;
  /** Writes what is buffered; rejects if any write failed (the run must not claim a log it lost). */
  flush(): Promise<void>;
  readonly step: number;
  readonly totalSteps: number | null;
}

export function createLogWriter(prisma: PrismaClient, runId: string, lastSeq: number, start: { step: number; totalSteps: number | null }): TLogWriter {
  let seq = lastSeq;
  let step = start.step;
  let totalSteps = start.totalSteps;
  let buffer: { seq: number; point: TTrainerLogPoint }[] = [];
  let writing: Promise<void> = Promise.resolve();
  let failure: unknown;
  let timer: NodeJS.Timeout | undefined;

  const write = async () => {
    const batch = buffer;
    buffer = [];
    if (batch.length === 0) return;
    await prisma.trainingLogEntry.createMany({
      data: batch.map(({ seq: s, point }) => ({
        runId,
        seq: s,
        step: finite(point.step),
        epoch: finite(point.epoch),
        loss: finite(point.loss),
        learningRate: finite(point.learningRate),
        accuracy: finite(point.accuracy),
        message: point.message ? point.message.slice(0, MAX_MESSAGE) : null,
      })),
      skipDuplicates: true,
    });
    await prisma.trainingRun.update({ where: { id: runId }, data: { step, totalSteps } });
  };
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    writing = writing.then(write).catch((error: unknown) => {
      failure ??= error;
    });
    return writing.then(() => {
      if (failure) throw failure;
    });
  };

  return {
    push(point) {
      buffer.push({ seq: ++seq, point });
      if (typeof point.step === "number" && Number.isFinite(point.step)) step = Math.max(step, Math.round(point.step));
      if (typeof point.totalSteps === "number" && Number.isFinite(point.totalSteps)) totalSteps = Math.round(point.totalSteps);
      if (buffer.length >= FLUSH_AT) void flush().catch(() => {});
      else timer ??= setTimeout(() => void flush().catch(() => {}), FLUSH_MS);
    },
    flush,
    get step() {
      return step;
    },
    get totalSteps() {
      return totalSteps;
    },
  };
}
