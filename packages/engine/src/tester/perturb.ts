// Typed perturbations of L2 relations: the raw material of benchmark distractors. Each operator
// rewrites one true relation into a statement the knowledge version does not state, and records
// what changed, so every distractor can be traced to its source relation (DESIGN invariant 2).
import { INVERSE_RELATION, RELATION_PHRASE, type TRelationType } from "../knowledge/types.ts";
import { formatTerm, upperFirst } from "./text-case.ts";

export const PERTURB_OPERATORS = [
  "swap_subject_object",
  "invert_relation",
  "substitute_sibling",
  "break_step_order",
  "drop_precondition",
  "negate_constraint",
] as const;
export type TPerturbOperator = (typeof PERTURB_OPERATORS)[number];

/** Operators that rewrite a single relation; the other two act on a whole chain (see the item builders). */
export type TRelationOperator = "swap_subject_object" | "invert_relation" | "substitute_sibling" | "negate_constraint";

export interface TGraphConcept {
  id: string;
  term: string;
  type: string;
  discipline: string;
}

export interface TGraphRelation {
  id: string;
  subjectId: string;
  objectId: string;
  type: TRelationType;
  negated: boolean;
  /** Optional provenance: items link the chunks of the relations they test. */
  chunkId?: string;
  /** Optional quote span in that chunk: it ties a chain's precondition to the step it qualifies. */
  quoteStart?: number;
  quoteEnd?: number;
}

export interface TStatement {
  subjectId: string;
  type: TRelationType;
  objectId: string;
  negated: boolean;
}

export interface TPerturbation {
  operator: TPerturbOperator;
  sourceRelationId: string;
  statement: TStatement;
  /** Human-readable: what the operator changed. */
  changed: string;
  checkedFalse: boolean;
}

/** Types whose direction carries no meaning: swapping them restates the same fact. */
const SYMMETRIC_TYPES: ReadonlySet<TRelationType> = new Set(["contrasts_with"]);

function statementKey(subjectId: string, type: TRelationType, objectId: string, negated: boolean): string {
  return `${subjectId}\u0000${type}\u0000${objectId}\u0000${negated ? 1 : 0}`;
}

/** A read-only index over one knowledge version's concepts and relations. */
export class GraphView {
  private readonly conceptsById = new Map<string, TGraphConcept>();
  private readonly relationsById = new Map<string, TGraphRelation>();
  private readonly stated = new Set<string>();
  private readonly siblingsByGroup = new Map<string, string[]>();

  constructor(
    readonly concepts: TGraphConcept[],
    readonly relations: TGraphRelation[],
  ) {
    for (const concept of concepts) this.conceptsById.set(concept.id, concept);
    for (const r of relations) {
      this.relationsById.set(r.id, r);
      this.stated.add(statementKey(r.subjectId, r.type, r.objectId, r.negated));
      if (SYMMETRIC_TYPES.has(r.type)) this.stated.add(statementKey(r.objectId, r.type, r.subjectId, r.negated));
    }
    // Sorted by id so sibling order never depends on input order.
    const sorted = [...concepts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const concept of sorted) {
      const group = `${concept.type}\u0000${concept.discipline}`;
      const list = this.siblingsByGroup.get(group) ?? [];
      list.push(concept.id);
      this.siblingsByGroup.set(group, list);
    }
  }

  concept(id: string): TGraphConcept | undefined {
    return this.conceptsById.get(id);
  }

  relation(id: string): TGraphRelation | undefined {
    return this.relationsById.get(id);
  }

  /** True when some relation of the version states exactly this (same polarity; symmetric types either way). */
  states(s: TStatement): boolean {
    return this.stated.has(statementKey(s.subjectId, s.type, s.objectId, s.negated));
  }

  /** True when the version states the opposite polarity or the inverse type of this statement. */
  contradicts(s: TStatement): boolean {
    if (this.stated.has(statementKey(s.subjectId, s.type, s.objectId, !s.negated))) return true;
    const inverse = INVERSE_RELATION[s.type];
    return inverse !== undefined && this.stated.has(statementKey(s.subjectId, inverse, s.objectId, s.negated));
  }

  /** Other concepts of the same type and discipline, in id order. */
  siblingsOf(conceptId: string): string[] {
    const concept = this.conceptsById.get(conceptId);
    if (!concept) return [];
    const group = this.siblingsByGroup.get(`${concept.type}\u0000${concept.discipline}`) ?? [];
    return group.filter((id) => id !== conceptId);
  }
}

export { createRandom } from "../random.ts";

/** Fisher–Yates on a copy, driven by the caller's seeded stream. */
export function shuffleWith<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function termOf(id: string, graph: GraphView): string {
  return formatTerm(graph.concept(id)?.term ?? id);
}

/** "causes" → "does not cause", "is part of" → "is not part of". */
function negatePhrase(phrase: string): string {
  if (phrase.startsWith("is ")) return `is not ${phrase.slice(3)}`;
  const [verb = "", ...rest] = phrase.split(" ");
  const base = verb.endsWith("s") ? verb.slice(0, -1) : verb;
  return ["does not", base, ...rest].join(" ");
}

export function phraseOf(type: TRelationType, negated: boolean): string {
  const phrase = RELATION_PHRASE[type];
  return negated ? negatePhrase(phrase) : phrase;
}

/** Template wording, e.g. "Glucose increases insulin secretion." or "Glucose does not increase …". */
export function renderStatement(s: TStatement, graph: GraphView): string {
  return `${upperFirst(termOf(s.subjectId, graph))} ${phraseOf(s.type, s.negated)} ${termOf(s.objectId, graph)}.`;
}

function toStatement(r: TGraphRelation): TStatement {
  return { subjectId: r.subjectId, type: r.type, objectId: r.objectId, negated: r.negated };
}

function substituteSibling(relation: TGraphRelation, graph: GraphView, random: () => number): TPerturbation | null {
  const candidates: { role: "subject" | "object"; from: string; to: string }[] = [];
  for (const to of graph.siblingsOf(relation.objectId)) candidates.push({ role: "object", from: relation.objectId, to });
  for (const to of graph.siblingsOf(relation.subjectId)) candidates.push({ role: "subject", from: relation.subjectId, to });
  for (const c of shuffleWith(candidates, random)) {
    const statement: TStatement =
      c.role === "object" ? { ...toStatement(relation), objectId: c.to } : { ...toStatement(relation), subjectId: c.to };
    if (statement.subjectId === statement.objectId || graph.states(statement)) continue;
    const type = graph.concept(c.from)?.type ?? "concept";
    const changed = `substituted ${c.role} "${termOf(c.from, graph)}" with its sibling "${termOf(c.to, graph)}" (same type: ${type})`;
    return { operator: "substitute_sibling", sourceRelationId: relation.id, statement, changed, checkedFalse: true };
  }
  return null;
}

/**
 * Applies one relation-level operator. Returns null when the operator does not apply (a symmetric swap,
 * a type with no inverse, no usable sibling) or when the result is stated by the graph: a distractor
 * must never be a true statement of the version.
 */
export function perturbRelation(
  relation: TGraphRelation,
  operator: TRelationOperator,
  graph: GraphView,
  random: () => number,
): TPerturbation | null {
  const base = toStatement(relation);
  let statement: TStatement;
  let changed: string;
  switch (operator) {
    case "swap_subject_object":
      if (SYMMETRIC_TYPES.has(relation.type) || relation.subjectId === relation.objectId) return null;
      statement = { ...base, subjectId: relation.objectId, objectId: relation.subjectId };
      changed = `swapped subject "${termOf(relation.subjectId, graph)}" and object "${termOf(relation.objectId, graph)}"`;
      break;
    case "invert_relation": {
      const inverse = INVERSE_RELATION[relation.type];
      if (inverse === undefined) return null;
      statement = { ...base, type: inverse };
      changed = `inverted relation "${relation.type}" to "${inverse}"`;
      break;
    }
    case "substitute_sibling":
      return substituteSibling(relation, graph, random);
    case "negate_constraint":
      statement = { ...base, negated: !relation.negated };
      changed = relation.negated
        ? `asserted the negated relation "${relation.type}" as true (the confusion the chain warns against)`
        : `negated relation "${relation.type}"`;
      break;
    default:
      return null;
  }
  if (graph.states(statement)) return null;
  return { operator, sourceRelationId: relation.id, statement, changed, checkedFalse: true };
}
