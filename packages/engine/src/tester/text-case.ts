// Sentence-case helpers shared by the statement renderers.

/** Lower-cases a sentence start, but keeps acronyms and names written with inner capitals (ATP, NADH, mRNA). */
export function lowerFirst(text: string): string {
  const first = text.split(/\s/, 1)[0] ?? "";
  if (first.length > 1 && /[A-Z]/.test(first.slice(1))) return text;
  return text.length === 0 ? text : text[0]!.toLowerCase() + text.slice(1);
}

export function upperFirst(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}

/**
 * A term as it reads mid-sentence. Terms keep the case they were first seen in, often a sentence
 * start ("Glycolysis"); left as is, a swapped distractor would show a capital mid-sentence that the
 * true statement does not, a give-away.
 */
export function formatTerm(term: string): string {
  return lowerFirst(term.trim());
}
