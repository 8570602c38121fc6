// The Builder: a dataset version from a knowledge version and a recipe. Exact type counts come from
// the recipe (largest remainder), then a seeded schedule interleaves them. Relations are walked in
// a seeded order, window by window: each window gives at most one sample per relation before the
// walk moves on, so samples spread over the whole graph instead of piling up on hubs. Passes repeat
// with a fresh order (new wording) until the budget is met or no relation can give what is missing.
import { ContaminationGuard } from "../contamination/check-contamination.ts";
import { createRandom, shuffleWith } from "../tester/perturb.ts";
import { measureCoverage, type TCoverage } from "./coverage.ts";
import { computeSampleKey } from "./diff-datasets.ts";
import { BuilderIndex, type TIndexedRelation } from "./graph-index.ts";
import { makeMultipleChoice, makeSingleChoice } from "./make-choice.ts";
import { makeDefinitionQa, makeRelationQa, type TMakeContext } from "./make-qa.ts";
import { makeTrueFalse } from "./make-true-false.ts";
import { allocateTypeCounts, countTrue, SAMPLE_TYPES, ZRecipe, type TRecipe, type TRecipeInput, type TSampleType } from "./recipe.ts";
import type { TBuilderInput, TSample, TSampleDraft, TWordingHook } from "./types.ts";

export interface TBuildOptions {
  /** Rewords each drafted sample (see TWordingHook); the template wording when absent. */
  wording?: TWordingHook;
  /**
   * Benchmark texts (questions, options) that training must not contain: a sample that would hit
   * them (exact, near-duplicate or `forbiddenNgram`-token overlap) is redrafted without its quote,
   * and dropped if it still hits. Pass the same texts to rebuild a version.
   */
  forbiddenTexts?: readonly string[];
  forbiddenNgram?: number;
}

export interface TBuildStats {
  targets: Record<TSampleType, number>;
  produced: Record<TSampleType, number>;
  /** Samples of each type the graph could not supply (targets − produced). */
  shortfall: Record<TSampleType, number>;
  trueStatements: number;
  falseStatements: number;
  passes: number;
  windows: number;
  /** Drafts that hit forbidden text with their quote (redrafted) and without it (dropped). */
  redraftedForForbidden: number;
  droppedForForbidden: number;
}

export interface TBuildResult {
  recipe: TRecipe;
  samples: TSample[];
  coverage: TCoverage;
  stats: TBuildStats;
}

const zeroCounts = () => Object.fromEntries(SAMPLE_TYPES.map((t) => [t, 0])) as Record<TSampleType, number>;

export function buildDataset(input: TBuilderInput, recipeInput: TRecipeInput, options: TBuildOptions = {}): TBuildResult {
  const recipe = ZRecipe.parse(recipeInput);
  const index = new BuilderIndex(input, { relationIds: recipe.excludeRelationIds, conceptIds: recipe.excludeConceptIds });
  const targets = allocateTypeCounts(recipe.budget, recipe.ratios);
  const random = createRandom(recipe.seed);
  const schedule = shuffleWith(SAMPLE_TYPES.flatMap((type) => Array<TSampleType>(targets[type]).fill(type)), random);
  const trues = countTrue(targets.true_false, recipe.trueShare);
  const truths = shuffleWith(Array.from({ length: targets.true_false }, (_, i) => i < trues), random);
  const guard = options.forbiddenTexts?.length
    ? new ContaminationGuard(
        options.forbiddenTexts.map((text, i) => ({ key: `forbidden-${i}`, texts: [text], relationIds: [] })),
        { ngram: options.forbiddenNgram ?? 13 },
      )
    : null;

  const samples: TSample[] = [];
  const keys = new Set<string>();
  const produced = zeroCounts();
  const stats = { passes: 0, windows: 0, redraftedForForbidden: 0, droppedForForbidden: 0, trueStatements: 0, falseStatements: 0 };
  let defined = new Set<string>();

  const draftOne = (type: TSampleType, relation: TIndexedRelation, withQuote: boolean): TSampleDraft | null => {
    const ctx: TMakeContext = { index, random, withQuote };
    switch (type) {
      case "definition_qa":
        return makeDefinitionQa(relation, ctx, defined);
      case "relation_qa":
        return makeRelationQa(relation, ctx);
      case "single_choice":
        return makeSingleChoice(relation, ctx);
      case "multiple_choice":
        return makeMultipleChoice(relation, ctx);
      case "true_false":
        return makeTrueFalse(relation, ctx, truths[produced.true_false]!);
    }
  };

  /** A new sample of `type` from `relation`, or null: not possible, a duplicate, or forbidden text. */
  const tryMake = (type: TSampleType, relation: TIndexedRelation, window: number): TSample | null => {
    for (const withQuote of guard ? [true, false] : [true]) {
      const draft = draftOne(type, relation, withQuote);
      if (!draft) return null;
      const worded = options.wording?.(draft);
      if (worded) Object.assign(draft, { question: worded.question, answer: worded.answer });
      if (guard && guard.check({ key: "draft", texts: [draft.question, draft.answer], relationIds: [] }).length > 0) {
        if (withQuote) stats.redraftedForForbidden++;
        else stats.droppedForForbidden++;
        continue;
      }
      const key = computeSampleKey(recipe.knowledgeVersionId, draft);
      if (keys.has(key)) return null;
      keys.add(key);
      return {
        key,
        type,
        messages: [
          { role: "user", content: draft.question },
          { role: "assistant", content: draft.answer },
        ],
        meta: { knowledgeVersionId: recipe.knowledgeVersionId, ...draft.meta, position: samples.length, window },
      };
    }
    return null;
  };

  const taught = new Set<string>();
  let pending: TSampleType[] = [];
  let next = 0;
  const dropped = new Set<TSampleType>();
  const maxPasses = 10 + 4 * Math.ceil(recipe.budget / Math.max(1, index.relations.length));
  while (index.relations.length > 0 && (next < schedule.length || pending.length > 0) && stats.passes < maxPasses) {
    stats.passes++;
    defined = new Set();
    const succeeded = zeroCounts();
    const order = shuffleWith(index.relations, random);
    for (let start = 0; start < order.length && (next < schedule.length || pending.length > 0); start += recipe.windowSize) {
      const window = order.slice(start, start + recipe.windowSize);
      const slots = pending.splice(0, window.length);
      while (slots.length < window.length && next < schedule.length) {
        const type = schedule[next++]!;
        if (!dropped.has(type)) slots.push(type);
      }
      const used = new Set<number>();
      let offset = 0;
      for (const type of slots) {
        // Relations not taught yet go first for the types that teach relations, last for
        // definitions (which teach none), so the budget reaches as many relations as it can.
        const rotated = window.map((_, k) => (offset + k) % window.length).filter((j) => !used.has(j));
        const fresh = rotated.filter((j) => !taught.has(window[j]!.id));
        const stale = rotated.filter((j) => taught.has(window[j]!.id));
        let sample: TSample | null = null;
        for (const j of type === "definition_qa" ? [...stale, ...fresh] : [...fresh, ...stale]) {
          sample = tryMake(type, window[j]!, stats.windows);
          if (sample) {
            used.add(j);
            offset = j + 1;
            break;
          }
        }
        if (!sample) {
          pending.push(type);
          continue;
        }
        samples.push(sample);
        for (const id of sample.meta.relationIds) taught.add(id);
        produced[type]++;
        succeeded[type]++;
        if (type === "definition_qa") for (const id of sample.meta.conceptIds) defined.add(id);
        if (type === "true_false") stats[sample.meta.truth ? "trueStatements" : "falseStatements"]++;
      }
      stats.windows++;
    }
    // A type that found no relation in a whole pass never will: what is left of it is a shortfall.
    for (const type of SAMPLE_TYPES) if (succeeded[type] === 0 && pending.includes(type)) dropped.add(type);
    pending = pending.filter((type) => !dropped.has(type));
    if (SAMPLE_TYPES.every((type) => succeeded[type] === 0)) break;
  }

  const shortfall = Object.fromEntries(SAMPLE_TYPES.map((t) => [t, targets[t] - produced[t]])) as Record<TSampleType, number>;
  return {
    recipe,
    samples,
    coverage: measureCoverage(samples, index),
    stats: { targets, produced, shortfall, ...stats },
  };
}
