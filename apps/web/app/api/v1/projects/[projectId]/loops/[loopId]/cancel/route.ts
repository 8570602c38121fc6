// POST /api/v1/projects/:projectId/loops/:loopId/cancel — stops a queued or running loop and cancels the jobs of its
// current stage; 409 once it has ended.
import { getPrisma } from "@proda/db";
import { audit } from "@proda/pipeline";
import { cancelLoop } from "@/server/loops/cancel-loop";
import { findLoop, loadLoopDtos } from "@/server/loops/loop-dto";
import { route } from "@/server/route";

export const POST = route("POST /projects/[projectId]/loops/[loopId]/cancel", {}, async ({ projectId, params, user }) => {
  const prisma = getPrisma();
  const found = await findLoop(prisma, projectId, params.loopId);
  const { loop, cancelledJobs } = await cancelLoop(prisma, found.id);
  await audit({ actorId: user!.id, projectId, action: "loop.cancel", targetType: "loop", targetId: loop.id, detail: { number: loop.number, stage: loop.stage, cancelledJobs } });
  const [dto] = await loadLoopDtos(prisma, [loop]);
  return { loop: dto };
});
