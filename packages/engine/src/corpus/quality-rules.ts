// The quality rules: each turns measurements of a chunk into checks against one threshold of
// TQualitySettings. A check records its value, so a kept chunk can still show how close it came.
import type { TQualitySettings } from "./quality-settings.ts";
import {
  countLatexCommands,
  extractProseWords,
  extractWords,
  measureBoilerplateLines,
  measureCharEntropy,
  measureCjkShare,
  measureDuplicateLines,
  measureNgramRepetition,
  measureShortLines,
  measureStopwordShare,
  measureSymbolShare,
  measureUniqueWordShare,
  selectContentLines,
  splitNonBlankLines,
} from "./quality-metrics.ts";
import { STOPWORDS } from "./stopwords.ts";
import { countTokens } from "./tokenize.ts";

export const QUALITY_REASON_CODES = [
  "too_short",
  "navigation",
  "boilerplate",
  "symbol_density",
  "latex_density",
  "wrong_language",
  "duplicate_lines",
  "repeated_ngrams",
  "low_information",
] as const;
export type TQualityReasonCode = (typeof QUALITY_REASON_CODES)[number];

export interface TCheck {
  code: TQualityReasonCode;
  value: number;
  threshold: number;
  /** "max": fails above the threshold; "min": fails below it. */
  kind: "max" | "min";
  detail: string;
}

interface TChunkView {
  text: string;
  words: string[];
  lines: string[];
  metrics: Record<string, number>;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const round = (x: number) => Math.round(x * 10000) / 10000;
type TMakeCheck = (code: TQualityReasonCode, value: number, threshold: number, detail: string) => TCheck;
const atMost: TMakeCheck = (code, value, threshold, detail) => ({ code, kind: "max", value, threshold, detail });
const atLeast: TMakeCheck = (code, value, threshold, detail) => ({ code, kind: "min", value, threshold, detail });

function checkLength({ metrics }: TChunkView, { minTokens }: TQualitySettings["length"]): TCheck[] {
  return [atLeast("too_short", metrics.tokens!, minTokens, `${metrics.tokens} tokens; at least ${minTokens} needed`)];
}

function checkBoilerplate({ lines, metrics }: TChunkView, rule: TQualitySettings["boilerplate"]): TCheck[] {
  const shortLines = measureShortLines(lines, rule.shortLineWords);
  metrics.shortLineShare = round(shortLines.share);
  metrics.boilerplateLineShare = round(measureBoilerplateLines(lines));
  const checks = [
    atMost("boilerplate", metrics.boilerplateLineShare, rule.maxBoilerplateLineShare, `${pct(metrics.boilerplateLineShare)} of lines are page boilerplate (cookies, copyright, "click here"…)`),
  ];
  if (shortLines.lines >= rule.minLines) {
    const detail = `${pct(shortLines.share)} of lines are menu-like (≤ ${rule.shortLineWords} words, no punctuation)`;
    checks.push(atMost("navigation", metrics.shortLineShare, rule.maxShortLineShare, detail));
  }
  return checks;
}

function checkSymbols({ text, words, metrics }: TChunkView, rule: TQualitySettings["symbols"]): TCheck[] {
  metrics.symbolShare = round(measureSymbolShare(text));
  metrics.latexPerWord = round(countLatexCommands(text) / Math.max(1, words.length));
  return [
    atMost("symbol_density", metrics.symbolShare, rule.maxSymbolShare, `${pct(metrics.symbolShare)} of visible characters are symbols`),
    atMost("latex_density", metrics.latexPerWord, rule.maxLatexPerWord, `${metrics.latexPerWord} LaTeX commands per word`),
  ];
}

function checkLanguage({ text, lines, metrics }: TChunkView, rule: TQualitySettings["language"]): TCheck[] {
  if (rule.expected === "any") return [];
  metrics.cjkShare = round(measureCjkShare(text));
  if (rule.expected === "zh") {
    return [atLeast("wrong_language", metrics.cjkShare, rule.minCjkShare, `${pct(metrics.cjkShare)} of letters are Chinese characters`)];
  }
  if (metrics.cjkShare > rule.minCjkShare) {
    return [atLeast("wrong_language", 0, rule.minStopwordShare, `mostly CJK characters (${pct(metrics.cjkShare)}), expected ${rule.expected}`)];
  }
  const proseWords = extractProseWords(lines);
  if (proseWords.length < rule.minWords) return [];
  metrics.stopwordShare = round(measureStopwordShare(proseWords, STOPWORDS[rule.expected]));
  const detail = `only ${pct(metrics.stopwordShare)} of words are common ${rule.expected} words (prose has 30–50%): another language, or not prose`;
  return [atLeast("wrong_language", metrics.stopwordShare, rule.minStopwordShare, detail)];
}

function checkRepetition({ words, lines, metrics }: TChunkView, rule: TQualitySettings["repetition"]): TCheck[] {
  const checks: TCheck[] = [];
  const contentLines = selectContentLines(lines);
  const dup = measureDuplicateLines(contentLines);
  metrics.duplicateLineShare = round(dup.share);
  metrics.duplicateLineCharShare = round(dup.charShare);
  if (contentLines.length >= 3) {
    checks.push(atMost("duplicate_lines", metrics.duplicateLineShare, rule.maxDuplicateLineShare, `${pct(dup.share)} of lines repeat an earlier line`));
    const detail = `${pct(dup.charShare)} of line characters are in repeated lines`;
    checks.push(atMost("duplicate_lines", metrics.duplicateLineCharShare, rule.maxDuplicateLineCharShare, detail));
  }
  if (words.length < rule.minWords) return checks;
  const ngrams = measureNgramRepetition(words);
  ngrams.top.forEach((value, i) => {
    const share = (metrics[`top${i + 2}gramCharShare`] = round(value));
    const detail = `the most frequent ${i + 2}-word phrase covers ${pct(value)} of the text`;
    checks.push(atMost("repeated_ngrams", share, rule.maxTopNgramCharShare[i]!, detail));
  });
  ngrams.duplicate.forEach((value, i) => {
    const share = (metrics[`duplicate${i + 5}gramCharShare`] = round(value));
    checks.push(atMost("repeated_ngrams", share, rule.maxDuplicateNgramCharShare[i]!, `repeated ${i + 5}-word phrases cover ${pct(value)} of the text`));
  });
  return checks;
}

function checkInformation({ text, words, metrics }: TChunkView, rule: TQualitySettings["information"]): TCheck[] {
  const checks: TCheck[] = [];
  metrics.charEntropy = round(measureCharEntropy(text));
  // Entropy of a few dozen characters says nothing; the length rule handles those.
  if (text.length >= 200) {
    checks.push(atLeast("low_information", metrics.charEntropy, rule.minCharEntropy, `character entropy ${metrics.charEntropy.toFixed(2)} bits`));
  }
  if (words.length >= rule.minWords) {
    metrics.uniqueWordShare = round(measureUniqueWordShare(words));
    checks.push(atLeast("low_information", metrics.uniqueWordShare, rule.minUniqueWordShare, `only ${pct(metrics.uniqueWordShare)} of words are distinct`));
  }
  return checks;
}

/** Every enabled rule's checks; fills `metrics` with each measurement taken. */
export function collectChecks(text: string, settings: TQualitySettings, metrics: Record<string, number>): TCheck[] {
  const view: TChunkView = { text, words: extractWords(text), lines: splitNonBlankLines(text), metrics };
  metrics.tokens = countTokens(text);
  metrics.words = view.words.length;
  metrics.lines = view.lines.length;
  return [
    ...(settings.length.enabled ? checkLength(view, settings.length) : []),
    ...(settings.boilerplate.enabled ? checkBoilerplate(view, settings.boilerplate) : []),
    ...(settings.symbols.enabled ? checkSymbols(view, settings.symbols) : []),
    ...(settings.language.enabled ? checkLanguage(view, settings.language) : []),
    ...(settings.repetition.enabled ? checkRepetition(view, settings.repetition) : []),
    ...(settings.information.enabled ? checkInformation(view, settings.information) : []),
  ];
}
