// GET /api/v1/projects/:projectId/training-runs — training runs, newest first (cursor pages).
// POST /api/v1/projects/:projectId/training-runs — starts a run ({ datasetVersionId, backend, baseModelId?, providerId?, hyperparameters }).
import { getPrisma } from "@proda/db";
import { audit, startTrainingRun, ZTrainingRunRequest } from "@proda/pipeline";
import { json } from "@/server/http";
import { pageArgs, ZPageQuery } from "@/server/pagination";
import { route } from "@/server/route";
import { loadRunDtos } from "@/server/training/run-dto";

export const GET = route("GET /projects/[projectId]/training-runs", { input: ZPageQuery }, async ({ projectId, input }) => {
  const rows = await getPrisma().trainingRun.findMany({ where: { projectId }, ...pageArgs(input) });
  const page = rows.slice(0, input.limit);
  return { runs: await loadRunDtos(getPrisma(), page), nextCursor: rows.length > input.limit ? page.at(-1)!.id : null };
});

export const POST = route("POST /projects/[projectId]/training-runs", { input: ZTrainingRunRequest }, async ({ projectId, user, input }) => {
  const run = await startTrainingRun(getPrisma(), projectId, user!.id, input);
  await audit({
    actorId: user!.id, projectId, action: "training.start", targetType: "training_run", targetId: run.id,
    detail: { number: run.number, backend: run.backend, datasetVersionId: run.datasetVersionId, baseModelId: run.baseModelId, gate: run.gate as object },
  });
  const [dto] = await loadRunDtos(getPrisma(), [run]);
  return json({ run: dto }, 202);
});
