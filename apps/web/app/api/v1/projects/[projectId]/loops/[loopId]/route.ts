// GET /api/v1/projects/:projectId/loops/:loopId — one loop run: stage, artifacts, timeline (the done entry carries
// the V1 / V2 / control figures).
import { getPrisma } from "@proda/db";
import { findLoop, loadLoopDtos } from "@/server/loops/loop-dto";
import { route } from "@/server/route";

export const GET = route("GET /projects/[projectId]/loops/[loopId]", {}, async ({ projectId, params }) => {
  const [loop] = await loadLoopDtos(getPrisma(), [await findLoop(getPrisma(), projectId, params.loopId)]);
  return { loop };
});
