// One training run on this worker, whatever its backend: the run row follows what happens (running,
// then succeeded with its registered model, failed with the reason, or cancelled), the backend's log
// streams into TrainingLogEntry rows, and a cancel request on the job aborts the backend. A run found
// already running was left by a lost worker: the backend restarts it, resumes it or fails it.
import path from "node:path";
import { dataDir } from "@proda/core/server";
import type { PrismaClient, TrainingRun } from "@proda/db";
import { TrainerCancelledError, TrainerFailedError, type TTrainedModel, type TTrainerBackend, type TTrainerBackendName, type TTrainerContext } from "@proda/providers";
import { UnrecoverableError } from "bullmq";
import { JobCancelledError, type JobContext } from "../job-context.ts";
import { log } from "../log.ts";
import { createLogWriter } from "./log-writer.ts";
import { readSamplePages } from "./read-samples.ts";
import { watchForCancel } from "./watch-for-cancel.ts";

const FINISHED = ["succeeded", "failed", "cancelled"];

export const LOST_WORKER_ERROR = "The worker running this training was lost (it crashed or was stopped) and this backend cannot resume; start the run again.";

type TTrainers = Record<TTrainerBackendName, TTrainerBackend>;

async function finishRun(prisma: PrismaClient, id: string, status: "failed" | "cancelled", error: string | null) {
  await prisma.trainingRun.updateMany({ where: { id, status: { in: ["queued", "running"] } }, data: { status, error, finishedAt: new Date() } });
}

async function failRun(prisma: PrismaClient, id: string, message: string): Promise<never> {
  await finishRun(prisma, id, "failed", message);
  throw new UnrecoverableError(message);
}

/**
 * The run succeeds and its model joins the registry together, only if the run is still running
 * (it may have been failed from outside meanwhile); a redelivered job finds the model by its run.
 */
async function registerModel(prisma: PrismaClient, run: TrainingRun, trained: TTrainedModel) {
  let name = `${run.backend}-run-${run.number}`;
  const taken = await prisma.registeredModel.findFirst({ where: { projectId: run.projectId, name, NOT: { trainingRunId: run.id } } });
  if (taken) name = `${name}-${run.id.slice(-6)}`;
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.trainingRun.updateMany({ where: { id: run.id, status: "running" }, data: { status: "succeeded", error: null, finishedAt: new Date() } });
    if (count === 0) throw new UnrecoverableError("The run was ended while it trained; its model is not registered");
    return tx.registeredModel.upsert({
      where: { trainingRunId: run.id },
      create: {
        projectId: run.projectId, name, backend: run.backend, kind: "trained",
        providerId: trained.providerId ?? null, remoteModel: trained.remoteModel ?? null, artifactPath: trained.artifactPath ?? null,
        datasetVersionId: run.datasetVersionId, trainingRunId: run.id, createdById: run.createdById,
      },
      update: {},
    });
  });
}

export async function runTraining(ctx: JobContext<{ projectId: string; runId: string }>, queue: "cpu" | "gpu", trainers: TTrainers) {
  const { prisma, payload } = ctx;
  const run = await prisma.trainingRun.findFirst({ where: { id: payload.runId, projectId: payload.projectId } });
  if (!run) return { skipped: "deleted" };
  if (FINISHED.includes(run.status)) return { skipped: run.status };
  const backend = trainers[run.backend as TTrainerBackendName] as TTrainerBackend | undefined;
  if (!backend || backend.queue !== queue) return failRun(prisma, run.id, `Backend ${run.backend} does not run on the ${queue} queue`);
  const lost = run.status === "running";
  if (lost && backend.onLostWorker === "fail") return failRun(prisma, run.id, LOST_WORKER_ERROR);
  const hyperparameters = backend.hyperparameters.safeParse(run.hyperparameters);
  if (!hyperparameters.success) return failRun(prisma, run.id, `The run's hyperparameters are not valid for ${run.backend}: ${hyperparameters.error.message}`);

  await prisma.trainingRun.update({ where: { id: run.id }, data: { status: "running", startedAt: run.startedAt ?? new Date(), error: null } });
  const stored = await prisma.trainingLogEntry.aggregate({ where: { runId: run.id }, _max: { seq: true }, _count: true });
  const restart = lost && backend.onLostWorker === "restart";
  const writer = createLogWriter(prisma, run.id, stored._max.seq ?? 0, { step: restart ? 0 : run.step, totalSteps: run.totalSteps });
  if (restart) writer.push({ message: "The previous worker was lost: training again from the start" });
  const baseModel = run.baseModelId
    ? await prisma.registeredModel.findFirst({ where: { id: run.baseModelId, projectId: run.projectId }, select: { id: true, providerId: true, remoteModel: true } })
    : null;

  const controller = new AbortController();
  const stopWatching = watchForCancel(ctx, writer, controller);
  const context: TTrainerContext = {
    run: {
      id: run.id, projectId: run.projectId, number: run.number, datasetVersionId: run.datasetVersionId,
      baseModel, remoteJobId: run.remoteJobId, loggedEntries: stored._count,
    },
    samples: () => readSamplePages(prisma, run.datasetVersionId),
    log: (point) => writer.push(point),
    saveRemoteJobId: async (remoteJobId) => {
      await prisma.trainingRun.update({ where: { id: run.id }, data: { remoteJobId } });
    },
    signal: controller.signal,
    // The run id comes from our database, never from a request.
    workDir: path.join(dataDir(), "training", run.id),
    logger: log,
  };
  log.info({ runId: run.id, backend: run.backend, resumed: lost }, "training started");
  try {
    const trained = await backend.train(context, hyperparameters.data);
    await writer.flush();
    const model = await registerModel(prisma, run, trained);
    log.info({ runId: run.id, modelId: model.id }, "training succeeded");
    return { modelId: model.id };
  } catch (error) {
    await writer.flush().catch(() => {});
    if (error instanceof TrainerCancelledError) {
      await finishRun(prisma, run.id, "cancelled", error.message === new TrainerCancelledError().message ? null : error.message);
      throw new JobCancelledError();
    }
    const message = error instanceof Error ? error.message : String(error);
    await finishRun(prisma, run.id, "failed", message);
    // attempts is 1 anyway; a trainer's own failure is final, not worth a BullMQ retry.
    throw error instanceof TrainerFailedError ? new UnrecoverableError(message) : error;
  } finally {
    stopWatching();
  }
}
