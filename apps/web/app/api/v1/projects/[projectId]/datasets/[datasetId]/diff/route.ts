// GET /api/v1/projects/:projectId/datasets/:datasetId/diff?against=<datasetId> — what this version adds to and
// removes from the other one (by sample key): counts, per type, and the first 50 of each.
import { getPrisma } from "@proda/db";
import { assertBuilt, findDataset } from "@proda/pipeline";
import { z } from "zod";
import { diffVersions } from "@/server/datasets/diff-datasets";
import { route } from "@/server/route";

const ZQuery = z.object({ against: z.string().min(1).max(64) });

export const GET = route("GET /projects/[projectId]/datasets/[datasetId]/diff", { input: ZQuery }, async ({ projectId, params, input }) => {
  const prisma = getPrisma();
  const to = await findDataset(prisma, projectId, params.datasetId);
  const from = await findDataset(prisma, projectId, input.against);
  assertBuilt(to);
  assertBuilt(from);
  return { diff: await diffVersions(prisma, from, to) };
});
