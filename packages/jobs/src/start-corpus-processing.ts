// Queues processing of every uploaded-but-unprocessed document of a project: parse batches (small
// files together, big ones alone) as children of one deduplication job that runs after them all.
// Used by the upload and process routes and by the demo seed.
import { AppError } from "@proda/core";
import type { Job, PrismaClient } from "@proda/db";
import { enqueueFlow, type FlowStep } from "./enqueue.ts";
import { isJobAlive } from "./reconcile.ts";

const BATCH_MAX_DOCUMENTS = 100;
const BATCH_MAX_BYTES = 16 * 1024 * 1024;

export function batchDocuments(docs: { id: string; sizeBytes: number }[]): string[][] {
  const batches: string[][] = [];
  let current: string[] = [];
  let bytes = 0;
  for (const doc of docs) {
    if (current.length > 0 && (current.length >= BATCH_MAX_DOCUMENTS || bytes + doc.sizeBytes > BATCH_MAX_BYTES)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(doc.id);
    bytes += doc.sizeBytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

export async function startCorpusProcessing(prisma: PrismaClient, projectId: string, userId: string): Promise<Job> {
  const active = await prisma.job.findFirst({ where: { projectId, kind: "corpus.deduplicate", status: { in: ["queued", "running"] } } });
  if (active && (await isJobAlive(prisma, active))) {
    throw new AppError("conflict", "The corpus is already being processed; new uploads can be processed when it finishes.", { jobId: active.id });
  }
  const pending = await prisma.document.findMany({
    where: { projectId, status: { in: ["uploaded", "parsing"] }, archiveId: null },
    select: { id: true, sizeBytes: true },
    orderBy: { createdAt: "asc" },
  });
  const children: FlowStep[] = batchDocuments(pending).map((documentIds) => ({ kind: "corpus.parseDocuments", payload: { projectId, documentIds } }));
  const { parent } = await enqueueFlow(prisma, { kind: "corpus.deduplicate", payload: { projectId } }, children, { projectId, createdById: userId });
  return parent;
}
