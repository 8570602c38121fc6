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
const WORD_IN_LINE = /[\p{L}\p{N}]+/gu;

/** Short lines without sentence punctuation (menus, breadcrumbs) among lines that are not table rows or headings. */
export function measureShortLines(lines: string[], maxWords: number): { share: number; lines: number } {
  let considered = 0;
  let short = 0;
  for (const raw of lines) {
    const line = raw.replace(/^(>\s*)+/, "");
    const words = line.match(WORD_IN_LINE)?.length ?? 0;
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
    const words = line.match(WORD_IN_LINE)?.length ?? 0;
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

/** Words of the lines that are prose (not table rows), letters only: tables of numbers say nothing about language. */
export function extractProseWords(lines: string[]): string[] {
  return lines
    .filter((line) => !TABLE_ROW.test(line))
    .flatMap(extractWords)
    .filter((word) => !/^\p{N}+$/u.test(word));
}

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

function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

// A 30-bit key per n-gram: small integers keep the Map on V8's fast path, and with a few hundred
// n-grams per chunk the chance of any collision is ~1e-4 (and would only nudge a share).
function ngramKey(hashes: Uint32Array, i: number, n: number): number {
  let h = 0x9e3779b9;
  for (let j = i; j < i + n; j++) h = Math.imul(h ^ hashes[j]!, 0x27d4eb2f) ^ (h >>> 15);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return (h ^ (h >>> 13)) & 0x3fffffff;
}

/** Gopher's repetition measures over words: top n-gram and duplicate n-gram character shares. */
export function measureNgramRepetition(words: string[]): { top: number[]; duplicate: number[] } {
  const hashes = Uint32Array.from(words, hashWord);
  const lengths = words.map((w) => w.length);
  const totalChars = lengths.reduce((sum, l) => sum + l, 0) || 1;
  const top: number[] = [];
  const duplicate: number[] = [];
  for (let n = 2; n <= 10; n++) {
    const count = words.length - n + 1;
    if (count <= 0) {
      (n <= 4 ? top : duplicate).push(0);
      continue;
    }
    const keys = new Int32Array(count);
    const freq = new Map<number, number>();
    for (let i = 0; i < count; i++) {
      keys[i] = ngramKey(hashes, i, n);
      freq.set(keys[i]!, (freq.get(keys[i]!) ?? 0) + 1);
    }
    if (n <= 4) {
      let bestKey = -1;
      let best = 1;
      for (const [key, c] of freq) if (c > best) [best, bestKey] = [c, key];
      if (bestKey === -1) top.push(0);
      else {
        const at = keys.indexOf(bestKey);
        let gramChars = 0;
        for (let j = at; j < at + n; j++) gramChars += lengths[j]!;
        top.push(Math.min(1, (best * gramChars) / totalChars));
      }
    } else {
      const covered = new Uint8Array(words.length);
      for (let i = 0; i < count; i++) if (freq.get(keys[i]!)! > 1) covered.fill(1, i, i + n);
      let coveredChars = 0;
      for (let i = 0; i < words.length; i++) if (covered[i]) coveredChars += lengths[i]!;
      duplicate.push(coveredChars / totalChars);
    }
  }
  return { top, duplicate };
}

export function measureCharEntropy(text: string): number {
  const counts = new Map<number, number>();
  let total = 0;
  const lower = text.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    counts.set(c, (counts.get(c) ?? 0) + 1);
    total++;
  }
  let entropy = 0;
  for (const c of counts.values()) {
    const p = c / total;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

export function measureUniqueWordShare(words: string[]): number {
  return words.length === 0 ? 0 : new Set(words).size / words.length;
}
