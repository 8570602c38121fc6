// GET /api/v1/projects/:projectId/knowledge/versions/:versionId/export?format=json|graphml|neo4j-nodes|neo4j-relationships&discipline=
// — the graph as a download, streamed.
import { getPrisma } from "@proda/db";
import { z } from "zod";
import { EXPORT_CONTENT_TYPES, EXPORT_FORMATS, exportGraph } from "@/server/knowledge/export-graph";
import { findVersion } from "@/server/knowledge/knowledge-dto";
import { route } from "@/server/route";

const ZQuery = z.object({ format: z.enum(EXPORT_FORMATS).default("json"), discipline: z.string().max(80).optional() });

export const GET = route("GET /projects/[projectId]/knowledge/versions/[versionId]/export", { input: ZQuery }, async ({ projectId, params, input }) => {
  const prisma = getPrisma();
  const version = await findVersion(prisma, projectId, params.versionId!);
  const encoder = new TextEncoder();
  const parts = exportGraph(prisma, version.id, input.format, input.discipline);
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await parts.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await parts.return(undefined);
    },
  });
  const [type, ext] = EXPORT_CONTENT_TYPES[input.format];
  const name = `knowledge-v${version.number}${input.discipline ? `-${input.discipline.replace(/[^\w-]+/g, "_")}` : ""}.${ext}`;
  return new Response(body, { headers: { "content-type": `${type}; charset=utf-8`, "content-disposition": `attachment; filename="${name}"` } });
});
