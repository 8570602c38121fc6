// External alignment: does our benchmark rank models the way an external benchmark does? For each
// imported external benchmark, Spearman's rho between our accuracy (the latest finished evaluation
// of each registered model on our benchmark) and the imported score, over the models both have
// (matched by name, ignoring case). Under three shared models rho is null: a rank correlation of
// two points says nothing.
import type { PrismaClient } from "@proda/db";
import { spearmanRho, type TEvaluationSummary } from "@proda/engine";
import type { TAlignmentDto } from "@/lib/api-types";
import { findBenchmark } from "../benchmarks/benchmark-dto.ts";

const norm = (name: string) => name.trim().toLowerCase();

export async function computeAlignment(prisma: PrismaClient, projectId: string, benchmarkId: string): Promise<TAlignmentDto> {
  const benchmark = await findBenchmark(prisma, projectId, benchmarkId);
  const evaluations = await prisma.evaluation.findMany({
    where: { projectId, benchmarkId: benchmark.id, frozenAt: { not: null } },
    select: { summary: true, model: { select: { name: true } } },
    orderBy: [{ finishedAt: "desc" }, { id: "desc" }],
  });
  // Newest first: the first evaluation seen of a model is its latest.
  const ours = new Map<string, { modelName: string; accuracy: number }>();
  for (const e of evaluations) {
    const summary = e.summary as unknown as TEvaluationSummary | null;
    if (!summary || ours.has(norm(e.model.name))) continue;
    ours.set(norm(e.model.name), { modelName: e.model.name, accuracy: summary.total.accuracy });
  }
  const scores = await prisma.externalScore.findMany({ where: { projectId }, orderBy: [{ benchmark: "asc" }, { modelName: "asc" }] });
  const byBenchmark = new Map<string, typeof scores>();
  for (const s of scores) byBenchmark.set(s.benchmark, [...(byBenchmark.get(s.benchmark) ?? []), s]);
  return {
    benchmarkId: benchmark.id,
    external: [...byBenchmark.entries()].map(([name, rows]) => {
      const models = rows.flatMap((s) => {
        const mine = ours.get(norm(s.modelName));
        return mine ? [{ modelName: mine.modelName, ours: mine.accuracy, theirs: s.score }] : [];
      });
      return { benchmark: name, rho: spearmanRho(models.map((m) => m.ours), models.map((m) => m.theirs)), models };
    }),
  };
}
