// The terms a chunk marks as its own, and their definitions: glossary entries, **bold** key terms,
// "X is defined as / refers to / is a …", "called X", "known as X", and acronyms "long form (LF)".
// Later mentions of any of them map to one concept key, whatever the part-of-speech tagger says.
import { listKeyVariants, looksLikeAcronym, matchAcronym, normalizeTermKey } from "../normalize-term.ts";
import type { TSpan } from "../types.ts";
import { mapSpan, type TBlock } from "./markdown-blocks.ts";
import { findNounPhrases, surfaceOf, type TTermDictionary } from "./mentions.ts";
import type { TChunkSentences, TSentence } from "./sentences.ts";

/** Lower is better: a glossary entry beats an explicit "defined as", which beats "X is a …", which beats a bold term's sentence. */
export const DefinitionRank = { Glossary: 1, Explicit: 2, Copula: 3, Bold: 4 } as const;
export type TDefinitionRank = (typeof DefinitionRank)[keyof typeof DefinitionRank];

export interface TTermInfo {
  key: string;
  term: string;
  aliases: Set<string>;
  definition: { text: string; span: TSpan; rank: TDefinitionRank } | null;
}

export interface TTermIndex {
  dictionary: TTermDictionary;
  terms: Map<string, TTermInfo>;
}

const MAX_TERM_WORDS = 6;
const NAMING_CUES: readonly string[][] = [["called"], ["termed"], ["named"], ["known", "as"], ["referred", "to", "as"]];
const LABEL = /^(?:figure|fig|table|example|note|check|link|clinical|micro|case|eye|disease|career|chapter|section|box|step|part)\b/i;

function matchWords(sentence: TSentence, at: number, words: readonly string[]): boolean {
  return words.every((w, k) => sentence.tokens[at + k]?.lower === w);
}

/** Creates (or enriches) the entry of a term; returns its key, or null for an unusable term. */
export function registerTerm(index: TTermIndex, surface: string, definition?: { text: string; span: TSpan; rank: TDefinitionRank }): string | null {
  const clean = surface.replace(/\s+/g, " ").trim();
  const key = normalizeTermKey(clean);
  if (key.length < 2 || key.split(" ").length > MAX_TERM_WORDS || !/\p{L}/u.test(key)) return null;
  let info = index.terms.get(key);
  if (!info) {
    info = { key, term: clean.replace(/^(?:the|a|an)\s+/i, ""), aliases: new Set(), definition: null };
    index.terms.set(key, info);
    for (const variant of listKeyVariants(key)) if (!index.dictionary.has(variant)) index.dictionary.set(variant, key);
  }
  if (definition && (!info.definition || definition.rank < info.definition.rank)) info.definition = definition;
  return key;
}

function addAlias(index: TTermIndex, key: string, alias: string): void {
  const aliasKey = normalizeTermKey(alias);
  if (!aliasKey || aliasKey === key) return;
  index.terms.get(key)?.aliases.add(alias);
  if (!index.dictionary.has(aliasKey)) index.dictionary.set(aliasKey, key);
}

function readGlossaryEntry(index: TTermIndex, block: TBlock): void {
  const clean = block.clean;
  let term: string | null = null;
  let defStart = -1;
  const bold = block.bold[0];
  if (bold && !clean.slice(0, bold.start).trim()) {
    term = clean.slice(bold.start, bold.end).replace(/[:.\s]+$/, "");
    defStart = bold.end + (/^\s*[:–—-]?\s*/.exec(clean.slice(bold.end))?.[0].length ?? 0);
  } else {
    const colon = /^([^:]{2,80}?)\s*[:–—]\s+/.exec(clean);
    if (colon) {
      term = colon[1]!;
      defStart = colon[0].length;
    }
  }
  const text = defStart >= 0 ? clean.slice(defStart).trim() : "";
  if (!term || !text) return;
  // The span covers the whole entry, term included, so it can be checked to mention the term.
  const first = clean.search(/\S/);
  registerTerm(index, term, { text, span: mapSpan(block, first, clean.trimEnd().length), rank: DefinitionRank.Glossary });
}

function readBoldTerms(index: TTermIndex, sentence: TSentence): void {
  const { block, tokens } = sentence;
  for (const bold of block.bold) {
    if (bold.end <= tokens[0]!.start || bold.start >= tokens[tokens.length - 1]!.end) continue;
    const raw = block.clean.slice(bold.start, bold.end).trim();
    // Run-in labels ("**Figure 1.**", "**Check Your Understanding**") are not terms.
    if (!raw || /[.:!?]$/.test(raw) || LABEL.test(raw) || /\d/.test(raw) || raw.split(/\s+/).length > MAX_TERM_WORDS) continue;
    if (block.clean.trim() === raw) continue;
    // A bold stem with a plural outside it ("**neutrophile**s") takes the whole token.
    const from = tokens.findIndex((t) => t.end > bold.start);
    let to = from;
    while (to < tokens.length && tokens[to]!.start < bold.end) to++;
    if (from < 0 || to <= from) continue;
    const surface = surfaceOf(block.clean, tokens, from, to);
    registerTerm(index, surface, { text: sentence.text, span: sentence.span, rank: DefinitionRank.Bold });
  }
}

function readDefinitionPatterns(index: TTermIndex, sentence: TSentence, phrases: { start: number; end: number }[]): void {
  const { tokens } = sentence;
  const definition = (rank: TDefinitionRank) => ({ text: sentence.text, span: sentence.span, rank });
  // "… is called X", "… known as X": the phrase right after the cue is the term.
  for (let i = 0; i < tokens.length; i++) {
    const cue = NAMING_CUES.find((words) => matchWords(sentence, i, words));
    if (!cue) continue;
    let k = i + cue.length;
    while (tokens[k]?.pos === "DET") k++;
    const phrase = phrases.find((p) => p.start === k);
    if (phrase) registerTerm(index, surfaceOf(sentence.block.clean, tokens, phrase.start, phrase.end), definition(DefinitionRank.Explicit));
  }
  // "X is defined as …", "X refers to …", "X is a …", "X, which is …" with X opening the sentence.
  let s = 0;
  while (tokens[s]?.pos === "DET") s++;
  const subject = phrases.find((p) => p.start === s);
  if (!subject) return;
  const surface = surfaceOf(sentence.block.clean, tokens, subject.start, subject.end);
  let v = subject.end;
  if (tokens[v]?.text === "," && tokens[v + 1]?.lower === "which") v += 2;
  const verb = tokens[v];
  if (!verb) return;
  const next = tokens[v + 1]?.lower ?? "";
  if ((verb.lemma === "be" && next === "defined" && tokens[v + 2]?.lower === "as") || (verb.lemma === "refer" && next === "to") || verb.lower === "means") {
    registerTerm(index, surface, definition(DefinitionRank.Explicit));
  } else if (verb.lemma === "be" && (next === "a" || next === "an" || next === "the" || tokens[v + 1]?.pos === "NOUN")) {
    registerTerm(index, surface, definition(DefinitionRank.Copula));
  }
}

function readAcronyms(index: TTermIndex, sentence: TSentence, phrases: { start: number; end: number }[]): void {
  const { tokens, block } = sentence;
  for (let i = 1; i + 2 < tokens.length; i++) {
    if (tokens[i]!.text !== "(" || tokens[i + 2]!.text !== ")") continue;
    const inner = tokens[i + 1]!.text;
    const before = phrases.find((p) => p.end === i);
    if (looksLikeAcronym(inner) && before) {
      // "adenosine triphosphate (ATP)"
      const longForm = matchAcronym(inner, surfaceOf(block.clean, tokens, before.start, before.end));
      const key = longForm && registerTerm(index, longForm);
      if (key) addAlias(index, key, inner);
      continue;
    }
    const acronym = tokens[i - 1]!.text;
    const inside = phrases.find((p) => p.start === i + 1);
    if (looksLikeAcronym(acronym) && inside) {
      // "ATP (adenosine triphosphate)": the long form may run past one token.
      if (tokens[inside.end]?.text !== ")") continue;
      const longForm = surfaceOf(block.clean, tokens, inside.start, inside.end);
      if (matchAcronym(acronym, longForm) !== longForm) continue;
      const key = registerTerm(index, longForm);
      if (key) addAlias(index, key, acronym);
    }
  }
}

/** Builds the chunk's term dictionary; glossary sections give definitions but no sentences to extract from. */
export function buildTermIndex(chunk: TChunkSentences): TTermIndex {
  const index: TTermIndex = { dictionary: new Map(), terms: new Map() };
  for (const block of chunk.blocks) if (chunk.sections[block.section]!.glossary) readGlossaryEntry(index, block);
  for (const sentence of chunk.sentences) {
    if (sentence.section.glossary) continue;
    const phrases = findNounPhrases(sentence.tokens);
    readBoldTerms(index, sentence);
    readAcronyms(index, sentence, phrases);
    if (!sentence.section.skip && !sentence.question) readDefinitionPatterns(index, sentence, phrases);
  }
  return index;
}
