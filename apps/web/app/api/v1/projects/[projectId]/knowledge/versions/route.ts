// GET /api/v1/projects/:projectId/knowledge/versions — knowledge versions, newest first.
// POST /api/v1/projects/:projectId/knowledge/versions — starts an extraction run ({ providerId?, disciplines? }).
import { getPrisma } from "@proda/db";
import { audit, startExtraction, ZExtractionRequest } from "@proda/pipeline";
import { json } from "@/server/http";
import { loadVersionDtos } from "@/server/knowledge/knowledge-dto";
import { route } from "@/server/route";

export const GET = route("GET /projects/[projectId]/knowledge/versions", {}, async ({ projectId }) => {
  const versions = await getPrisma().knowledgeVersion.findMany({ where: { projectId }, orderBy: { number: "desc" }, take: 200 });
  return { versions: await loadVersionDtos(getPrisma(), versions) };
});

export const POST = route("POST /projects/[projectId]/knowledge/versions", { input: ZExtractionRequest }, async ({ projectId, user, input }) => {
  const version = await startExtraction(getPrisma(), projectId, user!.id, input);
  await audit({ actorId: user!.id, projectId, action: "knowledge.extract", targetType: "knowledge_version", targetId: version.id, detail: { number: version.number } });
  const [dto] = await loadVersionDtos(getPrisma(), [version]);
  return json({ version: dto }, 202);
});
