// Splits a document into chunks of about `targetTokens`, breaking at the best boundary available:
// a heading (always starts a new chunk), then a blank line, a sentence end, a line end, a space.
// Offsets index the ORIGINAL text and `chunk.text === text.slice(start, end)` always holds, so a
// quote found in a chunk can be traced to the document. Linear in the text length.
import { z } from "zod";
import { Break, buildPieceIndex, type TPieceIndex } from "./chunk-pieces.ts";
import { findHeadings, type THeadingLine } from "./markdown-headings.ts";

export const ZChunkOptions = z.object({
  targetTokens: z.number().int().min(16).default(512),
  overlapTokens: z.number().int().min(0).default(64),
  minTokens: z.number().int().min(0).default(32),
});
export type TChunkOptions = z.input<typeof ZChunkOptions>;

export interface TChunk {
  index: number;
  /** Character offsets into the original text; `text === original.slice(start, end)`. */
  start: number;
  end: number;
  text: string;
  tokens: number;
  /** Path of the headings in effect where the chunk's body starts, e.g. "Chapter 2 > Supply"; null before any heading. */
  heading: string | null;
}

// A chunk is not cut short at a paragraph or sentence end before it holds this share of the target.
const MIN_FILL = 0.5;
// The overlap may land on a sentence end up to this factor away from `overlapTokens`.
const OVERLAP_SLACK = 1.5;

interface TPlan {
  target: number;
  overlap: number;
  min: number;
}

function findLimit(cum: Int32Array, count: number, s: number, target: number): number {
  // Largest e in (s, count] with cum[e] - cum[s] <= target (at least s + 1).
  let lo = s + 1;
  let hi = count;
  const budget = cum[s]! + target;
  if (cum[lo]! > budget) return lo;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (cum[mid]! <= budget) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** `minEnd` is one past the previous chunk's end: a chunk must always add new text. */
function chooseEnd(index: TPieceIndex, s: number, minEnd: number, plan: TPlan, headingCursor: { k: number }): { end: number; rank: number } {
  const { cum, rank, headingPieces, count } = index;
  const limit = Math.max(minEnd, findLimit(cum, count, s, plan.target));
  while (headingCursor.k < headingPieces.length && headingPieces[headingCursor.k]! < minEnd) headingCursor.k++;
  for (let k = headingCursor.k; k < headingPieces.length && headingPieces[k]! <= limit; k++) {
    const h = headingPieces[k]!;
    if (cum[h]! - cum[s]! >= plan.min) return { end: h, rank: Break.Heading };
  }
  if (limit === count) return { end: count, rank: Break.Paragraph };
  const minFill = Math.max(plan.min, Math.floor(plan.target * MIN_FILL));
  let best = limit;
  let bestRank = rank[limit]!;
  let b = limit;
  for (; b >= minEnd && cum[b]! - cum[s]! >= minFill && bestRank < Break.Paragraph; b--) {
    if (rank[b]! > bestRank) {
      best = b;
      bestRank = rank[b]!;
    }
  }
  // No space in the preferred window (a long URL or formula): rather a short chunk than a cut
  // inside a "word"; cut by characters only when the whole window is one word.
  for (; bestRank === Break.None && b >= minEnd; b--) {
    if (rank[b]! > Break.None) {
      best = b;
      bestRank = rank[b]!;
    }
  }
  return { end: best, rank: bestRank };
}

function chooseNextStart(index: TPieceIndex, s: number, end: number, endRank: number, plan: TPlan): number {
  if (plan.overlap === 0 || endRank === Break.Heading || end >= index.count) return end;
  const { cum, rank } = index;
  // The overlap plus the next piece must fit in one chunk, or the next chunk could not move forward.
  const maxOverlap = Math.min(plan.overlap * OVERLAP_SLACK, plan.target - (cum[end + 1]! - cum[end]!));
  let sentence = -1;
  let sentenceDistance = Infinity;
  let word = -1;
  for (let b = end - 1; b > s; b--) {
    const overlap = cum[end]! - cum[b]!;
    if (overlap > maxOverlap || rank[b] === Break.Heading) break;
    if (rank[b]! >= Break.Sentence && overlap >= plan.overlap / OVERLAP_SLACK && Math.abs(overlap - plan.overlap) < sentenceDistance) {
      sentence = b;
      sentenceDistance = Math.abs(overlap - plan.overlap);
    }
    if (word === -1 && rank[b]! >= Break.Word && overlap >= plan.overlap) word = b;
  }
  return sentence !== -1 ? sentence : word !== -1 ? word : end;
}

function findLastHeadingBefore(headings: THeadingLine[], pos: number): number {
  let lo = 0;
  let hi = headings.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (headings[mid]!.pos <= pos) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The heading path where the chunk's body starts: headings opening the chunk count as its own. */
function resolveHeading(text: string, headings: THeadingLine[], start: number, end: number): string | null {
  let k = findLastHeadingBefore(headings, start - 1);
  let p = start;
  while (k + 1 < headings.length && headings[k + 1]!.pos === p && p < end) {
    k++;
    p = headings[k]!.lineEnd;
    while (p < end && /\s/.test(text[p]!)) p++;
  }
  return k >= 0 ? headings[k]!.path : null;
}

export function chunkDocument(text: string, options: TChunkOptions = {}): TChunk[] {
  const parsed = ZChunkOptions.parse(options);
  // Overlap and minimum are capped so that every chunk always moves past the previous one.
  const plan: TPlan = {
    target: parsed.targetTokens,
    overlap: Math.min(parsed.overlapTokens, Math.floor(parsed.targetTokens / 2)),
    min: Math.min(parsed.minTokens, Math.floor(parsed.targetTokens / 2)),
  };
  const headings = findHeadings(text);
  const index = buildPieceIndex(text, plan.target, headings);
  const { count, starts, ends, cum } = index;
  const chunks: TChunk[] = [];
  const headingCursor = { k: 0 };
  let s = 0;
  let minEnd = 1;
  while (s < count) {
    let { end, rank } = chooseEnd(index, s, minEnd, plan, headingCursor);
    // A tail too small to stand alone joins this chunk rather than becoming a fragment.
    if (end < count && cum[count]! - cum[end]! < plan.min && cum[count]! - cum[s]! <= plan.target + plan.min) {
      end = count;
      rank = Break.Paragraph;
    }
    const startChar = starts[s]!;
    const endChar = ends[end - 1]!;
    chunks.push({
      index: chunks.length,
      start: startChar,
      end: endChar,
      text: text.slice(startChar, endChar),
      tokens: cum[end]! - cum[s]!,
      heading: resolveHeading(text, headings, startChar, endChar),
    });
    if (end >= count) break;
    s = chooseNextStart(index, s, end, rank, plan);
    minEnd = end + 1;
  }
  return chunks;
}
