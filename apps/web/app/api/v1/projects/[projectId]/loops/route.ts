// GET /api/v1/projects/:projectId/loops — loop runs, newest first.
// POST /api/v1/projects/:projectId/loops — starts the whole loop as one queued flow ({ settings?: { knowledgeVersionId?,
// reuseKnowledge?, providerId?, benchmark?, v1?: { budget | share, seed, excludeRelationIds? }, diagnosis?, patch?: { budget,
// replayRatio, seed }, backend?, hyperparameters?, evaluation? } }); 409 while another loop of the project runs.
import { getPrisma } from "@proda/db";
import { audit } from "@proda/pipeline";
import { json } from "@/server/http";
import { loadLoopDtos } from "@/server/loops/loop-dto";
import { startLoop, ZLoopRequest } from "@/server/loops/start-loop";
import { route } from "@/server/route";

export const GET = route("GET /projects/[projectId]/loops", {}, async ({ projectId }) => {
  const loops = await getPrisma().loopRun.findMany({ where: { projectId }, orderBy: { number: "desc" }, take: 200 });
  return { loops: await loadLoopDtos(getPrisma(), loops) };
});

export const POST = route("POST /projects/[projectId]/loops", { input: ZLoopRequest }, async ({ projectId, user, input }) => {
  const loop = await startLoop(getPrisma(), projectId, user!.id, input);
  await audit({ actorId: user!.id, projectId, action: "loop.start", targetType: "loop", targetId: loop.id, detail: { number: loop.number, settings: loop.settings as object } });
  const [dto] = await loadLoopDtos(getPrisma(), [loop]);
  return json({ loop: dto }, 202);
});
