// GET /api/v1/projects/:projectId/training-runs/:runId — a run with its status, step, latest loss and learning rate, and its model once trained.
import { getPrisma } from "@proda/db";
import { route } from "@/server/route";
import { checkRunJob, findRun, loadRunDtos } from "@/server/training/run-dto";

export const GET = route("GET /projects/[projectId]/training-runs/[runId]", {}, async ({ projectId, params }) => {
  const prisma = getPrisma();
  const run = await findRun(prisma, projectId, params.runId);
  await checkRunJob(prisma, run);
  const [dto] = await loadRunDtos(prisma, [run]);
  return { run: dto };
});
