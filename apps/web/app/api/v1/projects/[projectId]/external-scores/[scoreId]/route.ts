// DELETE /api/v1/projects/:projectId/external-scores/:scoreId — removes one imported score.
import { AppError } from "@proda/core";
import { getPrisma } from "@proda/db";
import { audit } from "@proda/pipeline";
import { noContent } from "@/server/http";
import { route } from "@/server/route";

export const DELETE = route("DELETE /projects/[projectId]/external-scores/[scoreId]", {}, async ({ projectId, params, user }) => {
  const prisma = getPrisma();
  const score = await prisma.externalScore.findFirst({ where: { id: params.scoreId ?? "", projectId } });
  if (!score) throw new AppError("not_found", "Score not found");
  await prisma.externalScore.delete({ where: { id: score.id } });
  await audit({
    actorId: user!.id, projectId, action: "external_scores.delete", targetType: "external_score", targetId: score.id,
    detail: { benchmark: score.benchmark, modelName: score.modelName, score: score.score },
  });
  return noContent();
});
