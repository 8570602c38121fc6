// The model an openai run fine-tunes: a registered base model of the project served by a provider
// holding a key, or — when only a provider is named (or none: the default one) — that provider's
// model, registered as a base model on first use so the trained model's lineage points at it.
import { AppError } from "@proda/core";
import type { PrismaClient, RegisteredModel } from "@proda/db";
import { fineTuningProviders } from "./backend-availability.ts";

export interface TResolvedBase {
  model: RegisteredModel;
  /** True when this request registered it (undone if the run cannot be queued). */
  created: boolean;
}

export async function resolveOpenAiBase(
  prisma: PrismaClient,
  projectId: string,
  userId: string,
  request: { baseModelId?: string; providerId?: string },
): Promise<TResolvedBase> {
  const providers = await fineTuningProviders(prisma, projectId);
  if (request.baseModelId) {
    const model = await prisma.registeredModel.findFirst({ where: { id: request.baseModelId, projectId } });
    if (!model) throw new AppError("not_found", "Base model not found");
    if (model.backend !== "openai" || !model.providerId || !model.remoteModel) {
      throw new AppError("validation_failed", `Model "${model.name}" is not an OpenAI model served by a provider: pick one registered with backend openai.`);
    }
    if (request.providerId && request.providerId !== model.providerId) throw new AppError("validation_failed", "The base model belongs to another provider than the one named");
    if (!providers.some((p) => p.id === model.providerId)) {
      throw new AppError("conflict", `The provider of model "${model.name}" has no API key: add one to fine-tune through it.`);
    }
    return { model, created: false };
  }
  const provider = request.providerId ? providers.find((p) => p.id === request.providerId) : providers[0];
  if (!provider) {
    const exists = request.providerId && (await prisma.providerConfig.findFirst({ where: { id: request.providerId, projectId } }));
    if (request.providerId && !exists) throw new AppError("not_found", "Provider not found");
    throw new AppError("conflict", "OpenAI fine-tuning needs an OpenAI-compatible provider with an API key; add one in the project's providers.");
  }
  if (!provider.model) throw new AppError("validation_failed", `Provider "${provider.name}" has no model: name a registered base model instead.`);
  const existing = await prisma.registeredModel.findFirst({
    where: { projectId, backend: "openai", kind: "base", providerId: provider.id, remoteModel: provider.model },
    orderBy: { createdAt: "asc" },
  });
  if (existing) return { model: existing, created: false };
  const name = `${provider.model} (${provider.name})`;
  const clash = await prisma.registeredModel.findFirst({ where: { projectId, name } });
  const model = await prisma.registeredModel.create({
    data: { projectId, name: clash ? `${name} ${Date.now().toString(36)}` : name, backend: "openai", kind: "base", providerId: provider.id, remoteModel: provider.model, createdById: userId },
  });
  return { model, created: true };
}
