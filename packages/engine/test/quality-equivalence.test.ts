// The fast quality measurements must agree exactly with the straightforward versions they replaced
// (Map per n-gram size, Map of characters, regex word counts): these are the reference definitions.
import { describe, expect, it } from "vitest";
import { measureBoilerplateLines, measureCharEntropy, measureNgramRepetition, measureShortLines } from "../src/corpus/quality-metrics.ts";

function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function ngramKey(hashes: Uint32Array, i: number, n: number): number {
  let h = 0x9e3779b9;
  for (let j = i; j < i + n; j++) h = Math.imul(h ^ hashes[j]!, 0x27d4eb2f) ^ (h >>> 15);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return (h ^ (h >>> 13)) & 0x3fffffff;
}

function referenceNgrams(words: string[]): { top: number[]; duplicate: number[] } {
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
    const keys = Array.from({ length: count }, (_, i) => ngramKey(hashes, i, n));
    const freq = new Map<number, number>();
    for (const key of keys) freq.set(key, (freq.get(key) ?? 0) + 1);
    if (n <= 4) {
      let bestKey = -1;
      let best = 1;
      for (const [key, c] of freq) if (c > best) [best, bestKey] = [c, key];
      if (bestKey === -1) top.push(0);
      else {
        const at = keys.indexOf(bestKey);
        const gramChars = lengths.slice(at, at + n).reduce((a, b) => a + b, 0);
        top.push(Math.min(1, (best * gramChars) / totalChars));
      }
    } else {
      const covered = new Uint8Array(words.length);
      for (let i = 0; i < count; i++) if (freq.get(keys[i]!)! > 1) covered.fill(1, i, i + n);
      duplicate.push(lengths.reduce((sum, l, i) => sum + (covered[i] ? l : 0), 0) / totalChars);
    }
  }
  return { top, duplicate };
}

function referenceEntropy(text: string): number {
  const counts = new Map<number, number>();
  const lower = text.toLowerCase();
  for (let i = 0; i < lower.length; i++) counts.set(lower.charCodeAt(i), (counts.get(lower.charCodeAt(i)) ?? 0) + 1);
  let entropy = 0;
  for (const c of counts.values()) entropy -= (c / lower.length) * Math.log2(c / lower.length);
  return entropy;
}

function random(seed: number): () => number {
  return () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
}

const VOCAB = ["the", "a", "fox", "dog", "économie", "l'été", "Straße", "ΣΟΦΟΣ", "123", "中文", "𝐀𝐁", "\ud800", "—", "|", "©", "cookies", "\n"];

function randomWords(rnd: () => number, vocab: number, length: number): string[] {
  return Array.from({ length }, () => VOCAB[Math.floor(rnd() * vocab)]!);
}

describe("fast quality measurements", () => {
  it("n-gram repetition equals the per-n Map version, ties and short inputs included", () => {
    const rnd = random(7);
    for (let k = 0; k < 300; k++) {
      const words = randomWords(rnd, 2 + (k % 10), Math.floor(rnd() * 120));
      expect(measureNgramRepetition(words)).toEqual(referenceNgrams(words));
    }
  });

  it("character entropy equals the Map version, in the same summation order", () => {
    const rnd = random(11);
    for (let k = 0; k < 100; k++) {
      const text = randomWords(rnd, VOCAB.length, Math.floor(rnd() * 200)).join(k % 2 ? " " : "");
      expect(measureCharEntropy(text)).toBe(referenceEntropy(text));
    }
  });

  it("line word counts treat astral letters, lone surrogates and quotes like the regex they replace", () => {
    const lines = ["> a b", "𝐀𝐁 x", "\ud800 a", "© 2024 Foo", "Home", "[x](y)", "Sign in now", "one two three four five."];
    expect(measureShortLines(lines, 2)).toEqual({ share: 5 / 8, lines: 8 });
    expect(measureBoilerplateLines(lines)).toBe(3 / 8);
  });
});
