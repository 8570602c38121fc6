// Builtin wording: question stems and option sentences from templates. Stems name only the chain's
// topic, never a step, a term ordering or a condition, so they cannot point at the answer.
import type { TItemKind, TTesterChain } from "./item-types.ts";
import { phraseOf, type GraphView, type TStatement } from "./perturb.ts";
import { formatTerm, lowerFirst, upperFirst } from "./text-case.ts";

export { lowerFirst, upperFirst };

/** The chain's topic without the builtin "A → B" suffix: the arrow would reveal a direction. */
export function describeTopic(chain: Pick<TTesterChain, "title" | "discipline">): string {
  const head = chain.title.split(":")[0]!.trim();
  if (head.length > 0 && !head.includes("→")) return head;
  return chain.discipline ? `this ${chain.discipline} process` : "this process";
}

export function writeQuestion(kind: TItemKind, mode: "single" | "multi", topic: string): string {
  if (kind === "order") return `In ${topic}, which option lists the following steps in the order in which they occur?`;
  if (kind === "condition") return `In ${topic}, which statement is correct, including the condition under which it holds?`;
  return mode === "multi"
    ? `In ${topic}, which of the following statements are true? Select all that apply.`
    : `In ${topic}, which of the following statements is true?`;
}

function stripEnd(text: string): string {
  return text.trim().replace(/[\s.,;:!]+$/u, "");
}

/** A statement as a clause without capital or full stop: "glycolysis produces pyruvate". */
export function renderClause(s: TStatement, graph: GraphView): string {
  const subject = formatTerm(graph.concept(s.subjectId)?.term ?? s.subjectId);
  const object = formatTerm(graph.concept(s.objectId)?.term ?? s.objectId);
  return `${subject} ${phraseOf(s.type, s.negated)} ${object}`;
}

/** "If oxygen is absent" + clause → "If oxygen is absent, cells switch to fermentation". */
export function joinCondition(condition: string, clause: string): string {
  return `${stripEnd(condition)}, ${lowerFirst(clause)}`;
}

/** Asserts the clause holds unconditionally: the dropped-precondition distractor. */
export const UNCONDITIONAL_PREFIX = "In all cases";

/** Steps joined into one option: every permutation of the same steps has the same length. */
export function renderSequence(stepTexts: string[]): string {
  const parts = stepTexts.map((t, i) => (i === 0 ? upperFirst(stripEnd(t)) : lowerFirst(stripEnd(t))));
  return `${parts.join(", then ")}.`;
}

/** The clause as a finished option sentence. */
export function finishSentence(clause: string): string {
  return `${upperFirst(stripEnd(clause))}.`;
}

export interface TQualifier {
  prefix: string;
  suffix: string;
}

/**
 * Truth-neutral padding used to even out option lengths. Applied to correct and incorrect options
 * alike (by the length search in balance.ts), so its presence says nothing about the answer.
 */
export function listQualifiers(topic: string): TQualifier[] {
  return [
    { prefix: "", suffix: "" },
    { prefix: "In this process, ", suffix: "" },
    { prefix: "According to the text, ", suffix: "" },
    { prefix: `In ${topic}, `, suffix: "" },
    { prefix: "", suffix: " in this process" },
  ];
}

export function applyQualifier(clause: string, q: TQualifier): string {
  const body = stripEnd(clause);
  return q.prefix ? finishSentence(`${q.prefix}${lowerFirst(body)}${q.suffix}`) : finishSentence(`${body}${q.suffix}`);
}
