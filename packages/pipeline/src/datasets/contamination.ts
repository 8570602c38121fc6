// Starts a contamination check of a dataset version against benchmarks (all the project's frozen
// ones unless named). An override (an owner's reason for letting a contaminated version through) is
// given up front and recorded on the report; a freeze asked for with the check happens in the
// worker, only when the verdict is passed or overridden.
import { AppError, can, type TRole } from "@proda/core";
import type { ContaminationReport, PrismaClient } from "@proda/db";
import { ZContaminationOptions } from "@proda/engine";
import { enqueueJob } from "@proda/jobs";
import { z } from "zod";
import { assertBuilt, findDataset } from "./find-dataset.ts";
import { findLive } from "./live-job.ts";

export const ZOverrideRequest = z.object({
  reason: z.string().trim().min(10, "Explain why the contaminated data may be used (10 characters at least)").max(2000),
});

export const ZContaminationRequest = z.object({
  benchmarkIds: z.array(z.string().min(1).max(64)).max(500).optional(),
  options: z.object({ ngram: z.number().int().min(4).max(64).optional(), nearDuplicateThreshold: z.number().min(0.5).max(1).optional() }).optional(),
  override: ZOverrideRequest.optional(),
  freezeOnPass: z.boolean().optional(),
});
export type TContaminationRequest = z.infer<typeof ZContaminationRequest>;

async function resolveBenchmarks(prisma: PrismaClient, projectId: string, ids: string[] | undefined): Promise<string[]> {
  if (!ids) {
    const frozen = await prisma.benchmark.findMany({ where: { projectId, frozenAt: { not: null } }, select: { id: true }, orderBy: { number: "asc" } });
    return frozen.map((b) => b.id);
  }
  const unique = [...new Set(ids)];
  const found = await prisma.benchmark.findMany({ where: { projectId, id: { in: unique } }, select: { id: true, number: true, status: true } });
  if (found.length !== unique.length) throw new AppError("not_found", "Some benchmarks were not found in this project");
  const unfinished = found.find((b) => b.status !== "ready" && b.status !== "frozen");
  if (unfinished) throw new AppError("conflict", `Benchmark ${unfinished.number} is ${unfinished.status}: check against a ready or frozen benchmark.`);
  return unique;
}

export async function startContaminationCheck(
  prisma: PrismaClient,
  { projectId, datasetId, userId, role }: { projectId: string; datasetId: string | undefined; userId: string; role: TRole | null },
  request: TContaminationRequest,
): Promise<ContaminationReport> {
  if (request.override && !can(role, "contamination.override")) {
    throw new AppError("forbidden", `Your role (${role}) does not allow contamination.override`);
  }
  const version = await findDataset(prisma, projectId, datasetId);
  assertBuilt(version);
  if (request.freezeOnPass && version.frozenAt) throw new AppError("conflict", `Dataset version ${version.number} is already frozen.`);
  const running = await findLive(prisma, await prisma.contaminationReport.findMany({ where: { datasetVersionId: version.id, status: "running" } }));
  if (running) throw new AppError("conflict", "A contamination check of this version is still running; wait for it.", { reportId: running.id });

  const benchmarkIds = await resolveBenchmarks(prisma, projectId, request.benchmarkIds);
  const report = await prisma.contaminationReport.create({
    data: {
      projectId, datasetVersionId: version.id, benchmarkIds, createdById: userId,
      options: ZContaminationOptions.parse(request.options ?? {}) as object,
      freezeOnPass: request.freezeOnPass ?? false,
      overrideReason: request.override?.reason ?? null,
      overrideById: request.override ? userId : null,
    },
  });
  try {
    const job = await enqueueJob(prisma, "dataset.checkContamination", { projectId, reportId: report.id }, { projectId, createdById: userId });
    return prisma.contaminationReport.update({ where: { id: report.id }, data: { jobId: job.id } });
  } catch (error) {
    await prisma.contaminationReport.delete({ where: { id: report.id } });
    throw error;
  }
}
