// GET /api/v1/projects/:projectId/corpus/documents — documents, newest first, filterable by discipline and status.
// POST /api/v1/projects/:projectId/corpus/documents — multipart upload (field "files"; optional fields
//   "discipline", "jsonTextFields"; query ?process=true starts processing at once); one result per file.
import { getPrisma } from "@proda/db";
import { startCorpusProcessing } from "@proda/jobs";
import { z } from "zod";
import { audit } from "@proda/pipeline";
import { toDocumentDto } from "@/server/corpus/corpus-dto";
import { receiveUpload } from "@/server/corpus/receive-upload";
import { webEnv } from "@/server/env";
import { json } from "@/server/http";
import { pageArgs, toPage, ZPageQuery } from "@/server/pagination";
import { route } from "@/server/route";

const ZListQuery = ZPageQuery.extend({
  discipline: z.string().max(80).optional(),
  status: z.enum(["uploaded", "parsing", "parsed", "failed", "expanded"]).optional(),
  q: z.string().max(200).optional(),
});

export const GET = route("GET /projects/[projectId]/corpus/documents", { input: ZListQuery }, async ({ projectId, input }) => {
  const rows = await getPrisma().document.findMany({
    where: {
      projectId,
      discipline: input.discipline,
      status: input.status,
      filename: input.q ? { contains: input.q, mode: "insensitive" } : undefined,
    },
    omit: { text: true },
    include: { _count: { select: { chunks: true } } },
    ...pageArgs(input),
  });
  const ids = rows.map((r) => r.id);
  const kept = await getPrisma().chunk.groupBy({ by: ["documentId"], where: { documentId: { in: ids }, keep: true }, _count: true });
  const keptOf = new Map(kept.map((k) => [k.documentId, k._count]));
  return toPage(rows, input.limit, (r) => toDocumentDto(r, r._count.chunks, keptOf.get(r.id) ?? 0));
});

export const POST = route("POST /projects/[projectId]/corpus/documents", {}, async ({ req, projectId, user }) => {
  const env = webEnv();
  const process = new URL(req.url).searchParams.get("process") === "true";
  const results = await receiveUpload(req, projectId, user!.id, { maxFileBytes: env.PRODA_MAX_UPLOAD_BYTES, maxFiles: env.PRODA_MAX_UPLOAD_FILES });
  const accepted = results.filter((r) => r.status === "accepted").length;
  await audit({
    actorId: user!.id, projectId, action: "corpus.upload", targetType: "project", targetId: projectId,
    detail: { accepted, duplicate: results.filter((r) => r.status === "duplicate").length, rejected: results.filter((r) => r.status === "rejected").length },
  });
  const job = process && accepted > 0 ? await startCorpusProcessing(getPrisma(), projectId, user!.id) : null;
  return json({ results, jobId: job?.id ?? null }, 201);
});
