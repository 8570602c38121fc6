// Asks for the overview layout of a version (one discipline or all): an existing ready layout, or
// one still being built by a live job, is returned as it is; otherwise a row and its job are made.
// Redis down → 503 and no row left behind.
import { AppError } from "@proda/core";
import type { PrismaClient } from "@proda/db";
import { enqueueJob, isJobAlive } from "@proda/jobs";
import { z } from "zod";
import { ALL_DISCIPLINES } from "@/features/graph/lib/layout-format";
import { findVersion } from "@/server/knowledge/knowledge-dto";
import { LAYOUT_SUMMARY } from "./layout-dto";

export const ZLayoutRequest = z.object({ discipline: z.string().trim().min(1).max(80).optional() });
export type TLayoutRequest = z.infer<typeof ZLayoutRequest>;

async function isLive(prisma: PrismaClient, jobId: string | null): Promise<boolean> {
  const job = jobId ? await prisma.job.findUnique({ where: { id: jobId } }) : null;
  return job ? isJobAlive(prisma, job) : false;
}

export async function startLayout(prisma: PrismaClient, projectId: string, versionId: string, userId: string, request: TLayoutRequest) {
  const version = await findVersion(prisma, projectId, versionId);
  if (version.status !== "ready") throw new AppError("conflict", `Knowledge version ${version.number} is ${version.status}; only a ready version can be laid out.`);
  const discipline = request.discipline ?? ALL_DISCIPLINES;
  if (discipline !== ALL_DISCIPLINES && !(await prisma.concept.findFirst({ where: { versionId, discipline }, select: { id: true } }))) {
    throw new AppError("not_found", `Knowledge version ${version.number} has no concepts in ${discipline}`);
  }
  const where = { versionId_discipline: { versionId, discipline } };
  const existing = await prisma.graphLayout.findUnique({ where, select: LAYOUT_SUMMARY });
  if (existing?.status === "ready") return { layout: existing, created: false };
  if (existing?.status === "building" && (await isLive(prisma, existing.jobId))) return { layout: existing, created: false };
  // A failed, cancelled or orphaned layout is replaced by a fresh attempt.
  if (existing) await prisma.graphLayout.deleteMany({ where: { id: existing.id } });
  let created;
  try {
    created = await prisma.graphLayout.create({ data: { versionId, discipline }, select: LAYOUT_SUMMARY });
  } catch (error) {
    // Two requests at once: the other one made the row; answer with it.
    if ((error as { code?: string }).code === "P2002") return { layout: await prisma.graphLayout.findUniqueOrThrow({ where, select: LAYOUT_SUMMARY }), created: false };
    throw error;
  }
  try {
    const job = await enqueueJob(prisma, "knowledge.layout", { projectId, layoutId: created.id }, { projectId, createdById: userId });
    return { layout: await prisma.graphLayout.update({ where: { id: created.id }, data: { jobId: job.id }, select: LAYOUT_SUMMARY }), created: true };
  } catch (error) {
    await prisma.graphLayout.deleteMany({ where: { id: created.id } });
    throw error;
  }
}
