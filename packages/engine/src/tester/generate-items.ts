// The Tester: multiple-choice items from L3 chains, distractors from typed perturbations of L2
// relations. Deterministic for a seed: chain by chain the same plans are tried in the same order,
// so a resumed run regenerates the same items and emits only those whose keys it does not have.
import { createHash } from "node:crypto";
import { LengthBalancer, measureLengthRatio, SlotBalancer } from "./balance.ts";
import { buildCandidate, type TBuildContext, type TCandidate } from "./build-item.ts";
import { ItemDeduplicator } from "./dedup-items.ts";
import {
  OPTION_LABELS,
  ZBenchmarkItem,
  ZTesterChain,
  ZTesterSettings,
  type TBenchmarkItem,
  type TItemKind,
  type TTesterChain,
  type TTesterChainInput,
  type TTesterSettings,
  type TTesterSettingsInput,
} from "./item-types.ts";
import { createRandom, shuffleWith, type GraphView } from "./perturb.ts";
import { collectChainMaterial, planChainItems, type TChainMaterial, type TItemPlan } from "./plan-items.ts";

/** What a wording provider sees and returns: it may rewrite texts, never the answer. */
export interface TItemDraft {
  key: string;
  kind: TItemKind;
  mode: "single" | "multi";
  chainId: string;
  question: string;
  options: { text: string; correct: boolean }[];
}

export interface TGenerateOptions {
  /** Keys of items already stored: regenerated in order (so later items stay the same) but not emitted. */
  existingKeys?: ReadonlySet<string>;
  /** Provider hook (templates when absent); not called for existing keys. */
  wording?: (draft: TItemDraft) => TItemDraft;
  /** Called with each new item as soon as it is accepted, so a caller can store items as they finish. */
  onItem?: (item: TBenchmarkItem) => void;
}

export interface TSkipped {
  chainId: string;
  reason: string;
  count: number;
}

export interface TGenerateResult {
  items: TBenchmarkItem[];
  skipped: TSkipped[];
}

interface TChainState {
  chain: TTesterChain;
  material: TChainMaterial;
  plans: TItemPlan[];
  cursor: number;
  accepted: { item: TBenchmarkItem; existing: boolean }[];
  context: TBuildContext;
  /** Shuffles the distractors around the balanced answer positions. */
  placeRandom: () => number;
}

/** A seed per chain, so one chain's items do not depend on which other chains are in the run. */
function seedFor(seed: number, label: string): number {
  return createHash("sha256").update(`${seed}:${label}`).digest().readUInt32LE(0);
}

function applyWording(candidate: TCandidate, wording: TGenerateOptions["wording"], maxRatio: number): TCandidate | string {
  if (!wording) return candidate;
  const draft: TItemDraft = {
    key: candidate.key,
    kind: candidate.kind,
    mode: candidate.mode,
    chainId: candidate.chainId,
    question: candidate.question,
    options: candidate.options.map((o) => ({ text: o.text, correct: o.correct })),
  };
  const worded = wording(structuredClone(draft));
  if (worded.options.length !== candidate.options.length || worded.options.some((o, i) => o.correct !== candidate.options[i]!.correct)) {
    return "wording changed the options or the answer";
  }
  const texts = worded.options.map((o) => o.text.trim());
  if (!worded.question.trim() || texts.some((t) => !t) || new Set(texts).size !== texts.length) return "wording left an empty or repeated text";
  if (measureLengthRatio(texts) > maxRatio) return "wording broke option-length parity";
  return { ...candidate, question: worded.question.trim(), options: candidate.options.map((o, i) => ({ ...o, text: texts[i]! })) };
}

/** Places the correct options at benchmark-balanced positions and the distractors, shuffled, around them. */
function placeOptions(candidate: TCandidate, positions: SlotBalancer, random: () => number): TBenchmarkItem {
  const n = candidate.options.length;
  const correct = candidate.options.filter((o) => o.correct);
  const slots = positions.choose(n, correct.length, candidate.mode);
  positions.record(n, slots, candidate.mode);
  const distractors = shuffleWith(
    candidate.options.filter((o) => !o.correct),
    random,
  );
  const ordered = Array.from({ length: n }, (_, i) => (slots.includes(i) ? correct[slots.indexOf(i)]! : distractors.shift()!));
  const options = ordered.map((o, i) => ({ label: OPTION_LABELS[i]!, text: o.text, correct: o.correct, distractor: o.distractor }));
  const answer = options.flatMap((o) => (o.correct ? [o.label] : [])).join(",");
  return ZBenchmarkItem.parse({ ...candidate, options, answer });
}

export function generateItems(
  chainInputs: readonly TTesterChainInput[],
  graph: GraphView,
  settingsInput: TTesterSettingsInput = {},
  options: TGenerateOptions = {},
): TGenerateResult {
  const settings: TTesterSettings = ZTesterSettings.parse(settingsInput);
  const chains = chainInputs.map((c) => ZTesterChain.parse(c));
  const existingKeys = options.existingKeys ?? new Set<string>();
  const lengths = new LengthBalancer(createRandom(seedFor(settings.seed, "lengths")));
  const dedup = new ItemDeduplicator(settings.nearDuplicateThreshold);
  const skipCounts = new Map<string, TSkipped>();
  const skip = (chainId: string, reason: string): void => {
    const key = `${chainId}\u0000${reason}`;
    const entry = skipCounts.get(key) ?? { chainId, reason, count: 0 };
    entry.count++;
    skipCounts.set(key, entry);
  };

  const seenChains = new Set<string>();
  const states: TChainState[] = [];
  for (const chain of chains) {
    if (seenChains.has(chain.id)) {
      skip(chain.id, "chain listed twice");
      continue;
    }
    seenChains.add(chain.id);
    const random = createRandom(seedFor(settings.seed, chain.id));
    const material = collectChainMaterial(chain, graph, random);
    if (material.relations.length === 0) {
      skip(chain.id, "no relation of the chain is in the graph");
      continue;
    }
    const plans = planChainItems(material, settings, random);
    states.push({
      chain,
      material,
      plans,
      cursor: 0,
      accepted: [],
      context: { graph, settings, random, lengths },
      placeRandom: createRandom(seedFor(settings.seed, `place:${chain.id}`)),
    });
  }

  const positions = new SlotBalancer(createRandom(seedFor(settings.seed, "positions")));
  const target = settings.itemsPerChain;
  for (let round = 0; round <= settings.maxRefillRounds; round++) {
    let tried = false;
    for (const state of states) {
      const deficit = target - state.accepted.length;
      // Round 0 tries one plan per wanted item; each refill round retries only the deficit.
      let budget = round === 0 ? target : deficit;
      while (budget-- > 0 && state.accepted.length < target && state.cursor < state.plans.length) {
        tried = true;
        const plan = state.plans[state.cursor++]!;
        const built = buildCandidate(plan, state.material, state.context);
        if ("reason" in built) {
          skip(state.chain.id, built.reason);
          continue;
        }
        const existing = existingKeys.has(built.candidate.key);
        const worded = existing ? built.candidate : applyWording(built.candidate, options.wording, settings.maxLengthRatio);
        if (typeof worded === "string") {
          skip(state.chain.id, worded);
          continue;
        }
        const duplicate = dedup.check(worded.key, worded);
        if (duplicate) {
          skip(state.chain.id, `${duplicate.kind} duplicate of another item`);
          continue;
        }
        if (worded.lengthFit) {
          const { target: lengthTarget, padded } = worded.lengthFit;
          lengths.record(
            lengthTarget,
            worded.options.map((o) => o.text),
            worded.options.map((o) => o.correct),
            padded,
          );
        }
        // Existing items still take their positions, so new ones land exactly where a full run puts them.
        const item = placeOptions(worded, positions, state.placeRandom);
        state.accepted.push({ item, existing });
        if (!existing) options.onItem?.(item);
      }
    }
    if (!tried) break;
  }

  for (const state of states) {
    if (state.accepted.length >= target) continue;
    const why = state.cursor < state.plans.length ? "refill rounds used up" : "chain exhausted";
    skip(state.chain.id, `${why}: ${state.accepted.length} of ${target} items`);
  }
  // By chain, in acceptance order (the original's output order).
  const items = states.flatMap((state) => state.accepted.flatMap(({ item, existing }) => (existing ? [] : [item])));
  return { items, skipped: [...skipCounts.values()] };
}
