// POST /api/v1/projects/:projectId/knowledge/estimate — the dry-run estimate of an extraction ({ providerId?, disciplines? }).
import { getPrisma } from "@proda/db";
import { ZExtractionRequest } from "@proda/pipeline";
import { estimateExtraction } from "@/server/knowledge/estimate-extraction";
import { route } from "@/server/route";

export const POST = route("POST /projects/[projectId]/knowledge/estimate", { input: ZExtractionRequest }, async ({ projectId, input }) =>
  estimateExtraction(getPrisma(), projectId, input),
);
