// What items a chain can yield: its true relations, the pool of verified-false perturbations of
// them, and the list of item plans (kind, mode, distractor operators). Plans of one chain have
// distinct operator multisets, so their keys differ by construction and "exhausted" is well defined.
import type { TItemKind, TTesterChain, TTesterSettings } from "./item-types.ts";
import { GraphView, perturbRelation, shuffleWith, type TGraphRelation, type TPerturbation, type TPerturbOperator, type TRelationOperator } from "./perturb.ts";

export const RELATION_OPERATORS: readonly TRelationOperator[] = ["swap_subject_object", "invert_relation", "substitute_sibling", "negate_constraint"];

/** Different siblings per relation widen the pool; more adds little but cost. */
const SIBLING_DRAWS = 2;

export interface TChainMaterial {
  chain: TTesterChain;
  /** Step relations in step order, then constraint relations; only those present in the graph. */
  relations: TGraphRelation[];
  stepRelations: TGraphRelation[];
  pool: TPerturbation[];
}

function statementKey(p: TPerturbation): string {
  const s = p.statement;
  return `${s.subjectId}|${s.type}|${s.objectId}|${s.negated}`;
}

export function collectChainMaterial(chain: TTesterChain, graph: GraphView, random: () => number): TChainMaterial {
  const present = (id: string | null): TGraphRelation[] => {
    const r = id === null ? undefined : graph.relation(id);
    return r && graph.concept(r.subjectId) && graph.concept(r.objectId) ? [r] : [];
  };
  const stepRelations = [...chain.steps].sort((a, b) => a.order - b.order).flatMap((s) => present(s.relationId));
  const seen = new Set<string>();
  const relations = [...stepRelations, ...chain.negativeConstraints.flatMap((n) => present(n.relationId))].filter((r) => {
    if (seen.has(r.id)) return false;
    seen.add(r.id);
    return true;
  });
  const pool: TPerturbation[] = [];
  const statements = new Set<string>();
  for (const relation of relations) {
    for (const operator of RELATION_OPERATORS) {
      const draws = operator === "substitute_sibling" ? SIBLING_DRAWS : 1;
      for (let d = 0; d < draws; d++) {
        const p = perturbRelation(relation, operator, graph, random);
        if (!p || statements.has(statementKey(p))) continue;
        statements.add(statementKey(p));
        pool.push(p);
      }
    }
  }
  return { chain, relations, stepRelations, pool };
}

export interface TItemPlan {
  kind: TItemKind;
  mode: "single" | "multi";
  /** Correct options (multi) or 1. */
  correctCount: number;
  /** Operators of the distractors, sorted: with chainId and mode, the item's key. */
  operators: TPerturbOperator[];
}

/** Every multiset of `size` operators that the available counts allow, in a fixed order. */
export function listOperatorMultisets(counts: ReadonlyMap<TPerturbOperator, number>, size: number): TPerturbOperator[][] {
  const ops = [...counts.keys()].sort();
  const out: TPerturbOperator[][] = [];
  const walk = (from: number, left: number, acc: TPerturbOperator[]): void => {
    if (left === 0) {
      out.push([...acc]);
      return;
    }
    for (let i = from; i < ops.length; i++) {
      const op = ops[i]!;
      const used = acc.filter((o) => o === op).length;
      if (used >= counts.get(op)!) continue;
      acc.push(op);
      walk(i, left - 1, acc);
      acc.pop();
    }
  };
  walk(0, size, []);
  return out;
}

function countOperators(pool: readonly TPerturbation[]): Map<TPerturbOperator, number> {
  const counts = new Map<TPerturbOperator, number>();
  for (const p of pool) counts.set(p.operator, (counts.get(p.operator) ?? 0) + 1);
  return counts;
}

/** Steps whose relations share a subject with neither feeding the other may come in either order. */
export function isParallelPair(a: TGraphRelation, b: TGraphRelation): boolean {
  return a.subjectId === b.subjectId && a.objectId !== b.subjectId && b.objectId !== a.subjectId;
}

function factorial(n: number): number {
  return n <= 1 ? 1 : n * factorial(n - 1);
}

/**
 * The plans of one chain, interleaved by kind so the first few cover different kinds. Order and
 * condition items have a single correct answer by nature, so "multi" mode uses statement items only.
 */
export function planChainItems(material: TChainMaterial, settings: TTesterSettings, random: () => number): TItemPlan[] {
  const n = settings.optionCount;
  const counts = countOperators(material.pool);
  const groups: { weight: number; plans: TItemPlan[] }[] = [];
  const singleWeight = settings.mode === "multi" ? 0 : settings.mode === "single" ? 1 : 1 - settings.multiShare;
  const multiWeight = settings.mode === "single" ? 0 : settings.mode === "multi" ? 1 : settings.multiShare;

  if (singleWeight > 0 && material.relations.length > 0) {
    const statement = listOperatorMultisets(counts, n - 1).map((operators) => ({ kind: "statement" as const, mode: "single" as const, correctCount: 1, operators }));
    groups.push({ weight: singleWeight * 0.5, plans: shuffleWith(statement, random) });
    const steps = material.stepRelations;
    const window = Math.min(steps.length, 4);
    const hasOrderedPair = steps.some((a, i) => steps.slice(i + 1).some((b) => !isParallelPair(a, b)));
    if (steps.length === material.chain.steps.length && window >= 3 && factorial(window) >= n && hasOrderedPair) {
      const operators = new Array<TPerturbOperator>(n - 1).fill("break_step_order");
      groups.push({ weight: singleWeight * 0.25, plans: [{ kind: "order", mode: "single", correctCount: 1, operators }] });
    }
    if (material.chain.preconditions.length > 0 && material.stepRelations.length > 0 && n >= 3) {
      const condition = listOperatorMultisets(counts, n - 2).map((rest) => ({
        kind: "condition" as const,
        mode: "single" as const,
        correctCount: 1,
        operators: (["drop_precondition", ...rest] as TPerturbOperator[]).sort(),
      }));
      groups.push({ weight: singleWeight * 0.25, plans: shuffleWith(condition, random) });
    }
  }
  if (multiWeight > 0 && material.relations.length > 0) {
    const multi: TItemPlan[] = [];
    for (let k = 1; k <= Math.min(4, n, material.relations.length); k++) {
      for (const operators of listOperatorMultisets(counts, n - k)) multi.push({ kind: "statement", mode: "multi", correctCount: k, operators });
    }
    groups.push({ weight: multiWeight, plans: shuffleWith(multi, random) });
  }
  return interleave(groups);
}

/** Takes next from the group furthest below its weighted share; exhausted groups drop out. */
function interleave(groups: { weight: number; plans: TItemPlan[] }[]): TItemPlan[] {
  const live = groups.filter((g) => g.weight > 0 && g.plans.length > 0).map((g) => ({ ...g, taken: 0 }));
  const out: TItemPlan[] = [];
  for (;;) {
    let next: (typeof live)[number] | null = null;
    for (const g of live) {
      if (g.taken >= g.plans.length) continue;
      if (!next || (g.taken + 1) / g.weight < (next.taken + 1) / next.weight) next = g;
    }
    if (!next) return out;
    out.push(next.plans[next.taken++]!);
  }
}
