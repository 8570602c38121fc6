// Registering a model by hand: a base or endpoint model served by one of the project's
// OpenAI-compatible providers (its key stays encrypted with the provider), or the untrained builtin
// student as a baseline that knows nothing. Trained builtin-student models come only from training
// runs: a model file is never named by a request.
import { AppError } from "@proda/core";
import type { PrismaClient, RegisteredModel } from "@proda/db";
import { z } from "zod";

const ZName = z.string().trim().min(1).max(120).regex(/^[^\u0000-\u001f]+$/, "No control characters");

export const ZRegisterModel = z.discriminatedUnion("backend", [
  z.object({
    backend: z.enum(["openai", "endpoint"]),
    name: ZName,
    providerId: z.string().min(1).max(64),
    /** The remote model id ("gpt-4o-mini", "ft:…", a vLLM LoRA name); the provider's model when absent. */
    remoteModel: z.string().trim().min(1).max(200).optional(),
  }),
  z.object({ backend: z.literal("builtin-student"), name: ZName }),
]);
export type TRegisterModel = z.infer<typeof ZRegisterModel>;

export const ZRenameModel = z.object({ name: ZName });

/** A unique-name clash as a 409 that says which name. */
export async function withUniqueName<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new AppError("conflict", `A model named "${name}" already exists in this project`);
    throw error;
  }
}

export async function registerModel(prisma: PrismaClient, projectId: string, userId: string, input: TRegisterModel): Promise<RegisteredModel> {
  if (input.backend === "builtin-student") {
    return withUniqueName(input.name, () =>
      prisma.registeredModel.create({ data: { projectId, name: input.name, backend: "builtin-student", kind: "base", createdById: userId } }),
    );
  }
  const provider = await prisma.providerConfig.findFirst({ where: { id: input.providerId, projectId } });
  if (!provider) throw new AppError("not_found", "Provider not found");
  if (provider.kind !== "openai-compatible") throw new AppError("conflict", `Provider "${provider.name}" is not an OpenAI-compatible endpoint`);
  const remoteModel = input.remoteModel ?? provider.model;
  if (!remoteModel) throw new AppError("validation_failed", `Name the remote model: provider "${provider.name}" has no default model`);
  return withUniqueName(input.name, () =>
    prisma.registeredModel.create({
      data: {
        projectId, name: input.name, backend: input.backend, kind: input.backend === "endpoint" ? "endpoint" : "base",
        providerId: provider.id, remoteModel, createdById: userId,
      },
    }),
  );
}
