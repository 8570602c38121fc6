// GET /api/v1/projects/:projectId/diagnosis-runs — diagnosis runs, newest first (?evaluationId= for one evaluation's),
// each with its counts, review progress and the judge's calibration.
import { getPrisma } from "@proda/db";
import { z } from "zod";
import { loadRunDtos } from "@/server/debugger/diagnosis-dto";
import { route } from "@/server/route";

const ZQuery = z.object({ evaluationId: z.string().min(1).max(64).optional() });

export const GET = route("GET /projects/[projectId]/diagnosis-runs", { input: ZQuery }, async ({ projectId, input }) => {
  const prisma = getPrisma();
  const runs = await prisma.diagnosisRun.findMany({ where: { projectId, evaluationId: input.evaluationId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 100 });
  return { runs: await loadRunDtos(prisma, runs) };
});
