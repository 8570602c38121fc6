// Starts an extraction run: a new knowledge version over the project's kept chunks, processed as
// batches (children) followed by one finalize job that builds the canonical graph.
import { AppError } from "@proda/core";
import type { KnowledgeVersion, PrismaClient } from "@proda/db";
import { enqueueFlow, isJobAlive, type FlowStep } from "@proda/jobs";
import { loadProviderSettings } from "@proda/providers";
import { z } from "zod";

const BATCH_CHUNKS = 50;

export const ZExtractionRequest = z.object({
  providerId: z.string().min(1).max(64).optional(),
  disciplines: z.array(z.string().min(1).max(80)).max(100).optional(),
  /** The project's additions to the relation vocabulary (snake_case), offered to the model. */
  relationTypes: z.array(z.string().regex(/^[a-z][a-z0-9_]{1,40}$/, "snake_case, 2–41 characters")).max(30).optional(),
});
export type TExtractionRequest = z.infer<typeof ZExtractionRequest>;

/** The chunks a run reads: those kept by the corpus filter, in corpus order. */
export function runChunksQuery(projectId: string, disciplines?: string[]) {
  return {
    where: { projectId, keep: true, ...(disciplines?.length ? { document: { discipline: { in: disciplines } } } : {}) },
    orderBy: [{ document: { createdAt: "asc" as const } }, { documentId: "asc" as const }, { index: "asc" as const }],
  };
}

export async function startExtraction(prisma: PrismaClient, projectId: string, userId: string, request: TExtractionRequest): Promise<KnowledgeVersion> {
  const building = await prisma.knowledgeVersion.findMany({ where: { projectId, status: { in: ["extracting", "canonicalising"] } } });
  const jobs = await prisma.job.findMany({ where: { id: { in: building.flatMap((v) => (v.jobId ? [v.jobId] : [])) } } });
  let running: (typeof building)[number] | undefined;
  for (const job of jobs) if (await isJobAlive(prisma, job)) running = building.find((v) => v.jobId === job.id);
  if (running) throw new AppError("conflict", `Knowledge version ${running.number} is still being built; wait for it or cancel its job.`, { versionId: running.id });
  const provider = await loadProviderSettings(prisma, projectId, request.providerId);
  const chunks = await prisma.chunk.findMany({ ...runChunksQuery(projectId, request.disciplines), select: { id: true } });
  if (chunks.length === 0) throw new AppError("conflict", "There are no kept chunks to extract from: upload and process a corpus first.");

  const last = await prisma.knowledgeVersion.aggregate({ where: { projectId }, _max: { number: true } });
  const version = await prisma.knowledgeVersion.create({
    data: {
      projectId, number: (last._max.number ?? 0) + 1, createdById: userId, chunksTotal: chunks.length,
      providerKind: provider.kind, providerName: provider.name, model: provider.model,
      settings: { providerId: provider.id, disciplines: request.disciplines ?? [], relationTypes: request.relationTypes ?? [] },
    },
  });
  const children: FlowStep[] = [];
  for (let i = 0; i < chunks.length; i += BATCH_CHUNKS) {
    const chunkIds = chunks.slice(i, i + BATCH_CHUNKS).map((c) => c.id);
    children.push({ kind: "knowledge.extractChunks", payload: { projectId, versionId: version.id, chunkIds } });
  }
  try {
    const { parent } = await enqueueFlow(prisma, { kind: "knowledge.finalize", payload: { projectId, versionId: version.id } }, children, {
      projectId, createdById: userId,
    });
    return prisma.knowledgeVersion.update({ where: { id: version.id }, data: { jobId: parent.id } });
  } catch (error) {
    await prisma.knowledgeVersion.delete({ where: { id: version.id } });
    throw error;
  }
}
