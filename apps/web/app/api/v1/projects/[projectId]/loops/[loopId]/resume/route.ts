// POST /api/v1/projects/:projectId/loops/:loopId/resume — continues a failed or cancelled loop (or one whose job was
// lost) from its current stage, keeping what finished; 409 while it runs, once it succeeded, or while another loop runs.
import { getPrisma } from "@proda/db";
import { audit } from "@proda/pipeline";
import { json } from "@/server/http";
import { findLoop, loadLoopDtos } from "@/server/loops/loop-dto";
import { resumeLoop } from "@/server/loops/resume-loop";
import { route } from "@/server/route";

export const POST = route("POST /projects/[projectId]/loops/[loopId]/resume", {}, async ({ projectId, params, user }) => {
  const prisma = getPrisma();
  const found = await findLoop(prisma, projectId, params.loopId);
  const loop = await resumeLoop(prisma, found.id);
  await audit({ actorId: user!.id, projectId, action: "loop.resume", targetType: "loop", targetId: loop.id, detail: { number: loop.number, stage: loop.stage, from: found.status } });
  const [dto] = await loadLoopDtos(prisma, [loop]);
  return json({ loop: dto }, 202);
});
