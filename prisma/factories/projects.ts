// Test and demo data: a project with members of every role, each with an API token.
import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient, Role } from "@proda/db";
import { createProject } from "@proda/db";
import { addMember, upsertUser } from "./users.ts";

export interface SeededMember {
  userId: string;
  email: string;
  role: Role;
  /** A bearer API token for this user. */
  token: string;
}

const unique = () => randomBytes(6).toString("hex");

export async function createUserWithToken(prisma: PrismaClient, label: string) {
  const email = `${label}-${unique()}@test.proda.local`;
  const user = await upsertUser(prisma, { email, password: "correct horse battery staple", name: label });
  const token = `proda_${randomBytes(24).toString("base64url")}`;
  await prisma.apiToken.create({
    data: { userId: user.id, name: "test", prefix: token.slice(0, 10), tokenHash: createHash("sha256").update(token).digest("hex") },
  });
  return { user, token };
}

export async function createProjectWithRoles(prisma: PrismaClient, roles: readonly Role[]) {
  const members = {} as Record<Role, SeededMember>;
  const owner = await createUserWithToken(prisma, "owner");
  const project = await createProject(prisma, { name: `Test ${unique()}`, description: "", ownerId: owner.user.id });
  members.owner = { userId: owner.user.id, email: owner.user.email, role: "owner", token: owner.token };
  for (const role of roles) {
    if (role === "owner") continue;
    const { user, token } = await createUserWithToken(prisma, role);
    await addMember(prisma, project.id, user.id, role);
    members[role] = { userId: user.id, email: user.email, role, token };
  }
  return { project, members };
}
