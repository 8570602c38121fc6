// GET /api/v1/projects/:projectId/knowledge/versions/:versionId/layouts — the version's overview layouts.
// POST /api/v1/projects/:projectId/knowledge/versions/:versionId/layouts — asks for the layout of a
// discipline ({ discipline? }, all when absent): 200 with an existing one, 202 with a queued one.
import { getPrisma } from "@proda/db";
import { audit } from "@proda/pipeline";
import { loadLayoutDtos, LAYOUT_SUMMARY, payloadRevision } from "@/server/graph/layout-dto";
import { startLayout, ZLayoutRequest } from "@/server/graph/start-layout";
import { json } from "@/server/http";
import { findVersion } from "@/server/knowledge/knowledge-dto";
import { route } from "@/server/route";

export const GET = route("GET /projects/[projectId]/knowledge/versions/[versionId]/layouts", {}, async ({ projectId, params }) => {
  const prisma = getPrisma();
  const version = await findVersion(prisma, projectId, params.versionId!);
  const rows = await prisma.graphLayout.findMany({ where: { versionId: version.id }, select: LAYOUT_SUMMARY, orderBy: { discipline: "asc" } });
  return { layouts: await loadLayoutDtos(prisma, rows, payloadRevision(version)) };
});

export const POST = route("POST /projects/[projectId]/knowledge/versions/[versionId]/layouts", { input: ZLayoutRequest }, async ({ projectId, params, user, input }) => {
  const prisma = getPrisma();
  const { layout, created } = await startLayout(prisma, projectId, params.versionId!, user!.id, input);
  if (created) {
    await audit({ actorId: user!.id, projectId, action: "knowledge.layout", targetType: "graph_layout", targetId: layout.id, detail: { versionId: layout.versionId, discipline: layout.discipline } });
  }
  const [dto] = await loadLayoutDtos(prisma, [layout], payloadRevision(await findVersion(prisma, projectId, layout.versionId)));
  return json({ layout: dto }, created ? 202 : 200);
});
