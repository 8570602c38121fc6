// GET /api/v1/projects/:projectId — the project, the caller's role and its latest statistics.
// PATCH /api/v1/projects/:projectId — renames or re-describes it (owner).
// DELETE /api/v1/projects/:projectId — deletes it with everything in it (owner).
import { getPrisma } from "@proda/db";
import { z } from "zod";
import { audit } from "@proda/pipeline";
import { toProjectDto, toStatsDto } from "@/server/dto";
import { noContent } from "@/server/http";
import { route } from "@/server/route";

export const GET = route("GET /projects/[projectId]", {}, async ({ projectId, role }) => {
  const project = await getPrisma().project.findUniqueOrThrow({ where: { id: projectId }, include: { stats: true } });
  return { project: toProjectDto(project, role!), stats: toStatsDto(project.stats) };
});

const ZUpdateProject = z
  .object({ name: z.string().trim().min(1).max(120).optional(), description: z.string().trim().max(2000).optional() })
  .refine((v) => v.name !== undefined || v.description !== undefined, "Nothing to change");

export const PATCH = route("PATCH /projects/[projectId]", { input: ZUpdateProject },
  async ({ projectId, role, user, input }) => {
    const project = await getPrisma().project.update({ where: { id: projectId }, data: input });
    await audit({ actorId: user!.id, projectId, action: "project.update", targetType: "project", targetId: projectId, detail: input });
    return { project: toProjectDto(project, role!) };
  },
);

export const DELETE = route("DELETE /projects/[projectId]", {}, async ({ projectId, user }) => {
  // Audit first and without the project link: the row would vanish with the project's cascade.
  await audit({ actorId: user!.id, action: "project.delete", targetType: "project", targetId: projectId });
  await getPrisma().project.delete({ where: { id: projectId } });
  return noContent();
});
