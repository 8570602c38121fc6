// True/false statements: the relation itself, or one of its perturbations. Whether a sample is
// true is decided by the build's truth schedule (exact counts), not here.
import { makeFalseStatement } from "./false-statements.ts";
import type { TIndexedRelation } from "./graph-index.ts";
import { stateRelation, supportedAnswer, type TMakeContext } from "./make-qa.ts";
import { pick, trueFalseQuestion } from "./templates.ts";
import type { TSampleDraft } from "./types.ts";

export function makeTrueFalse(relation: TIndexedRelation, ctx: TMakeContext, truth: boolean): TSampleDraft | null {
  const { index, random } = ctx;
  const fact = stateRelation(index, relation);
  const base = {
    discipline: relation.discipline,
    documentId: relation.documentId,
    conceptIds: [relation.subjectId, relation.objectId],
    relationIds: [relation.id],
    chunkIds: [relation.chunkId],
  };
  if (truth) {
    return {
      type: "true_false",
      question: trueFalseQuestion(random, fact),
      answer: supportedAnswer(ctx, pick(random, ["True.", "Yes, that is true."]), relation),
      evidence: [relation.quote],
      meta: { ...base, mentionedConceptIds: base.conceptIds, truth: true },
    };
  }
  const made = makeFalseStatement(index, relation, random, new Set([fact.toLowerCase()]));
  if (!made) return null;
  const { perturbation: p } = made;
  return {
    type: "true_false",
    question: trueFalseQuestion(random, made.text),
    answer: supportedAnswer(ctx, `${pick(random, ["False.", "That is false."])} ${fact}`, relation),
    evidence: [relation.quote],
    meta: {
      ...base,
      mentionedConceptIds: [...new Set([...base.conceptIds, ...made.conceptIds])],
      truth: false,
      perturbations: [{ operator: p.operator, sourceRelationId: p.sourceRelationId, changed: p.changed, checkedFalse: p.checkedFalse }],
    },
  };
}
