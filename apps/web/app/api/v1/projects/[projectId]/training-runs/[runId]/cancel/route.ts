// POST /api/v1/projects/:projectId/training-runs/:runId/cancel — stops a run: at once if it was waiting, else the worker stops its backend.
import { getPrisma } from "@proda/db";
import { audit } from "@proda/pipeline";
import { route } from "@/server/route";
import { cancelTrainingRun } from "@/server/training/cancel-run";
import { findRun, loadRunDtos } from "@/server/training/run-dto";

export const POST = route("POST /projects/[projectId]/training-runs/[runId]/cancel", {}, async ({ projectId, params, user }) => {
  const prisma = getPrisma();
  const run = await cancelTrainingRun(prisma, await findRun(prisma, projectId, params.runId));
  await audit({ actorId: user!.id, projectId, action: "training.cancel", targetType: "training_run", targetId: run.id, detail: { number: run.number } });
  const [dto] = await loadRunDtos(prisma, [run]);
  return { run: dto };
});
