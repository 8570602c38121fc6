// Concept mentions in one sentence: terms the chunk itself marks (glossary, bold, definitions,
// acronyms) first, then noun phrases from part-of-speech patterns (ADJ* NOUN+, PROPN+) for the rest.
import { normalizeTermKey, singularizeWord } from "../normalize-term.ts";
import { DOWN_WORDS, GENERIC_NOUNS, TRIM_ADJECTIVES, UP_WORDS, VERB_FORMS_BASE, VERB_FORMS_S } from "./lexicon.ts";
import type { TToken } from "./tag-text.ts";

export interface TMention {
  /** Token range [start, end) in the sentence. */
  start: number;
  end: number;
  key: string;
  /** The words as written (markup removed). */
  surface: string;
  /** +1 for "an increase in X" / "higher X", −1 for "a fall in X" / "lower X", else 0. */
  sign: -1 | 0 | 1;
}

/** Match key (term key or alias key such as "atp") → the chunk's concept key. */
export type TTermDictionary = Map<string, string>;

const MAX_PHRASE_TOKENS = 5;
const MAX_DICTIONARY_TOKENS = 8;
const LABEL_WORDS = new Set(["figure", "fig", "table", "chapter", "section", "equation", "eq", "box", "appendix", "unit", "module", "page", "step"]);

const isNominal = (t: TToken): boolean => t.pos === "NOUN" || t.pos === "PROPN";
const isWordlike = (t: TToken): boolean => /[\p{L}\p{N}]/u.test(t.text);

/** A token's form in a key: lower case, NFKC (subscripts → digits), unified dashes. */
export function formOf(t: TToken): string {
  return t.lower.normalize("NFKC").replace(/[‐‑‒–—]/g, "-").replace(/[’‘]/g, "'");
}

export function surfaceOf(clean: string, tokens: TToken[], start: number, end: number): string {
  return clean.slice(tokens[start]!.start, tokens[end - 1]!.end).replace(/\s+/g, " ");
}

function signOfWord(lower: string): -1 | 0 | 1 {
  return UP_WORDS.has(lower) ? 1 : DOWN_WORDS.has(lower) ? -1 : 0;
}

/** "an increase in X", "a decline of the X": the direction word two or three tokens before X. */
function signBefore(tokens: TToken[], start: number): -1 | 0 | 1 {
  let k = start - 1;
  while (k >= 0 && tokens[k]!.pos === "DET") k--;
  if (k < 1 || (tokens[k]!.lower !== "in" && tokens[k]!.lower !== "of")) return 0;
  return signOfWord(tokens[k - 1]!.lower);
}

const CONTINUES = new Set(["DET", "ADJ", "NOUN", "PROPN", "NUM", "ADV", "PRON"]);
const isPluralNoun = (t: TToken): boolean => isNominal(t) && /[^su]s$/.test(t.lower);

/** A verb the tagger read as a noun inside a run: "drives" in "the chain drives ATP synthase". */
function isHiddenVerb(tokens: TToken[], j: number, runStart: number): boolean {
  const u = tokens[j]!;
  const next = tokens[j + 1];
  if (j === runStart || !next) return false;
  // After a plural noun a base form agrees as a verb ("payments decline as …"); a singular noun takes the noun reading.
  if (VERB_FORMS_BASE.has(u.lower) && isPluralNoun(tokens[j - 1]!)) return CONTINUES.has(next.pos) || next.pos === "ADP" || next.pos === "SCONJ";
  return VERB_FORMS_S.has(u.lower) && CONTINUES.has(next.pos);
}

/** A past participle closing a clause after a noun is part of the term: "the quantity demanded." */
function isPostModifier(tokens: TToken[], j: number): boolean {
  const u = tokens[j]!;
  const next = tokens[j + 1];
  return u.pos === "VERB" && u.lower.endsWith("ed") && isNominal(tokens[j - 1]!) && (!next || next.pos === "PUNCT" || next.pos === "CCONJ");
}

/** A base-form "verb" between a singular noun and a noun is a compound: "electron transfer systems". */
function isCompoundVerb(tokens: TToken[], j: number): boolean {
  const u = tokens[j]!;
  const prev = tokens[j - 1];
  const next = tokens[j + 1];
  return u.pos === "VERB" && u.lower === u.lemma && !!prev && prev.pos === "NOUN" && !isPluralNoun(prev) && !!next && isNominal(next);
}

/** Noun phrases: maximal runs of ADJ/NOUN/PROPN (hyphenated and glued tokens join), ending in a noun. */
export function findNounPhrases(tokens: TToken[]): { start: number; end: number; sign: -1 | 0 | 1 }[] {
  const found: { start: number; end: number; sign: -1 | 0 | 1 }[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (!(isNominal(t) || t.pos === "ADJ")) {
      i++;
      continue;
    }
    const runStart = i;
    let j = i + 1;
    let next = -1;
    while (j < tokens.length) {
      const u = tokens[j]!;
      if (isHiddenVerb(tokens, j, runStart)) {
        next = j + 1;
        break;
      }
      if (isNominal(u) || u.pos === "ADJ" || isCompoundVerb(tokens, j)) j++;
      else if (isPostModifier(tokens, j)) {
        j++;
        break;
      } else if (u.attached && (u.text === "-" || u.text === "/") && tokens[j + 1]?.attached && isWordlike(tokens[j + 1]!)) j += 2;
      else if (u.attached && u.pos !== "PUNCT" && u.pos !== "PART" && isWordlike(u)) j++;
      else break;
    }
    i = next > 0 ? next : j;
    let start = runStart;
    let end = j;
    const postModified = end > runStart + 1 && tokens[end - 1]!.pos === "VERB";
    if (!postModified) while (end > start && !isNominal(tokens[end - 1]!) && !tokens[end - 1]!.attached) end--;
    let sign: -1 | 0 | 1 = 0;
    while (start < end && TRIM_ADJECTIVES.has(tokens[start]!.lower)) {
      sign = sign || signOfWord(tokens[start]!.lower);
      start++;
    }
    if (end - start > MAX_PHRASE_TOKENS) start = end - MAX_PHRASE_TOKENS;
    while (start < end && start > runStart && tokens[start]!.attached) start++;
    if (start >= end || LABEL_WORDS.has(tokens[start]!.lower)) continue;
    if (!tokens.slice(start, end).some(isNominal)) continue;
    if (end - start === 1) {
      const only = tokens[start]!;
      if (GENERIC_NOUNS.has(only.lower) || GENERIC_NOUNS.has(singularizeWord(only.lower))) continue;
      if (only.text.length < 2 || !/\p{L}/u.test(only.text)) continue;
    }
    found.push({ start, end, sign: sign || signBefore(tokens, start) });
  }
  return found;
}

/**
 * Dictionary terms in a sentence, longest first at each position. `nominalHead`: the last word must
 * not be tagged as a verb here (for phrases learnt from elsewhere in the chunk, not for marked terms).
 */
function findDictionaryTerms(clean: string, tokens: TToken[], dictionary: TTermDictionary, nominalHead: boolean): TMention[] {
  const forms = tokens.map(formOf);
  const found: TMention[] = [];
  for (let a = 0; a < tokens.length; a++) {
    if (!isWordlike(tokens[a]!) || tokens[a]!.attached) continue;
    let prefix = "";
    let best = -1;
    let bestKey = "";
    for (let b = a; b < Math.min(tokens.length, a + MAX_DICTIONARY_TOKENS); b++) {
      const sep = b === a || tokens[b]!.attached ? "" : " ";
      const key = dictionary.get(prefix + sep + singularizeWord(forms[b]!));
      if (key && isWordlike(tokens[b]!) && !(nominalHead && (tokens[b]!.pos === "VERB" || tokens[b]!.pos === "AUX"))) {
        best = b;
        bestKey = key;
      }
      prefix += sep + forms[b]!;
    }
    if (best < 0) continue;
    // A term glued to more letters ("ATPase" is not "ATP") is not a mention of it.
    const after = tokens[best + 1];
    if (after?.attached && isWordlike(after)) continue;
    found.push({ start: a, end: best + 1, key: bestKey, surface: surfaceOf(clean, tokens, a, best + 1), sign: signBefore(tokens, a) });
    a = best;
  }
  return found;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;

/**
 * Mentions in a sentence, left to right, non-overlapping. A term the chunk marks (glossary, bold,
 * definition, acronym) wins over a noun phrase it heads ("extreme acidophiles" → "acidophile"); a
 * noun phrase wins over a term that only modifies it ("ATP synthase" is not "ATP"). A phrase seen
 * elsewhere in the chunk wins where the tagger cut it short here ("black markets" after "to").
 */
export function findMentions(clean: string, tokens: TToken[], marked: TTermDictionary, phrases: TTermDictionary = new Map()): TMention[] {
  const terms = marked.size > 0 ? findDictionaryTerms(clean, tokens, marked, false) : [];
  const learnt = phrases.size > 0 ? findDictionaryTerms(clean, tokens, phrases, true).filter((m) => !terms.some((t) => overlaps(t, m))) : [];
  const droppedTerms = new Set<TMention>();
  const droppedLearnt = new Set<TMention>();
  const candidates: TMention[] = [];
  for (const phrase of findNounPhrases(tokens)) {
    const inside = terms.filter((t) => overlaps(t, phrase));
    if (inside.some((t) => t.end >= phrase.end || t.start < phrase.start)) continue;
    const longer = learnt.filter((t) => overlaps(t, phrase));
    if (longer.some((t) => t.start < phrase.start || t.end > phrase.end)) continue;
    inside.forEach((t) => droppedTerms.add(t));
    longer.forEach((t) => droppedLearnt.add(t));
    const surface = surfaceOf(clean, tokens, phrase.start, phrase.end);
    const key = normalizeTermKey(surface);
    if (key.length >= 2) candidates.push({ start: phrase.start, end: phrase.end, key, surface, sign: phrase.sign });
  }
  candidates.push(...terms.filter((t) => !droppedTerms.has(t)), ...learnt.filter((t) => !droppedLearnt.has(t)));
  // Longest first at equal starts; anything overlapping an earlier pick is dropped.
  candidates.sort((x, y) => x.start - y.start || y.end - x.end);
  const mentions: TMention[] = [];
  for (const m of candidates) if (!mentions.some((k) => overlaps(k, m))) mentions.push(m);
  return mentions;
}

/** Multi-word noun phrases of the chunk, so a later sentence where the tagger errs still finds them. */
export function collectPhraseDictionary(sentences: { tokens: TToken[]; clean: string }[], marked: TTermDictionary): TTermDictionary {
  const phrases: TTermDictionary = new Map();
  for (const { tokens, clean } of sentences) {
    for (const p of findNounPhrases(tokens)) {
      if (p.end - p.start < 2) continue;
      const key = normalizeTermKey(surfaceOf(clean, tokens, p.start, p.end));
      if (key.includes(" ") && !marked.has(key) && !phrases.has(key)) phrases.set(key, key);
    }
  }
  return phrases;
}
