// Scores of models on external benchmarks (MMLU, a leaderboard, …), imported to compare rankings.
// Upserted by (benchmark, model name): importing a corrected table overwrites, never duplicates.
import type { ExternalScore, PrismaClient } from "@proda/db";
import { z } from "zod";
import type { TExternalScoreDto } from "@/lib/api-types";
import { audit } from "@proda/pipeline";

const ZScore = z.object({
  benchmark: z.string().trim().min(1).max(120),
  modelName: z.string().trim().min(1).max(200),
  score: z.number().finite(),
});
const MAX_SCORES = 2000;

/** An array of scores, or {scores: [...]}. */
export const ZScoresRequest = z
  .union([z.array(ZScore).min(1).max(MAX_SCORES), z.object({ scores: z.array(ZScore).min(1).max(MAX_SCORES) })])
  .transform((body) => (Array.isArray(body) ? body : body.scores));
export type TScoresRequest = z.infer<typeof ZScoresRequest>;

export const toScoreDto = (s: ExternalScore): TExternalScoreDto => ({
  id: s.id, benchmark: s.benchmark, modelName: s.modelName, score: s.score, createdAt: s.createdAt.toISOString(),
});

export async function upsertScores(prisma: PrismaClient, projectId: string, userId: string, scores: TScoresRequest): Promise<ExternalScore[]> {
  // The last row wins when a table names the same (benchmark, model) twice.
  const unique = [...new Map(scores.map((s) => [`${s.benchmark}\u0000${s.modelName}`, s])).values()];
  const stored = await prisma.$transaction(
    unique.map((s) =>
      prisma.externalScore.upsert({
        where: { projectId_benchmark_modelName: { projectId, benchmark: s.benchmark, modelName: s.modelName } },
        create: { projectId, ...s, createdById: userId },
        update: { score: s.score },
      }),
    ),
  );
  await audit({
    actorId: userId, projectId, action: "external_scores.import", targetType: "project", targetId: projectId,
    detail: { scores: stored.length, benchmarks: [...new Set(stored.map((s) => s.benchmark))].slice(0, 50) },
  });
  return stored;
}
