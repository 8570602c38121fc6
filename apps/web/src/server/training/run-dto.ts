// Training runs → TTrainingRunDto. A run follows its job: when the job system knows the job failed
// or was cancelled (a lost worker, a job cancelled before it started) while the run row still says
// queued or running, the run is shown that way, with the job's error.
import { AppError } from "@proda/core";
import type { Job, PrismaClient, TrainingLogEntry, TrainingRun } from "@proda/db";
import { isJobAlive } from "@proda/jobs";
import { gpuWorkersOnline, type TGate } from "@proda/pipeline";
import { TRAINER_SPECS, type TTrainerBackendName } from "@proda/providers";
import type { TRunStatus, TTrainerBackend, TTrainingLogEntryDto, TTrainingRunDto } from "@/lib/api-types";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const isRunFinished = (status: TRunStatus) => status === "succeeded" || status === "failed" || status === "cancelled";

/** A run of the project; `id` may be undefined when a route is called without it. */
export async function findRun(prisma: PrismaClient, projectId: string, id: string | undefined): Promise<TrainingRun> {
  const run = id ? await prisma.trainingRun.findFirst({ where: { id, projectId } }) : null;
  if (!run) throw new AppError("not_found", "Training run not found");
  return run;
}

export const GPU_WORKER_GONE_ERROR = "No GPU worker has been seen for 15 seconds: the worker running this training was lost. Start the run again.";

/**
 * Asks the queue whether an unfinished run's job still exists (isJobAlive marks a lost one failed).
 * A GPU run cannot resume on another worker, and with no GPU worker left nothing would ever notice
 * its job stalled: when none is alive the run and its job are failed here, with the reason.
 */
export async function checkRunJob(prisma: PrismaClient, run: TrainingRun): Promise<void> {
  if (isRunFinished(run.status) || !run.jobId) return;
  const job = await prisma.job.findUnique({ where: { id: run.jobId } });
  // Redis down: say nothing new rather than fail the read.
  const alive = job ? await isJobAlive(prisma, job).catch(() => true) : false;
  const gpu = TRAINER_SPECS[run.backend as TTrainerBackendName]?.queue === "gpu";
  if (!alive || !gpu || run.status !== "running" || (await gpuWorkersOnline().catch(() => 1)) > 0) return;
  const data = { status: "failed" as const, error: GPU_WORKER_GONE_ERROR, finishedAt: new Date() };
  await prisma.trainingRun.updateMany({ where: { id: run.id, status: "running" }, data });
  await prisma.job.updateMany({ where: { id: run.jobId, status: { in: ["queued", "running"] } }, data });
}

export function effectiveStatus(run: Pick<TrainingRun, "status" | "error">, job: Pick<Job, "status" | "error"> | undefined): { status: TRunStatus; error: string | null } {
  if (!isRunFinished(run.status) && job && (job.status === "failed" || job.status === "cancelled")) {
    return { status: job.status, error: run.error ?? job.error };
  }
  return { status: run.status, error: run.error };
}

interface LastPoint {
  runId: string;
  value: number;
}

export async function loadRunDtos(prisma: PrismaClient, runs: TrainingRun[]): Promise<TTrainingRunDto[]> {
  if (runs.length === 0) return [];
  const ids = runs.map((r) => r.id);
  const [jobs, versions, models, losses, rates] = await Promise.all([
    prisma.job.findMany({ where: { id: { in: runs.flatMap((r) => (r.jobId ? [r.jobId] : [])) } }, select: { id: true, status: true, error: true } }),
    prisma.datasetVersion.findMany({ where: { id: { in: [...new Set(runs.map((r) => r.datasetVersionId))] } }, select: { id: true, number: true } }),
    prisma.registeredModel.findMany({ where: { trainingRunId: { in: ids } }, select: { id: true, trainingRunId: true } }),
    prisma.$queryRaw<LastPoint[]>`
      SELECT DISTINCT ON ("runId") "runId", loss AS value FROM "TrainingLogEntry"
      WHERE "runId" = ANY(${ids}) AND loss IS NOT NULL ORDER BY "runId", seq DESC`,
    prisma.$queryRaw<LastPoint[]>`
      SELECT DISTINCT ON ("runId") "runId", "learningRate" AS value FROM "TrainingLogEntry"
      WHERE "runId" = ANY(${ids}) AND "learningRate" IS NOT NULL ORDER BY "runId", seq DESC`,
  ]);
  const jobOf = new Map(jobs.map((j) => [j.id, j]));
  const numberOf = new Map(versions.map((v) => [v.id, v.number]));
  const modelOf = new Map(models.map((m) => [m.trainingRunId, m.id]));
  const lossOf = new Map(losses.map((l) => [l.runId, l.value]));
  const rateOf = new Map(rates.map((l) => [l.runId, l.value]));
  return runs.map((run) => {
    const { status, error } = effectiveStatus(run, run.jobId ? jobOf.get(run.jobId) : undefined);
    return {
      id: run.id,
      number: run.number,
      backend: run.backend as TTrainerBackend,
      status,
      datasetVersionId: run.datasetVersionId,
      datasetVersionNumber: numberOf.get(run.datasetVersionId) ?? 0,
      baseModelId: run.baseModelId,
      hyperparameters: run.hyperparameters as Record<string, unknown>,
      gate: run.gate as TGate,
      jobId: run.jobId,
      step: run.step,
      totalSteps: run.totalSteps,
      lastLoss: lossOf.get(run.id) ?? null,
      lastLearningRate: rateOf.get(run.id) ?? null,
      modelId: modelOf.get(run.id) ?? null,
      error,
      createdAt: run.createdAt.toISOString(),
      startedAt: iso(run.startedAt),
      finishedAt: iso(run.finishedAt),
    };
  });
}

export const toLogEntryDto = (e: TrainingLogEntry): TTrainingLogEntryDto => ({
  seq: e.seq,
  step: e.step,
  epoch: e.epoch,
  loss: e.loss,
  learningRate: e.learningRate,
  accuracy: e.accuracy,
  message: e.message,
  createdAt: e.createdAt.toISOString(),
});
