// A reviewer's decision on one diagnosis: accept the label shown, relabel it, or reject it (it then
// leaves the patch). A decision may be changed; every change is audited with before and after.
import { AppError } from "@proda/core";
import type { Diagnosis, DiagnosisRun, PrismaClient } from "@proda/db";
import { DIAGNOSIS_CLASSES } from "@proda/engine";
import { assertReady, audit, shownLabel } from "@proda/pipeline";
import { z } from "zod";

export const ZReviewRequest = z.discriminatedUnion("action", [
  z.object({ action: z.literal("accept"), note: z.string().trim().max(2000).optional() }),
  z.object({ action: z.literal("relabel"), label: z.enum(DIAGNOSIS_CLASSES), note: z.string().trim().max(2000).optional() }),
  z.object({ action: z.literal("reject"), note: z.string().trim().max(2000).optional() }),
]);
export type TReviewRequest = z.infer<typeof ZReviewRequest>;

const REVIEW_OF = { accept: "accepted", relabel: "relabelled", reject: "rejected" } as const;

const snapshot = (d: Diagnosis) => ({ review: d.review, reviewLabel: d.reviewLabel, reviewNote: d.reviewNote });

export async function reviewDiagnosis(prisma: PrismaClient, run: DiagnosisRun, diagnosisId: string | undefined, userId: string, request: TReviewRequest): Promise<Diagnosis> {
  assertReady(run);
  const before = diagnosisId ? await prisma.diagnosis.findFirst({ where: { id: diagnosisId, runId: run.id } }) : null;
  if (!before) throw new AppError("not_found", "Diagnosis not found");
  if (request.action === "relabel" && request.label === shownLabel(before) && !before.abstained) {
    throw new AppError("validation_failed", `The diagnosis is already labelled ${request.label}; accept it instead.`);
  }
  const after = await prisma.diagnosis.update({
    where: { id: before.id },
    data: {
      review: REVIEW_OF[request.action],
      reviewLabel: request.action === "relabel" ? request.label : null,
      reviewNote: request.note || null,
      reviewedById: userId,
      reviewedAt: new Date(),
    },
  });
  await audit({
    actorId: userId, projectId: run.projectId, action: "diagnosis.review", targetType: "diagnosis", targetId: after.id,
    detail: { runId: run.id, itemId: after.itemId, action: request.action, before: snapshot(before), after: snapshot(after) },
  });
  return after;
}
