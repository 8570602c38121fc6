// Evaluation test data without the stages before it: a frozen benchmark from engine items (as the
// Tester would store them), and a builtin-student model trained on given samples and registered the
// way a training run registers it (model file in the blob store, its key as the artifact path).
import { randomBytes } from "node:crypto";
import { writeBlob } from "@proda/core/server";
import type { Prisma, PrismaClient } from "@proda/db";
import { serializeStudent, trainStudent, type TBenchmarkItem, type TStudentSample } from "@proda/engine";

export async function createFrozenBenchmark(
  prisma: PrismaClient,
  input: { projectId: string; knowledgeVersionId: string; items: readonly TBenchmarkItem[]; rejectedKeys?: readonly string[]; name?: string; userId?: string },
) {
  const rejected = new Set(input.rejectedKeys ?? []);
  const last = await prisma.benchmark.aggregate({ where: { projectId: input.projectId }, _max: { number: true } });
  const number = (last._max.number ?? 0) + 1;
  const benchmark = await prisma.benchmark.create({
    data: {
      projectId: input.projectId, number, name: input.name ?? `Evaluation benchmark ${number}`, knowledgeVersionId: input.knowledgeVersionId,
      status: "ready", settings: { factory: "evaluation" }, providerKind: "builtin", providerName: "factory", createdById: input.userId ?? null,
      finishedAt: new Date(),
    },
  });
  // Items first: the immutability triggers refuse items added to a frozen benchmark.
  await prisma.benchmarkItem.createMany({
    data: input.items.map((item, position) => ({
      benchmarkId: benchmark.id, position, key: item.key, kind: item.kind, mode: item.mode, question: item.question,
      options: item.options as unknown as Prisma.InputJsonValue, answer: item.answer, chainId: item.chainId,
      relationIds: item.relationIds, conceptIds: item.conceptIds, chunkIds: item.chunkIds, discipline: item.discipline,
      chainLength: item.difficulty.chainLength, level: item.difficulty.level, operators: item.difficulty.operators,
      review: rejected.has(item.key) ? ("rejected" as const) : ("pending" as const),
    })),
  });
  return prisma.benchmark.update({ where: { id: benchmark.id }, data: { status: "frozen", frozenAt: new Date(), frozenById: input.userId ?? null } });
}

/** A builtin student trained on `samples` and registered as a trained model. */
export async function registerTrainedStudent(
  prisma: PrismaClient,
  input: { projectId: string; samples: Iterable<TStudentSample>; seed?: number; name?: string; datasetVersionId?: string },
) {
  const { model } = trainStudent(input.samples, { seed: input.seed ?? 1 });
  const blob = await writeBlob(new TextEncoder().encode(serializeStudent(model)));
  return prisma.registeredModel.create({
    data: {
      projectId: input.projectId, name: input.name ?? `student-${randomBytes(4).toString("hex")}`, backend: "builtin-student", kind: "trained",
      artifactPath: blob.key, datasetVersionId: input.datasetVersionId ?? null,
    },
  });
}

/** An empty, ready knowledge version: the parent a planted benchmark needs when no extraction ran. */
export async function createEmptyKnowledgeVersion(prisma: PrismaClient, projectId: string) {
  const last = await prisma.knowledgeVersion.aggregate({ where: { projectId }, _max: { number: true } });
  return prisma.knowledgeVersion.create({
    data: { projectId, number: (last._max.number ?? 0) + 1, status: "ready", providerKind: "builtin", providerName: "factory", finishedAt: new Date() },
  });
}
