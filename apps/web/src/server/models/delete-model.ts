// Removing a model. Its finished evaluations are frozen history (leaderboards and comparisons read
// them), so a model with a frozen evaluation is kept (409); so is one being evaluated right now.
// Unfinished, failed or cancelled evaluations of it go with it (cascade).
import { AppError } from "@proda/core";
import type { PrismaClient, RegisteredModel } from "@proda/db";
import { isJobAlive } from "@proda/jobs";
import { audit } from "@proda/pipeline";

export async function deleteModel(prisma: PrismaClient, model: RegisteredModel, userId: string): Promise<void> {
  const evaluations = await prisma.evaluation.findMany({ where: { modelId: model.id }, select: { number: true, frozenAt: true, jobId: true } });
  const frozen = evaluations.filter((e) => e.frozenAt);
  if (frozen.length > 0) {
    throw new AppError("conflict", `Model "${model.name}" has finished evaluations (${frozen.map((e) => `#${e.number}`).join(", ")}); they are kept, and so is the model.`);
  }
  const jobs = await prisma.job.findMany({ where: { id: { in: evaluations.flatMap((e) => (e.jobId ? [e.jobId] : [])) } } });
  for (const job of jobs) {
    if (await isJobAlive(prisma, job)) throw new AppError("conflict", `Model "${model.name}" is being evaluated; cancel that evaluation first.`, { jobId: job.id });
  }
  await prisma.registeredModel.delete({ where: { id: model.id } });
  await audit({
    actorId: userId, projectId: model.projectId, action: "model.delete", targetType: "model", targetId: model.id,
    detail: { name: model.name, backend: model.backend, evaluationsRemoved: evaluations.length },
  });
}
