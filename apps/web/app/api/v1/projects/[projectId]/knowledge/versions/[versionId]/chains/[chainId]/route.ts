// GET /api/v1/projects/:projectId/knowledge/versions/:versionId/chains/:chainId — a chain's steps with their
// relations and quotes, its preconditions and negative constraints, and the source chunk text.
// PATCH …/chains/:chainId — an expert retitles a chain.
import { AppError } from "@proda/core";
import { getPrisma, Prisma } from "@proda/db";
import { auditEdit, findEditableVersion, ZChainEdit } from "@/server/knowledge/edit-knowledge";
import { findVersion, loadRelations } from "@/server/knowledge/knowledge-dto";
import { route } from "@/server/route";

type TStep = { order: number; relationId: string; text: string };
type TNote = { text: string; start: number; end: number };

export const GET = route("GET /projects/[projectId]/knowledge/versions/[versionId]/chains/[chainId]", {}, async ({ projectId, params }) => {
  const prisma = getPrisma();
  const version = await findVersion(prisma, projectId, params.versionId!);
  const chain = await prisma.chain.findFirst({ where: { id: params.chainId, versionId: version.id } });
  if (!chain) throw new AppError("not_found", "Chain not found");
  const steps = chain.steps as TStep[];
  const relations = await loadRelations(prisma, version.id, Prisma.sql`r.id = ANY(${steps.map((s) => s.relationId)})`);
  const byId = new Map(relations.map((r) => [r.id, r]));
  const chunk = await prisma.chunk.findUniqueOrThrow({ where: { id: chain.chunkId }, select: { id: true, text: true, document: { select: { filename: true } } } });
  return {
    chain: { id: chain.id, title: chain.title, discipline: chain.discipline, stepCount: chain.stepCount, chunkId: chain.chunkId, documentId: chain.documentId },
    steps: steps.map((s) => ({ order: s.order, text: s.text, relation: byId.get(s.relationId)! })).filter((s) => s.relation),
    preconditions: chain.preconditions as TNote[],
    negativeConstraints: chain.negativeConstraints as TNote[],
    chunk: { id: chunk.id, text: chunk.text, documentName: chunk.document.filename },
  };
});

export const PATCH = route("PATCH /projects/[projectId]/knowledge/versions/[versionId]/chains/[chainId]", { input: ZChainEdit }, async ({ projectId, params, user, input }) => {
  const prisma = getPrisma();
  const version = await findEditableVersion(prisma, projectId, params.versionId!);
  const before = await prisma.chain.findFirst({ where: { id: params.chainId, versionId: version.id }, select: { title: true } });
  if (!before) throw new AppError("not_found", "Chain not found");
  const chain = await prisma.chain.update({ where: { id: params.chainId }, data: input });
  await auditEdit(user!.id, projectId, "chain", chain.id, before, input);
  return { chain: { id: chain.id, title: chain.title, discipline: chain.discipline, stepCount: chain.stepCount, chunkId: chain.chunkId, documentId: chain.documentId } };
});
