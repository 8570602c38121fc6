// The loop's result: V1, V2 and the random control on the same frozen benchmark — accuracy, and item
// by item what V2 (and the control) fixed or broke relative to V1. Targeted repair should beat the
// same amount of undiagnosed data; this is where the studio shows whether it did.
import type { PrismaClient } from "@proda/db";
import type { TEvaluationSummary } from "@proda/engine";
import type { TLoopArtifacts, TLoopSummary } from "@proda/pipeline";

async function correctness(prisma: PrismaClient, evaluationId: string): Promise<Map<string, boolean>> {
  const rows = await prisma.evaluationResult.findMany({ where: { evaluationId }, select: { itemId: true, correct: true } });
  return new Map(rows.map((r) => [r.itemId, r.correct]));
}

function versus(before: Map<string, boolean>, after: Map<string, boolean>) {
  let fixed = 0;
  let regressed = 0;
  for (const [item, was] of before) {
    const now = after.get(item);
    if (now === undefined) continue;
    if (!was && now) fixed++;
    if (was && !now) regressed++;
  }
  return { fixed, regressed };
}

/** The evaluation's own figure, as the leaderboard shows it. */
async function accuracyOf(prisma: PrismaClient, evaluationId: string): Promise<number> {
  const e = await prisma.evaluation.findUniqueOrThrow({ where: { id: evaluationId }, select: { summary: true } });
  return (e.summary as TEvaluationSummary | null)?.total.accuracy ?? 0;
}

export async function summarizeLoop(prisma: PrismaClient, artifacts: TLoopArtifacts): Promise<TLoopSummary> {
  const [v1, v2, control] = await Promise.all([
    correctness(prisma, artifacts.evaluationV1Id!),
    correctness(prisma, artifacts.evaluationV2Id!),
    artifacts.evaluationControlId ? correctness(prisma, artifacts.evaluationControlId) : null,
  ]);
  return {
    accuracy: {
      v1: await accuracyOf(prisma, artifacts.evaluationV1Id!),
      v2: await accuracyOf(prisma, artifacts.evaluationV2Id!),
      control: artifacts.evaluationControlId ? await accuracyOf(prisma, artifacts.evaluationControlId) : null,
    },
    items: v1.size,
    v2: versus(v1, v2),
    control: control ? versus(v1, control) : null,
  };
}

export function describeSummary(s: TLoopSummary): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const control = s.control ? `; random control ${pct(s.accuracy.control!)} (fixed ${s.control.fixed}, regressed ${s.control.regressed})` : "";
  return `V1 ${pct(s.accuracy.v1)} → V2 ${pct(s.accuracy.v2)} (fixed ${s.v2.fixed}, regressed ${s.v2.regressed})${control}, over ${s.items} items`;
}
