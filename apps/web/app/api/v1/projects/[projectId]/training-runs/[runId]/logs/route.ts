// GET /api/v1/projects/:projectId/training-runs/:runId/logs — log entries in order, after a seq (?after=&limit=).
import { getPrisma } from "@proda/db";
import { z } from "zod";
import { route } from "@/server/route";
import { findRun, toLogEntryDto } from "@/server/training/run-dto";

const ZLogQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(2000).default(500),
});

export const GET = route("GET /projects/[projectId]/training-runs/[runId]/logs", { input: ZLogQuery }, async ({ projectId, params, input }) => {
  const prisma = getPrisma();
  const run = await findRun(prisma, projectId, params.runId);
  const rows = await prisma.trainingLogEntry.findMany({ where: { runId: run.id, seq: { gt: input.after } }, orderBy: { seq: "asc" }, take: input.limit + 1 });
  const entries = rows.slice(0, input.limit).map(toLogEntryDto);
  return { entries, nextAfter: rows.length > input.limit ? entries.at(-1)!.seq : null };
});
