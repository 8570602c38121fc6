// GET /api/v1/projects/:projectId/corpus/documents/:documentId — the document, its parsed text and its chunks with quality decisions.
// DELETE /api/v1/projects/:projectId/corpus/documents/:documentId — removes it and its chunks (run processing again to re-deduplicate).
import { AppError } from "@proda/core";
import { getPrisma } from "@proda/db";
import { audit } from "@proda/pipeline";
import { toChunkDto, toDocumentDto } from "@/server/corpus/corpus-dto";
import { noContent } from "@/server/http";
import { route } from "@/server/route";

export const GET = route("GET /projects/[projectId]/corpus/documents/[documentId]", {}, async ({ projectId, params }) => {
  const prisma = getPrisma();
  const document = await prisma.document.findFirst({ where: { id: params.documentId, projectId } });
  if (!document) throw new AppError("not_found", "Document not found");
  const chunks = await prisma.chunk.findMany({
    where: { documentId: document.id },
    omit: { text: true, minhash: true },
    orderBy: { index: "asc" },
  });
  const originIds = [...new Set(chunks.flatMap((c) => (c.duplicateOfId ? [c.duplicateOfId] : [])))];
  const origins = await prisma.chunk.findMany({
    where: { id: { in: originIds } },
    select: { id: true, index: true, documentId: true, document: { select: { filename: true } } },
  });
  const originOf = new Map(origins.map((o) => [o.id, { documentId: o.documentId, filename: o.document.filename, index: o.index }]));
  const { text, ...rest } = document;
  return {
    document: { ...toDocumentDto(rest, chunks.length, chunks.filter((c) => c.keep).length), metadata: document.metadata },
    text,
    chunks: chunks.map((c) => toChunkDto(c, c.duplicateOfId ? (originOf.get(c.duplicateOfId) ?? null) : null)),
  };
});

export const DELETE = route("DELETE /projects/[projectId]/corpus/documents/[documentId]", {}, async ({ projectId, params, user }) => {
  const { count } = await getPrisma().document.deleteMany({ where: { id: params.documentId, projectId } });
  if (count === 0) throw new AppError("not_found", "Document not found");
  await audit({ actorId: user!.id, projectId, action: "corpus.delete", targetType: "document", targetId: params.documentId });
  return noContent();
});
