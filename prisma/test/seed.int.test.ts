// The demo seed of `npm start`: run twice, it leaves one demo user, one demo project with its
// corpus and one processing job — the second run changes nothing.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { getPrisma } from "@proda/db";
import { closeProducer, getQueue } from "@proda/jobs";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const prefix = `test-${randomBytes(4).toString("hex")}`;
process.env.PRODA_QUEUE_PREFIX = prefix; // this file's cleanup obliterates only its own queue
const prisma = getPrisma();

function runSeed() {
  const { TSX_TSCONFIG_PATH: _ignored, ...env } = process.env;
  execFileSync(process.execPath, ["--import", "tsx", "prisma/seed.ts"], { cwd: ROOT, env: { ...env, PRODA_QUEUE_PREFIX: prefix }, stdio: "pipe" });
}

async function snapshot() {
  const user = await prisma.user.findUniqueOrThrow({ where: { email: "demo@proda.local" } });
  const projects = await prisma.project.findMany({ where: { memberships: { some: { userId: user.id, role: "owner" } }, name: { startsWith: "Demo" } } });
  const projectIds = projects.map((p) => p.id);
  return {
    projects: projects.length,
    documents: await prisma.document.count({ where: { projectId: { in: projectIds } } }),
    disciplines: (await prisma.document.findMany({ where: { projectId: { in: projectIds } }, distinct: ["discipline"], select: { discipline: true } })).map((d) => d.discipline).sort(),
    jobs: await prisma.job.count({ where: { projectId: { in: projectIds }, kind: "corpus.deduplicate" } }),
  };
}

afterAll(async () => {
  await getQueue("cpu").obliterate({ force: true }).catch(() => {});
  await closeProducer();
});

describe("demo seed", () => {
  it("creates the demo account, project and corpus once", async () => {
    runSeed();
    const first = await snapshot();
    expect(first).toEqual({ projects: 1, documents: 5, disciplines: ["economics", "microbiology"], jobs: 1 });
    runSeed();
    expect(await snapshot()).toEqual(first);
  });
});
