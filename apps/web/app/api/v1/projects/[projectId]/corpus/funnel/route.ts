// GET /api/v1/projects/:projectId/corpus/funnel — documents → parsed → chunks → kept per discipline, with drop reasons.
import { getPrisma } from "@proda/db";
import { computeFunnel } from "@/server/corpus/corpus-funnel";
import { route } from "@/server/route";

export const GET = route("GET /projects/[projectId]/corpus/funnel", {}, async ({ projectId }) => computeFunnel(getPrisma(), projectId));
