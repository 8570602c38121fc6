// Where a run's failures cluster: per discipline (by the label the patch would use), per distractor
// operator that fooled the model, and the knowledge nodes most often behind them. Rejected
// diagnoses are left out: a reviewer said they are wrong.
import type { PrismaClient } from "@proda/db";
import { effectiveLabel } from "@proda/pipeline";
import type { TDiagnosisAggregatesDto } from "@/lib/api-types";
import { loadNodeLabels } from "./node-labels.ts";

const TOP_NODES = 30;

export async function aggregateRun(prisma: PrismaClient, runId: string): Promise<TDiagnosisAggregatesDto> {
  const rows = await prisma.diagnosis.findMany({
    where: { runId, review: { not: "rejected" } },
    select: { discipline: true, fooledBy: true, label: true, judgeLabel: true, abstained: true, review: true, reviewLabel: true, chainId: true, relationIds: true, conceptIds: true },
  });
  const disciplines = new Map<string, { concept_gap: number; reasoning_deficit: number }>();
  const operators = new Map<string, number>();
  const nodes = new Map<string, { nodeType: "concept" | "relation" | "chain"; nodeId: string; failures: number }>();
  const bump = (nodeType: "concept" | "relation" | "chain", nodeId: string) => {
    const key = `${nodeType}:${nodeId}`;
    const node = nodes.get(key) ?? { nodeType, nodeId, failures: 0 };
    node.failures++;
    nodes.set(key, node);
  };
  for (const d of rows) {
    const label = effectiveLabel(d)!;
    const entry = disciplines.get(d.discipline) ?? { concept_gap: 0, reasoning_deficit: 0 };
    entry[label]++;
    disciplines.set(d.discipline, entry);
    for (const op of d.fooledBy) operators.set(op, (operators.get(op) ?? 0) + 1);
    bump("chain", d.chainId);
    for (const id of new Set(d.relationIds)) bump("relation", id);
    for (const id of new Set(d.conceptIds)) bump("concept", id);
  }
  const top = [...nodes.values()].sort((a, b) => b.failures - a.failures || a.nodeId.localeCompare(b.nodeId)).slice(0, TOP_NODES);
  const labels = await loadNodeLabels(prisma, top);
  return {
    byDiscipline: [...disciplines.entries()].map(([discipline, c]) => ({ discipline, ...c })).sort((a, b) => a.discipline.localeCompare(b.discipline)),
    byOperator: [...operators.entries()].map(([operator, count]) => ({ operator, count })).sort((a, b) => b.count - a.count || a.operator.localeCompare(b.operator)),
    byNode: top.map((n) => ({ ...n, label: labels.get(n.nodeId) ?? n.nodeId })),
  };
}
