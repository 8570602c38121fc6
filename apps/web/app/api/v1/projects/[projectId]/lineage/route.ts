// GET /api/v1/projects/:projectId/lineage?type=&id= — the artifact graph around one artifact: what it was made from
// and what was made from it (knowledge version → benchmarks, datasets V1 → V2, training runs → models → evaluations
// → diagnosis runs, loops), bounded.
import { getPrisma } from "@proda/db";
import type { TLineageDto } from "@/lib/api-types";
import { loadLineage, ZLineageQuery } from "@/server/debugger/lineage";
import { route } from "@/server/route";

export const GET = route("GET /projects/[projectId]/lineage", { input: ZLineageQuery }, async ({ projectId, input }): Promise<TLineageDto> =>
  loadLineage(getPrisma(), projectId, input),
);
