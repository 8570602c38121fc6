// The dry-run estimate of an extraction run: calls, tokens, cost and time at the provider's rate
// limits, before anything is spent. Chunks are read a page at a time (the estimate is additive).
import type { PrismaClient } from "@proda/db";
import { runChunksQuery, type TExtractionRequest } from "@proda/pipeline";
import { estimateRun, loadProviderSettings } from "@proda/providers";
import type { TEstimateDto } from "@/lib/api-types";

const PAGE = 5000;

export async function estimateExtraction(prisma: PrismaClient, projectId: string, request: TExtractionRequest): Promise<TEstimateDto> {
  const settings = await loadProviderSettings(prisma, projectId, request.providerId);
  const total = { chunks: 0, calls: 0, promptTokens: 0, completionTokens: 0, costUsd: 0, minutes: 0, priced: true };
  for (let skip = 0; ; skip += PAGE) {
    const chunks = await prisma.chunk.findMany({ ...runChunksQuery(projectId, request.disciplines), select: { text: true }, skip, take: PAGE });
    if (chunks.length === 0) break;
    const e = estimateRun(chunks, settings, { relationTypes: request.relationTypes });
    total.chunks += chunks.length;
    total.calls += e.calls;
    total.promptTokens += e.promptTokens;
    total.completionTokens += e.completionTokens;
    total.costUsd += e.costUsd;
    total.minutes += e.minutesAtRateLimit;
    total.priced &&= e.priced;
  }
  const builtin = settings.kind === "builtin";
  return {
    provider: { id: settings.id, name: settings.name, kind: settings.kind, model: settings.model ?? null },
    chunks: total.chunks,
    calls: total.calls,
    promptTokens: total.promptTokens,
    completionTokens: total.completionTokens,
    costUsd: builtin || total.priced ? total.costUsd : null,
    minutesAtRateLimit: total.minutes > 0 ? total.minutes : null,
  };
}
