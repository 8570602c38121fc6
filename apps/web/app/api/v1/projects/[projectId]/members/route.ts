// GET /api/v1/projects/:projectId/members — members with their roles.
// POST /api/v1/projects/:projectId/members — adds an existing user by email with a role (owner).
import { AppError, ROLES } from "@proda/core";
import { getPrisma } from "@proda/db";
import { z } from "zod";
import { audit } from "@proda/pipeline";
import { toMemberDto } from "@/server/dto";
import { json } from "@/server/http";
import { route } from "@/server/route";

export const GET = route("GET /projects/[projectId]/members", {}, async ({ projectId }) => {
  const members = await getPrisma().membership.findMany({ where: { projectId }, include: { user: true }, orderBy: { createdAt: "asc" } });
  return { members: members.map(toMemberDto) };
});

const ZAddMember = z.object({ email: z.string().trim().toLowerCase().email(), role: z.enum(ROLES) });

export const POST = route("POST /projects/[projectId]/members", { input: ZAddMember },
  async ({ projectId, user, input }) => {
    const prisma = getPrisma();
    const invitee = await prisma.user.findUnique({ where: { email: input.email } });
    if (!invitee) throw new AppError("not_found", `No user with the email ${input.email}; they need an account first.`);
    const exists = await prisma.membership.findUnique({ where: { projectId_userId: { projectId, userId: invitee.id } } });
    if (exists) throw new AppError("conflict", `${input.email} is already a member (${exists.role}).`);
    const member = await prisma.membership.create({ data: { projectId, userId: invitee.id, role: input.role }, include: { user: true } });
    await audit({ actorId: user!.id, projectId, action: "member.add", targetType: "user", targetId: invitee.id, detail: { role: input.role } });
    return json({ member: toMemberDto(member) }, 201);
  },
);
