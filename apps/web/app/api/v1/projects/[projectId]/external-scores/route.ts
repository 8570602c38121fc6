// GET /api/v1/projects/:projectId/external-scores — imported scores of models on external benchmarks.
// POST /api/v1/projects/:projectId/external-scores — imports [{ benchmark, modelName, score }] (or { scores: [...] }),
//   upserted by (benchmark, model name).
import { getPrisma } from "@proda/db";
import { toScoreDto, upsertScores, ZScoresRequest } from "@/server/external/external-scores";
import { route } from "@/server/route";

export const GET = route("GET /projects/[projectId]/external-scores", {}, async ({ projectId }) => {
  const scores = await getPrisma().externalScore.findMany({ where: { projectId }, orderBy: [{ benchmark: "asc" }, { modelName: "asc" }], take: 5000 });
  return { scores: scores.map(toScoreDto) };
});

export const POST = route("POST /projects/[projectId]/external-scores", { input: ZScoresRequest }, async ({ projectId, user, input }) => ({
  scores: (await upsertScores(getPrisma(), projectId, user!.id, input)).map(toScoreDto),
}));
