// POST /api/v1/projects/:projectId/diagnosis-runs/:runId/patch-estimate — the patch plan from the reviewed
// diagnoses ({ budget?, replayRatio?, seed? }) and the replay it would keep from V1; nothing is stored.
import { getPrisma } from "@proda/db";
import { estimatePatch, ZPatchOptions } from "@proda/pipeline";
import { findRun } from "@/server/debugger/diagnosis-dto";
import { route } from "@/server/route";

export const POST = route("POST /projects/[projectId]/diagnosis-runs/[runId]/patch-estimate", { input: ZPatchOptions }, async ({ projectId, params, input }) => {
  const prisma = getPrisma();
  return { estimate: await estimatePatch(prisma, await findRun(prisma, projectId, params.runId), input) };
});
