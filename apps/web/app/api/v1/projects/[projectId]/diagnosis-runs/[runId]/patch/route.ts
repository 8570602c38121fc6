// POST /api/v1/projects/:projectId/diagnosis-runs/:runId/patch — builds dataset V2 from the plan (and, unless
// control is false, a random control of the same size): { budget?, replayRatio?, seed?, control? }.
import { getPrisma } from "@proda/db";
import { audit, startPatch, ZPatchRequest } from "@proda/pipeline";
import type { TPatchResultDto } from "@/lib/api-types";
import { loadDatasetDtos } from "@/server/datasets/dataset-dto";
import { findRun } from "@/server/debugger/diagnosis-dto";
import { json } from "@/server/http";
import { route } from "@/server/route";

export const POST = route("POST /projects/[projectId]/diagnosis-runs/[runId]/patch", { input: ZPatchRequest }, async ({ projectId, params, user, input }) => {
  const prisma = getPrisma();
  const run = await findRun(prisma, projectId, params.runId);
  const { v2, control } = await startPatch(prisma, run, user!.id, input);
  await audit({
    actorId: user!.id, projectId, action: "dataset.patch", targetType: "dataset_version", targetId: v2.id,
    detail: { diagnosisRunId: run.id, parentId: v2.parentId, controlId: control?.id ?? null, budget: input.budget, replayRatio: input.replayRatio, seed: input.seed },
  });
  const [v2Dto, controlDto] = await loadDatasetDtos(prisma, control ? [v2, control] : [v2]);
  const body: TPatchResultDto = { v2: v2Dto!, control: controlDto ?? null };
  return json(body, 202);
});
