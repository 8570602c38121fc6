// GET /api/v1/projects — the projects the user is a member of, with their role.
// POST /api/v1/projects — creates a project; the creator becomes its owner.
import { createProject, getPrisma } from "@proda/db";
import { z } from "zod";
import { audit } from "@proda/pipeline";
import { toProjectDto } from "@/server/dto";
import { json } from "@/server/http";
import { route } from "@/server/route";


export const GET = route("GET /projects", {}, async ({ user }) => {
  const memberships = await getPrisma().membership.findMany({
    where: { userId: user!.id },
    include: { project: true },
    orderBy: { project: { updatedAt: "desc" } },
    take: 500,
  });
  return { projects: memberships.map((m) => toProjectDto(m.project, m.role)) };
});

const ZCreateProject = z.object({
  name: z.string().trim().min(1, "Name is required").max(120),
  description: z.string().trim().max(2000).default(""),
});

export const POST = route("POST /projects", { input: ZCreateProject }, async ({ user, input }) => {
  const project = await createProject(getPrisma(), { ...input, ownerId: user!.id });
  await audit({ actorId: user!.id, projectId: project.id, action: "project.create", targetType: "project", targetId: project.id });
  return json({ project: toProjectDto(project, "owner") }, 201);
});
