// Starts a training run: hyperparameters validated by the backend's own schema (400 with the fields
// at fault), the contamination gate (409 unless passed or overridden), the backend available here
// (409), then the run row and its job on the backend's queue. If the queue refuses (Redis down:
// 503), nothing created here is left behind.
import { AppError } from "@proda/core";
import type { PrismaClient, RegisteredModel, TrainingRun } from "@proda/db";
import { enqueueJob } from "@proda/jobs";
import { TRAINER_BACKENDS, TRAINER_SPECS } from "@proda/providers";
import { z } from "zod";
import { unavailableReason } from "./backend-availability.ts";
import { checkContaminationGate } from "./check-gate.ts";
import { resolveOpenAiBase } from "./resolve-base-model.ts";

const ZId = z.string().min(1).max(64);

export const ZTrainingRunRequest = z.object({
  datasetVersionId: ZId,
  backend: z.enum(TRAINER_BACKENDS),
  /** openai: the registered base model to fine-tune (else the provider's model). */
  baseModelId: ZId.optional(),
  /** openai: the provider to fine-tune through (else the project's default one with a key). */
  providerId: ZId.optional(),
  hyperparameters: z.record(z.string(), z.unknown()).default({}),
});
export type TTrainingRunRequest = z.infer<typeof ZTrainingRunRequest>;

export async function startTrainingRun(prisma: PrismaClient, projectId: string, userId: string, request: TTrainingRunRequest): Promise<TrainingRun> {
  const spec = TRAINER_SPECS[request.backend];
  const hyperparameters = spec.hyperparameters.safeParse(request.hyperparameters);
  if (!hyperparameters.success) {
    throw new AppError("validation_failed", `Some hyperparameters are invalid for ${request.backend}`, z.flattenError(hyperparameters.error));
  }
  if (!spec.usesBaseModel && (request.baseModelId || request.providerId)) {
    throw new AppError("validation_failed", `${request.backend} takes no base model or provider: ${spec.queue === "gpu" ? "the GPU worker's configured model (PRODA_HF_BASE_MODEL) is trained" : "it learns from the data alone"}.`);
  }
  const { version, gate } = await checkContaminationGate(prisma, projectId, request.datasetVersionId);
  const reason = await unavailableReason(prisma, projectId, request.backend);
  if (reason) throw new AppError("conflict", reason);
  let base: { model: RegisteredModel; created: boolean } | null = null;
  if (spec.usesBaseModel) base = await resolveOpenAiBase(prisma, projectId, userId, request);

  const last = await prisma.trainingRun.aggregate({ where: { projectId }, _max: { number: true } });
  const run = await prisma.trainingRun.create({
    data: {
      projectId, number: (last._max.number ?? 0) + 1, backend: request.backend, datasetVersionId: version.id,
      baseModelId: base?.model.id ?? null, hyperparameters: hyperparameters.data as object, gate, createdById: userId,
    },
  });
  try {
    const kind = spec.queue === "gpu" ? "training.gpu" : "training.run";
    const job = await enqueueJob(prisma, kind, { projectId, runId: run.id }, { projectId, createdById: userId });
    return await prisma.trainingRun.update({ where: { id: run.id }, data: { jobId: job.id } });
  } catch (error) {
    await prisma.trainingRun.delete({ where: { id: run.id } }).catch(() => {});
    if (base?.created) await prisma.registeredModel.delete({ where: { id: base.model.id } }).catch(() => {});
    throw error;
  }
}
