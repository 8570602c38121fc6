// Turns one plan into a candidate item: picks the true relations and the verified-false
// perturbations, words them by template, evens out option lengths, and links the item to the
// chain, relations, concepts and chunks it tests. Positions and labels are assigned later.
import { createHash } from "node:crypto";
import { fitOptionLengths, type LengthBalancer, type TLengthSlot, type TLengthTarget } from "./balance.ts";
import type { TCandidateOption, TDistractor, TItemKind, TTesterSettings } from "./item-types.ts";
import type { TChainMaterial, TItemPlan } from "./plan-items.ts";
import { buildOrderOptions } from "./order-options.ts";
import { shuffleWith, type GraphView, type TGraphRelation, type TPerturbation, type TPerturbOperator } from "./perturb.ts";
import { applyQualifier, describeTopic, joinCondition, listQualifiers, renderClause, UNCONDITIONAL_PREFIX, writeQuestion } from "./templates.ts";

export interface TCandidate {
  key: string;
  kind: TItemKind;
  mode: "single" | "multi";
  question: string;
  /** Unordered: positions are assigned across the benchmark. */
  options: TCandidateOption[];
  chainId: string;
  relationIds: string[];
  conceptIds: string[];
  chunkIds: string[];
  discipline: string;
  difficulty: { chainLength: number; operators: TPerturbOperator[]; level: number };
  /** Recorded in the LengthBalancer only once the item is accepted; null for order items (equal lengths). */
  lengthFit: { target: TLengthTarget; padded: boolean[] } | null;
}

export interface TBuildContext {
  graph: GraphView;
  settings: TTesterSettings;
  random: () => number;
  /** Benchmark-wide length targets (see balance.ts). */
  lengths: LengthBalancer;
}

export function computeItemKey(chainId: string, mode: string, operators: readonly string[]): string {
  const payload = JSON.stringify([chainId, mode, [...operators].sort()]);
  return createHash("sha256").update(payload).digest("hex").slice(0, 24);
}

const OPERATOR_WEIGHT: Record<TPerturbOperator, number> = {
  swap_subject_object: 0,
  negate_constraint: 0,
  invert_relation: 1,
  substitute_sibling: 1,
  break_step_order: 1,
  drop_precondition: 1,
};

/** 1–5: longer chains, subtler operators and select-all-that-apply make an item harder. */
export function rateDifficulty(chainLength: number, operators: readonly TPerturbOperator[], mode: "single" | "multi"): number {
  const length = chainLength >= 6 ? 2 : chainLength >= 4 ? 1 : 0;
  const operator = Math.max(0, ...operators.map((o) => OPERATOR_WEIGHT[o]));
  return Math.min(5, 1 + length + operator + (mode === "multi" ? 1 : 0));
}

interface TSlot {
  clause: string;
  correct: boolean;
  distractor: TDistractor | null;
  /** Same-operator replacements, tried when the lengths cannot be evened out. */
  alternatives: TPerturbation[];
  /** Turns a perturbation into this slot's clause (conditioned or not). */
  word: (p: TPerturbation) => string;
  relation: TGraphRelation | null;
}

function toDistractor(p: TPerturbation): TDistractor {
  return { operator: p.operator, sourceRelationId: p.sourceRelationId, changed: p.changed, checkedFalse: true, statement: p.statement };
}

/** Fills one slot per operator from the pool, preferring perturbations of the preferred relations. */
function pickDistractors(
  operators: readonly TPerturbOperator[],
  pool: readonly TPerturbation[],
  preferred: ReadonlySet<string>,
  taken: Set<string>,
  word: (p: TPerturbation) => string,
  random: () => number,
): TSlot[] | null {
  const slots: TSlot[] = [];
  const used = new Set<TPerturbation>();
  for (const operator of operators) {
    const fitting = shuffleWith(
      pool.filter((p) => p.operator === operator && !used.has(p) && !taken.has(word(p))),
      random,
    ).sort((a, b) => Number(preferred.has(b.sourceRelationId)) - Number(preferred.has(a.sourceRelationId)));
    const chosen = fitting[0];
    if (!chosen) return null;
    used.add(chosen);
    taken.add(word(chosen));
    slots.push({ clause: word(chosen), correct: false, distractor: toDistractor(chosen), alternatives: fitting.slice(1), word, relation: null });
  }
  return slots;
}

function trueSlot(relation: TGraphRelation, clause: string, word: (p: TPerturbation) => string): TSlot {
  return { clause, correct: true, distractor: null, alternatives: [], word, relation };
}

function buildStatementSlots(plan: TItemPlan, material: TChainMaterial, ctx: TBuildContext): TSlot[] | null {
  const word = (p: TPerturbation): string => renderClause(p.statement, ctx.graph);
  const relations = shuffleWith(material.relations, ctx.random);
  let correct: TGraphRelation[];
  if (plan.mode === "single") {
    // The relation whose own perturbations cover most of the plan: options then vary one fact.
    const score = (r: TGraphRelation): number => plan.operators.filter((op) => material.pool.some((p) => p.operator === op && p.sourceRelationId === r.id)).length;
    correct = [relations.reduce((best, r) => (score(r) > score(best) ? r : best))];
  } else {
    correct = relations.slice(0, plan.correctCount);
  }
  const taken = new Set<string>();
  const slots = correct.map((r) => {
    const clause = renderClause(r, ctx.graph);
    taken.add(clause);
    return trueSlot(r, clause, word);
  });
  if (taken.size < correct.length) return null;
  const distractors = pickDistractors(plan.operators, material.pool, new Set(correct.map((r) => r.id)), taken, word, ctx.random);
  return distractors ? [...slots, ...distractors] : null;
}

/** The step a precondition qualifies: the one whose quote contains it, else the first. */
function findQualifiedStep(material: TChainMaterial, start: number, end: number): TGraphRelation {
  const within = material.stepRelations.find((r) => r.quoteStart !== undefined && r.quoteEnd !== undefined && r.quoteStart <= start && end <= r.quoteEnd);
  return within ?? material.stepRelations[0]!;
}

function buildConditionSlots(plan: TItemPlan, material: TChainMaterial, ctx: TBuildContext): TSlot[] | null {
  const preconditions = material.chain.preconditions;
  const precondition = preconditions[Math.floor(ctx.random() * preconditions.length)]!;
  const relation = findQualifiedStep(material, precondition.start, precondition.end);
  const clause = renderClause(relation, ctx.graph);
  const word = (p: TPerturbation): string => joinCondition(precondition.text, renderClause(p.statement, ctx.graph));
  const correct = trueSlot(relation, joinCondition(precondition.text, clause), word);
  const dropped: TSlot = {
    clause: joinCondition(UNCONDITIONAL_PREFIX, clause),
    correct: false,
    distractor: {
      operator: "drop_precondition",
      sourceRelationId: relation.id,
      changed: `dropped the precondition "${precondition.text}": the step is asserted to hold in all cases`,
      checkedFalse: true,
      statement: null,
    },
    alternatives: [],
    word,
    relation: null,
  };
  const taken = new Set([correct.clause, dropped.clause]);
  const rest = plan.operators.filter((op) => op !== "drop_precondition");
  const distractors = pickDistractors(rest, material.pool, new Set([relation.id]), taken, word, ctx.random);
  return distractors ? [correct, dropped, ...distractors] : null;
}

/** Evens out lengths; on failure swaps the most extreme distractor for a same-operator alternative. */
function fitSlots(slots: TSlot[], mode: "single" | "multi", topic: string, ctx: TBuildContext): { texts: string[]; target: TLengthTarget; padded: boolean[] } | null {
  const qualifiers = listQualifiers(topic);
  const correct = slots.map((s) => s.correct);
  const target = ctx.lengths.target(mode, correct);
  for (let attempt = 0; attempt < 4; attempt++) {
    const lengthSlots: TLengthSlot[] = slots.map((s) => ({ correct: s.correct, variants: qualifiers.map((q) => applyQualifier(s.clause, q)) }));
    const fit = fitOptionLengths(lengthSlots, target, ctx.settings.maxLengthRatio);
    if (fit) return { texts: fit.texts, target, padded: fit.padded };
    const lengths = slots.map((s) => s.clause.length).sort((a, b) => a - b);
    const median = lengths[Math.floor(lengths.length / 2)]!;
    const swappable = slots.filter((s) => s.alternatives.length > 0).sort((a, b) => Math.abs(b.clause.length - median) - Math.abs(a.clause.length - median))[0];
    if (!swappable) return null;
    const taken = new Set(slots.map((s) => s.clause));
    const replacement = swappable.alternatives
      .filter((p) => !taken.has(swappable.word(p)))
      .sort((a, b) => Math.abs(swappable.word(a).length - median) - Math.abs(swappable.word(b).length - median))[0];
    if (!replacement) return null;
    swappable.alternatives = swappable.alternatives.filter((p) => p !== replacement);
    swappable.clause = swappable.word(replacement);
    swappable.distractor = toDistractor(replacement);
  }
  return null;
}

function linkItem(material: TChainMaterial, relations: TGraphRelation[], distractors: TDistractor[], graph: GraphView) {
  const relationIds = [...new Set([...relations.map((r) => r.id), ...distractors.map((d) => d.sourceRelationId)])];
  const linked = relationIds.map((id) => graph.relation(id)!);
  const conceptIds = [
    ...new Set([...linked.flatMap((r) => [r.subjectId, r.objectId]), ...distractors.flatMap((d) => (d.statement ? [d.statement.subjectId, d.statement.objectId] : []))]),
  ];
  const chunkIds = [...new Set([material.chain.chunkId, ...linked.flatMap((r) => (r.chunkId ? [r.chunkId] : []))])];
  return { relationIds, conceptIds, chunkIds };
}

export type TBuildResult = { candidate: TCandidate } | { reason: string };

export function buildCandidate(plan: TItemPlan, material: TChainMaterial, ctx: TBuildContext): TBuildResult {
  const chain = material.chain;
  const topic = describeTopic(chain);
  let options: TCandidateOption[];
  let relations: TGraphRelation[];
  let lengthFit: TCandidate["lengthFit"] = null;
  if (plan.kind === "order") {
    const built = buildOrderOptions(material, ctx.settings.optionCount, ctx.random);
    if (!built) return { reason: "too few step orders that are certainly wrong" };
    options = built.options;
    relations = built.relations;
  } else {
    const slots = plan.kind === "condition" ? buildConditionSlots(plan, material, ctx) : buildStatementSlots(plan, material, ctx);
    if (!slots) return { reason: "too few distinct perturbations" };
    const fitted = fitSlots(slots, plan.mode, topic, ctx);
    if (!fitted) return { reason: "option lengths cannot be evened out" };
    options = slots.map((s, i) => ({ text: fitted.texts[i]!, correct: s.correct, distractor: s.distractor }));
    lengthFit = { target: fitted.target, padded: fitted.padded };
    relations = slots.flatMap((s) => (s.relation ? [s.relation] : []));
  }
  const distractors = options.flatMap((o) => (o.distractor ? [o.distractor] : []));
  const operators = distractors.map((d) => d.operator).sort();
  return {
    candidate: {
      key: computeItemKey(chain.id, plan.mode, operators),
      kind: plan.kind,
      mode: plan.mode,
      question: writeQuestion(plan.kind, plan.mode, topic),
      options,
      chainId: chain.id,
      ...linkItem(material, relations, distractors, ctx.graph),
      discipline: chain.discipline,
      difficulty: { chainLength: chain.steps.length, operators, level: rateDifficulty(chain.steps.length, operators, plan.mode) },
      lengthFit,
    },
  };
}
