// GET /api/v1/projects/:projectId/external-scores/alignment?benchmarkId= — per external benchmark, Spearman's rho
// between our benchmark's ranking of the registered models and the imported scores (null under three shared models).
import { getPrisma } from "@proda/db";
import type { TAlignmentDto } from "@/lib/api-types";
import { z } from "zod";
import { computeAlignment } from "@/server/external/alignment";
import { route } from "@/server/route";

const ZQuery = z.object({ benchmarkId: z.string().min(1).max(64) });

export const GET = route("GET /projects/[projectId]/external-scores/alignment", { input: ZQuery }, async ({ projectId, input }): Promise<TAlignmentDto> =>
  computeAlignment(getPrisma(), projectId, input.benchmarkId),
);
