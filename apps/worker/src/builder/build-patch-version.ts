// The samples of a patched version (V2) or of its random control, from the stored recipe: the
// parent's samples in position order, the knowledge version as the Builder reads it, the plan's
// chains, and the forbidden texts of the benchmarks the recipe names. The engine is deterministic
// for these inputs, so a rebuild (or a retry) gives the same samples and content hash. The control
// needs V2's replay and size, so V2 is computed for it too (nothing of V2 is stored by the control).
import type { PrismaClient } from "@proda/db";
import {
  buildPatchedDataset,
  buildRandomControl,
  computeCoverage,
  SAMPLE_TYPES,
  type TBuildStats,
  type TPatchResult,
  type TSample,
  type TSampleType,
  type TTesterChainInput,
} from "@proda/engine";
import type { ProgressUpdate } from "../job-context.ts";
import { loadForbiddenTexts } from "./load-benchmark-items.ts";
import { loadBuilderInput } from "./load-builder-input.ts";
import { loadParentSamples } from "./load-parent-samples.ts";
import type { TPatchRecipe } from "@proda/engine";

async function loadChains(prisma: PrismaClient, versionId: string, ids: readonly string[]): Promise<TTesterChainInput[]> {
  if (ids.length === 0) return [];
  const rows = await prisma.chain.findMany({
    where: { versionId, id: { in: [...ids] } },
    select: { id: true, chunkId: true, documentId: true, discipline: true, title: true, steps: true, preconditions: true, negativeConstraints: true },
    orderBy: { id: "asc" },
  });
  // JSON columns as the knowledge build stored them; the engine parses each chain with ZTesterChain.
  return rows as unknown as TTesterChainInput[];
}

/** The Builder's stats shape (the dataset views read it) with the patch figures beside it. */
function patchStats(samples: readonly TSample[], patch: TPatchResult, kind: TPatchRecipe["kind"], controlShortfall: number) {
  const produced = Object.fromEntries(SAMPLE_TYPES.map((t) => [t, 0])) as Record<TSampleType, number>;
  for (const s of samples) produced[s.type]++;
  const truths = samples.flatMap((s) => (s.type === "true_false" && s.meta.truth !== undefined ? [s.meta.truth] : []));
  const stats: TBuildStats & { patch: Record<string, unknown> } = {
    targets: produced, produced: { ...produced }, shortfall: Object.fromEntries(SAMPLE_TYPES.map((t) => [t, 0])) as Record<TSampleType, number>,
    trueStatements: truths.filter(Boolean).length, falseStatements: truths.filter((t) => !t).length, passes: 0, windows: 0,
    redraftedForForbidden: 0, droppedForForbidden: patch.stats.droppedForForbidden,
    // The control should match V2's size; a small graph may not supply that many new samples, and the gap is reported.
    patch: kind === "patch" ? { kind, ...patch.stats }
      : { kind, replayed: patch.stats.replayed, drawn: samples.length - patch.stats.replayed, shortfall: controlShortfall },
  };
  return stats;
}

export async function buildFromPatchRecipe(prisma: PrismaClient, recipe: TPatchRecipe, progress: (update: ProgressUpdate) => Promise<void>) {
  const parentId = recipe.plan.parentDatasetVersionId;
  const parentRow = await prisma.datasetVersion.findUnique({ where: { id: parentId }, select: { status: true, number: true } });
  if (!parentRow || (parentRow.status !== "ready" && parentRow.status !== "frozen")) {
    throw new Error(`The parent dataset version ${parentRow ? `${parentRow.number} is ${parentRow.status}` : "was deleted"}; a patch replays its samples.`);
  }
  await progress({ done: 0, total: 3, message: "Loading the parent version and the knowledge version" });
  const [parentRows, builder, chains, forbiddenTexts] = await Promise.all([
    loadParentSamples(prisma, parentId),
    loadBuilderInput(prisma, recipe.knowledgeVersionId),
    loadChains(prisma, recipe.knowledgeVersionId, recipe.plan.chainOfThought.chainIds),
    loadForbiddenTexts(prisma, recipe.forbiddenBenchmarkIds),
  ]);
  const input = { knowledgeVersionId: recipe.knowledgeVersionId, builder, chains };

  await progress({ done: 1, total: 3, message: `Building the ${recipe.kind === "patch" ? "patch" : "random control"} (budget ${recipe.plan.budget}) over ${parentRows.length} parent samples` });
  const patch = buildPatchedDataset(input, parentRows, recipe.plan, forbiddenTexts);
  const control = recipe.kind === "control" ? buildRandomControl(input, parentRows, recipe.plan, patch, forbiddenTexts) : null;
  const samples = control ? control.samples : patch.samples;
  return { samples, coverage: computeCoverage(samples, builder), stats: patchStats(samples, patch, recipe.kind, control?.shortfall ?? 0) };
}
