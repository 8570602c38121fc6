// GET /api/v1/projects/:projectId/models — the model registry: base, trained and endpoint models, newest first.
// POST /api/v1/projects/:projectId/models — registers a base/endpoint model on an OpenAI-compatible provider
// ({ name, backend: "openai"|"endpoint", providerId, remoteModel? }) or the untrained builtin student ({ name, backend: "builtin-student" }).
import { getPrisma } from "@proda/db";
import { audit } from "@proda/pipeline";
import { json } from "@/server/http";
import { loadModelDtos } from "@/server/models/model-dto";
import { registerModel, ZRegisterModel } from "@/server/models/register-model";
import { route } from "@/server/route";

export const GET = route("GET /projects/[projectId]/models", {}, async ({ projectId }) => {
  const models = await getPrisma().registeredModel.findMany({ where: { projectId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 500 });
  return { models: await loadModelDtos(getPrisma(), models) };
});

export const POST = route("POST /projects/[projectId]/models", { input: ZRegisterModel }, async ({ projectId, user, input }) => {
  const model = await registerModel(getPrisma(), projectId, user!.id, input);
  await audit({
    actorId: user!.id, projectId, action: "model.register", targetType: "model", targetId: model.id,
    detail: { name: model.name, backend: model.backend, providerId: model.providerId, remoteModel: model.remoteModel },
  });
  const [dto] = await loadModelDtos(getPrisma(), [model]);
  return json({ model: dto }, 201);
});
