// Demo account and demo project for `npm start`, with a small corpus queued for processing (the
// worker picks it up when it starts). Idempotent: running it again changes nothing.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { writeBlob } from "@proda/core/server";
import { createProject, disconnectPrisma, getPrisma, type PrismaClient } from "@proda/db";
import { closeProducer, startCorpusProcessing } from "@proda/jobs";
import { upsertUser } from "./factories/users.ts";

export const DEMO = { email: "demo@proda.local", password: "proda-demo", name: "Demo User", project: "Demo: Microbiology & Economics" };
const CORPUS_DIR = path.join(import.meta.dirname, "demo-corpus");

async function seedCorpus(prisma: PrismaClient, projectId: string, userId: string) {
  if ((await prisma.document.count({ where: { projectId } })) > 0) return;
  for (const discipline of readdirSync(CORPUS_DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)) {
    for (const filename of readdirSync(path.join(CORPUS_DIR, discipline)).sort()) {
      const blob = await writeBlob(readFileSync(path.join(CORPUS_DIR, discipline, filename)));
      await prisma.document.create({
        data: {
          projectId, uploadedById: userId, discipline, filename, format: "md", sizeBytes: blob.sizeBytes,
          contentHash: blob.key, storageKey: blob.key, metadata: { path: `${discipline}/${filename}`, disciplineSource: "folder" },
        },
      });
    }
  }
  try {
    await startCorpusProcessing(prisma, projectId, userId);
  } catch (error) {
    console.warn(`Demo corpus stored but not queued for processing (${(error as Error).message}); press "Process now" in the Corpus stage.`);
  }
}

async function main() {
  const prisma = getPrisma();
  const user = await upsertUser(prisma, DEMO);
  let project = await prisma.project.findFirst({ where: { name: DEMO.project, memberships: { some: { userId: user.id } } } });
  if (!project) {
    project = await createProject(prisma, {
      name: DEMO.project,
      description: "A small demo corpus in two disciplines: process it, extract its knowledge, and explore the graph.",
      ownerId: user.id,
    });
  }
  await seedCorpus(prisma, project.id, user.id);
  console.log(`Seeded demo user ${DEMO.email} and project "${project.name}" (${project.id})`);
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => Promise.all([disconnectPrisma(), closeProducer()]));
