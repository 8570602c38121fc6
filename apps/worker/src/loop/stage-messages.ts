// One line per finished stage for the timeline: what it made, in the words of the stage's own page.
import type { TEvaluationSummary } from "@proda/engine";
import type { TLoopArtifacts, TLoopStage } from "@proda/pipeline";
import type { PrismaClient } from "@proda/db";

const pct = (x: number | undefined) => (x === undefined ? "?" : `${(x * 100).toFixed(1)} %`);

async function accuracy(prisma: PrismaClient, id: string | undefined) {
  if (!id) return undefined;
  const e = await prisma.evaluation.findUnique({ where: { id }, select: { summary: true } });
  return (e?.summary as TEvaluationSummary | null)?.total.accuracy;
}

async function samples(prisma: PrismaClient, id: string | undefined) {
  const v = id ? await prisma.datasetVersion.findUnique({ where: { id }, select: { number: true, sampleCount: true } }) : null;
  return v ? `version ${v.number} (${v.sampleCount} samples)` : "?";
}

async function modelName(prisma: PrismaClient, id: string | undefined) {
  return (id ? await prisma.registeredModel.findUnique({ where: { id }, select: { name: true } }) : null)?.name ?? "?";
}

export async function describeStage(prisma: PrismaClient, stage: TLoopStage, a: TLoopArtifacts): Promise<string | null> {
  switch (stage) {
    case "extract": {
      const v = await prisma.knowledgeVersion.findUnique({ where: { id: a.knowledgeVersionId! }, select: { number: true } });
      const [concepts, relations, chains] = await Promise.all([
        prisma.concept.count({ where: { versionId: a.knowledgeVersionId } }),
        prisma.relation.count({ where: { versionId: a.knowledgeVersionId } }),
        prisma.chain.count({ where: { versionId: a.knowledgeVersionId } }),
      ]);
      return `Knowledge version ${v?.number}: ${concepts} concepts, ${relations} relations, ${chains} chains`;
    }
    case "benchmark": {
      const b = await prisma.benchmark.findUnique({ where: { id: a.benchmarkId! }, select: { number: true, _count: { select: { items: true } } } });
      return `Benchmark ${b?.number} frozen with ${b?._count.items} items`;
    }
    case "v1":
      return `Dataset ${await samples(prisma, a.v1Id)}, frozen after the contamination guard passed`;
    case "train_v1":
      return `Trained ${await modelName(prisma, a.modelV1Id)}`;
    case "evaluate_v1":
      return `V1 accuracy ${pct(await accuracy(prisma, a.evaluationV1Id))}`;
    case "diagnose": {
      const run = await prisma.diagnosisRun.findUnique({ where: { id: a.diagnosisRunId! }, select: { counts: true } });
      const counts = (run?.counts ?? {}) as { failed?: number; concept_gap?: number; reasoning_deficit?: number };
      return `${counts.failed ?? 0} failures: ${counts.concept_gap ?? 0} concept gaps, ${counts.reasoning_deficit ?? 0} reasoning deficits`;
    }
    case "patch":
      return `V2 ${await samples(prisma, a.v2Id)} and random control ${await samples(prisma, a.controlId)}, both frozen`;
    case "train_v2":
      return `Trained ${await modelName(prisma, a.modelV2Id)} and ${await modelName(prisma, a.modelControlId)}`;
    case "evaluate_v2":
      return `V2 accuracy ${pct(await accuracy(prisma, a.evaluationV2Id))}, control ${pct(await accuracy(prisma, a.evaluationControlId))}`;
    default:
      return null;
  }
}
