// debugger.diagnose: structural diagnosis of an evaluation's failures, then the judge. Resumable by
// item; the run row mirrors the outcome (ready / failed / cancelled), and a finished run is left as
// it is by a duplicate job.
import { AppError } from "@proda/core";
import type { TJobPayload } from "@proda/jobs";
import { ProviderRequestError } from "@proda/providers";
import { UnrecoverableError } from "bullmq";
import { runDiagnosis } from "../debugger/run-diagnosis.ts";
import { JobCancelledError, type JobContext } from "../job-context.ts";

export async function diagnoseFailures(ctx: JobContext<TJobPayload<"debugger.diagnose">>) {
  const { prisma, payload } = ctx;
  const run = await prisma.diagnosisRun.findUnique({ where: { id: payload.runId } });
  if (!run) return { skipped: "deleted" };
  if (run.projectId !== payload.projectId) throw new UnrecoverableError("The diagnosis run belongs to another project");
  if (run.status === "ready") return { skipped: run.status };
  await prisma.diagnosisRun.update({ where: { id: run.id }, data: { status: "building", error: null, finishedAt: null } });
  try {
    return await runDiagnosis(ctx, run);
  } catch (error) {
    const cancelled = error instanceof JobCancelledError;
    const message = error instanceof Error ? error.message : String(error);
    await prisma.diagnosisRun.update({
      where: { id: run.id },
      data: { status: cancelled ? "cancelled" : "failed", error: cancelled ? null : message, finishedAt: new Date() },
    });
    // A bad key, a deleted provider or evaluation will not fix themselves on retry.
    if (error instanceof ProviderRequestError || (error instanceof AppError && error.code === "not_found")) throw new UnrecoverableError(message);
    throw error;
  }
}
