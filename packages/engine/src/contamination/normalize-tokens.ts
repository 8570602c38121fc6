// The one tokenisation every contamination check shares: lower case, NFKC, punctuation and markup
// stripped, so "ATP-synthase," and "atp synthase" compare equal. It splits on the same characters
// as computeMinHash's word pattern, so a MinHash of the joined tokens sees the same words.

const WORD = /[\p{L}\p{N}]+/gu;

export function normalizeTokens(text: string): string[] {
  return text.normalize("NFKC").toLowerCase().match(WORD) ?? [];
}

/** FNV-1a over UTF-16 code units. */
export function hashToken(token: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) h = Math.imul(h ^ token.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A second, independent 32-bit hash (murmur-style mixing with another seed), for 64-bit keys. */
export function hashTokenAlt(token: string): number {
  let h = 0x9747b28c;
  for (let i = 0; i < token.length; i++) {
    h = Math.imul(h ^ token.charCodeAt(i), 0x5bd1e995);
    h ^= h >>> 13;
  }
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return (h ^ (h >>> 13)) >>> 0;
}
