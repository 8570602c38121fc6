// Text split into plain and highlighted pieces, for rendering quotes and source chunks as text (never
// HTML): spans by offset (a chain's step quotes) and terms found by matching (subject and object of
// a relation inside its quote). Pure; covered by test/knowledge-ui-lib.test.ts.

export interface TSpanInput<K extends string = string> {
  start: number;
  end: number;
  key: K;
}

export interface TSegment<K extends string = string> {
  start: number;
  end: number;
  text: string;
  /** Keys of every span covering this piece, in input order; empty for plain text. */
  keys: K[];
}

/**
 * Cuts `text` at every span boundary: the pieces cover the text exactly once, in order, and each
 * lists the spans over it (overlaps give pieces with several keys). Spans are clamped to the text;
 * empty or inverted ones are ignored.
 */
export function segmentBySpans<K extends string>(text: string, spans: readonly TSpanInput<K>[]): TSegment<K>[] {
  const valid = spans
    .map((s, order) => ({ ...s, order, start: Math.max(0, Math.min(text.length, s.start)), end: Math.max(0, Math.min(text.length, s.end)) }))
    .filter((s) => s.end > s.start);
  const cuts = new Set<number>([0, text.length]);
  for (const s of valid) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: TSegment<K>[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (end <= start) continue;
    const keys = valid.filter((s) => s.start <= start && s.end >= end).sort((a, b) => a.order - b.order).map((s) => s.key);
    segments.push({ start, end, text: text.slice(start, end), keys });
  }
  return segments;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const HAS_CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

/**
 * A case-insensitive pattern for a term as it may appear in running text: words separated by any
 * whitespace or hyphens, an optional plural ending, and word boundaries (except for CJK terms,
 * which have none).
 */
export function termPattern(term: string): RegExp | null {
  const words = term.trim().split(/[\s\-‐]+/).filter(Boolean);
  if (words.length === 0) return null;
  const body = words.map(escape).join("[\\s\\-‐]+");
  if (HAS_CJK.test(term)) return new RegExp(body, "giu");
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?:e?s)?(?![\\p{L}\\p{N}])`, "giu");
}

export interface TTermInput<R extends string> {
  /** The term and its other surface forms (aliases); the longest match wins. */
  terms: readonly string[];
  role: R;
}

/**
 * Where the given terms occur in `text`, as non-overlapping spans keyed by role. Earlier matches
 * win over later ones; at the same position the longer one wins; the first listed role wins ties.
 */
export function findTermSpans<R extends string>(text: string, inputs: readonly TTermInput<R>[]): TSpanInput<R>[] {
  const found: (TSpanInput<R> & { rank: number })[] = [];
  inputs.forEach((input, rank) => {
    for (const term of input.terms) {
      const pattern = termPattern(term);
      if (!pattern) continue;
      for (const match of text.matchAll(pattern)) {
        found.push({ start: match.index, end: match.index + match[0].length, key: input.role, rank });
      }
    }
  });
  found.sort((a, b) => a.start - b.start || b.end - a.end || a.rank - b.rank);
  const kept: TSpanInput<R>[] = [];
  let reached = 0;
  for (const span of found) {
    if (span.start < reached) continue;
    kept.push({ start: span.start, end: span.end, key: span.key });
    reached = span.end;
  }
  return kept;
}

/** A relation's quote with its subject and object marked (each piece has at most one role). */
export function highlightRelationQuote(
  quote: string,
  subject: readonly string[],
  object: readonly string[],
): TSegment<"subject" | "object">[] {
  return segmentBySpans(quote, findTermSpans(quote, [
    { terms: subject, role: "subject" as const },
    { terms: object, role: "object" as const },
  ]));
}
