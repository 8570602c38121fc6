// POST /api/v1/projects/:projectId/knowledge/estimate — the dry-run estimate of an extraction ({ providerId?, disciplines? }).
import { getPrisma } from "@proda/db";
import { estimateExtraction } from "@/server/knowledge/estimate-extraction";
import { ZRunRequest } from "@/server/knowledge/start-extraction";
import { route } from "@/server/route";

export const POST = route("POST /projects/[projectId]/knowledge/estimate", { input: ZRunRequest }, async ({ projectId, input }) =>
  estimateExtraction(getPrisma(), projectId, input),
);
