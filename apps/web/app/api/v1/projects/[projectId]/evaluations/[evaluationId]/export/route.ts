// GET /api/v1/projects/:projectId/evaluations/:evaluationId/export?format=jsonl|csv — one row per answered item
// (key, question, gold, raw reply, parsed, correct, discipline, operators, …), streamed.
import { getPrisma } from "@proda/db";
import { findEvaluation } from "@proda/pipeline";
import { z } from "zod";
import { EVALUATION_EXPORT_FORMATS, exportEvaluation } from "@/server/evaluations/export-evaluation";
import { route } from "@/server/route";

const ZQuery = z.object({ format: z.enum(EVALUATION_EXPORT_FORMATS).default("jsonl") });

export const GET = route("GET /projects/[projectId]/evaluations/[evaluationId]/export", { input: ZQuery }, async ({ projectId, params, input }) => {
  const prisma = getPrisma();
  return exportEvaluation(prisma, await findEvaluation(prisma, projectId, params.evaluationId), input.format);
});
