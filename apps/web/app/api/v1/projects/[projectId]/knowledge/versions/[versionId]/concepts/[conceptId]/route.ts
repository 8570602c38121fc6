// GET /api/v1/projects/:projectId/knowledge/versions/:versionId/concepts/:conceptId — a concept with its
// definitions and source mentions, its relations in and out (with quotes) and the chains through it.
// PATCH …/concepts/:conceptId — an expert corrects a concept's term, definition, type or aliases.
import { AppError } from "@proda/core";
import { getPrisma, Prisma } from "@proda/db";
import { auditEdit, findEditableVersion, ZConceptEdit } from "@/server/knowledge/edit-knowledge";
import { findVersion, loadRelations, toConceptDto } from "@/server/knowledge/knowledge-dto";
import { route } from "@/server/route";

export const GET = route("GET /projects/[projectId]/knowledge/versions/[versionId]/concepts/[conceptId]", {}, async ({ projectId, params }) => {
  const prisma = getPrisma();
  const version = await findVersion(prisma, projectId, params.versionId!);
  const concept = await prisma.concept.findFirst({ where: { id: params.conceptId, versionId: version.id } });
  if (!concept) throw new AppError("not_found", "Concept not found");
  const [outgoing, incoming] = await Promise.all([
    loadRelations(prisma, version.id, Prisma.sql`r."subjectId" = ${concept.id}`, 200),
    loadRelations(prisma, version.id, Prisma.sql`r."objectId" = ${concept.id}`, 200),
  ]);
  const relationIds = [...outgoing, ...incoming].map((r) => r.id);
  const chains = relationIds.length
    ? await prisma.$queryRaw<{ id: string; title: string }[]>`
        SELECT DISTINCT ch.id, ch.title FROM "Chain" ch, jsonb_array_elements(ch.steps) s
        WHERE ch."versionId" = ${version.id} AND s->>'relationId' = ANY(${relationIds}) LIMIT 100`
    : [];
  const mentionRefs = (concept.mentions as { chunkId: string; definition?: string | null }[]).slice(0, 50);
  const chunks = await prisma.chunk.findMany({ where: { id: { in: mentionRefs.map((m) => m.chunkId) } }, select: { id: true, document: { select: { filename: true } } } });
  const nameOf = new Map(chunks.map((c) => [c.id, c.document.filename]));
  return {
    concept: toConceptDto(concept),
    mentions: mentionRefs.map((m) => ({ chunkId: m.chunkId, documentName: nameOf.get(m.chunkId) ?? "", definition: m.definition ?? null })),
    outgoing,
    incoming,
    chains,
  };
});

export const PATCH = route(
  "PATCH /projects/[projectId]/knowledge/versions/[versionId]/concepts/[conceptId]",
  { input: ZConceptEdit },
  async ({ projectId, params, user, input }) => {
    const prisma = getPrisma();
    const version = await findEditableVersion(prisma, projectId, params.versionId!);
    const before = await prisma.concept.findFirst({
      where: { id: params.conceptId, versionId: version.id },
      select: { term: true, definition: true, type: true, aliases: true },
    });
    if (!before) throw new AppError("not_found", "Concept not found");
    // The stamp makes overview payloads, which carry terms and types, be built and fetched anew.
    const [concept] = await prisma.$transaction([
      prisma.concept.update({ where: { id: params.conceptId }, data: input }),
      prisma.knowledgeVersion.update({ where: { id: version.id }, data: { conceptsEditedAt: new Date() } }),
    ]);
    await auditEdit(user!.id, projectId, "concept", concept.id, before, input);
    return { concept: toConceptDto(concept) };
  },
);
