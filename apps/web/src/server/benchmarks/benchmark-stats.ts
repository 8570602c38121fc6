// A benchmark's figures over the items that count (all but the rejected ones): answer positions,
// option-length parity, counts per discipline / operator / mode, and the length-only guessers.
import type { Benchmark, PrismaClient } from "@proda/db";
import { computeBenchmarkStats, scoreLengthGuesser, type TBenchmarkItem } from "@proda/engine";
import type { TBenchmarkStatsDto } from "@/lib/api-types";
import { readSettings } from "./benchmark-dto.ts";

export async function loadBenchmarkStats(prisma: PrismaClient, benchmark: Benchmark): Promise<TBenchmarkStatsDto> {
  const rows = await prisma.benchmarkItem.findMany({
    where: { benchmarkId: benchmark.id, review: { not: "rejected" } },
    select: { mode: true, kind: true, options: true, discipline: true, chainLength: true, level: true, operators: true },
  });
  const items = rows.map((r) => ({
    mode: r.mode as TBenchmarkItem["mode"],
    kind: r.kind as TBenchmarkItem["kind"],
    options: r.options as unknown as TBenchmarkItem["options"],
    discipline: r.discipline,
    difficulty: { chainLength: r.chainLength, level: r.level, operators: r.operators as TBenchmarkItem["difficulty"]["operators"] },
  }));
  return { ...computeBenchmarkStats(items, readSettings(benchmark).maxLengthRatio), lengthGuesser: scoreLengthGuesser(items) };
}
