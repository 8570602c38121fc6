// GET /api/v1/projects/:projectId/audit — the project's audit log, newest first (owner).
import { getPrisma } from "@proda/db";
import { toAuditDto } from "@/server/dto";
import { pageArgs, toPage, ZPageQuery } from "@/server/pagination";
import { route } from "@/server/route";

export const GET = route("GET /projects/[projectId]/audit", { input: ZPageQuery }, async ({ projectId, input }) => {
  const prisma = getPrisma();
  const rows = await prisma.auditEvent.findMany({ where: { projectId }, ...pageArgs(input) });
  const actorIds = [...new Set(rows.flatMap((r) => (r.actorId ? [r.actorId] : [])))];
  const actors = await prisma.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, email: true } });
  const emailOf = new Map(actors.map((a) => [a.id, a.email]));
  return toPage(rows, input.limit, (r) => toAuditDto(r, r.actorId ? (emailOf.get(r.actorId) ?? null) : null));
});
