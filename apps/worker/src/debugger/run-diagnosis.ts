// One diagnosis run: the teaching counts of the evaluated model's dataset, then every failed item
// diagnosed structurally and judged, stored batch by batch as it finishes. Resumable and idempotent:
// items already stored are skipped (no second LLM call), and rows are inserted by (runId, itemId)
// with duplicates skipped, so a retry or a duplicate job neither repeats nor loses work.
import type { DiagnosisRun, Prisma } from "@proda/db";
import { diagnoseFailure } from "@proda/engine";
import type { TJobPayload } from "@proda/jobs";
import { z } from "zod";
import type { JobContext } from "../job-context.ts";
import { createJudge } from "./judge.ts";
import { readFailures } from "./load-failures.ts";
import { loadTeachingCounts } from "./load-teaching.ts";

/** DiagnosisRun.settings as the web app writes them (start-diagnosis.ts). */
const ZRunSettings = z.object({ minSamples: z.number().int().min(1).default(2), abstainBelow: z.number().min(0).max(1).default(0.5) });

/** Failures judged together: LLM calls of a batch run concurrently, and a batch is one insert. */
const BATCH = 16;

export async function runDiagnosis(ctx: JobContext<TJobPayload<"debugger.diagnose">>, run: DiagnosisRun) {
  const { prisma } = ctx;
  const settings = ZRunSettings.parse(run.settings);
  const evaluation = await prisma.evaluation.findUniqueOrThrow({ where: { id: run.evaluationId } });
  await ctx.progress({ done: 0, total: 0, message: "Counting what the training data teaches" });
  const teaching = await loadTeachingCounts(prisma, run.datasetVersionId);
  const judge = await createJudge(ctx, run.projectId, run.judge, settings.abstainBelow);

  const total = await prisma.evaluationResult.count({ where: { evaluationId: evaluation.id, correct: false, method: { not: "error" } } });
  const stored = await prisma.diagnosis.findMany({ where: { runId: run.id }, select: { itemId: true } });
  const done = new Set(stored.map((d) => d.itemId));
  let count = done.size;
  for await (const page of readFailures(prisma, evaluation.id, evaluation.benchmarkId)) {
    const fresh = page.filter((f) => !done.has(f.itemId));
    for (let i = 0; i < fresh.length; i += BATCH) {
      const cases = fresh.slice(i, i + BATCH).map((failure) => ({ failure, diagnosis: diagnoseFailure(failure, teaching, settings.minSamples) }));
      const verdicts = await judge.judge(cases);
      const rows: Prisma.DiagnosisCreateManyInput[] = cases.map(({ failure, diagnosis }, k) => ({
        runId: run.id, itemId: failure.itemId, discipline: failure.discipline, chainId: failure.chainId,
        relationIds: failure.relationIds, conceptIds: failure.conceptIds, fooledBy: diagnosis.evidence.fooledBy,
        label: diagnosis.label, confidence: diagnosis.confidence,
        // The targets are kept with the evidence: the patch planner reads them without re-diagnosing.
        evidence: { ...diagnosis.evidence, targets: diagnosis.targets } as Prisma.InputJsonValue,
        ...verdicts[k]!,
      }));
      await prisma.diagnosis.createMany({ data: rows, skipDuplicates: true });
      count += rows.length;
      await ctx.progress({ done: count, total, message: `${count} of ${total} failures diagnosed` });
    }
  }

  const [labels, abstained] = await Promise.all([
    prisma.diagnosis.groupBy({ by: ["label"], where: { runId: run.id }, _count: { _all: true } }),
    prisma.diagnosis.count({ where: { runId: run.id, abstained: true } }),
  ]);
  const byLabel = (label: string) => labels.find((l) => l.label === label)?._count._all ?? 0;
  const counts = { failed: total, concept_gap: byLabel("concept_gap"), reasoning_deficit: byLabel("reasoning_deficit"), abstained };
  await prisma.diagnosisRun.update({ where: { id: run.id }, data: { status: "ready", counts, error: null, finishedAt: new Date() } });
  return { ...counts, judge: judge.usage() };
}
