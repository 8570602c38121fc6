// POST /api/v1/jobs/:jobId/cancel — cancels a queued job at once, or asks a running one to stop.
import { getPrisma } from "@proda/db";
import { cancelJob } from "@proda/jobs";
import { audit } from "@proda/pipeline";
import { toJobDto } from "@/server/dto";
import { route } from "@/server/route";

export const POST = route("POST /jobs/[jobId]/cancel", {}, async ({ params, projectId, user }) => {
  const job = await cancelJob(getPrisma(), params.jobId!);
  await audit({ actorId: user!.id, projectId, action: "job.cancel", targetType: "job", targetId: job.id });
  return { job: toJobDto(job) };
});
