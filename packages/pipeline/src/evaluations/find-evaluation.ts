// Looking up an evaluation of a project (shared by the evaluation routes and the diagnosis starter).
import { AppError } from "@proda/core";
import type { Evaluation, PrismaClient } from "@proda/db";

/** An evaluation of the project; `id` may be undefined when a route is called without it. */
export async function findEvaluation(prisma: PrismaClient, projectId: string, id: string | undefined): Promise<Evaluation> {
  const evaluation = id ? await prisma.evaluation.findFirst({ where: { id, projectId } }) : null;
  if (!evaluation) throw new AppError("not_found", "Evaluation not found");
  return evaluation;
}
