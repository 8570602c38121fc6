// V1 against V2 (and the random control) on one benchmark: per item fixed / regressed / still
// failing / passing in both, accuracy per discipline, and the knowledge nodes whose items changed
// most. Items the baseline and the candidate did not both answer are left out of every figure.
import { AppError } from "@proda/core";
import type { Evaluation, PrismaClient } from "@proda/db";
import { findEvaluation } from "@proda/pipeline";
import { z } from "zod";
import type { TCompareDto } from "@/lib/api-types";
import { loadEvaluationDtos } from "../evaluations/evaluation-dto.ts";
import { loadNodeLabels } from "./node-labels.ts";

const ZId = z.string().min(1).max(64);
export const ZCompareQuery = z.object({ baseline: ZId, candidate: ZId, control: ZId.optional() });

const TOP_NODES = 50;
const PAGE = 20_000;

async function correctness(prisma: PrismaClient, evaluationId: string): Promise<Map<string, boolean>> {
  const out = new Map<string, boolean>();
  for (let after = ""; ; ) {
    const rows = await prisma.evaluationResult.findMany({
      where: { evaluationId, itemId: { gt: after } },
      select: { itemId: true, correct: true },
      orderBy: { itemId: "asc" },
      take: PAGE,
    });
    for (const r of rows) out.set(r.itemId, r.correct);
    if (rows.length < PAGE) return out;
    after = rows[rows.length - 1]!.itemId;
  }
}

const COUNTER = { fixed: "fixed", regressed: "regressed", still_failing: "stillFailing", passing: "stillPassing" } as const;

const share = (correct: number, items: number) => (items === 0 ? 0 : correct / items);

function outcomeOf(before: boolean, after: boolean): TCompareDto["outcomes"][number]["outcome"] {
  if (before) return after ? "passing" : "regressed";
  return after ? "fixed" : "still_failing";
}

async function findFinished(prisma: PrismaClient, projectId: string, id: string): Promise<Evaluation> {
  const evaluation = await findEvaluation(prisma, projectId, id);
  if (!evaluation.frozenAt) throw new AppError("conflict", `Evaluation ${evaluation.number} is ${evaluation.status}; compare finished evaluations.`);
  return evaluation;
}

export async function compareForDebugger(prisma: PrismaClient, projectId: string, query: z.infer<typeof ZCompareQuery>): Promise<TCompareDto> {
  const baseline = await findFinished(prisma, projectId, query.baseline);
  const candidate = await findFinished(prisma, projectId, query.candidate);
  const control = query.control ? await findFinished(prisma, projectId, query.control) : null;
  if ([candidate, control].some((e) => e && e.benchmarkId !== baseline.benchmarkId)) {
    throw new AppError("conflict", "Only evaluations of the same benchmark can be compared item by item.");
  }
  const [before, after, twin] = await Promise.all([correctness(prisma, baseline.id), correctness(prisma, candidate.id), control ? correctness(prisma, control.id) : null]);
  const items = await prisma.benchmarkItem.findMany({
    where: { benchmarkId: baseline.benchmarkId, review: { not: "rejected" } },
    select: { id: true, position: true, discipline: true, relationIds: true, conceptIds: true },
    orderBy: [{ position: "asc" }, { id: "asc" }],
  });
  const counts = { fixed: 0, regressed: 0, stillFailing: 0, stillPassing: 0 };
  const disciplines = new Map<string, { baseline: number; candidate: number; control: number; controlItems: number; items: number }>();
  const nodes = new Map<string, { nodeType: "concept" | "relation"; nodeId: string; baseline: number; candidate: number; items: number }>();
  const outcomes: TCompareDto["outcomes"] = [];
  for (const item of items) {
    const b = before.get(item.id);
    const a = after.get(item.id);
    if (b === undefined || a === undefined) continue;
    const c = twin?.get(item.id) ?? null;
    const outcome = outcomeOf(b, a);
    counts[COUNTER[outcome]]++;
    outcomes.push({ itemId: item.id, position: item.position, discipline: item.discipline, outcome, control: c });
    const d = disciplines.get(item.discipline) ?? { baseline: 0, candidate: 0, control: 0, controlItems: 0, items: 0 };
    d.items++;
    d.baseline += Number(b);
    d.candidate += Number(a);
    if (c !== null) {
      d.controlItems++;
      d.control += Number(c);
    }
    disciplines.set(item.discipline, d);
    const touch = (nodeType: "concept" | "relation", nodeId: string) => {
      const n = nodes.get(nodeId) ?? { nodeType, nodeId, baseline: 0, candidate: 0, items: 0 };
      n.items++;
      n.baseline += Number(b);
      n.candidate += Number(a);
      nodes.set(nodeId, n);
    };
    for (const id of new Set(item.relationIds)) touch("relation", id);
    for (const id of new Set(item.conceptIds)) touch("concept", id);
  }
  const change = (n: { baseline: number; candidate: number; items: number }) => Math.abs(n.candidate - n.baseline) / n.items;
  const top = [...nodes.values()].sort((x, y) => change(y) - change(x) || y.items - x.items || x.nodeId.localeCompare(y.nodeId)).slice(0, TOP_NODES);
  const labels = await loadNodeLabels(prisma, top);
  const [baselineDto, candidateDto, controlDto] = await loadEvaluationDtos(prisma, [baseline, candidate, ...(control ? [control] : [])]);
  return {
    baseline: baselineDto!,
    candidate: candidateDto!,
    control: controlDto ?? null,
    items: counts,
    byDiscipline: [...disciplines.entries()]
      .map(([discipline, d]) => ({
        discipline, baseline: share(d.baseline, d.items), candidate: share(d.candidate, d.items),
        control: control ? share(d.control, d.controlItems) : null, items: d.items,
      }))
      .sort((x, y) => x.discipline.localeCompare(y.discipline)),
    byNode: top.map((n) => ({
      nodeType: n.nodeType, nodeId: n.nodeId, label: labels.get(n.nodeId) ?? n.nodeId,
      baseline: share(n.baseline, n.items), candidate: share(n.candidate, n.items), items: n.items,
    })),
    outcomes,
  };
}
