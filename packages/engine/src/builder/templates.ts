// The builtin wording: several phrasings per question type, picked by the seeded stream, so a
// dataset reads like varied classroom questions rather than one template repeated 160k times.
import type { TRelationType } from "../knowledge/types.ts";
import { agreePredicate, askObject, askSubject, askYesNo, capitalize, isPluralTerm } from "./wording.ts";

export type TRandom = () => number;

export function pick<T>(random: TRandom, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

export const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

export function definitionQuestion(random: TRandom, term: string, discipline: string): string {
  const be = isPluralTerm(term) ? "are" : "is";
  const forms = [
    `What ${be} ${term}?`,
    `Define ${term}.`,
    `What does the term "${term}" mean?`,
    `How would you explain what ${term} ${be}?`,
    `Give a short definition of ${term}.`,
    `Can you tell me what ${term} refers to?`,
  ];
  if (discipline && discipline !== "general") forms.push(`In ${discipline}, what is meant by ${term}?`);
  return capitalize(pick(random, forms));
}

/** Sentences that introduce the supporting quote. */
export function supportQuote(random: TRandom, quote: string): string {
  return pick(random, [
    `The text explains: "${quote}"`,
    `As the source puts it, "${quote}"`,
    `In the source: "${quote}"`,
    `The passage says: "${quote}"`,
    `This comes from the text: "${quote}"`,
  ]);
}

/** Question forms for one relation, all answerable by "subject predicate object". */
export function relationQuestions(type: TRelationType, subject: string, predicate: string, object: string): string[] {
  const forms = [
    askObject(subject, predicate),
    askSubject(predicate, object),
    `How ${isPluralTerm(subject) ? "are" : "is"} ${subject} related to ${object}?`,
    `What is the relationship between ${subject} and ${object}?`,
    `Explain how ${subject} and ${object} are connected.`,
  ];
  const specific: Partial<Record<TRelationType, string[]>> = {
    causes: [`What is one effect of ${subject}?`, `What can lead to ${object}?`],
    prevents: [`What can prevent ${object}?`, `What does ${subject} keep from happening?`],
    enables: [`What does ${subject} make possible?`],
    requires: [`What is needed for ${subject}?`],
    increases: [`How does ${subject} affect ${object}?`, `What effect does ${subject} have on ${object}?`],
    decreases: [`How does ${subject} affect ${object}?`, `What effect does ${subject} have on ${object}?`],
    precedes: [`What comes after ${subject}?`, `What happens before ${object}?`],
    produces: [`Where does ${object} come from?`],
    contrasts_with: [`How does ${subject} differ from ${object}?`, `What should ${subject} not be confused with?`],
    measured_by: [`How is ${subject} measured?`],
    example_of: [`Give an example of ${object}.`, `What is ${subject} an example of?`],
    is_a: [`What kind of thing is ${subject}?`, `What category does ${subject} belong to?`],
    part_of: [`What is ${subject} part of?`, `Name a part of ${object}.`],
    defined_as: [`How is ${subject} defined?`],
  };
  return [...forms, ...(specific[type] ?? [])].map(capitalize);
}

/** Question forms for a negated relation (the fact is that the relation does not hold); `affirmed` is the positive predicate. */
export function negatedRelationQuestions(subject: string, affirmed: string, object: string): string[] {
  return [
    askYesNo(subject, affirmed, object),
    `Is it true that ${subject} ${agreePredicate(affirmed, isPluralTerm(subject))} ${object}?`,
    `What does the text say about ${subject} and ${object}?`,
  ].map(capitalize);
}

export function singleChoiceStem(random: TRandom, role: "object" | "subject", subject: string, predicate: string, object: string): string {
  if (role === "subject") return askSubject(predicate, object, "Which of the following");
  return pick(random, [askObject(subject, predicate, "Which of the following"), `Complete the statement: "${capitalize(subject)} ${agreePredicate(predicate, isPluralTerm(subject))} ___."`]);
}

export function choiceInstruction(random: TRandom, multiple: boolean): string {
  return multiple
    ? pick(random, ["Select all that apply.", "There may be more than one correct answer.", "Choose every correct option."])
    : pick(random, ["", "Choose one answer.", "Answer with the letter of the correct option."]);
}

export function multipleChoiceStem(random: TRandom, focus: string): string {
  return pick(random, [
    `Which of the following statements about ${focus} are true?`,
    `Which statements about ${focus} does the text support?`,
    `Which of these statements about ${focus} are correct?`,
  ]);
}

export function trueFalseQuestion(random: TRandom, statement: string): string {
  return pick(random, [
    `True or false: ${statement}`,
    `Is the following statement true or false? ${statement}`,
    `${statement} True or false?`,
    `Decide whether the following is true: ${statement}`,
    `Is this statement correct? ${statement}`,
  ]);
}

export function formatOptions(options: readonly string[]): string {
  return options.map((option, i) => `${LETTERS[i]}. ${option}`).join("\n");
}

/** "A", "A and C", "A, B and D". */
export function joinLetters(indexes: readonly number[]): string {
  const letters = indexes.map((i) => LETTERS[i]!);
  return letters.length <= 1 ? letters.join("") : `${letters.slice(0, -1).join(", ")} and ${letters[letters.length - 1]}`;
}
