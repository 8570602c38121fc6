// False statements for true/false and multiple-choice samples, made by the Tester's perturbation
// operators (so training sees the same kinds of falsehood the benchmark uses) and checked false
// against the whole knowledge version. Sibling substitutes come from the source document only.
import { perturbRelation, shuffleWith, type TPerturbation, type TRelationOperator } from "../tester/perturb.ts";
import type { BuilderIndex, TIndexedRelation } from "./graph-index.ts";
import type { TRandom } from "./templates.ts";
import { predicateFor, renderSentence } from "./wording.ts";

const OPERATORS: readonly TRelationOperator[] = ["swap_subject_object", "invert_relation", "substitute_sibling", "negate_constraint"];

export interface TFalseStatement {
  text: string;
  perturbation: TPerturbation;
  conceptIds: string[];
}

/** The first operator (in seeded order) that yields a statement the version does not state and whose wording is new. */
export function makeFalseStatement(
  index: BuilderIndex,
  relation: TIndexedRelation,
  random: TRandom,
  taken: ReadonlySet<string> = new Set(),
): TFalseStatement | null {
  index.graph.scope = relation.documentId;
  try {
    const source = { id: relation.id, subjectId: relation.subjectId, objectId: relation.objectId, type: relation.relationType, negated: relation.negated };
    for (const operator of shuffleWith(OPERATORS, random)) {
      const perturbation = perturbRelation(source, operator, index.graph, random);
      if (!perturbation || !perturbation.checkedFalse) continue;
      const { statement } = perturbation;
      if (!index.isMentionedIn(statement.subjectId, relation.documentId) || !index.isMentionedIn(statement.objectId, relation.documentId)) continue;
      const text = renderSentence(index.term(statement.subjectId), predicateFor(relation, statement), index.term(statement.objectId));
      if (taken.has(text.toLowerCase())) continue;
      return { text, perturbation, conceptIds: [statement.subjectId, statement.objectId] };
    }
    return null;
  } finally {
    index.graph.scope = null;
  }
}
