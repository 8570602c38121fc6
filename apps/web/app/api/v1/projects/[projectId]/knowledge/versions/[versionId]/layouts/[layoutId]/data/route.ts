// GET /api/v1/projects/:projectId/knowledge/versions/:versionId/layouts/:layoutId/data — the layout as
// one binary payload (positions, edges, communities, types, degrees, then ids/terms/types as JSON;
// format in lib/api-types.ts). A ready layout's positions never change; its terms and types change
// with expert edits, so the payload is keyed by the version's revision (the client asks ?rev=… and
// may keep each revision for good).
import { AppError } from "@proda/core";
import { getPrisma } from "@proda/db";
import { loadLayoutPayload } from "@/server/graph/layout-payload";
import { payloadRevision } from "@/server/graph/layout-dto";
import { cachedPayload } from "@/server/graph/payload-cache";
import { findVersion } from "@/server/knowledge/knowledge-dto";
import { route } from "@/server/route";

export const GET = route("GET /projects/[projectId]/knowledge/versions/[versionId]/layouts/[layoutId]/data", {}, async ({ req, projectId, params }) => {
  const prisma = getPrisma();
  // Checked before the cache, which is keyed by layout and revision alone.
  const version = await findVersion(prisma, projectId, params.versionId!);
  const layout = await prisma.graphLayout.findFirst({ where: { id: params.layoutId, versionId: version.id }, select: { id: true, status: true } });
  if (!layout) throw new AppError("not_found", "Layout not found");
  if (layout.status !== "ready") throw new AppError("conflict", `The layout is ${layout.status}; its data is available once it is ready.`);
  const key = `${layout.id}-${payloadRevision(version)}`;
  const etag = `"layout-${key}"`;
  const headers = { "cache-control": "private, max-age=31536000, immutable", etag };
  if (req.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  const payload = await cachedPayload(key, () => loadLayoutPayload(prisma, projectId, version.id, layout.id));
  return new Response(payload as Uint8Array<ArrayBuffer>, {
    headers: { ...headers, "content-type": "application/octet-stream", "content-length": String(payload.byteLength) },
  });
});
