// A new project starts with its owner and the offline "builtin" provider as the default, so every
// stage can run without a key.
import type { PrismaClient, Project } from "./generated/prisma/client.ts";

export async function createProject(
  prisma: PrismaClient,
  input: { name: string; description: string; ownerId: string },
): Promise<Project> {
  return prisma.project.create({
    data: {
      name: input.name,
      description: input.description,
      memberships: { create: { userId: input.ownerId, role: "owner" } },
      providers: { create: { name: "builtin", kind: "builtin", isDefault: true } },
    },
  });
}
