// Registered models → TModelDto. Paths and keys never leave the server: a model file is reported as
// `hasArtifact`, a provider by its id and name.
import { AppError } from "@proda/core";
import type { PrismaClient, RegisteredModel } from "@proda/db";
import type { TModelDto } from "@/lib/api-types";

/** A model of the project; `id` may be undefined when a route is called without it. */
export async function findModel(prisma: PrismaClient, projectId: string, id: string | undefined): Promise<RegisteredModel> {
  const model = id ? await prisma.registeredModel.findFirst({ where: { id, projectId } }) : null;
  if (!model) throw new AppError("not_found", "Model not found");
  return model;
}

export async function loadModelDtos(prisma: PrismaClient, models: RegisteredModel[]): Promise<TModelDto[]> {
  const providerIds = [...new Set(models.flatMap((m) => (m.providerId ? [m.providerId] : [])))];
  const providers = await prisma.providerConfig.findMany({ where: { id: { in: providerIds } }, select: { id: true, name: true } });
  const nameOf = new Map(providers.map((p) => [p.id, p.name]));
  return models.map((m) => ({
    id: m.id,
    name: m.name,
    backend: m.backend as TModelDto["backend"],
    kind: m.kind as TModelDto["kind"],
    providerId: m.providerId,
    providerName: m.providerId ? (nameOf.get(m.providerId) ?? null) : null,
    remoteModel: m.remoteModel,
    hasArtifact: m.artifactPath !== null,
    datasetVersionId: m.datasetVersionId,
    trainingRunId: m.trainingRunId,
    createdAt: m.createdAt.toISOString(),
  }));
}
