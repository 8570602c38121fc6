// Subsequence matching for the command palette: every query character must appear in order.
// Contiguous runs and word starts score higher, so "tgth" finds "Toggle Theme" and an exact
// substring beats a scattered match.

export interface TFuzzyMatch {
  score: number;
  /** Positions in `text` that matched, for highlighting. */
  indices: number[];
}

const SEPARATORS = new Set([" ", "-", "_", ":", ".", "/", "·", "(", "["]);

function isWordStart(text: string, index: number): boolean {
  if (index === 0) return true;
  const previous = text[index - 1];
  if (SEPARATORS.has(previous)) return true;
  const current = text[index];
  return previous === previous.toLowerCase() && current !== current.toLowerCase();
}

export function fuzzyMatch(query: string, text: string): TFuzzyMatch | null {
  const needle = query.trim().toLowerCase();
  if (!needle) return { score: 0, indices: [] };
  const haystack = text.toLowerCase();

  const substring = haystack.indexOf(needle);
  if (substring >= 0) {
    const indices = Array.from({ length: needle.length }, (_, i) => substring + i);
    const startBonus = isWordStart(text, substring) ? 20 : 0;
    return { score: 100 + startBonus + needle.length * 4 - substring * 0.5, indices };
  }

  const indices: number[] = [];
  let score = 0;
  let from = 0;
  for (const char of needle) {
    if (char === " ") continue;
    // Prefer the next word start holding this character; fall back to its next occurrence.
    let index = -1;
    for (let i = haystack.indexOf(char, from); i >= 0; i = haystack.indexOf(char, i + 1)) {
      if (isWordStart(text, i)) {
        index = i;
        break;
      }
    }
    const plain = haystack.indexOf(char, from);
    if (plain < 0) return null;
    if (index < 0 || (indices.length > 0 && plain === indices[indices.length - 1] + 1)) index = plain;
    const previous = indices[indices.length - 1];
    score += 1;
    if (isWordStart(text, index)) score += 6;
    if (previous !== undefined && index === previous + 1) score += 4;
    if (previous !== undefined) score -= Math.min(3, (index - previous - 1) * 0.2);
    indices.push(index);
    from = index + 1;
  }
  return { score, indices };
}

/** Filters and sorts items by match score; ties keep their original order. */
export function rankByFuzzy<T>(items: readonly T[], query: string, text: (item: T) => string): { item: T; match: TFuzzyMatch }[] {
  const ranked: { item: T; match: TFuzzyMatch; order: number }[] = [];
  items.forEach((item, order) => {
    const match = fuzzyMatch(query, text(item));
    if (match) ranked.push({ item, match, order });
  });
  return ranked.sort((a, b) => b.match.score - a.match.score || a.order - b.order);
}
