// An external multiple-choice set becomes a benchmark of source "external": no knowledge version,
// items that test no nodes (chain "external"), frozen at once so it can be evaluated beside ours as
// the general-capability guard. One transaction: a set is stored whole or not at all.
import { AppError } from "@proda/core";
import type { Benchmark, PrismaClient } from "@proda/db";
import { audit } from "@proda/pipeline";
import { parseExternalSet } from "./parse-external-set.ts";

const BATCH = 2000;
const SHOWN_ERRORS = 100;

export async function importExternalSet(
  prisma: PrismaClient,
  projectId: string,
  userId: string,
  input: { name: string | null; fileName: string | null; jsonl: string },
): Promise<Benchmark> {
  const { items, errors } = parseExternalSet(input.jsonl);
  if (errors.length > 0) {
    const first = errors[0]!;
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more bad line${errors.length > 2 ? "s" : ""})` : "";
    throw new AppError("validation_failed", `Line ${first.line}: ${first.message}${more}. Nothing was imported.`, { lines: errors.slice(0, SHOWN_ERRORS), badLines: errors.length });
  }
  const benchmark = await prisma.$transaction(
    async (tx) => {
      const last = await tx.benchmark.aggregate({ where: { projectId }, _max: { number: true } });
      const number = (last._max.number ?? 0) + 1;
      const now = new Date();
      const created = await tx.benchmark.create({
        data: {
          projectId, number, name: input.name ?? input.fileName ?? `External set ${number}`, source: "external", knowledgeVersionId: null,
          status: "ready", settings: { imported: { fileName: input.fileName, items: items.length } }, providerKind: "external",
          providerName: input.fileName ?? "import", createdById: userId, finishedAt: now,
        },
      });
      for (let i = 0; i < items.length; i += BATCH) {
        await tx.benchmarkItem.createMany({
          data: items.slice(i, i + BATCH).map((item, k) => ({
            benchmarkId: created.id, position: i + k, key: item.key, kind: "external", mode: item.mode, question: item.question,
            options: item.options, answer: item.answer, chainId: "external", relationIds: [], conceptIds: [], chunkIds: [],
            discipline: item.discipline, chainLength: 0, level: 0, operators: [],
          })),
        });
      }
      // Items first: the immutability triggers refuse items added to a frozen benchmark.
      return tx.benchmark.update({ where: { id: created.id }, data: { status: "frozen", frozenAt: now, frozenById: userId } });
    },
    { timeout: 60_000 },
  );
  await audit({
    actorId: userId, projectId, action: "benchmark.import_external", targetType: "benchmark", targetId: benchmark.id,
    detail: { number: benchmark.number, name: benchmark.name, items: items.length, fileName: input.fileName },
  });
  return benchmark;
}
