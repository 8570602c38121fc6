// What the builtin student says in the chat panel. It is no language model: a multiple-choice prompt
// (a question, then lines "A. …", "B) …") is answered the way it answers benchmark items; anything
// else gets the taught statements that share the most words with the prompt. The reply says so, so
// nobody mistakes retrieval for generation.
import { createHash } from "node:crypto";
import { answerItem, readStatement, RELATION_PHRASE, type TRelationType, type TStudentModel, type TStudentQuestion } from "@proda/engine";
import type { TChatMessage } from "./text-request.ts";

export const STUDENT_LABEL = "[builtin student: answers only from statements in its training data; it is not a language model]";

const OPTION_LINE = /^\s*\(?([A-F])[).:]\s+(\S.*?)\s*$/u;
const LABELS = "ABCDEF";
const MAX_STATEMENTS = 3;

/** A question followed by lettered option lines (A, B, C… in order), or null. */
export function readMultipleChoice(prompt: string): Omit<TStudentQuestion, "key"> | null {
  const lines = prompt.split(/\r?\n/);
  const options: { label: string; text: string }[] = [];
  let first = -1;
  lines.forEach((line, i) => {
    const match = OPTION_LINE.exec(line);
    if (!match || match[1] !== LABELS[options.length]) return;
    if (first < 0) first = i;
    options.push({ label: match[1]!, text: match[2]! });
  });
  if (options.length < 2) return null;
  const question = lines.slice(0, first).join(" ").trim();
  return { question, options, multi: /select all|all that apply|all (?:the )?correct/i.test(prompt) };
}

// The memory keeps statements as read (content words, relation verbs as their type), not as written.
const render = (tokens: readonly string[], negated: boolean) => {
  const words = tokens.map((t) => (t.startsWith("<") ? (RELATION_PHRASE[t.slice(1, -1) as TRelationType] ?? t.slice(1, -1)) : t));
  return `${negated ? "(not) " : ""}${words.join(" ")}`;
};

/** Taught facts sharing the most content words with the prompt (at least two), best first. */
export function findClosestStatements(model: TStudentModel, prompt: string, limit = MAX_STATEMENTS): string[] {
  const wanted = new Set(readStatement(prompt).tokens.filter((t) => !t.startsWith("<")));
  const need = Math.min(2, wanted.size);
  if (need === 0) return [];
  const scored: { text: string; shared: number; share: number }[] = [];
  for (const unit of model.memory.units) {
    if (!unit.truth) continue;
    const content = unit.tokens.filter((t) => !t.startsWith("<"));
    const shared = new Set(content.filter((t) => wanted.has(t))).size;
    if (shared >= need) scored.push({ text: render(unit.tokens, unit.negated), shared, share: shared / content.length });
  }
  scored.sort((a, b) => b.shared - a.shared || b.share - a.share || a.text.localeCompare(b.text));
  return [...new Set(scored.map((s) => s.text))].slice(0, limit);
}

export function replyAsStudent(model: TStudentModel, messages: readonly TChatMessage[]): string {
  const prompt = messages.findLast((m) => m.role === "user")?.content ?? "";
  const choice = readMultipleChoice(prompt);
  if (choice) {
    // The tie-break draw is seeded by the prompt, so asking again gives the same answer.
    const key = createHash("sha256").update(prompt).digest("hex").slice(0, 16);
    return `${STUDENT_LABEL}\n${answerItem(model, { ...choice, key }).raw}`;
  }
  if (model.memory.units.length === 0) {
    return `${STUDENT_LABEL}\nThis model was trained on nothing: it knows no statements and answers multiple-choice questions at chance.`;
  }
  const statements = findClosestStatements(model, prompt);
  if (statements.length === 0) return `${STUDENT_LABEL}\nNothing it was taught matches this prompt.`;
  return `${STUDENT_LABEL}\nThe taught statements closest to your prompt:\n${statements.map((s) => `- ${s}`).join("\n")}`;
}
