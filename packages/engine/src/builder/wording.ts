// Small English helpers for template wording: cleaning a quote of Markdown, agreeing a predicate
// with its subject, turning a predicate into its negation and back, and reading a statement out.
// True and false statements go through the same renderer, so their wording gives nothing away.
import { phraseOf, type TStatement } from "../tester/perturb.ts";
import type { TRelationType } from "../knowledge/types.ts";

const AUXILIARIES = new Set(["is", "are", "was", "were", "can", "could", "should", "will", "would", "may", "might", "must", "shall"]);
const MODALS = new Set(["can", "could", "should", "will", "would", "may", "might", "must", "shall"]);
const ADVERBS = new Set(["also", "often", "usually", "typically", "generally", "always", "only", "then", "directly", "mainly", "largely"]);
const PLURAL_WORDS = new Set(["bacteria", "data", "criteria", "phenomena", "fungi", "nuclei", "mitochondria", "people", "children", "media", "alumni", "cacti", "larvae", "algae"]);
const SINGULAR_S = /(ss|us|is|ics|ous|sis|ps)$/;

/** A quote as readable text: Markdown emphasis, headings, list markers and line breaks removed. */
export function cleanQuote(text: string): string {
  return text
    .replace(/\*\*|__|`/g, "")
    .replace(/(^|\s)[*_](\S[^*_]*\S|\S)[*_](?=\s|[.,;:!?)]|$)/g, "$1$2")
    .replace(/^\s*(#{1,6}|[-*+]|\d+[.)])\s+/gm, "")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

export function capitalize(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}

/** Lower-cases the first letter unless the first word looks like an acronym or a proper name in capitals ("ATP"). */
export function lowerFirst(text: string): string {
  const first = text.split(" ")[0] ?? "";
  if (first.length > 1 && first === first.toUpperCase()) return text;
  return text.length === 0 ? text : text[0]!.toLowerCase() + text.slice(1);
}

/** Ends with a full stop unless it already ends with punctuation. */
export function asSentence(text: string): string {
  const trimmed = capitalize(text.trim());
  return /[.!?]["”)]?$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

export function isPluralTerm(term: string): boolean {
  const last = term.trim().split(/\s+/).pop() ?? "";
  if (last.length > 1 && last === last.toUpperCase()) return false; // ATP, NADH
  const word = last.toLowerCase();
  if (PLURAL_WORDS.has(word)) return true;
  return word.length > 3 && word.endsWith("s") && !SINGULAR_S.test(word);
}

function baseForm(verb: string): string {
  if (verb === "does") return "do";
  if (verb === "has") return "have";
  if (/[^aeiou]ies$/.test(verb)) return `${verb.slice(0, -3)}y`;
  if (/(sses|shes|ches|xes|zes|oes)$/.test(verb)) return verb.slice(0, -2);
  if (verb.endsWith("s") && !verb.endsWith("ss")) return verb.slice(0, -1);
  return verb;
}

function thirdPerson(verb: string): string {
  if (verb === "do") return "does";
  if (verb === "have") return "has";
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ies`;
  if (/(s|sh|ch|x|z|o)$/.test(verb)) return `${verb}es`;
  return `${verb}s`;
}

/** Index of the verb that agrees with the subject (skipping a leading adverb). */
function headIndex(words: string[]): number {
  return words.length > 1 && (ADVERBS.has(words[0]!) || words[0]!.endsWith("ly")) ? 1 : 0;
}

/** "increases" ↔ "increase", "is" ↔ "are", "does not cause" ↔ "do not cause"; modals never change. */
export function agreePredicate(predicate: string, plural: boolean): string {
  const words = predicate.trim().split(/\s+/);
  const i = headIndex(words);
  const verb = words[i]!.toLowerCase();
  const pairs: Record<string, [string, string]> = { is: ["is", "are"], are: ["is", "are"], was: ["was", "were"], were: ["was", "were"], has: ["has", "have"], have: ["has", "have"], does: ["does", "do"], do: ["does", "do"] };
  if (pairs[verb]) words[i] = pairs[verb]![plural ? 1 : 0];
  else if (!MODALS.has(verb)) {
    const base = verb.endsWith("s") && !verb.endsWith("ss") ? baseForm(verb) : verb;
    words[i] = plural ? base : thirdPerson(base);
  }
  return words.join(" ");
}

/** "produces" → "does not produce", "is part of" → "is not part of". */
export function negatePredicate(predicate: string): string {
  const words = predicate.trim().split(/\s+/);
  const i = headIndex(words);
  const verb = words[i]!.toLowerCase();
  if (AUXILIARIES.has(verb)) words.splice(i + 1, 0, "not");
  else words.splice(i, 1, "does", "not", baseForm(verb));
  return words.join(" ");
}

/** "does not produce" → "produces"; null when the predicate carries no negation this can remove. */
export function affirmPredicate(predicate: string): string | null {
  const match = /^(?:(\w+)\s+)?(does|do|did)\s+not\s+(\w+)(.*)$/i.exec(predicate.trim());
  if (match && !match[1]) return `${match[2]!.toLowerCase() === "do" ? match[3] : thirdPerson(match[3]!)}${match[4]}`;
  const aux = /^(\w+)\s+not\s+(.*)$/i.exec(predicate.trim());
  if (aux && AUXILIARIES.has(aux[1]!.toLowerCase())) return `${aux[1]} ${aux[2]}`;
  const never = /^(never|not)\s+(.*)$/i.exec(predicate.trim());
  if (never) return never[2]!;
  return null;
}

const hasNegation = (predicate: string) => /\b(not|never|no)\b|n't\b/i.test(predicate);

/**
 * The predicate for a statement made from a relation: its own words when only the polarity changes,
 * the type's standard phrase when the type changes (an inverted relation).
 */
export function predicateFor(source: { predicate: string; relationType: TRelationType; negated: boolean }, statement: Pick<TStatement, "type" | "negated">): string {
  if (statement.type !== source.relationType || source.predicate.trim() === "") return phraseOf(statement.type, statement.negated);
  if (statement.negated === source.negated) return source.predicate;
  if (source.negated) return affirmPredicate(source.predicate) ?? phraseOf(statement.type, false);
  return hasNegation(source.predicate) ? phraseOf(statement.type, true) : negatePredicate(source.predicate);
}

/** "Glycolysis produces pyruvate." with the predicate agreeing with the subject's number. */
export function renderSentence(subject: string, predicate: string, object: string): string {
  return asSentence(`${subject} ${agreePredicate(predicate, isPluralTerm(subject))} ${object}`);
}

/** Question forms built from a predicate: "What does glycolysis produce?", "What is glycolysis the first stage of?". */
export function askObject(subject: string, predicate: string, lead = "What"): string {
  const words = agreePredicate(predicate, isPluralTerm(subject)).split(/\s+/);
  const i = headIndex(words);
  const verb = words[i]!.toLowerCase();
  const before = words.slice(0, i);
  const after = words.slice(i + 1);
  if (AUXILIARIES.has(verb) || (["has", "have"].includes(verb) && after[0] === "been")) {
    return `${lead} ${verb} ${subject} ${[...before, ...after].join(" ")}?`.replace(/\s+\?$/, "?");
  }
  const auxiliary = isPluralTerm(subject) ? "do" : "does";
  return `${lead} ${auxiliary} ${subject} ${[...before, baseForm(verb), ...after].join(" ")}?`;
}

/** "What produces pyruvate?" (the subject asked for; singular agreement, as "what" takes). */
export function askSubject(predicate: string, object: string, lead = "What"): string {
  return `${lead} ${agreePredicate(predicate, false)} ${object}?`;
}

/** "Does glycolysis produce pyruvate?" for a positive predicate. */
export function askYesNo(subject: string, predicate: string, object: string): string {
  const words = agreePredicate(predicate, isPluralTerm(subject)).split(/\s+/);
  const i = headIndex(words);
  const verb = words[i]!.toLowerCase();
  if (AUXILIARIES.has(verb)) return `${capitalize(verb)} ${subject} ${[...words.slice(0, i), ...words.slice(i + 1)].join(" ")} ${object}?`;
  const auxiliary = isPluralTerm(subject) ? "Do" : "Does";
  return `${auxiliary} ${subject} ${[...words.slice(0, i), baseForm(verb), ...words.slice(i + 1)].join(" ")} ${object}?`;
}
