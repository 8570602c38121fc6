// GET /api/v1/projects/:projectId/jobs — the project's jobs, newest first, cursor-paginated.
import { getPrisma } from "@proda/db";
import { toJobDto } from "@/server/dto";
import { pageArgs, toPage, ZPageQuery } from "@/server/pagination";
import { route } from "@/server/route";

export const GET = route("GET /projects/[projectId]/jobs", { input: ZPageQuery }, async ({ projectId, input }) => {
  const rows = await getPrisma().job.findMany({ where: { projectId }, ...pageArgs(input) });
  return toPage(rows, input.limit, toJobDto);
});
