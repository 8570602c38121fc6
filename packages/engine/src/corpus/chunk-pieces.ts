// The chunker's index over a text: token pieces with their offsets, prefix sums of token counts,
// and how good a break the boundary before each piece is. Typed arrays keep a 10 MB text (~2.5M
// pieces) to a few tens of MB and make every later step a linear scan.
import { CHARS_PER_WORD_TOKEN, CharClass, classifyChar, DIGITS_PER_TOKEN, estimatePieceTokens, scanTokenPieces } from "./tokenize.ts";
import type { THeadingLine } from "./markdown-headings.ts";

/** Break quality of the boundary before a piece; higher is better. */
export const Break = { None: 0, Word: 1, Line: 2, Sentence: 3, Paragraph: 4, Heading: 5 } as const;

export interface TPieceIndex {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  /** cum[i] = tokens in pieces [0, i); length count + 1. */
  cum: Int32Array;
  /** rank[i] = break quality of the boundary before piece i. */
  rank: Uint8Array;
  /** Indexes of pieces that start a heading line, ascending. */
  headingPieces: number[];
}

// . ! ? … 。 ！ ？
const isSentenceEnd = (c: number) => c === 46 || c === 33 || c === 63 || c === 0x2026 || c === 0x3002 || c === 0xff01 || c === 0xff1f;
const isCjkSentenceEnd = (c: number) => c === 0x3002 || c === 0xff01 || c === 0xff1f;
// " ' ) ] » ” ’
const isCloser = (c: number) => c === 34 || c === 39 || c === 41 || c === 93 || c === 0xbb || c === 0x201d || c === 0x2019;

function grow(array: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(size);
  next.set(array);
  return next;
}

function endsSentence(text: string, pieceEnd: number): boolean {
  let j = pieceEnd - 1;
  // Step back over up to two closing quotes or brackets: `end." Next` is still a sentence end.
  for (let k = 0; k < 2 && j > 0 && isCloser(text.charCodeAt(j)); k++) j--;
  return isSentenceEnd(text.charCodeAt(j));
}

function rankGap(text: string, prevEnd: number, nextStart: number): number {
  if (prevEnd === nextStart) {
    if (isCjkSentenceEnd(text.charCodeAt(prevEnd - 1))) return Break.Sentence;
    const cjk = classifyChar(text.charCodeAt(prevEnd - 1)) === CharClass.Cjk || classifyChar(text.charCodeAt(nextStart)) === CharClass.Cjk;
    return cjk ? Break.Word : Break.None;
  }
  let newlines = 0;
  for (let k = prevEnd; k < nextStart && newlines < 2; k++) if (text.charCodeAt(k) === 10) newlines++;
  const lineRank = newlines >= 2 ? Break.Paragraph : newlines === 1 ? Break.Line : Break.Word;
  return endsSentence(text, prevEnd) ? Math.max(lineRank, Break.Sentence) : lineRank;
}

/** `maxPieceTokens` caps a single piece: a longer "word" (a URL, a base64 blob) is cut by characters. */
export function buildPieceIndex(text: string, maxPieceTokens: number, headings: THeadingLine[]): TPieceIndex {
  let capacity = Math.max(16, Math.min(text.length, 1 << 16));
  let starts: Int32Array<ArrayBuffer> = new Int32Array(capacity);
  let ends: Int32Array<ArrayBuffer> = new Int32Array(capacity);
  let tokens: Int32Array<ArrayBuffer> = new Int32Array(capacity);
  let count = 0;
  const push = (start: number, end: number, t: number) => {
    if (count === capacity) {
      capacity *= 2;
      starts = grow(starts, capacity);
      ends = grow(ends, capacity);
      tokens = grow(tokens, capacity);
    }
    starts[count] = start;
    ends[count] = end;
    tokens[count] = t;
    count++;
  };
  scanTokenPieces(text, (start, end, t) => {
    if (t <= maxPieceTokens) return push(start, end, t);
    // Only letter and digit runs get this long (and they hold no surrogate pairs). Parts are a
    // whole number of tokens long, so the parts' counts add up to countTokens of any slice.
    const cls = classifyChar(text.charCodeAt(start));
    const partChars = maxPieceTokens * (cls === CharClass.Digit ? DIGITS_PER_TOKEN : CHARS_PER_WORD_TOKEN);
    for (let s = start; s < end; s += partChars) {
      const e = Math.min(end, s + partChars);
      push(s, e, estimatePieceTokens(cls, e - s));
    }
  });

  const cum = new Int32Array(count + 1);
  for (let i = 0; i < count; i++) cum[i + 1] = cum[i]! + tokens[i]!;
  const rank = new Uint8Array(count + 1);
  const headingPieces: number[] = [];
  let h = 0;
  for (let i = 0; i < count; i++) {
    if (i > 0) rank[i] = rankGap(text, ends[i - 1]!, starts[i]!);
    while (h < headings.length && headings[h]!.pos < starts[i]!) h++;
    if (h < headings.length && headings[h]!.pos === starts[i]) {
      if (i > 0) rank[i] = Break.Heading;
      headingPieces.push(i);
      h++;
    }
  }
  return { count, starts: starts.subarray(0, count), ends: ends.subarray(0, count), cum, rank, headingPieces };
}
