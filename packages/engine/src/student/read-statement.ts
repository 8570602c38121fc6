// How the builtin student reads a sentence: the general language knowledge a base model brings, and
// nothing about the domain. Content words in order, relation verbs mapped to their type ("raises" and
// "increases" read the same), negation as a polarity flag, function words and truth-neutral framing
// ("In this process, …", "According to the text, …") dropped. Domain facts come only from training.
import { VERB_RULES } from "../knowledge/builtin/lexicon.ts";
import { RELATION_PHRASE, type TRelationType } from "../knowledge/types.ts";

export interface TReading {
  /** Content tokens in order; relation cues become "<type>" tokens. */
  tokens: string[];
  negated: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

const NEGATIONS = new Set(["not", "no", "never", "cannot", "n't", "doesn't", "don't", "isn't", "aren't", "won't", "can't"]);

const FUNCTION_WORDS = new Set([
  "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "as", "and", "or", "is", "are", "was", "were", "be", "been",
  "being", "do", "does", "did", "has", "have", "had", "it", "its", "this", "that", "these", "those", "which", "who", "whom", "there",
  "their", "they", "from", "into", "than", "so", "such", "can", "may", "might", "will", "would", "should", "also", "then", "all",
]);

/** Multi-word relation phrases, longest first, as token sequences → type. */
const PHRASES: { words: string[]; type: TRelationType }[] = (Object.entries(RELATION_PHRASE) as [TRelationType, string][])
  .map(([type, phrase]) => ({ type, words: phrase.split(" ") }))
  .filter((p) => p.words.length > 1)
  .map((p) => ({ ...p, words: p.words.filter((w) => !FUNCTION_WORDS.has(w) || w === "part" || w === "example") }))
  .filter((p) => p.words.length > 0)
  .sort((a, b) => b.words.length - a.words.length);

/** Verb forms → lemma, by the usual English endings (good enough to look a lemma up). */
function lemmaCandidates(word: string): string[] {
  const out = [word];
  if (word.endsWith("ies")) out.push(`${word.slice(0, -3)}y`);
  if (word.endsWith("es")) out.push(word.slice(0, -2));
  if (word.endsWith("s")) out.push(word.slice(0, -1));
  if (word.endsWith("ied")) out.push(`${word.slice(0, -3)}y`);
  if (word.endsWith("ed")) out.push(word.slice(0, -2), word.slice(0, -1));
  if (word.endsWith("ing")) out.push(word.slice(0, -3), `${word.slice(0, -3)}e`);
  return out;
}

function relationTypeOf(word: string): TRelationType | null {
  for (const lemma of lemmaCandidates(word)) {
    const rule = VERB_RULES.get(lemma);
    if (rule && !rule.swap) return rule.type;
  }
  return null;
}

/** Framing that says nothing about truth: a leading "In …," / "According to …," clause and a trailing "in this process". */
export function stripFraming(text: string): string {
  return text
    .trim()
    .replace(/^(?:in|according to|within|for|during)\s+[^,]{1,80},\s+/iu, "")
    .replace(/\s+in this process(?=[.!?]?$)/iu, "");
}

export function readStatement(text: string): TReading {
  const words = stripFraming(text).normalize("NFKC").toLowerCase().match(WORD) ?? [];
  const tokens: string[] = [];
  let negated = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (NEGATIONS.has(word) || word.endsWith("n't")) {
      negated = !negated;
      continue;
    }
    const phrase = PHRASES.find((p) => p.words.every((w, k) => words[i + k] === w));
    if (phrase) {
      tokens.push(`<${phrase.type}>`);
      i += phrase.words.length - 1;
      continue;
    }
    if (FUNCTION_WORDS.has(word)) continue;
    const type = relationTypeOf(word);
    tokens.push(type ? `<${type}>` : word);
  }
  return { tokens, negated };
}

/** Sentences of a text: split after . ! ? (and line breaks), quotes kept with their sentence. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?]["”’)]?)\s+|\n+/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
