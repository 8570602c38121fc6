// The broken-step-order item: the correct option lists a window of the chain's steps in order, each
// distractor a permutation of them. A permutation counts as certainly wrong only if it reverses two
// steps that depend on each other: parallel steps (same subject, neither feeding the other, like
// "the Krebs cycle generates NADH" and "… FADH2") may come in either order.
import type { TCandidateOption } from "./item-types.ts";
import { isParallelPair, type TChainMaterial } from "./plan-items.ts";
import { shuffleWith, type TGraphRelation } from "./perturb.ts";
import { renderSequence } from "./templates.ts";

/** Longest window of consecutive steps shown: 4! = 24 orders are plenty and options stay short. */
const MAX_WINDOW = 4;

function listPermutations(n: number): number[][] {
  if (n === 0) return [[]];
  return listPermutations(n - 1).flatMap((p) => Array.from({ length: n }, (_, i) => [...p.slice(0, i), n - 1, ...p.slice(i)]));
}

/** The first pair of dependent steps that the permutation puts in the wrong order, if any. */
function findReversedPair(perm: readonly number[], relations: readonly TGraphRelation[]): [number, number] | null {
  for (let a = 0; a < perm.length; a++) {
    for (let b = a + 1; b < perm.length; b++) {
      const later = perm[a]!;
      const earlier = perm[b]!;
      if (earlier < later && !isParallelPair(relations[earlier]!, relations[later]!)) return [earlier, later];
    }
  }
  return null;
}

export function buildOrderOptions(
  material: TChainMaterial,
  optionCount: number,
  random: () => number,
): { options: TCandidateOption[]; relations: TGraphRelation[] } | null {
  const steps = [...material.chain.steps].sort((a, b) => a.order - b.order);
  const all = material.stepRelations;
  if (steps.length !== all.length) return null;
  const width = Math.min(MAX_WINDOW, steps.length);
  const starts = shuffleWith(
    Array.from({ length: steps.length - width + 1 }, (_, i) => i),
    random,
  );
  for (const start of starts) {
    const texts = steps.slice(start, start + width).map((s) => s.text);
    const relations = all.slice(start, start + width);
    const correctText = renderSequence(texts);
    const seen = new Set([correctText]);
    const options: TCandidateOption[] = [{ text: correctText, correct: true, distractor: null }];
    for (const perm of shuffleWith(listPermutations(width), random)) {
      if (options.length === optionCount) break;
      const reversed = findReversedPair(perm, relations);
      const text = renderSequence(perm.map((i) => texts[i]!));
      if (!reversed || seen.has(text)) continue;
      seen.add(text);
      const [earlier, later] = reversed;
      options.push({
        text,
        correct: false,
        distractor: {
          operator: "break_step_order",
          sourceRelationId: relations[earlier]!.id,
          changed: `put step "${texts[later]}" before step "${texts[earlier]}"`,
          checkedFalse: true,
          statement: null,
        },
      });
    }
    if (options.length === optionCount) return { options, relations };
  }
  return null;
}
