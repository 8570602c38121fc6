// GET /api/v1/projects/:projectId/models/:modelId — one model (no paths, no keys).
// PATCH …/models/:modelId — renames it ({ name }).
// DELETE …/models/:modelId — removes it with its unfinished evaluations; 409 when one of its evaluations is finished (frozen) or running.
import { getPrisma } from "@proda/db";
import { audit } from "@proda/pipeline";
import { noContent } from "@/server/http";
import { deleteModel } from "@/server/models/delete-model";
import { findModel, loadModelDtos } from "@/server/models/model-dto";
import { withUniqueName, ZRenameModel } from "@/server/models/register-model";
import { route } from "@/server/route";

export const GET = route("GET /projects/[projectId]/models/[modelId]", {}, async ({ projectId, params }) => {
  const model = await findModel(getPrisma(), projectId, params.modelId);
  const [dto] = await loadModelDtos(getPrisma(), [model]);
  return { model: dto };
});

export const PATCH = route("PATCH /projects/[projectId]/models/[modelId]", { input: ZRenameModel }, async ({ projectId, params, user, input }) => {
  const prisma = getPrisma();
  const model = await findModel(prisma, projectId, params.modelId);
  const renamed = await withUniqueName(input.name, () => prisma.registeredModel.update({ where: { id: model.id }, data: { name: input.name } }));
  await audit({ actorId: user!.id, projectId, action: "model.rename", targetType: "model", targetId: model.id, detail: { from: model.name, to: renamed.name } });
  const [dto] = await loadModelDtos(prisma, [renamed]);
  return { model: dto };
});

export const DELETE = route("DELETE /projects/[projectId]/models/[modelId]", {}, async ({ projectId, params, user }) => {
  const prisma = getPrisma();
  await deleteModel(prisma, await findModel(prisma, projectId, params.modelId), user!.id);
  return noContent();
});
