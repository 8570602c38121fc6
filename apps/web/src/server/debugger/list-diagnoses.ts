// A run's diagnoses, a page at a time, filtered by the label the patch would use, discipline,
// operator that fooled the model, and review state. Cursor by id (stable while reviews change).
import type { DiagnosisRun, Prisma, PrismaClient } from "@proda/db";
import { DIAGNOSIS_CLASSES } from "@proda/engine";
import { whereEffectiveLabel } from "@proda/pipeline";
import { z } from "zod";
import type { TDiagnosisDto, TPage } from "@/lib/api-types";
import { loadDiagnosisDtos } from "./diagnosis-dto.ts";

export const ZDiagnosisQuery = z.object({
  label: z.enum(DIAGNOSIS_CLASSES).optional(),
  discipline: z.string().min(1).max(80).optional(),
  operator: z.string().min(1).max(80).optional(),
  review: z.enum(["pending", "accepted", "relabelled", "rejected"]).optional(),
  cursor: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TDiagnosisQuery = z.infer<typeof ZDiagnosisQuery>;

export async function listDiagnoses(prisma: PrismaClient, run: DiagnosisRun, query: TDiagnosisQuery): Promise<TPage<TDiagnosisDto>> {
  const where: Prisma.DiagnosisWhereInput = {
    runId: run.id,
    discipline: query.discipline,
    review: query.review,
    ...(query.operator ? { fooledBy: { has: query.operator } } : {}),
    ...(query.label ? whereEffectiveLabel(query.label) : {}),
    ...(query.cursor ? { id: { gt: query.cursor } } : {}),
  };
  const rows = await prisma.diagnosis.findMany({ where, orderBy: { id: "asc" }, take: query.limit + 1 });
  const items = rows.slice(0, query.limit);
  return { items: await loadDiagnosisDtos(prisma, items), nextCursor: rows.length > query.limit ? items[items.length - 1]!.id : null };
}
