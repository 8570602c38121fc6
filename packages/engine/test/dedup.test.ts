import { describe, expect, it } from "vitest";
import { bufferToSignature, computeMinHash, estimateJaccard, exactHash, findNearDuplicates, LshIndex, signatureToBuffer } from "../src/index.ts";

// About the length of a real chunk (~250 words): MinHash is tuned for chunks, not one-liners.
const BASE = `Enzymes are biological catalysts that speed up chemical reactions in living cells without being consumed. Each enzyme has an active site whose shape fits a specific substrate, which is why enzymes are highly specific. Temperature and pH affect enzyme activity because they change the shape of the active site. Inhibitors can block the active site or bind elsewhere and change the enzyme's shape, lowering the reaction rate. Cofactors such as metal ions and coenzymes help many enzymes work.
Most enzymes are proteins folded into a precise three-dimensional structure, although some RNA molecules also act as catalysts. When a substrate binds, the enzyme may change its conformation slightly, an effect described by the induced fit model. This change strains chemical bonds in the substrate and lowers the activation energy needed for the reaction to proceed. Because the enzyme is released unchanged, a single molecule can catalyse thousands of reactions every second.
Cells regulate enzymes to match their needs. Feedback inhibition occurs when the end product of a metabolic pathway binds to an enzyme early in the pathway and slows it down, so the cell does not waste energy making more product than it can use. Allosteric enzymes have separate regulatory sites where activators or inhibitors bind, shifting the enzyme between active and inactive forms. Some enzymes are produced as inactive precursors called zymogens, which are activated only where they are needed, protecting the cell from its own digestive enzymes.
Microbiologists exploit enzymes in many ways, from the detection of bacteria by their characteristic enzymes in diagnostic tests to the industrial production of antibiotics, cheese, and biofuels.`;

// A few words changed: still the same paragraph.
const EDITED = BASE.replace("speed up", "accelerate").replace("highly specific", "very specific").replace("lowering", "reducing");

const UNRELATED = `Supply and demand determine prices in a competitive market. When the price of a good rises, the quantity demanded usually falls, while producers are willing to supply more. The equilibrium price is where the quantity demanded equals the quantity supplied, and shortages or surpluses push prices back toward it.`;

describe("MinHash", () => {
  it("is deterministic and has the requested length", () => {
    const a = computeMinHash(BASE);
    expect(a).toBeInstanceOf(Uint32Array);
    expect(a).toHaveLength(128);
    expect(computeMinHash(BASE)).toEqual(a);
    // Permutation i is the same whatever numPerm is, so a shorter signature is a prefix.
    expect(computeMinHash(BASE, { numPerm: 64 })).toEqual(a.slice(0, 64));
    // Snapshot of the first values: a change here invalidates every stored signature.
    expect(Array.from(a.slice(0, 4))).toMatchInlineSnapshot(`
      [
        67320176,
        8819187,
        1843568,
        6930692,
      ]
    `);
  });

  it("ignores case and punctuation, and estimates Jaccard sensibly", () => {
    expect(estimateJaccard(computeMinHash(BASE), computeMinHash(BASE.toUpperCase().replace(/[.,]/g, " ")))).toBe(1);
    expect(estimateJaccard(computeMinHash(BASE), computeMinHash(EDITED))).toBeGreaterThan(0.85);
    expect(estimateJaccard(computeMinHash(BASE), computeMinHash(UNRELATED))).toBeLessThan(0.1);
  });

  it("serialises to 4 bytes per value and back", () => {
    const signature = computeMinHash(BASE);
    const buffer = signatureToBuffer(signature);
    expect(buffer).toHaveLength(512);
    expect(bufferToSignature(buffer)).toEqual(signature);
    // Works from an unaligned view too, as a database driver may hand back.
    const padded = new Uint8Array(buffer.length + 1);
    padded.set(buffer, 1);
    expect(bufferToSignature(padded.subarray(1))).toEqual(signature);
    expect(() => bufferToSignature(new Uint8Array(7))).toThrow();
  });
});

describe("near-duplicate detection", () => {
  it("finds a lightly edited paragraph and keeps the earliest", () => {
    const items = [
      { id: "a", signature: computeMinHash(BASE) },
      { id: "b", signature: computeMinHash(UNRELATED) },
      { id: "c", signature: computeMinHash(EDITED) },
      { id: "d", signature: computeMinHash(BASE) },
    ];
    const duplicates = findNearDuplicates(items, 0.8);
    expect(duplicates.map((d) => [d.id, d.duplicateOf])).toEqual([
      ["c", "a"],
      ["d", "a"],
    ]);
    expect(duplicates[1]!.similarity).toBe(1);
    expect(duplicates[0]!.similarity).toBeGreaterThanOrEqual(0.85);
  });

  it("does not flag unrelated texts", () => {
    const topics = ["photosynthesis in plants", "inflation and interest rates", "the structure of DNA", "plate tectonics", "supply chains in retail", "bacterial cell walls"];
    const items = topics.map((topic, i) => ({
      id: String(i),
      signature: computeMinHash(`This section explains ${topic}. ${topic} matters because it shapes everything that follows about ${topic}, and the examples below illustrate ${topic} step by step. Number ${i}.`),
    }));
    expect(findNearDuplicates(items)).toEqual([]);
  });

  it("LSH returns identical and near items as candidates, not unrelated ones", () => {
    const index = new LshIndex<number>();
    index.add(1, computeMinHash(BASE));
    index.add(2, computeMinHash(UNRELATED));
    expect(index.query(computeMinHash(BASE))).toEqual([1]);
    expect(index.query(computeMinHash(EDITED))).toContain(1);
    expect(() => index.add(3, new Uint32Array(10))).toThrow(/16 × 8/);
  });

  it("exact hashes ignore case and whitespace only", () => {
    expect(exactHash("The  Cell\nmembrane ")).toBe(exactHash("the cell membrane"));
    expect(exactHash("the cell membrane")).not.toBe(exactHash("the cell membranes"));
    expect(exactHash("x")).toMatch(/^[0-9a-f]{64}$/);
  });
});
