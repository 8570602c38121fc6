// Two guards against answering without knowledge: option-length parity (no option much longer than
// another, and no systematic length difference between right and wrong options) and balanced
// answer positions across the whole benchmark.
import { shuffleWith } from "./perturb.ts";

/** Longest / shortest option length in characters (1 for equal lengths). */
export function measureLengthRatio(texts: readonly string[]): number {
  const lengths = texts.map((t) => t.length);
  const shortest = Math.min(...lengths);
  return shortest === 0 ? Number.POSITIVE_INFINITY : Math.max(...lengths) / shortest;
}

/**
 * Hands out slots so that every slot is used about equally often: each pick takes the least-used
 * slots, ties broken by the seeded stream. Over a benchmark each position (or length rank) gets
 * ~1/n of the answers, deterministically for a seed, without a predictable A, B, C, D cycle.
 */
export class SlotBalancer {
  private readonly counts = new Map<string, number[]>();

  constructor(private readonly random: () => number) {}

  private countsOf(slotCount: number, group: string): number[] {
    const key = `${group}:${slotCount}`;
    const counts = this.counts.get(key) ?? new Array<number>(slotCount).fill(0);
    this.counts.set(key, counts);
    return counts;
  }

  /** The k least-used slots (sorted); nothing is counted until `record`, so a rejected item leaves no trace. */
  choose(slotCount: number, k: number, group = ""): number[] {
    const counts = this.countsOf(slotCount, group);
    const order = shuffleWith(
      Array.from({ length: slotCount }, (_, i) => i),
      this.random,
    ).sort((a, b) => counts[a]! - counts[b]!);
    return order.slice(0, k).sort((a, b) => a - b);
  }

  record(slotCount: number, slots: readonly number[], group = ""): void {
    const counts = this.countsOf(slotCount, group);
    for (const slot of slots) counts[slot]!++;
  }
}

export interface TLengthSlot {
  /** Wordings with the same meaning; index 0 is the plain one (no padding). */
  variants: string[];
  correct: boolean;
}

/**
 * What the lengths of one item should look like. Single answer: the correct option's length rank
 * (0 = shortest), drawn so that across the benchmark it is the longest or the shortest 1/n of the
 * time. Multiple answers: the benchmark-wide running excess of right-longer-than-wrong pairs, which
 * the item should pull back towards zero.
 */
export type TLengthTarget = ({ kind: "rank"; rank: number } | { kind: "pairs"; excess: number }) & {
  /** Running excess of padded right options over padded wrong ones (rates per item), pulled towards zero. */
  paddingExcess: number;
};

/** Share of "correct is the extreme": 1 if strictly extreme, 1/(k+1) when tied with k others (a tie-broken guess). */
function extremeShare(lengths: readonly number[], index: number, sign: 1 | -1): number {
  const own = lengths[index]! * sign;
  let tied = 0;
  for (let i = 0; i < lengths.length; i++) {
    if (i === index) continue;
    const other = lengths[i]! * sign;
    if (other > own) return 0;
    if (other === own) tied++;
  }
  return 1 / (tied + 1);
}

/** Right-longer-than-wrong pairs minus half the pairs (ties count half): 0 means no length signal. */
export function measurePairExcess(lengths: readonly number[], correct: readonly boolean[]): number {
  let excess = 0;
  for (let i = 0; i < lengths.length; i++) {
    if (!correct[i]) continue;
    for (let j = 0; j < lengths.length; j++) {
      if (correct[j]) continue;
      excess += lengths[i]! > lengths[j]! ? 0.5 : lengths[i]! < lengths[j]! ? -0.5 : 0;
    }
  }
  return excess;
}

/** Share of right options padded minus share of wrong ones: padding must not mark the answer either. */
export function measurePaddingExcess(padded: readonly boolean[], correct: readonly boolean[]): number {
  let right = 0;
  let rightPadded = 0;
  let wrongPadded = 0;
  for (let i = 0; i < padded.length; i++) {
    if (correct[i]) {
      right++;
      if (padded[i]) rightPadded++;
    } else if (padded[i]) wrongPadded++;
  }
  const wrong = padded.length - right;
  return (right === 0 ? 0 : rightPadded / right) - (wrong === 0 ? 0 : wrongPadded / wrong);
}

function scoreTarget(lengths: readonly number[], correct: readonly boolean[], target: TLengthTarget): number {
  if (target.kind === "pairs") return Math.max(0, Math.abs(target.excess + measurePairExcess(lengths, correct)) - 1);
  const index = correct.indexOf(true);
  const wantLongest = target.rank === lengths.length - 1 ? 1 : 0;
  const wantShortest = target.rank === 0 ? 1 : 0;
  return Math.abs(extremeShare(lengths, index, 1) - wantLongest) + Math.abs(extremeShare(lengths, index, -1) - wantShortest);
}

export interface TLengthFit {
  /** Chosen variant per slot. */
  choice: number[];
  texts: string[];
  /** Slots given a non-plain variant. */
  padded: boolean[];
  ratio: number;
  /** How far the lengths miss the target (0 = met). */
  cost: number;
}

const MAX_COMBINATIONS = 20_000;

/**
 * Picks a wording per option so that longest/shortest ≤ maxRatio and the lengths meet the target,
 * with as little padding as possible. Exhaustive over the variants (≤ 5⁶ combinations); null when no
 * combination meets the ratio.
 */
export function fitOptionLengths(slots: readonly TLengthSlot[], target: TLengthTarget, maxRatio: number): TLengthFit | null {
  const n = slots.length;
  let variantLimit = Math.max(...slots.map((s) => s.variants.length));
  while (variantLimit > 1 && variantLimit ** n > MAX_COMBINATIONS) variantLimit--;
  const counts = slots.map((s) => Math.min(s.variants.length, variantLimit));
  const lengths = slots.map((s) => s.variants.map((v) => v.length));
  const correct = slots.map((s) => s.correct);
  const choice = new Array<number>(n).fill(0);
  const current = new Array<number>(n).fill(0);
  const padded = new Array<boolean>(n).fill(false);
  let best: { choice: number[]; ratio: number; cost: number; padding: number } | null = null;

  for (;;) {
    let padding = 0;
    let shortest = Number.POSITIVE_INFINITY;
    let longest = 0;
    for (let i = 0; i < n; i++) {
      const length = lengths[i]![choice[i]!]!;
      current[i] = length;
      padded[i] = choice[i]! !== 0;
      padding += length - lengths[i]![0]!;
      if (length < shortest) shortest = length;
      if (length > longest) longest = length;
    }
    const ratio = longest / Math.max(1, shortest);
    if (ratio <= maxRatio) {
      const paddingCost = Math.max(0, Math.abs(target.paddingExcess + measurePaddingExcess(padded, correct)) - 1);
      const cost = scoreTarget(current, correct, target) + paddingCost;
      if (!best || cost < best.cost || (cost === best.cost && padding < best.padding)) best = { choice: [...choice], ratio, cost, padding };
    }
    // Odometer increment over the variant choices.
    let pos = 0;
    while (pos < n && ++choice[pos]! >= counts[pos]!) choice[pos++] = 0;
    if (pos === n) break;
  }
  if (!best) return null;
  return {
    choice: best.choice,
    texts: best.choice.map((c, i) => slots[i]!.variants[c]!),
    padded: best.choice.map((c) => c !== 0),
    ratio: best.ratio,
    cost: best.cost,
  };
}

/** Draws length targets and records what was accepted, across one benchmark run. */
export class LengthBalancer {
  private readonly ranks: SlotBalancer;
  private excess = 0;
  private paddingExcess = 0;

  constructor(random: () => number) {
    this.ranks = new SlotBalancer(random);
  }

  /** Multi items (even with one correct option) are balanced by pairs: that is how they can be guessed. */
  target(mode: "single" | "multi", correct: readonly boolean[]): TLengthTarget {
    const paddingExcess = this.paddingExcess;
    if (mode === "multi" || correct.filter(Boolean).length !== 1) return { kind: "pairs", excess: this.excess, paddingExcess };
    return { kind: "rank", rank: this.ranks.choose(correct.length, 1, "rank")[0]!, paddingExcess };
  }

  /** Called once the item is accepted, with its final texts. */
  record(target: TLengthTarget, texts: readonly string[], correct: readonly boolean[], padded: readonly boolean[]): void {
    if (target.kind === "rank") this.ranks.record(texts.length, [target.rank], "rank");
    else this.excess += measurePairExcess(texts.map((t) => t.length), correct);
    this.paddingExcess += measurePaddingExcess(padded, correct);
  }
}
