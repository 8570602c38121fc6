// Cancelling a run: a job still waiting is removed and the run ends at once; a running job gets
// cancelRequested, which the worker turns into stopping the backend (the student between batches,
// the trainer process killed, the OpenAI job cancelled remotely) and then marks the run cancelled.
import { AppError } from "@proda/core";
import type { PrismaClient, TrainingRun } from "@proda/db";
import { cancelJob } from "@proda/jobs";
import { effectiveStatus, isRunFinished } from "./run-dto.ts";

export async function cancelTrainingRun(prisma: PrismaClient, run: TrainingRun): Promise<TrainingRun> {
  const job = run.jobId ? await prisma.job.findUnique({ where: { id: run.jobId } }) : null;
  const { status } = effectiveStatus(run, job ?? undefined);
  if (isRunFinished(status)) throw new AppError("conflict", `Run ${run.number} has already ${status === "succeeded" ? "succeeded" : `been ${status}`}`);
  const after = job ? await cancelJob(prisma, job.id) : null;
  if (!after || after.status === "cancelled") {
    await prisma.trainingRun.updateMany({
      where: { id: run.id, status: { in: ["queued", "running"] } },
      data: { status: "cancelled", finishedAt: new Date() },
    });
  }
  return prisma.trainingRun.findUniqueOrThrow({ where: { id: run.id } });
}
