// Enqueue = write the Job row (the mirror the UI reads), then add the BullMQ job with the same id.
// If Redis refuses, the row is removed again and the caller gets a 503: nothing half-made is left.
import { AppError } from "@proda/core";
import type { Job as JobRow, PrismaClient } from "@proda/db";
import { z } from "zod";
import { jobCatalog, type TJobKind, type TJobPayload } from "./catalog.ts";
import { withQueueDeadline } from "./errors.ts";
import { getQueue } from "./queues.ts";

export interface EnqueueMeta {
  projectId?: string;
  createdById?: string;
  parentId?: string;
}

export async function enqueueJob<K extends TJobKind>(
  prisma: PrismaClient,
  kind: K,
  payload: TJobPayload<K>,
  meta: EnqueueMeta = {},
): Promise<JobRow> {
  const definition = jobCatalog[kind];
  const parsed = definition.schema.safeParse(payload);
  if (!parsed.success) {
    throw new AppError("validation_failed", `Invalid payload for ${kind}`, z.treeifyError(parsed.error));
  }
  const row = await prisma.job.create({
    data: {
      kind,
      queue: definition.queue,
      payload: parsed.data as object,
      projectId: meta.projectId,
      createdById: meta.createdById,
      parentId: meta.parentId,
    },
  });
  try {
    await withQueueDeadline(() => getQueue(definition.queue).add(kind, parsed.data, { ...definition.options, jobId: row.id }));
  } catch (error) {
    await prisma.job.delete({ where: { id: row.id } }).catch(() => {});
    throw error;
  }
  return row;
}
