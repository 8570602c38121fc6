// GraphLayout rows → API shapes. A layout whose job was cancelled or lost is reported as such: the
// job row, not the layout row, knows that when the worker never ran.
import type { GraphLayout, PrismaClient } from "@proda/db";
import type { TGraphLayoutDto } from "@/lib/api-types";

type TLayoutRow = Omit<GraphLayout, "positions" | "edges" | "communities" | "conceptIds">;

/** The columns a DTO needs (never the payload bytes). */
export const LAYOUT_SUMMARY = {
  id: true, versionId: true, discipline: true, status: true, nodeCount: true, edgeCount: true, stats: true,
  jobId: true, error: true, createdAt: true, finishedAt: true,
} as const;

/** The payload revision of a version's layouts: its last concept edit, "0" when there was none. */
export const payloadRevision = (version: { conceptsEditedAt: Date | null }) => String(version.conceptsEditedAt?.getTime() ?? 0);

export function toLayoutDto(row: TLayoutRow, revision: string): TGraphLayoutDto {
  return {
    id: row.id,
    discipline: row.discipline,
    status: row.status,
    nodeCount: row.nodeCount,
    edgeCount: row.edgeCount,
    jobId: row.jobId,
    error: row.error,
    stats: (row.stats as TGraphLayoutDto["stats"]) ?? null,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    revision,
  };
}

export async function loadLayoutDtos(prisma: PrismaClient, rows: TLayoutRow[], revision: string): Promise<TGraphLayoutDto[]> {
  const jobIds = rows.flatMap((r) => (r.status === "building" && r.jobId ? [r.jobId] : []));
  const jobs = await prisma.job.findMany({ where: { id: { in: jobIds } }, select: { id: true, status: true, error: true } });
  const jobOf = new Map(jobs.map((j) => [j.id, j]));
  return rows.map((row) => {
    const job = row.jobId ? jobOf.get(row.jobId) : undefined;
    if (row.status === "building" && job && (job.status === "cancelled" || job.status === "failed")) {
      return toLayoutDto({ ...row, status: job.status, error: row.error ?? job.error }, revision);
    }
    return toLayoutDto(row, revision);
  });
}
