// Choice questions. Single choice asks for a relation's subject or object among concepts of the
// same document (same type first) that would make a statement the version does not state.
// Multiple choice centres on one concept: 1–3 of its true relations in the document, the rest
// false statements from the perturbation operators.
import { shuffleWith } from "../tester/perturb.ts";
import { makeFalseStatement, type TFalseStatement } from "./false-statements.ts";
import type { TIndexedRelation } from "./graph-index.ts";
import { stateRelation, supportedAnswer, type TMakeContext } from "./make-qa.ts";
import { choiceInstruction, formatOptions, joinLetters, LETTERS, multipleChoiceStem, pick, singleChoiceStem, supportQuote } from "./templates.ts";
import type { TSampleDraft } from "./types.ts";
import { capitalize } from "./wording.ts";

const OPTIONS = 4;

function joinLines(...parts: string[]): string {
  return parts.filter(Boolean).join("\n");
}

/** Concepts of the document that can stand in for `replaced` without making a stated fact, same type first. */
function findDistractors(relation: TIndexedRelation, role: "subject" | "object", ctx: TMakeContext): string[] {
  const { index } = ctx;
  const replaced = role === "object" ? relation.objectId : relation.subjectId;
  const replacedType = index.concepts.get(replaced)?.type;
  const kindred = index.kindredOf(replaced);
  const seen = new Set([index.term(relation.subjectId).toLowerCase(), index.term(relation.objectId).toLowerCase()]);
  const candidates = (index.documentConcepts.get(relation.documentId) ?? []).filter((id) => id !== relation.subjectId && id !== relation.objectId);
  const sameType = candidates.filter((id) => index.concepts.get(id)?.type === replacedType);
  const otherType = candidates.filter((id) => index.concepts.get(id)?.type !== replacedType);
  const chosen: string[] = [];
  for (const id of [...shuffleWith(sameType, ctx.random), ...shuffleWith(otherType, ctx.random)]) {
    if (chosen.length === OPTIONS - 1) break;
    const statement = {
      subjectId: role === "subject" ? id : relation.subjectId,
      objectId: role === "object" ? id : relation.objectId,
      type: relation.relationType,
      negated: false,
    };
    const term = index.term(id).toLowerCase();
    if (seen.has(term) || kindred.has(id) || index.graph.states(statement)) continue;
    seen.add(term);
    chosen.push(id);
  }
  return chosen;
}

export function makeSingleChoice(relation: TIndexedRelation, ctx: TMakeContext): TSampleDraft | null {
  if (relation.negated) return null; // "Which of the following does X not cause?" reads as a trick question
  const { index, random } = ctx;
  const role = random() < 0.5 ? "object" : "subject";
  const distractors = findDistractors(relation, role, ctx);
  if (distractors.length < 2) return null;
  const correctId = role === "object" ? relation.objectId : relation.subjectId;
  const ids = shuffleWith([correctId, ...distractors], random);
  const options = ids.map((id) => capitalize(index.term(id)));
  const correct = ids.indexOf(correctId);
  const subject = index.term(relation.subjectId);
  const object = index.term(relation.objectId);
  const stem = singleChoiceStem(random, role, subject, relation.predicate, object);
  const letter = LETTERS[correct]!;
  const lead = pick(random, [`${letter}. ${options[correct]}.`, `The answer is ${letter}: ${options[correct]}.`, `${letter} (${options[correct]}).`]);
  return {
    type: "single_choice",
    question: joinLines(stem, formatOptions(options), choiceInstruction(random, false)),
    answer: supportedAnswer(ctx, `${lead} ${stateRelation(index, relation)}`, relation),
    evidence: [relation.quote],
    meta: {
      discipline: relation.discipline,
      documentId: relation.documentId,
      conceptIds: [relation.subjectId, relation.objectId],
      relationIds: [relation.id],
      chunkIds: [relation.chunkId],
      mentionedConceptIds: [...new Set([relation.subjectId, relation.objectId, ...distractors])],
      choices: { options, correct: [correct] },
    },
  };
}

export function makeMultipleChoice(relation: TIndexedRelation, ctx: TMakeContext): TSampleDraft | null {
  const { index, random } = ctx;
  const focus = random() < 0.5 ? relation.subjectId : relation.objectId;
  const others = shuffleWith(index.relationsOf(relation.documentId, focus).filter((r) => r.id !== relation.id), random);
  const trueCount = 1 + Math.min(others.length, Math.floor(random() * 3));
  const trues = [relation, ...others.slice(0, trueCount - 1)];
  const trueTexts = trues.map((r) => stateRelation(index, r));
  const taken = new Set(trueTexts.map((t) => t.toLowerCase()));
  if (taken.size < trues.length) return null;
  const falses: TFalseStatement[] = [];
  for (let attempt = 0; falses.length < OPTIONS - trues.length && attempt < trues.length * 2; attempt++) {
    const made = makeFalseStatement(index, trues[attempt % trues.length]!, random, taken);
    if (!made) continue;
    taken.add(made.text.toLowerCase());
    falses.push(made);
  }
  if (falses.length === 0 || trues.length + falses.length < 3) return null;
  const entries = shuffleWith([...trues.map((r, i) => ({ text: trueTexts[i]!, relation: r as TIndexedRelation | null })), ...falses.map((f) => ({ text: f.text, relation: null }))], random);
  const options = entries.map((e) => e.text);
  const correct = entries.flatMap((e, i) => (e.relation ? [i] : []));
  const letters = joinLetters(correct);
  const lead = correct.length === 1 ? pick(random, [`Only ${letters} is true.`, `${letters} is the only correct statement.`]) : pick(random, [`The true statements are ${letters}.`, `${letters} are correct.`]);
  const support = ctx.withQuote ? correct.map((i) => `${LETTERS[i]}: ${supportQuote(random, entries[i]!.relation!.quote)}`).join(" ") : "";
  const closing = pick(random, ["The other statements misstate the text.", "The remaining options are not what the text says.", ""]);
  const focusTerm = index.term(focus);
  const conceptIds = [...new Set(trues.flatMap((r) => [r.subjectId, r.objectId]))];
  return {
    type: "multiple_choice",
    question: joinLines(multipleChoiceStem(random, focusTerm), formatOptions(options), choiceInstruction(random, true)),
    answer: [lead, support, closing].filter(Boolean).join(" "),
    evidence: trues.map((r) => r.quote),
    meta: {
      discipline: relation.discipline,
      documentId: relation.documentId,
      conceptIds,
      relationIds: trues.map((r) => r.id),
      chunkIds: [...new Set(trues.map((r) => r.chunkId))],
      mentionedConceptIds: [...new Set([focus, ...conceptIds, ...falses.flatMap((f) => f.conceptIds)])],
      choices: { options, correct },
      perturbations: falses.map(({ perturbation: p }) => ({ operator: p.operator, sourceRelationId: p.sourceRelationId, changed: p.changed, checkedFalse: p.checkedFalse })),
    },
  };
}
