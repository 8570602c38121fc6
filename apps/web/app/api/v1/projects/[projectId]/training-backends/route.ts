// GET /api/v1/projects/:projectId/training-backends — each trainer backend with its hyperparameter fields, base models and whether it can run now.
import { getPrisma } from "@proda/db";
import { route } from "@/server/route";
import { listBackends } from "@/server/training/list-backends";

export const GET = route("GET /projects/[projectId]/training-backends", {}, async ({ projectId }) => {
  return { backends: await listBackends(getPrisma(), projectId) };
});
