// Splits a document's text into display segments at every chunk boundary, so the viewer can
// render (and virtualise) the text piece by piece and tint each piece by the chunk(s) covering it.
// Chunks may overlap (chunk overlap tokens) and may leave gaps; long pieces are cut further so no
// single DOM node holds megabytes of text.

export interface TTextSegment {
  start: number;
  end: number;
  /** Positions (in the chunks array) of the chunks covering this piece; 2 in an overlap, 0 in a gap. */
  chunks: number[];
  /** Positions of the chunks that begin at this piece. */
  starts: number[];
}

export interface TSegmentation {
  segments: TTextSegment[];
  /** For each chunk position, the index of the first segment it covers (-1 if empty or out of range). */
  firstSegment: number[];
}

export const MAX_SEGMENT_CHARS = 4000;

function cutPoint(text: string | null, from: number, to: number, max: number): number {
  if (to - from <= max) return to;
  const limit = from + max;
  if (text) {
    const newline = text.lastIndexOf("\n", limit);
    if (newline > from + max / 2) return newline + 1;
    const space = text.lastIndexOf(" ", limit);
    if (space > from + max / 2) return space + 1;
  }
  return limit;
}

export function buildSegments(
  text: string | null,
  textLength: number,
  chunks: readonly { start: number; end: number }[],
  maxChars: number = MAX_SEGMENT_CHARS,
): TSegmentation {
  const clamp = (n: number) => Math.min(textLength, Math.max(0, n));
  const spans = chunks.map((c) => ({ start: clamp(c.start), end: clamp(Math.max(c.start, c.end)) }));
  const bounds = new Set<number>([0, textLength]);
  for (const span of spans) {
    bounds.add(span.start);
    bounds.add(span.end);
  }
  const points = [...bounds].sort((a, b) => a - b);
  const order = spans.map((_, i) => i).sort((a, b) => spans[a]!.start - spans[b]!.start || a - b);
  const firstSegment = new Array<number>(chunks.length).fill(-1);
  const segments: TTextSegment[] = [];
  let active: number[] = [];
  let next = 0;

  for (let p = 0; p < points.length - 1; p++) {
    const a = points[p]!;
    const b = points[p + 1]!;
    if (b <= a) continue;
    while (next < order.length && spans[order[next]!]!.start <= a) active.push(order[next++]!);
    active = active.filter((i) => spans[i]!.end > a);
    const covering = active.filter((i) => spans[i]!.start <= a && spans[i]!.end >= b).sort((x, y) => x - y);
    let from = a;
    let first = true;
    while (from < b) {
      const to = cutPoint(text, from, b, maxChars);
      const starts = first ? covering.filter((i) => spans[i]!.start === a) : [];
      for (const i of covering) if (firstSegment[i] === -1) firstSegment[i] = segments.length;
      segments.push({ start: from, end: to, chunks: covering, starts });
      from = to;
      first = false;
    }
  }
  return { segments, firstSegment };
}
