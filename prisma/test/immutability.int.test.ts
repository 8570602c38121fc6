// Frozen artifacts are immutable in the database itself (prisma/sql/immutability.sql, applied after
// every migration): once a benchmark, dataset version or knowledge version is frozen, no insert,
// update or delete reaches it or its rows, whichever code path tries. Deleting the whole project
// still cascades.
import { getPrisma, isFrozenViolation, type PrismaClient } from "@proda/db";
import { describe, expect, it } from "vitest";
import { createProjectWithRoles } from "../factories/projects.ts";

const prisma = getPrisma();

async function refused(write: Promise<unknown>) {
  const error = await write.then(() => null, (e: unknown) => e);
  expect(error, "the write should have been refused").not.toBeNull();
  expect(isFrozenViolation(error)).toBe(true);
}

async function seedArtifacts(db: PrismaClient) {
  const { project } = await createProjectWithRoles(db, ["owner"]);
  const version = await db.knowledgeVersion.create({ data: { projectId: project.id, number: 1, providerKind: "builtin", providerName: "Builtin", status: "ready" } });
  const concept = await db.concept.create({ data: { versionId: version.id, key: "enzyme", term: "enzyme", type: "entity", discipline: "biology" } });
  const benchmark = await db.benchmark.create({
    data: { projectId: project.id, number: 1, name: "B1", knowledgeVersionId: version.id, settings: {}, providerKind: "builtin", providerName: "Builtin", status: "ready" },
  });
  const item = await db.benchmarkItem.create({
    data: {
      benchmarkId: benchmark.id, position: 0, key: "k0", kind: "statement", mode: "single", question: "Which is true?", options: [], answer: "A",
      chainId: "chain", discipline: "biology", chainLength: 2, level: 1,
    },
  });
  const dataset = await db.datasetVersion.create({
    data: { projectId: project.id, number: 1, name: "D1", knowledgeVersionId: version.id, recipe: {}, status: "ready" },
  });
  const sample = await db.trainingSample.create({
    data: { datasetVersionId: dataset.id, position: 0, key: "s0", type: "definition_qa", messages: [], meta: {}, discipline: "biology", documentId: "doc" },
  });
  return { project, version, concept, benchmark, item, dataset, sample };
}

describe("frozen artifacts are immutable in the database", () => {
  it("allows changes before freezing", async () => {
    const a = await seedArtifacts(prisma);
    await prisma.benchmarkItem.update({ where: { id: a.item.id }, data: { question: "Which one is true?" } });
    await prisma.trainingSample.update({ where: { id: a.sample.id }, data: { type: "relation_qa" } });
    await prisma.concept.update({ where: { id: a.concept.id }, data: { term: "enzymes" } });
  });

  it("refuses every write to a frozen benchmark and its items", async () => {
    const a = await seedArtifacts(prisma);
    await prisma.benchmark.update({ where: { id: a.benchmark.id }, data: { status: "frozen", frozenAt: new Date() } });
    await refused(prisma.benchmark.update({ where: { id: a.benchmark.id }, data: { name: "renamed" } }));
    await refused(prisma.benchmark.delete({ where: { id: a.benchmark.id } }));
    await refused(prisma.benchmarkItem.update({ where: { id: a.item.id }, data: { question: "changed" } }));
    await refused(prisma.benchmarkItem.delete({ where: { id: a.item.id } }));
    await refused(prisma.benchmarkItem.create({ data: { ...a.item, id: undefined, key: "k1", position: 1, options: [] } }));
    await refused(prisma.$executeRaw`UPDATE "BenchmarkItem" SET answer = 'B' WHERE id = ${a.item.id}`);
    expect((await prisma.benchmarkItem.findUniqueOrThrow({ where: { id: a.item.id } })).question).toBe("Which is true?");
  });

  it("refuses every write to a frozen dataset version and its samples", async () => {
    const a = await seedArtifacts(prisma);
    await prisma.datasetVersion.update({ where: { id: a.dataset.id }, data: { status: "frozen", frozenAt: new Date() } });
    await refused(prisma.datasetVersion.update({ where: { id: a.dataset.id }, data: { sampleCount: 99 } }));
    await refused(prisma.trainingSample.update({ where: { id: a.sample.id }, data: { type: "true_false" } }));
    await refused(prisma.trainingSample.deleteMany({ where: { datasetVersionId: a.dataset.id } }));
    await refused(prisma.trainingSample.create({ data: { ...a.sample, id: undefined, key: "s1", position: 1, messages: [], meta: {} } }));
    // Moving a sample out of the frozen version is a change to it as well.
    const other = await prisma.datasetVersion.create({ data: { projectId: a.project.id, number: 2, name: "D2", knowledgeVersionId: a.version.id, recipe: {} } });
    await refused(prisma.trainingSample.update({ where: { id: a.sample.id }, data: { datasetVersionId: other.id } }));
  });

  it("refuses changes to the nodes of a frozen knowledge version", async () => {
    const a = await seedArtifacts(prisma);
    await prisma.knowledgeVersion.update({ where: { id: a.version.id }, data: { frozenAt: new Date() } });
    await refused(prisma.concept.update({ where: { id: a.concept.id }, data: { term: "changed" } }));
    await refused(prisma.concept.delete({ where: { id: a.concept.id } }));
    await refused(prisma.knowledgeVersion.update({ where: { id: a.version.id }, data: { status: "failed" } }));
    await refused(prisma.knowledgeVersion.delete({ where: { id: a.version.id } }));
  });

  it("still deletes a whole project with frozen artifacts (cascade)", async () => {
    const a = await seedArtifacts(prisma);
    await prisma.benchmark.update({ where: { id: a.benchmark.id }, data: { status: "frozen", frozenAt: new Date() } });
    await prisma.datasetVersion.update({ where: { id: a.dataset.id }, data: { status: "frozen", frozenAt: new Date() } });
    await prisma.knowledgeVersion.update({ where: { id: a.version.id }, data: { frozenAt: new Date() } });
    await prisma.project.delete({ where: { id: a.project.id } });
    expect(await prisma.benchmarkItem.count({ where: { benchmarkId: a.benchmark.id } })).toBe(0);
    expect(await prisma.trainingSample.count({ where: { datasetVersionId: a.dataset.id } })).toBe(0);
    expect(await prisma.concept.count({ where: { versionId: a.version.id } })).toBe(0);
  });
});
