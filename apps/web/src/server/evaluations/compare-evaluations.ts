// Several evaluations of one benchmark side by side: per item, right/wrong/unanswered in each, and
// for a pair the items the second got right that the first got wrong (fixed) and the reverse
// (regressed) — the V1 → V2 question of the loop. Items no evaluation answered are left out.
import { AppError } from "@proda/core";
import type { PrismaClient } from "@proda/db";
import { z } from "zod";
import type { TEvaluationCompareDto } from "@/lib/api-types";
import { loadEvaluationDtos } from "./evaluation-dto.ts";

export const ZCompareQuery = z.object({
  ids: z
    .string()
    .max(1000)
    .transform((s) => [...new Set(s.split(",").map((x) => x.trim()).filter(Boolean))])
    .pipe(z.array(z.string().min(1).max(64)).min(2, "Name at least two evaluations").max(10, "At most ten evaluations")),
});

export async function compareEvaluations(prisma: PrismaClient, projectId: string, ids: string[]): Promise<TEvaluationCompareDto> {
  const rows = await prisma.evaluation.findMany({ where: { id: { in: ids }, projectId } });
  if (rows.length !== ids.length) throw new AppError("not_found", "Evaluation not found");
  const evaluations = ids.map((id) => rows.find((r) => r.id === id)!);
  if (new Set(evaluations.map((e) => e.benchmarkId)).size > 1) {
    throw new AppError("bad_request", "Only evaluations of the same benchmark can be compared item by item");
  }
  const results = await prisma.evaluationResult.findMany({ where: { evaluationId: { in: ids } }, select: { evaluationId: true, itemId: true, correct: true } });
  const column = new Map(ids.map((id, i) => [id, i]));
  const byItem = new Map<string, (boolean | null)[]>();
  for (const r of results) {
    let row = byItem.get(r.itemId);
    if (!row) byItem.set(r.itemId, (row = ids.map(() => null)));
    row[column.get(r.evaluationId)!] = r.correct;
  }
  const items = await prisma.benchmarkItem.findMany({
    where: { benchmarkId: evaluations[0]!.benchmarkId, id: { in: [...byItem.keys()] } },
    select: { id: true, position: true, discipline: true, question: true },
    orderBy: [{ position: "asc" }, { id: "asc" }],
  });
  let fixed = 0;
  let regressed = 0;
  for (const row of byItem.values()) {
    // First → last: with two evaluations, first → second.
    const [before, after] = [row[0], row[row.length - 1]];
    if (before === false && after === true) fixed++;
    if (before === true && after === false) regressed++;
  }
  return {
    evaluations: await loadEvaluationDtos(prisma, evaluations),
    items: items.map((i) => ({ itemId: i.id, position: i.position, discipline: i.discipline, question: i.question, correct: byItem.get(i.id)! })),
    fixed,
    regressed,
  };
}
