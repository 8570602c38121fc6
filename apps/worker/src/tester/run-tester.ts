// The Tester stage of one benchmark: load the knowledge version, regenerate the item sequence (the
// engine skips keys already stored), word each new item through the provider when it is a model,
// and store items in generation order as they finish. A crash therefore leaves a prefix of the
// sequence, and the next attempt resumes right after it with the same positions.
import type { Benchmark, Prisma } from "@proda/db";
import { generateItems, ZBenchmarkSettings, type TBenchmarkItem } from "@proda/engine";
import type { TJobPayload } from "@proda/jobs";
import { UnrecoverableError } from "bullmq";
import { createKnowledgeProvider, loadProviderSettings, type TOpenAiContext, type TOpenAiKnowledgeProvider } from "@proda/providers";
import type { JobContext } from "../job-context.ts";
import { loadTesterInput } from "./load-tester-input.ts";
import { rewordItem } from "./reword-item.ts";
import { storeItems, toItemRow } from "./store-items.ts";

/** Benchmark.settings as the web app writes it: the Tester settings, the disciplines and the provider. */
/** Builtin writes in bulk; a model's items are stored one by one, as each answer arrives. */
const BULK_ROWS = 500;

export interface TWordingStats {
  reworded: number;
  /** Items that kept the template wording, by reason. */
  kept: Record<string, number>;
}

async function loadWordingContext(ctx: JobContext<unknown>, projectId: string, providerId: string | undefined): Promise<TOpenAiContext | null> {
  const settings = await loadProviderSettings(ctx.prisma, projectId, providerId);
  if (settings.kind === "builtin") return null;
  // The knowledge provider carries the client, the shared LLM cache and the project's rate limit.
  return (createKnowledgeProvider(settings, { prisma: ctx.prisma, redis: ctx.redis }) as TOpenAiKnowledgeProvider).context;
}

export async function runTester(ctx: JobContext<TJobPayload<"benchmark.generate">>, benchmark: Benchmark) {
  const { prisma } = ctx;
  if (!benchmark.knowledgeVersionId) throw new UnrecoverableError(`Benchmark ${benchmark.id} is an imported set: there is nothing to generate`);
  const settings = ZBenchmarkSettings.parse(benchmark.settings);
  const wordingContext = await loadWordingContext(ctx, benchmark.projectId, settings.providerId);
  await ctx.progress({ done: 0, total: 0, message: "Loading the knowledge version" });

  const stored = await prisma.benchmarkItem.findMany({ where: { benchmarkId: benchmark.id }, select: { key: true } });
  const existingKeys = new Set(stored.map((s) => s.key));
  const input = await loadTesterInput(prisma, benchmark.knowledgeVersionId, settings.disciplines);
  const fresh: TBenchmarkItem[] = [];
  const { skipped } = generateItems(input.chains, input.graph, settings, { existingKeys, onItem: (item) => fresh.push(item) });

  const chainIndex = new Map(input.chains.map((c, i) => [c.id, { i, title: c.title }]));
  const wording: TWordingStats = { reworded: 0, kept: {} };
  let position = existingKeys.size;
  let done = 0;
  let added = 0;
  let currentChain: string | null = null;
  let batch: ReturnType<typeof toItemRow>[] = [];
  const flush = async () => {
    added += await storeItems(prisma, batch);
    done += batch.length;
    batch = [];
  };
  for (const generated of fresh) {
    if (generated.chainId !== currentChain) {
      await flush();
      currentChain = generated.chainId;
      const chain = chainIndex.get(currentChain);
      await ctx.progress({ done, total: fresh.length, message: `Chain ${(chain?.i ?? 0) + 1} of ${input.chains.length}: ${chain?.title ?? currentChain}` });
    }
    let item = generated;
    if (wordingContext) {
      const result = await rewordItem(generated, wordingContext, settings.maxLengthRatio);
      item = result.item;
      if (result.kept === null) wording.reworded++;
      else wording.kept[result.kept] = (wording.kept[result.kept] ?? 0) + 1;
    }
    batch.push(toItemRow(benchmark.id, item, position++));
    if (wordingContext || batch.length >= BULK_ROWS) await flush();
  }
  await flush();

  const kept = Object.values(wording.kept).reduce((n, k) => n + k, 0);
  // Last progress (and cancel check) before the row says ready: a cancel after it must not undo "ready".
  await ctx.progress({ done, total: fresh.length, message: `${existingKeys.size + added} items (${added} new)${wordingContext ? `; ${kept} kept the template wording` : ""}` });
  // The update skips a benchmark frozen meanwhile (a re-run of a ready one): it is immutable.
  await prisma.benchmark.updateMany({
    where: { id: benchmark.id, frozenAt: null },
    data: { status: "ready", skipped: skipped as unknown as Prisma.InputJsonValue, error: null, finishedAt: benchmark.status === "ready" ? benchmark.finishedAt : new Date() },
  });
  return {
    items: existingKeys.size + added,
    added,
    skipped: skipped.length,
    ...(wordingContext ? { wording, usage: { ...wordingContext.stats } } : {}),
  };
}
