// GET /api/v1/jobs/:jobId — one job's status and progress.
import { getPrisma } from "@proda/db";
import { toJobDto } from "@/server/dto";
import { route } from "@/server/route";

export const GET = route("GET /jobs/[jobId]", {}, async ({ params }) => {
  const job = await getPrisma().job.findUniqueOrThrow({ where: { id: params.jobId } });
  return { job: toJobDto(job) };
});
