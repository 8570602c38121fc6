// The launch form's list of trainer backends: each with whether it can run now (and why not), its
// hyperparameter fields and, for openai, the registered base models to fine-tune.
import { AppError } from "@proda/core";
import type { PrismaClient } from "@proda/db";
import { unavailableReason } from "@proda/pipeline";
import { TRAINER_BACKENDS, TRAINER_SPECS } from "@proda/providers";
import type { TTrainerBackendDto } from "@/lib/api-types";

export async function listBackends(prisma: PrismaClient, projectId: string): Promise<TTrainerBackendDto[]> {
  const baseModels = await prisma.registeredModel.findMany({
    where: { projectId, backend: "openai", providerId: { not: null }, remoteModel: { not: null } },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true },
  });
  return Promise.all(
    TRAINER_BACKENDS.map(async (backend) => {
      const reason = await unavailableReason(prisma, projectId, backend).catch((error: unknown) => {
        if (error instanceof AppError && error.code === "service_unavailable") return "The job queue is unavailable, so no worker can be reached.";
        throw error;
      });
      return {
        backend,
        available: reason === null,
        reason,
        fields: TRAINER_SPECS[backend].fields,
        baseModels: TRAINER_SPECS[backend].usesBaseModel ? baseModels : [],
      };
    }),
  );
}
