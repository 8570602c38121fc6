// Diagnosis rows → API shapes. A run whose job was cancelled or failed for good before the worker
// could record it is reported as such (the job row knows, as for benchmarks and evaluations). Each
// run carries its review progress and the judge's calibration against the reviewers.
import { AppError } from "@proda/core";
import type { BenchmarkItem, Diagnosis, DiagnosisRun, PrismaClient } from "@proda/db";
import type { TStructuralEvidence } from "@proda/engine";
import { judgeCalibration } from "@proda/pipeline";
import type { TDiagnosisDto, TDiagnosisLabel, TDiagnosisRunDto } from "@/lib/api-types";

export async function findRun(prisma: PrismaClient, projectId: string, runId: string | undefined): Promise<DiagnosisRun> {
  const run = runId ? await prisma.diagnosisRun.findFirst({ where: { id: runId, projectId } }) : null;
  if (!run) throw new AppError("not_found", "Diagnosis run not found");
  return run;
}

/** Review progress and the judge's calibration of each run, in two queries for all of them. */
async function reviewsOf(prisma: PrismaClient, runIds: string[]): Promise<Map<string, TDiagnosisRunDto["review"]>> {
  const [groups, reviewed] = await Promise.all([
    prisma.diagnosis.groupBy({ by: ["runId", "review"], where: { runId: { in: runIds } }, _count: { _all: true } }),
    // Label combinations with their counts: a few rows per run however many were reviewed.
    prisma.diagnosis.groupBy({
      by: ["runId", "label", "judgeLabel", "abstained", "review", "reviewLabel"],
      where: { runId: { in: runIds }, review: { in: ["accepted", "relabelled"] }, abstained: false },
      _count: { _all: true },
    }),
  ]);
  return new Map(runIds.map((runId) => {
    const count = (review: string) => groups.find((g) => g.runId === runId && g.review === review)?._count._all ?? 0;
    const calibration = judgeCalibration(reviewed.filter((d) => d.runId === runId).flatMap((d) => Array<typeof d>(d._count._all).fill(d)));
    return [runId, { pending: count("pending"), accepted: count("accepted"), relabelled: count("relabelled"), rejected: count("rejected"), ...calibration }];
  }));
}

export async function loadRunDtos(prisma: PrismaClient, runs: DiagnosisRun[]): Promise<TDiagnosisRunDto[]> {
  const [jobs, providers, reviews] = await Promise.all([
    prisma.job.findMany({ where: { id: { in: runs.flatMap((r) => (r.jobId ? [r.jobId] : [])) } }, select: { id: true, status: true, error: true } }),
    prisma.providerConfig.findMany({ where: { id: { in: runs.map((r) => r.judge).filter((j) => j !== "builtin") } }, select: { id: true, name: true } }),
    reviewsOf(prisma, runs.map((r) => r.id)),
  ]);
  const jobOf = new Map(jobs.map((j) => [j.id, j]));
  const providerName = new Map(providers.map((p) => [p.id, p.name]));
  return runs.map((r) => {
    const job = r.jobId ? jobOf.get(r.jobId) : undefined;
    const lost = r.status === "building" && job && (job.status === "cancelled" || job.status === "failed");
    const settings = r.settings as TDiagnosisRunDto["settings"];
    return {
      id: r.id,
      evaluationId: r.evaluationId,
      datasetVersionId: r.datasetVersionId,
      status: lost ? (job.status as "cancelled" | "failed") : r.status,
      judge: r.judge === "builtin"
        ? { kind: "builtin", providerId: null, providerName: null }
        : { kind: "llm", providerId: r.judge, providerName: providerName.get(r.judge) ?? "(deleted provider)" },
      settings: { minSamples: settings.minSamples, abstainBelow: settings.abstainBelow },
      counts: (r.counts as TDiagnosisRunDto["counts"]) ?? null,
      review: reviews.get(r.id)!,
      jobId: r.jobId,
      error: r.error ?? (lost ? job.error : null),
      createdAt: r.createdAt.toISOString(),
      finishedAt: r.finishedAt?.toISOString() ?? null,
    };
  });
}

export function toDiagnosisDto(d: Diagnosis, item: Pick<BenchmarkItem, "position" | "question"> | undefined): TDiagnosisDto {
  return {
    id: d.id,
    itemId: d.itemId,
    itemPosition: item?.position ?? -1,
    question: item?.question ?? "",
    discipline: d.discipline,
    chainId: d.chainId,
    fooledBy: d.fooledBy,
    label: d.label as TDiagnosisLabel,
    confidence: d.confidence,
    evidence: d.evidence as unknown as TStructuralEvidence,
    judgeLabel: d.judgeLabel as TDiagnosisLabel | null,
    judgeConfidence: d.judgeConfidence,
    judgeRationale: d.judgeRationale,
    abstained: d.abstained,
    review: d.review,
    reviewLabel: d.reviewLabel as TDiagnosisLabel | null,
    reviewNote: d.reviewNote,
    reviewedAt: d.reviewedAt?.toISOString() ?? null,
  };
}

/** DTOs for a page of diagnoses, with their items' position and question. */
export async function loadDiagnosisDtos(prisma: PrismaClient, rows: Diagnosis[]): Promise<TDiagnosisDto[]> {
  const items = await prisma.benchmarkItem.findMany({ where: { id: { in: rows.map((d) => d.itemId) } }, select: { id: true, position: true, question: true } });
  const itemOf = new Map(items.map((i) => [i.id, i]));
  return rows.map((d) => toDiagnosisDto(d, itemOf.get(d.itemId)));
}
