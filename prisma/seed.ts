// Demo account and demo project for `npm start`. Idempotent: running it again changes nothing.
import { createProject, disconnectPrisma, getPrisma } from "@proda/db";
import { upsertUser } from "./factories/users.ts";

export const DEMO = { email: "demo@proda.local", password: "proda-demo", name: "Demo User", project: "Demo: Microbiology & Economics" };

async function main() {
  const prisma = getPrisma();
  const user = await upsertUser(prisma, DEMO);
  let project = await prisma.project.findFirst({ where: { name: DEMO.project, memberships: { some: { userId: user.id } } } });
  if (!project) {
    project = await createProject(prisma, {
      name: DEMO.project,
      description: "Sample project built from the openly licensed textbook sections in shared/corpus-sample.",
      ownerId: user.id,
    });
  }
  console.log(`Seeded demo user ${DEMO.email} and project "${project.name}" (${project.id})`);
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => disconnectPrisma());
