// Enqueue = write the Job row (the mirror the UI reads), then add the BullMQ job with the same id.
// If Redis refuses, the row is removed again and the caller gets a 503: nothing half-made is left.
import { AppError } from "@proda/core";
import type { Job as JobRow, PrismaClient } from "@proda/db";
import { z } from "zod";
import { jobCatalog, type TJobKind, type TJobPayload } from "./catalog.ts";
import { withQueueDeadline } from "./errors.ts";
import { getFlowProducer, getQueue } from "./queues.ts";

export interface EnqueueMeta {
  projectId?: string;
  createdById?: string;
  parentId?: string;
  /**
   * A fixed id instead of a random one, for a job that must exist once whoever enqueues it (a
   * redelivered step of a chain): an existing row is reused, and BullMQ ignores an id it holds.
   */
  jobId?: string;
  delayMs?: number;
  /** Runs between the Job row and the BullMQ add (say, to name the job where it will be looked for). */
  beforeQueue?: () => Promise<unknown>;
}

function parsePayload<K extends TJobKind>(kind: K, payload: unknown): TJobPayload<K> {
  const parsed = jobCatalog[kind].schema.safeParse(payload);
  if (!parsed.success) {
    throw new AppError("validation_failed", `Invalid payload for ${kind}`, z.treeifyError(parsed.error));
  }
  return parsed.data as TJobPayload<K>;
}

export async function enqueueJob<K extends TJobKind>(
  prisma: PrismaClient,
  kind: K,
  payload: TJobPayload<K>,
  meta: EnqueueMeta = {},
): Promise<JobRow> {
  const definition = jobCatalog[kind];
  const data = parsePayload(kind, payload);
  const existing = meta.jobId ? await prisma.job.findUnique({ where: { id: meta.jobId } }) : null;
  const row = existing ?? (await prisma.job.create({
    data: {
      id: meta.jobId,
      kind,
      queue: definition.queue,
      payload: data as object,
      projectId: meta.projectId,
      createdById: meta.createdById,
      parentId: meta.parentId,
    },
  }));
  try {
    await meta.beforeQueue?.();
    await withQueueDeadline(() => getQueue(definition.queue).add(kind, data, { ...definition.options, jobId: row.id, delay: meta.delayMs }));
  } catch (error) {
    if (!existing) await prisma.job.delete({ where: { id: row.id } }).catch(() => {});
    throw error;
  }
  return row;
}

export interface FlowStep<K extends TJobKind = TJobKind> {
  kind: K;
  payload: TJobPayload<K>;
}

/**
 * A parent job that runs once all its children have finished, failed children included (their
 * failure is recorded on their own rows; the parent still runs over what succeeded).
 */
export async function enqueueFlow(
  prisma: PrismaClient,
  parent: FlowStep,
  children: FlowStep[],
  meta: EnqueueMeta = {},
): Promise<{ parent: JobRow; children: JobRow[] }> {
  const rows = await prisma.$transaction(async (tx) => {
    const parentRow = await tx.job.create({
      data: {
        kind: parent.kind, queue: jobCatalog[parent.kind].queue, payload: parsePayload(parent.kind, parent.payload) as object,
        projectId: meta.projectId, createdById: meta.createdById, parentId: meta.parentId,
      },
    });
    const childRows = [];
    for (const child of children) {
      childRows.push(
        await tx.job.create({
          data: {
            kind: child.kind, queue: jobCatalog[child.kind].queue, payload: parsePayload(child.kind, child.payload) as object,
            projectId: meta.projectId, createdById: meta.createdById, parentId: parentRow.id,
          },
        }),
      );
    }
    return { parent: parentRow, children: childRows };
  });
  const node = (row: JobRow, kind: TJobKind) => ({
    name: kind,
    queueName: jobCatalog[kind].queue,
    data: row.payload as object,
    opts: { ...jobCatalog[kind].options, jobId: row.id },
  });
  try {
    await withQueueDeadline(() =>
      getFlowProducer().add({
        ...node(rows.parent, parent.kind),
        children: rows.children.map((row, i) => {
          const n = node(row, children[i]!.kind);
          return { ...n, opts: { ...n.opts, ignoreDependencyOnFailure: true } };
        }),
      }),
    );
  } catch (error) {
    await prisma.job.deleteMany({ where: { id: { in: [rows.parent.id, ...rows.children.map((c) => c.id)] } } }).catch(() => {});
    throw error;
  }
  return rows;
}
