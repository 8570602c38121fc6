// POST /api/v1/projects/:projectId/stats/recompute — queues a recount of the project's statistics.
import { getPrisma } from "@proda/db";
import { enqueueJob } from "@proda/jobs";
import { audit } from "@proda/pipeline";
import { toJobDto } from "@/server/dto";
import { json } from "@/server/http";
import { route } from "@/server/route";

export const POST = route("POST /projects/[projectId]/stats/recompute", {}, async ({ projectId, user }) => {
  const job = await enqueueJob(getPrisma(), "project.recomputeStats", { projectId }, { projectId, createdById: user!.id });
  await audit({ actorId: user!.id, projectId, action: "job.enqueue", targetType: "job", targetId: job.id, detail: { kind: job.kind } });
  return json({ job: toJobDto(job) }, 202);
});
