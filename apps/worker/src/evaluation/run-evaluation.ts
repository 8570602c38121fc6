// One evaluation: every non-rejected item not yet answered is asked, `concurrency` at a time, and
// stored as it finishes; a resumed run (after a cancel or a crash) skips the stored ones. An item
// whose request keeps failing is stored as wrong with method "error" and counted; a run of failures
// means the endpoint is down, and the job fails instead (resumable) rather than freezing garbage.
import type { Evaluation, RegisteredModel } from "@proda/db";
import type { TJobPayload } from "@proda/jobs";
import { ContextLengthError, ProviderUnavailableError, ZEvaluationSettings } from "@proda/providers";
import type { JobContext } from "../job-context.ts";
import { createAnswerer, type TAnswer } from "./create-answerer.ts";
import { finishEvaluation } from "./finish-evaluation.ts";
import { loadEvaluationItems, type TEvalItem } from "./load-items.ts";
import { scoreReply } from "./score-reply.ts";
import { storeResult } from "./store-result.ts";

const PROGRESS_EVERY_MS = 500;
const NO_USAGE = { promptTokens: 0, completionTokens: 0, costUsd: 0 };

/** Failures of one item that other items may not share; anything else (bad key, unknown model) stops the run. */
const isItemFailure = (error: unknown) => error instanceof ProviderUnavailableError || error instanceof ContextLengthError;

type TOutcome = { answer: TAnswer; latencyMs: number } | { error: string; latencyMs: number };

export async function runEvaluation(ctx: JobContext<TJobPayload<"evaluation.run">>, evaluation: Evaluation, model: RegisteredModel) {
  const { prisma } = ctx;
  const settings = ZEvaluationSettings.parse(evaluation.settings);
  // Items that failed in an earlier attempt are asked again: only real answers count as answered.
  await prisma.evaluationResult.deleteMany({ where: { evaluationId: evaluation.id, method: "error" } });
  const items = await loadEvaluationItems(prisma, evaluation.benchmarkId, settings.limit);
  const stored = await prisma.evaluationResult.findMany({ where: { evaluationId: evaluation.id }, select: { itemId: true } });
  const answered = new Set(stored.map((r) => r.itemId));
  const pending = items.filter((i) => !answered.has(i.id));
  await prisma.evaluation.update({ where: { id: evaluation.id }, data: { itemsTotal: items.length, itemsDone: answered.size } });

  const controller = new AbortController();
  const answerer = await createAnswerer(ctx, model, settings, controller.signal);
  const breakAfter = Math.max(10, 2 * settings.concurrency);
  const counts = { done: answered.size, errors: 0, consecutiveErrors: 0 };
  let lastProgress = 0;
  let next = 0;
  let stop: unknown = null;

  const report = async (force = false) => {
    if (!force && Date.now() - lastProgress < PROGRESS_EVERY_MS) return;
    lastProgress = Date.now();
    await ctx.progress({ done: counts.done, total: items.length, failed: counts.errors, message: `${counts.done} of ${items.length} items answered` });
  };

  const ask = async (item: TEvalItem): Promise<TOutcome | null> => {
    const started = Date.now();
    try {
      return { answer: await answerer.answer(item), latencyMs: Date.now() - started };
    } catch (error) {
      if (controller.signal.aborted) return null;
      if (!isItemFailure(error)) throw error;
      return { error: (error as Error).message, latencyMs: Date.now() - started };
    }
  };

  const record = async (item: TEvalItem, outcome: TOutcome) => {
    const base = { evaluationId: evaluation.id, itemId: item.id, latencyMs: outcome.latencyMs };
    if ("error" in outcome) {
      await storeResult(prisma, { ...base, raw: "", parsed: null, method: "error", correct: false, chosenOperators: [], error: outcome.error }, NO_USAGE);
      counts.errors++;
      if (++counts.consecutiveErrors >= breakAfter) {
        throw new Error(`The model failed ${counts.consecutiveErrors} items in a row; stopped (answered items are kept, a retry resumes). Last error: ${outcome.error}`);
      }
    } else {
      await storeResult(prisma, { ...base, raw: outcome.answer.raw, ...scoreReply(item, outcome.answer.raw), error: null }, outcome.answer);
      counts.consecutiveErrors = 0;
    }
    counts.done++;
  };

  const lane = async () => {
    while (stop === null && next < pending.length) {
      const item = pending[next++]!;
      const outcome = await ask(item);
      // An answer that arrives after another lane stopped is still stored: it is a real answer.
      if (outcome === null) return;
      await record(item, outcome);
      await report();
    }
  };

  await report(true);
  await Promise.all(
    Array.from({ length: Math.min(settings.concurrency, Math.max(1, pending.length)) }, () =>
      lane().catch((error) => {
        // The first failure (a cancel included) stops every lane; requests in flight are aborted.
        stop ??= error;
        controller.abort();
      }),
    ),
  );
  if (stop !== null) throw stop;
  await report(true);
  const summary = await finishEvaluation(prisma, evaluation.id, items);
  return { items: items.length, asked: pending.length, errors: counts.errors, accuracy: summary.total.accuracy };
}
