// The patch plan of a diagnosis run: every diagnosis not rejected, under the label the patch uses
// (a relabel wins), planned by the engine with a budget, replay ratio and seed; and an estimate of
// the replay — the parent's samples that teach none of the nodes the patch may touch.
import { AppError } from "@proda/core";
import type { DatasetVersion, DiagnosisRun, PrismaClient } from "@proda/db";
import { planPatch, type TPatchPlan } from "@proda/engine";
import { z } from "zod";
import { assertReady } from "./assert-ready.ts";
import { effectiveLabel } from "./labels.ts";
import { targetsFor } from "./patch-targets.ts";

export const ZPatchOptions = z.object({
  budget: z.number().int().min(1).max(200_000).default(1000),
  replayRatio: z.number().min(0).max(1).default(0.65),
  seed: z.number().int().min(0).max(2_147_483_647).default(0),
});
export type TPatchOptions = z.infer<typeof ZPatchOptions>;

/** What a patch would take and add, shown before it is built (the API's TPatchEstimateDto). */
export interface TPatchEstimate {
  plan: TPatchPlan;
  /** Diagnoses the plan uses (not rejected; relabelled ones with their reviewed label). */
  diagnoses: { concept_gap: number; reasoning_deficit: number; excluded: number };
  replay: { parentSamples: number; eligible: number; replayed: number };
  totalSamples: number;
}

export interface TRunPlan {
  plan: TPatchPlan;
  parent: DatasetVersion;
  diagnoses: TPatchEstimate["diagnoses"];
}

export async function planFromRun(prisma: PrismaClient, run: DiagnosisRun, options: TPatchOptions): Promise<TRunPlan> {
  assertReady(run);
  if (!run.datasetVersionId) {
    throw new AppError("conflict", "The evaluated model is a base model with no training data: there is no dataset to patch. Build a dataset version (V1) from the knowledge version instead.");
  }
  const parent = await prisma.datasetVersion.findFirst({ where: { id: run.datasetVersionId, projectId: run.projectId } });
  if (!parent) throw new AppError("not_found", "The evaluated model's dataset version was deleted");
  if (parent.status !== "ready" && parent.status !== "frozen") throw new AppError("conflict", `Dataset version ${parent.number} is ${parent.status}, not built.`);
  const rows = await prisma.diagnosis.findMany({
    where: { runId: run.id },
    select: { label: true, judgeLabel: true, abstained: true, review: true, reviewLabel: true, chainId: true, relationIds: true, conceptIds: true, evidence: true },
  });
  const counts = { concept_gap: 0, reasoning_deficit: 0, excluded: 0 };
  const used = rows.flatMap((d) => {
    const label = effectiveLabel(d);
    if (!label) {
      counts.excluded++;
      return [];
    }
    counts[label]++;
    return [{ label, targets: targetsFor(label, d) }];
  });
  const plan = planPatch(used, { parentDatasetVersionId: parent.id, ...options });
  return { plan, parent, diagnoses: counts };
}

/** Relations and concepts a patch built from `plan` may teach (a superset: refine may touch any relation of a target concept). */
async function touchedNodes(prisma: PrismaClient, knowledgeVersionId: string, plan: TPatchPlan) {
  const [byConcept, chains] = await Promise.all([
    plan.refine.conceptIds.length
      ? prisma.relation.findMany({
          where: { versionId: knowledgeVersionId, OR: [{ subjectId: { in: plan.refine.conceptIds } }, { objectId: { in: plan.refine.conceptIds } }] },
          select: { id: true },
        })
      : [],
    prisma.chain.findMany({ where: { versionId: knowledgeVersionId, id: { in: plan.chainOfThought.chainIds } }, select: { steps: true } }),
  ]);
  const relationIds = new Set([...plan.refine.relationIds, ...byConcept.map((r) => r.id), ...chains.flatMap((c) => (c.steps as { relationId: string }[]).map((s) => s.relationId))]);
  const ends = await prisma.relation.findMany({ where: { id: { in: [...relationIds] } }, select: { subjectId: true, objectId: true } });
  const conceptIds = new Set([...plan.refine.conceptIds, ...ends.flatMap((r) => [r.subjectId, r.objectId])]);
  return { relationIds: [...relationIds], conceptIds: [...conceptIds] };
}

export async function estimatePatch(prisma: PrismaClient, run: DiagnosisRun, options: TPatchOptions): Promise<TPatchEstimate> {
  const { plan, parent, diagnoses } = await planFromRun(prisma, run, options);
  const touched = await touchedNodes(prisma, parent.knowledgeVersionId, plan);
  const onTouched = await prisma.trainingSample.count({
    where: {
      datasetVersionId: parent.id,
      OR: [{ relationIds: { hasSome: touched.relationIds } }, { relationIds: { isEmpty: true }, conceptIds: { hasSome: touched.conceptIds } }],
    },
  });
  const eligible = parent.sampleCount - onTouched;
  const replayed = Math.min(eligible, Math.round(parent.sampleCount * plan.replayRatio));
  return { plan, diagnoses, replay: { parentSamples: parent.sampleCount, eligible, replayed }, totalSamples: replayed + plan.budget };
}
