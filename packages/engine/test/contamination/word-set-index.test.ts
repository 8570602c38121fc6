import { describe, expect, it } from "vitest";
import { WordSetIndex } from "../../src/contamination/word-set-index.ts";
import { createRandom } from "../../src/index.ts";

describe("WordSetIndex", () => {
  it("finds exactly the pairs a brute-force Jaccard scan finds", () => {
    const random = createRandom(3);
    const vocabulary = Array.from({ length: 30 }, (_, i) => `w${i}`);
    // Half the draws from 8 common words, so many pairs are similar.
    const draw = () => new Set(Array.from({ length: 3 + Math.floor(random() * 10) }, () => vocabulary[Math.floor(random() * (random() < 0.5 ? 8 : 30))]!));
    const sets = Array.from({ length: 300 }, draw);
    for (const threshold of [0.5, 0.7, 0.8]) {
      const index = new WordSetIndex(sets, threshold, 2);
      let pairs = 0;
      for (let q = 0; q < 300; q++) {
        const query = draw();
        const expected = sets.flatMap((set, i) => {
          const shared = [...query].filter((w) => set.has(w)).length;
          const similarity = shared / (query.size + set.size - shared);
          return set.size >= 2 && query.size >= 2 && similarity >= threshold - 1e-12 ? [i] : [];
        });
        expect(index.query(query).map((m) => m.index)).toEqual(expected);
        pairs += expected.length;
      }
      expect(pairs).toBeGreaterThan(0);
    }
  });
});
