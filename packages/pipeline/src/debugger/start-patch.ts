// Starts dataset V2 from a diagnosis run: the plan (from the reviewed diagnoses) goes into V2's
// recipe with the parent V1, the replay ratio, the seed and every frozen benchmark as forbidden text,
// so V2 rebuilds exactly from its recipe. A random control of the same size (same replay, the same
// number of undiagnosed samples) is built beside it unless asked not to. Both versions and their
// jobs are made together: if the queue refuses (Redis down → 503), neither is left behind.
import { AppError } from "@proda/core";
import type { DatasetVersion, DiagnosisRun, PrismaClient } from "@proda/db";
import { enqueueJob } from "@proda/jobs";
import { z } from "zod";
import { findLive } from "../datasets/live-job.ts";
import { ZPatchRecipe, type TPatchRecipe } from "@proda/engine";
import { planFromRun, ZPatchOptions } from "./plan-patch.ts";

export const ZPatchRequest = ZPatchOptions.extend({
  /** Build the random-data control beside V2 (the comparison that shows targeted repair beats more data). */
  control: z.boolean().default(true),
});
export type TPatchRequest = z.infer<typeof ZPatchRequest>;

export async function startPatch(prisma: PrismaClient, run: DiagnosisRun, userId: string, request: TPatchRequest): Promise<{ v2: DatasetVersion; control: DatasetVersion | null }> {
  const { control, ...options } = request;
  const { plan, parent } = await planFromRun(prisma, run, options);
  if (plan.refine.budget + plan.chainOfThought.budget === 0) throw new AppError("conflict", "Nothing to patch: every diagnosis of this run was rejected, or none targets a node.");
  const running = await findLive(prisma, await prisma.datasetVersion.findMany({ where: { projectId: run.projectId, status: "building" } }));
  if (running) throw new AppError("conflict", `Dataset version ${running.number} is still being built; wait for it or cancel its job.`, { datasetId: running.id });

  const frozen = await prisma.benchmark.findMany({ where: { projectId: run.projectId, frozenAt: { not: null } }, select: { id: true }, orderBy: { number: "asc" } });
  const recipeOf = (kind: TPatchRecipe["kind"]): TPatchRecipe =>
    ZPatchRecipe.parse({
      kind, plan, diagnosisRunId: run.id, knowledgeVersionId: parent.knowledgeVersionId, budget: plan.budget, seed: plan.seed,
      forbiddenBenchmarkIds: frozen.map((b) => b.id), parent: { datasetVersionId: parent.id, replayRatio: plan.replayRatio },
    });
  const last = await prisma.datasetVersion.aggregate({ where: { projectId: run.projectId }, _max: { number: true } });
  const number = (last._max.number ?? 0) + 1;
  const made = await prisma.$transaction(async (tx) => {
    const create = (kind: TPatchRecipe["kind"], n: number, name: string) =>
      tx.datasetVersion.create({
        data: { projectId: run.projectId, number: n, name, knowledgeVersionId: parent.knowledgeVersionId, recipe: recipeOf(kind) as object, parentId: parent.id, createdById: userId },
      });
    const v2 = await create("patch", number, `${parent.name} patched (V${number})`);
    const twin = control ? await create("control", number + 1, `${parent.name} random control (V${number + 1})`) : null;
    return { v2, control: twin };
  });
  const versions = [made.v2, ...(made.control ? [made.control] : [])];
  try {
    const jobs: { id: string }[] = [];
    for (const v of versions) jobs.push(await enqueueJob(prisma, "dataset.build", { projectId: run.projectId, datasetVersionId: v.id }, { projectId: run.projectId, createdById: userId }));
    const [v2, twin] = await Promise.all(versions.map((v, i) => prisma.datasetVersion.update({ where: { id: v.id }, data: { jobId: jobs[i]!.id } })));
    return { v2: v2!, control: twin ?? null };
  } catch (error) {
    // A job already queued finds its version gone and does nothing.
    await prisma.datasetVersion.deleteMany({ where: { id: { in: versions.map((v) => v.id) } } });
    throw error;
  }
}
