// PATCH /api/v1/projects/:projectId/members/:userId — changes a member's role (owner).
// DELETE /api/v1/projects/:projectId/members/:userId — removes a member (owner).
// A project always keeps at least one owner.
import { AppError, ROLES } from "@proda/core";
import { getPrisma, type PrismaClient } from "@proda/db";
import { z } from "zod";
import { audit } from "@proda/pipeline";
import { toMemberDto } from "@/server/dto";
import { noContent } from "@/server/http";
import { route } from "@/server/route";

async function assertNotLastOwner(prisma: PrismaClient, projectId: string, userId: string) {
  const target = await prisma.membership.findUnique({ where: { projectId_userId: { projectId, userId } } });
  if (!target) throw new AppError("not_found", "Member not found");
  if (target.role !== "owner") return;
  const owners = await prisma.membership.count({ where: { projectId, role: "owner" } });
  if (owners <= 1) throw new AppError("conflict", "A project needs at least one owner; make someone else owner first.");
}

const ZChangeRole = z.object({ role: z.enum(ROLES) });

export const PATCH = route("PATCH /projects/[projectId]/members/[userId]", { input: ZChangeRole },
  async ({ projectId, params, user, input }) => {
    const prisma = getPrisma();
    if (input.role !== "owner") await assertNotLastOwner(prisma, projectId, params.userId!);
    const member = await prisma.membership.update({
      where: { projectId_userId: { projectId, userId: params.userId! } },
      data: { role: input.role },
      include: { user: true },
    });
    await audit({ actorId: user!.id, projectId, action: "member.role", targetType: "user", targetId: params.userId, detail: { role: input.role } });
    return { member: toMemberDto(member) };
  },
);

export const DELETE = route("DELETE /projects/[projectId]/members/[userId]", {}, async ({ projectId, params, user }) => {
  const prisma = getPrisma();
  await assertNotLastOwner(prisma, projectId, params.userId!);
  await prisma.membership.delete({ where: { projectId_userId: { projectId, userId: params.userId! } } });
  await audit({ actorId: user!.id, projectId, action: "member.remove", targetType: "user", targetId: params.userId });
  return noContent();
});
