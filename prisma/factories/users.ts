// Seed factories shared by the demo seed, the integration tests and the e2e fixtures.
import bcrypt from "bcryptjs";
import type { PrismaClient, Role } from "@proda/db";

export async function upsertUser(prisma: PrismaClient, input: { email: string; password: string; name: string }) {
  const email = input.email.trim().toLowerCase();
  const existing = await prisma.user.findUnique({ where: { email } });
  if (existing) return existing;
  return prisma.user.create({ data: { email, name: input.name, passwordHash: await bcrypt.hash(input.password, 12) } });
}

export async function addMember(prisma: PrismaClient, projectId: string, userId: string, role: Role) {
  return prisma.membership.upsert({
    where: { projectId_userId: { projectId, userId } },
    create: { projectId, userId, role },
    update: { role },
  });
}
