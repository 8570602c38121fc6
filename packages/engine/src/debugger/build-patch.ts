// Dataset V2 from V1 and a patch plan: refine samples for the gap nodes (the Builder, restricted to
// them, with true/false contrasts made by the Tester's operators), chain-of-thought walkthroughs of
// the failed chains, and a replay of V1 that leaves out every sample on a patched node. Benchmark
// texts are forbidden throughout (the contamination guard redrafts or drops a hit). A random control
// of the same size replays the same V1 samples and adds samples drawn without any diagnosis, so a
// comparison shows whether targeted repair beats more data. Deterministic for the plan's seed.
import { buildDataset } from "../builder/build-dataset.ts";
import { computeSampleKey } from "../builder/diff-datasets.ts";
import { BuilderIndex } from "../builder/graph-index.ts";
import type { TRatios } from "../builder/recipe.ts";
import type { TBuilderInput, TSample } from "../builder/types.ts";
import { ContaminationGuard } from "../contamination/check-contamination.ts";
import { createRandom } from "../random.ts";
import { ZTesterChain, type TTesterChainInput } from "../tester/item-types.ts";
import { shuffleWith } from "../tester/perturb.ts";
import { makeChainWalkthrough } from "./chain-walkthrough.ts";
import { ZPatchPlan, type TPatchPlanInput } from "./plan-patch.ts";

/** Refine leans on relation statements and contrasts (true/false made by the perturbation operators). */
export const REFINE_RATIOS: TRatios = { definition_qa: 0.15, relation_qa: 0.35, single_choice: 0.1, multiple_choice: 0.05, true_false: 0.35 };

export interface TPatchInput {
  knowledgeVersionId: string;
  builder: TBuilderInput;
  chains: readonly TTesterChainInput[];
}

export interface TPatchResult {
  samples: TSample[];
  stats: {
    replayed: number;
    excludedFromReplay: number;
    /** Parent samples never replayed because they repeat a forbidden (benchmark) text: V1 may predate that benchmark. */
    excludedForForbidden: number;
    refine: number;
    chainOfThought: number;
    droppedForForbidden: number;
  };
}

function forbiddenGuard(forbiddenTexts: readonly string[]): ContaminationGuard | null {
  return forbiddenTexts.length
    ? new ContaminationGuard(forbiddenTexts.map((text, i) => ({ key: `forbidden-${i}`, texts: [text], relationIds: [] })), { ngram: 13 })
    : null;
}

function withPositions(samples: TSample[]): TSample[] {
  return samples.map((s, position) => ({ ...s, meta: { ...s.meta, position } }));
}

/**
 * The parent samples that may be replayed: none that states a patched relation, and no relation-less
 * sample (a definition) of a patched concept. A sample teaching another relation of a patched
 * concept stays eligible: leaving it out would unteach what V1 got right.
 */
function replaySet(parent: readonly TSample[], patchedRelations: ReadonlySet<string>, patchedConcepts: ReadonlySet<string>, target: number, seed: number) {
  const onPatchedNode = (s: TSample) =>
    s.meta.relationIds.some((id) => patchedRelations.has(id)) || (s.meta.relationIds.length === 0 && s.meta.conceptIds.some((id) => patchedConcepts.has(id)));
  const eligible = parent.filter((s) => !onPatchedNode(s));
  const chosen = shuffleWith(eligible, createRandom(seed ^ 0x5eed)).slice(0, target);
  return { replay: chosen, excluded: parent.length - eligible.length };
}

function refineSamples(input: TPatchInput, relationIds: readonly string[], conceptIds: readonly string[], budget: number, seed: number, forbiddenTexts: readonly string[]) {
  if (budget === 0) return { samples: [] as TSample[], dropped: 0 };
  const targets = new Set(relationIds);
  const concepts = new Set(conceptIds);
  // Restrict teaching to the gap: every relation that is neither a target nor touches a target concept is excluded.
  const exclude = input.builder.relations.filter((r) => !targets.has(r.id) && !concepts.has(r.subjectId) && !concepts.has(r.objectId)).map((r) => r.id);
  const built = buildDataset(
    input.builder,
    { knowledgeVersionId: input.knowledgeVersionId, budget, seed, ratios: REFINE_RATIOS, excludeRelationIds: exclude, windowSize: 4 },
    { forbiddenTexts },
  );
  const samples = built.samples.map((s) => ({ ...s, meta: { ...s.meta, patch: { recipe: "refine" as const } } }));
  return { samples, dropped: built.stats.droppedForForbidden };
}

function chainSamples(input: TPatchInput, chainIds: readonly string[], budget: number, seed: number, forbiddenTexts: readonly string[]) {
  const wanted = new Set(chainIds);
  const chains = input.chains.filter((c) => wanted.has(c.id)).map((c) => ZTesterChain.parse(c)).sort((a, b) => (a.id < b.id ? -1 : 1));
  if (budget === 0 || chains.length === 0) return { samples: [] as TSample[], dropped: 0 };
  const index = new BuilderIndex(input.builder, { relationIds: [], conceptIds: [] });
  const guard = forbiddenGuard(forbiddenTexts);
  const random = createRandom(seed);
  const samples: TSample[] = [];
  const keys = new Set<string>();
  let dropped = 0;
  // Round robin over the chains; a chain stops contributing once its walkthroughs repeat.
  const exhausted = new Set<string>();
  for (let variant = 0; samples.length < budget && exhausted.size < chains.length && variant < 50; variant++) {
    for (const chain of chains) {
      if (samples.length >= budget || exhausted.has(chain.id)) continue;
      const draft = makeChainWalkthrough(index, chain, random, variant);
      if (!draft) {
        exhausted.add(chain.id);
        continue;
      }
      if (guard && guard.check({ key: "draft", texts: [draft.question, draft.answer], relationIds: [] }).length > 0) {
        dropped++;
        continue;
      }
      const key = computeSampleKey(input.knowledgeVersionId, draft);
      if (keys.has(key)) {
        if (variant > 8) exhausted.add(chain.id);
        continue;
      }
      keys.add(key);
      samples.push({
        key,
        type: draft.type,
        messages: [
          { role: "user", content: draft.question },
          { role: "assistant", content: draft.answer },
        ],
        meta: { knowledgeVersionId: input.knowledgeVersionId, ...draft.meta, position: 0, window: variant, patch: { recipe: "chain_of_thought", chainId: chain.id } },
      });
    }
  }
  return { samples, dropped };
}

export function buildPatchedDataset(input: TPatchInput, parent: readonly TSample[], planInput: TPatchPlanInput, forbiddenTexts: readonly string[] = []): TPatchResult {
  const plan = ZPatchPlan.parse(planInput);
  const refine = refineSamples(input, plan.refine.relationIds, plan.refine.conceptIds, plan.refine.budget, plan.seed, forbiddenTexts);
  const cot = chainSamples(input, plan.chainOfThought.chainIds, plan.chainOfThought.budget, plan.seed + 1, forbiddenTexts);
  const patchedRelations = new Set([...refine.samples, ...cot.samples].flatMap((s) => s.meta.relationIds));
  const patchedConcepts = new Set([...refine.samples, ...cot.samples].flatMap((s) => s.meta.conceptIds));
  const guard = forbiddenGuard(forbiddenTexts);
  const clean = guard ? parent.filter((s) => guard.check({ key: s.key, texts: s.messages.map((m) => m.content), relationIds: [] }).length === 0) : parent;
  // The replay share is of the whole parent: samples left out (forbidden text, patched nodes) are not made up for.
  const { replay, excluded } = replaySet(clean, patchedRelations, patchedConcepts, Math.round(parent.length * plan.replayRatio), plan.seed);
  const seen = new Set<string>();
  const samples = [...replay, ...refine.samples, ...cot.samples].filter((s) => !seen.has(s.key) && seen.add(s.key));
  return {
    samples: withPositions(samples),
    stats: {
      replayed: replay.length,
      excludedFromReplay: excluded,
      excludedForForbidden: parent.length - clean.length,
      refine: refine.samples.length,
      chainOfThought: cot.samples.length,
      droppedForForbidden: refine.dropped + cot.dropped,
    },
  };
}

/**
 * The control arm: the same replay as V2 and the same number of new samples, drawn by the Builder
 * from the whole version without looking at any diagnosis. A small graph may not have that many
 * samples V1 lacks: the draw grows up to four times, and whatever is still missing is `shortfall`.
 */
export function buildRandomControl(
  input: TPatchInput,
  parent: readonly TSample[],
  planInput: TPatchPlanInput,
  patch: TPatchResult,
  forbiddenTexts: readonly string[] = [],
): { samples: TSample[]; shortfall: number } {
  const plan = ZPatchPlan.parse(planInput);
  const newCount = patch.samples.length - patch.stats.replayed;
  const replayKeys = new Set(patch.samples.slice(0, patch.stats.replayed).map((s) => s.key));
  const replay = parent.filter((s) => replayKeys.has(s.key));
  const parentKeys = new Set(parent.map((s) => s.key));
  let fresh: TSample[] = [];
  for (let attempt = 0, budget = newCount * 2; attempt < 4 && fresh.length < newCount; attempt++, budget *= 2) {
    const drawn = buildDataset(input.builder, { knowledgeVersionId: input.knowledgeVersionId, budget, seed: plan.seed + 7 + attempt }, { forbiddenTexts });
    const seen = new Set(fresh.map((s) => s.key));
    fresh = [...fresh, ...drawn.samples.filter((s) => !parentKeys.has(s.key) && !seen.has(s.key))].slice(0, newCount);
  }
  return { samples: withPositions([...replay, ...fresh]), shortfall: newCount - fresh.length };
}
