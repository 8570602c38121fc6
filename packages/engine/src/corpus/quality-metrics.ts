// Measurements behind the quality rules, each a pure function of the chunk text. Kept apart from
// the rules so thresholds can be tuned (and the measurements shown in the UI) without re-reading code.
import { CharClass, classifyChar } from "./tokenize.ts";

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

export function extractWords(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []) as string[];
}

export function splitNonBlankLines(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

const TABLE_ROW = /\|.*\|/;
const HEADING_LINE = /^#{1,6}\s/;
const SENTENCE_PUNCTUATION = /[.!?:;,)"”]$/;
const WORD_CHAR = /[\p{L}\p{N}]/u;

// Whether a code point is a letter or digit, cached per BMP code unit (1 = no, 2 = yes).
const wordCharTable = new Uint8Array(65536);

function isWordCodePoint(code: number): boolean {
  if (code > 0xffff) return WORD_CHAR.test(String.fromCodePoint(code));
  let known = wordCharTable[code]!;
  if (known === 0) {
    // A lone surrogate is no letter, as with the `u` regex that this replaces.
    known = code >= 0xd800 && code <= 0xdfff ? 1 : WORD_CHAR.test(String.fromCharCode(code)) ? 2 : 1;
    wordCharTable[code] = known;
  }
  return known === 2;
}

/** `line.match(/[\p{L}\p{N}]+/gu).length` without building the array: runs of letters and digits, by code point. */
function countWordsInLine(line: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    let code = line.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < line.length) {
      const low = line.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    const isWord = isWordCodePoint(code);
    if (isWord && !inWord) words++;
    inWord = isWord;
  }
  return words;
}

/** Short lines without sentence punctuation (menus, breadcrumbs) among lines that are not table rows or headings. */
export function measureShortLines(lines: string[], maxWords: number): { share: number; lines: number } {
  let considered = 0;
  let short = 0;
  for (const raw of lines) {
    const line = raw.replace(/^(>\s*)+/, "");
    const words = countWordsInLine(line);
    if (words === 0 || TABLE_ROW.test(line) || HEADING_LINE.test(line)) continue;
    considered++;
    if (words <= maxWords && !SENTENCE_PUNCTUATION.test(line)) short++;
  }
  return { share: considered === 0 ? 0 : short / considered, lines: considered };
}

// Phrases that mark page chrome rather than content; matched only on short lines, since a
// paragraph may legitimately discuss copyright or cookies.
const BOILERPLATE = [
  /all rights reserved/i,
  /\b(accept|use of|we use|manage|allow)\b.{0,20}\bcookies?\b/i,
  /^cookies?\b/i,
  /click here/i,
  /skip to (main )?content/i,
  /^\s*(©|\(c\)|copyright)\s*(©\s*)?\d{4}/i,
  /privacy policy|terms of (use|service)|cookie policy/i,
  /^(sign in|log in|sign up|subscribe|register|back to top|read more|share (on|this))\b/i,
  /^\[[^\]]+\]\([^)]*\)$/, // a line that is nothing but a Markdown link
];
const BOILERPLATE_MAX_WORDS = 25;

export function measureBoilerplateLines(lines: string[]): number {
  if (lines.length === 0) return 0;
  let hits = 0;
  for (const line of lines) {
    const words = countWordsInLine(line);
    if (words <= BOILERPLATE_MAX_WORDS && BOILERPLATE.some((pattern) => pattern.test(line))) hits++;
  }
  return hits / lines.length;
}

// Markdown syntax is formatting, not symbols in the content.
function stripMarkup(text: string): string {
  return text
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/\]\([^)]*\)/g, " ")
    .replace(/\*\*|__|`/g, "")
    .replace(/^[ \t]*(#{1,6}|[-*+]|\d+[.)]|>)[ \t]+/gm, "")
    .replace(/^[ \t]*\|?[ \t]*:?-{3,}.*$/gm, "")
    .replace(/\|/g, " ");
}

export function measureSymbolShare(text: string): number {
  const stripped = stripMarkup(text);
  let symbols = 0;
  let visible = 0;
  for (let i = 0; i < stripped.length; i++) {
    const cls = classifyChar(stripped.charCodeAt(i));
    if (cls === CharClass.Space) continue;
    visible++;
    if (cls === CharClass.Symbol) symbols++;
  }
  return visible === 0 ? 0 : symbols / visible;
}

export function countLatexCommands(text: string): number {
  return text.match(/\\[a-zA-Z]+/g)?.length ?? 0;
}

export function measureCjkShare(text: string): number {
  let cjk = 0;
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const cls = classifyChar(text.charCodeAt(i));
    if (cls === CharClass.Cjk) cjk++;
    else if (cls === CharClass.Letter) letters++;
  }
  return cjk + letters === 0 ? 0 : cjk / (cjk + letters);
}

export function measureStopwordShare(words: string[], stopwords: ReadonlySet<string>): number {
  if (words.length === 0) return 0;
  let hits = 0;
  for (const word of words) if (stopwords.has(word)) hits++;
  return hits / words.length;
}

/** Lines that carry words; Markdown scaffolding such as `>`, `---` or `|---|` repeats harmlessly. */
export function selectContentLines(lines: string[]): string[] {
  return lines.filter((line) => /[\p{L}\p{N}]/u.test(line));
}

const ALL_DIGITS = /^\p{N}+$/u;

/** Words of the lines that are prose (not table rows), letters only: tables of numbers say nothing about language. */
export function extractProseWords(lines: string[]): string[] {
  const words: string[] = [];
  for (const line of lines) {
    if (TABLE_ROW.test(line)) continue;
    for (const word of extractWords(line)) {
      // A word starting with a letter cannot be all digits: skip the regex for the common case.
      if (!isAsciiLetter(word.charCodeAt(0)) && ALL_DIGITS.test(word)) continue;
      words.push(word);
    }
  }
  return words;
}

const isAsciiLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

export function measureDuplicateLines(lines: string[]): { share: number; charShare: number } {
  if (lines.length === 0) return { share: 0, charShare: 0 };
  const seen = new Set<string>();
  let duplicates = 0;
  let duplicateChars = 0;
  let chars = 0;
  for (const line of lines) {
    chars += line.length;
    if (seen.has(line)) {
      duplicates++;
      duplicateChars += line.length;
    } else seen.add(line);
  }
  return { share: duplicates / lines.length, charShare: chars === 0 ? 0 : duplicateChars / chars };
}

// Repetition over word n-grams lives in its own module; re-exported so the rules import one place.
export { measureNgramRepetition } from "./quality-ngrams.ts";

// Counts per UTF-16 code unit in a reused table (zeroed again after each use), and the distinct
// codes in first-seen order: the entropy is summed in that order, exactly as a Map would iterate.
const charCounts = new Int32Array(65536);

export function measureCharEntropy(text: string): number {
  const lower = text.toLowerCase();
  const total = lower.length;
  const order: number[] = [];
  for (let i = 0; i < total; i++) {
    const c = lower.charCodeAt(i);
    if (charCounts[c]!++ === 0) order.push(c);
  }
  let entropy = 0;
  for (const c of order) {
    const p = charCounts[c]! / total;
    charCounts[c] = 0;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

export function measureUniqueWordShare(words: string[]): number {
  return words.length === 0 ? 0 : new Set(words).size / words.length;
}
