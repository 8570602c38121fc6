// Dataset rows → API shapes. A version or report whose job was cancelled or failed for good is
// reported as such: the job system, not the row, knows that (see knowledge-dto.ts).
import type { ContaminationReport, DatasetVersion, PrismaClient, TrainingSample } from "@proda/db";
import type {
  TBuildStatsDto, TContaminationHitDto, TContaminationReportDto, TContaminationSummaryDto, TCoverageDto, TDatasetDto, TRecipeDto, TSampleDto,
} from "@/lib/api-types";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

async function jobStatuses(prisma: PrismaClient, jobIds: (string | null)[]) {
  const ids = jobIds.flatMap((id) => (id ? [id] : []));
  const jobs = await prisma.job.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, error: true } });
  return new Map(jobs.map((j) => [j.id, j]));
}

export const toReportSummary = (r: ContaminationReport): TContaminationSummaryDto => ({
  id: r.id,
  status: r.status,
  benchmarkIds: r.benchmarkIds,
  counts: (r.counts as TContaminationSummaryDto["counts"]) ?? null,
  overrideReason: r.overrideReason,
  createdAt: r.createdAt.toISOString(),
  finishedAt: iso(r.finishedAt),
});

export const toReportDto = (r: ContaminationReport): TContaminationReportDto => ({
  ...toReportSummary(r),
  options: r.options as TContaminationReportDto["options"],
  hits: (r.hits as unknown as TContaminationHitDto[] | null) ?? [],
  nodeReport: (r.nodeReport as TContaminationReportDto["nodeReport"] | null) ?? [],
  overrideBy: r.overrideById,
  freezeOnPass: r.freezeOnPass,
  jobId: r.jobId,
  error: r.error,
});

/** Reports still "running" whose job is gone for good read as failed, with the job's error. */
export async function withReportJobStatus(prisma: PrismaClient, reports: ContaminationReport[]): Promise<ContaminationReport[]> {
  const jobOf = await jobStatuses(prisma, reports.filter((r) => r.status === "running").map((r) => r.jobId));
  return reports.map((r) => {
    const job = r.jobId ? jobOf.get(r.jobId) : undefined;
    return job && (job.status === "failed" || job.status === "cancelled") ? { ...r, status: "failed", error: r.error ?? job.error } : r;
  });
}

export async function latestReports(prisma: PrismaClient, datasetVersionIds: string[]): Promise<Map<string, ContaminationReport>> {
  const reports = await prisma.contaminationReport.findMany({
    where: { datasetVersionId: { in: datasetVersionIds } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    distinct: ["datasetVersionId"],
  });
  return new Map((await withReportJobStatus(prisma, reports)).map((r) => [r.datasetVersionId, r]));
}

export async function loadDatasetDtos(prisma: PrismaClient, versions: DatasetVersion[]): Promise<TDatasetDto[]> {
  const [jobOf, reportOf, knowledge] = await Promise.all([
    jobStatuses(prisma, versions.map((v) => v.jobId)),
    latestReports(prisma, versions.map((v) => v.id)),
    prisma.knowledgeVersion.findMany({ where: { id: { in: [...new Set(versions.map((v) => v.knowledgeVersionId))] } }, select: { id: true, number: true } }),
  ]);
  const numberOf = new Map(knowledge.map((k) => [k.id, k.number]));
  return versions.map((v) => {
    const job = v.jobId ? jobOf.get(v.jobId) : undefined;
    const lost = v.status === "building" && job && (job.status === "cancelled" || job.status === "failed");
    const report = reportOf.get(v.id);
    return {
      id: v.id,
      number: v.number,
      name: v.name,
      knowledgeVersionId: v.knowledgeVersionId,
      knowledgeVersionNumber: numberOf.get(v.knowledgeVersionId) ?? 0,
      status: lost ? (job.status as "cancelled" | "failed") : v.status,
      recipe: v.recipe as TRecipeDto,
      contentHash: v.contentHash,
      sampleCount: v.sampleCount,
      coverage: (v.coverage as TCoverageDto | null) ?? null,
      stats: (v.stats as TBuildStatsDto | null) ?? null,
      parentId: v.parentId,
      jobId: v.jobId,
      error: v.error ?? (lost ? job.error : null),
      createdAt: v.createdAt.toISOString(),
      finishedAt: iso(v.finishedAt),
      frozenAt: iso(v.frozenAt),
      contamination: report ? toReportSummary(report) : null,
    };
  });
}

export const toSampleDto = (s: Pick<TrainingSample, "id" | "position" | "key" | "type" | "discipline" | "messages" | "meta">): TSampleDto => ({
  id: s.id,
  position: s.position,
  key: s.key,
  type: s.type,
  discipline: s.discipline,
  messages: s.messages as TSampleDto["messages"],
  meta: s.meta as TSampleDto["meta"],
});
