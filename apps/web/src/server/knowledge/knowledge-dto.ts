// Knowledge rows → API shapes. Relations come with their quote text, cut from the chunk in SQL.
import { AppError } from "@proda/core";
import type { Concept, KnowledgeVersion, PrismaClient } from "@proda/db";
import { Prisma } from "@proda/db";
import type { TConceptDto, TKnowledgeReport, TKnowledgeVersionDto, TRelationDto } from "@/lib/api-types";

/**
 * A version whose build job was cancelled or failed for good is reported as such: the job system,
 * not the version row, knows that (a flow cancelled before it started never reaches the worker).
 */
export async function loadVersionDtos(prisma: PrismaClient, versions: KnowledgeVersion[]): Promise<TKnowledgeVersionDto[]> {
  const jobIds = versions.flatMap((v) => (v.jobId ? [v.jobId] : []));
  const jobs = await prisma.job.findMany({ where: { id: { in: jobIds } }, select: { id: true, status: true, error: true } });
  const jobOf = new Map(jobs.map((j) => [j.id, j]));
  return versions.map((v) => {
    const job = v.jobId ? jobOf.get(v.jobId) : undefined;
    const building = v.status === "extracting" || v.status === "canonicalising";
    if (building && job && (job.status === "cancelled" || job.status === "failed")) {
      return toVersionDto({ ...v, status: job.status, error: v.error ?? job.error });
    }
    return toVersionDto(v);
  });
}

const toVersionDto = (v: KnowledgeVersion): TKnowledgeVersionDto => ({
  id: v.id,
  number: v.number,
  status: v.status,
  providerKind: v.providerKind,
  providerName: v.providerName,
  model: v.model,
  jobId: v.jobId,
  chunksTotal: v.chunksTotal,
  chunksDone: v.chunksDone,
  chunksRejected: v.chunksRejected,
  promptTokens: v.promptTokens,
  completionTokens: v.completionTokens,
  costUsd: v.costUsd,
  cachedCalls: v.cachedCalls,
  error: v.error,
  createdAt: v.createdAt.toISOString(),
  finishedAt: v.finishedAt?.toISOString() ?? null,
  report: (v.report as TKnowledgeReport | null) ?? null,
});

export const toConceptDto = (c: Pick<Concept, "id" | "key" | "term" | "aliases" | "definition" | "type" | "discipline" | "degree">): TConceptDto => ({
  id: c.id, key: c.key, term: c.term, aliases: c.aliases, definition: c.definition, type: c.type, discipline: c.discipline, degree: c.degree,
});

interface RelationRow {
  id: string;
  subjectId: string;
  subjectTerm: string;
  objectId: string;
  objectTerm: string;
  type: string;
  predicate: string;
  negated: boolean;
  discipline: string;
  chunkId: string;
  documentId: string;
  documentName: string;
  quoteStart: number;
  quoteEnd: number;
  quote: string;
}

/** Relations matching a SQL condition on `r`, with terms and quotes, in one query. */
export async function loadRelations(prisma: PrismaClient, versionId: string, condition: Prisma.Sql, limit = 500): Promise<TRelationDto[]> {
  const rows = await prisma.$queryRaw<RelationRow[]>`
    SELECT r.id, r."subjectId", s.term AS "subjectTerm", r."objectId", o.term AS "objectTerm", r.type, r.predicate, r.negated,
           r.discipline, r."chunkId", c."documentId", d.filename AS "documentName", r."quoteStart", r."quoteEnd",
           substr(c.text, r."quoteStart" + 1, r."quoteEnd" - r."quoteStart") AS quote
    FROM "Relation" r
    JOIN "Concept" s ON s.id = r."subjectId"
    JOIN "Concept" o ON o.id = r."objectId"
    JOIN "Chunk" c ON c.id = r."chunkId"
    JOIN "Document" d ON d.id = c."documentId"
    WHERE r."versionId" = ${versionId} AND ${condition}
    ORDER BY r.id
    LIMIT ${limit}`;
  return rows.map((r) => ({
    id: r.id,
    subject: { id: r.subjectId, term: r.subjectTerm },
    object: { id: r.objectId, term: r.objectTerm },
    type: r.type,
    predicate: r.predicate,
    negated: r.negated,
    discipline: r.discipline,
    quote: { chunkId: r.chunkId, documentId: r.documentId, documentName: r.documentName, start: r.quoteStart, end: r.quoteEnd, text: r.quote },
  }));
}

export async function findVersion(prisma: PrismaClient, projectId: string, versionId: string): Promise<KnowledgeVersion> {
  const version = await prisma.knowledgeVersion.findFirst({ where: { id: versionId, projectId } });
  if (!version) throw new AppError("not_found", "Knowledge version not found");
  return version;
}
