import { describe, expect, it } from "vitest";
import { checkContamination, createRandom, type TContaminationItem, type TContaminationSample } from "../../src/index.ts";

// The paper's scale: 160k training samples against 16k benchmark items. Prints the time; asserts
// only that the planted hits are found among random text (timings belong in bench/, not in tests).
const ITEMS = 16_000;
const SAMPLES = 160_000;

function makeVocabulary(random: () => number, size: number): string[] {
  const syllables = ["ka", "lo", "mi", "tru", "sen", "po", "rax", "vel", "dio", "ne", "qua", "bri", "to", "zem", "ul", "fa"];
  const words = new Set<string>();
  while (words.size < size) {
    const length = 2 + Math.floor(random() * 3);
    words.add(Array.from({ length }, () => syllables[Math.floor(random() * syllables.length)]).join(""));
  }
  return [...words];
}

describe("contamination guard at scale", () => {
  it(`checks ${SAMPLES.toLocaleString("en")} samples × ${ITEMS.toLocaleString("en")} items in one pass`, () => {
    const random = createRandom(7);
    const vocabulary = makeVocabulary(random, 8000);
    const words = (n: number) => Array.from({ length: n }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(" ");
    const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

    const items: (TContaminationItem & { texts: string[] })[] = Array.from({ length: ITEMS }, (_, i) => ({
      key: `item-${i}`,
      texts: [`${words(between(18, 35))}?`, words(between(1, 5)), words(between(1, 5)), words(between(1, 5)), words(between(1, 5))],
      relationIds: [`r-${i}`],
    }));
    const samples: (TContaminationSample & { texts: string[] })[] = Array.from({ length: SAMPLES }, (_, i) => ({
      key: `sample-${i}`,
      texts: [`${words(between(8, 25))}?`, words(between(25, 70))],
      relationIds: [`r-${i % ITEMS}`],
    }));
    // Planted: an exact question, a near-duplicate (2 words of a 30-word question changed), a 13-token run in an answer.
    samples[1_000]!.texts = [items[500]!.texts[0]!.toUpperCase(), "an answer"];
    const near = items[12_000]!.texts[0]!.replace("?", "").split(" ").slice(0, 30);
    items[12_000]!.texts[0] = `${near.join(" ")}?`;
    near[10] = "zzquux";
    near[20] = "zzfrob";
    samples[150_000]!.texts = [near.join(" "), "another answer"];
    const run = items[9_000]!.texts[0]!.split(" ").slice(2, 15).join(" ");
    samples[50_000]!.texts[1] = `${words(10)} ${run} ${words(10)}`;

    const started = performance.now();
    const report = checkContamination(samples, items);
    const seconds = (performance.now() - started) / 1000;
    console.log(`contamination guard: ${SAMPLES} samples × ${ITEMS} items in ${seconds.toFixed(2)} s (${report.hits.length} hits)`);

    expect(report.hits.map((h) => `${h.sampleKey} ${h.itemKey} ${h.kind}`).sort()).toEqual([
      "sample-1000 item-500 exact_question",
      "sample-150000 item-12000 near_duplicate",
      "sample-50000 item-9000 ngram_overlap",
    ]);
    expect(report.passed).toBe(false);
  }, 300_000);
});
