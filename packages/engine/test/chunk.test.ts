import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { chunkDocument, countTokens, type TChunk } from "../src/index.ts";

function checkInvariants(text: string, chunks: TChunk[], target: number, minTokens = 32): void {
  let previousStart = -1;
  let previousEnd = -1;
  chunks.forEach((chunk, i) => {
    expect(chunk.index).toBe(i);
    expect(chunk.text).toBe(text.slice(chunk.start, chunk.end));
    expect(chunk.start).toBeGreaterThan(previousStart);
    expect(chunk.end).toBeGreaterThan(previousEnd);
    expect(chunk.text.trim()).toBe(chunk.text);
    expect(chunk.tokens).toBe(countTokens(chunk.text));
    previousStart = chunk.start;
    previousEnd = chunk.end;
  });
  // Every non-whitespace character is covered by some chunk.
  const covered = new Uint8Array(text.length);
  for (const chunk of chunks) covered.fill(1, chunk.start, chunk.end);
  for (let i = 0; i < text.length; i++) if (!covered[i] && /\S/.test(text[i]!)) throw new Error(`character ${i} not covered`);
  // Chunks stay within the target, except a final merged tail (at most minTokens more).
  for (const chunk of chunks) expect(chunk.tokens).toBeLessThanOrEqual(target + minTokens);
}

function createRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
}

const PARTS = ["cell", "membrane", "the", "of", "photosynthesis", "ATP", "42", "3.14", ".", ",", "!", "?", "—", "“quoted”", "é", "日本語", "😀", "supercalifragilisticexpialidocious", "https://example.org/a/very/long/path?x=1"];
const SEPARATORS = [" ", " ", " ", " ", "\n", "\n\n", "\n\n## Heading\n\n", "\n# Top\n", "\t", "", "  \n  "];

function generateText(random: () => number, words: number): string {
  let out = "";
  for (let i = 0; i < words; i++) {
    out += PARTS[Math.floor(random() * PARTS.length)];
    out += SEPARATORS[Math.floor(random() * SEPARATORS.length)];
  }
  return out;
}

describe("chunkDocument", () => {
  it("keeps text === original.slice(start, end) on random texts and options", () => {
    const random = createRandom(12345);
    for (let run = 0; run < 150; run++) {
      const text = (random() < 0.2 ? "  \n" : "") + generateText(random, Math.floor(random() * 1500));
      const targetTokens = 16 + Math.floor(random() * 300);
      const options = { targetTokens, overlapTokens: Math.floor(random() * targetTokens), minTokens: Math.floor(random() * 40) };
      checkInvariants(text, chunkDocument(text, options), targetTokens, options.minTokens);
    }
  });

  it("returns nothing for empty or blank text", () => {
    expect(chunkDocument("")).toEqual([]);
    expect(chunkDocument(" \n\t\n ")).toEqual([]);
  });

  it("starts a new chunk at every heading and records the heading path", () => {
    const para = (topic: string) => `${topic} is described here in enough words to pass the minimum size of a chunk. `.repeat(3);
    const text = `# Chapter 1\n\n${para("Scarcity")}\n\n## Supply\n\n${para("Supply")}\n\n### Shifts\n\n${para("A shift")}\n\n## Demand\n\n${para("Demand")}\n\n# Chapter 2\n\n${para("Growth")}`;
    const chunks = chunkDocument(text, { targetTokens: 512 });
    expect(chunks.map((c) => c.heading)).toEqual(["Chapter 1", "Chapter 1 > Supply", "Chapter 1 > Supply > Shifts", "Chapter 1 > Demand", "Chapter 2"]);
    expect(chunks.map((c) => c.text.split("\n")[0])).toEqual(["# Chapter 1", "## Supply", "### Shifts", "## Demand", "# Chapter 2"]);
  });

  it("merges a tiny section into the next chunk instead of emitting a fragment", () => {
    const body = "Bacteria divide by binary fission, which doubles the population every generation. ".repeat(4);
    const chunks = chunkDocument(`# Part\n\n## Unit\n\n${body}`, { targetTokens: 512 });
    expect(chunks).toHaveLength(1);
    expect(chunks[0]!.heading).toBe("Part > Unit");
  });

  it("ignores # lines inside fenced code", () => {
    const text = "# Real\n\nSome text here.\n\n```\n# not a heading\n```\n\nMore text.";
    expect(chunkDocument(text)[0]!.heading).toBe("Real");
    expect(chunkDocument(text)).toHaveLength(1);
  });

  it("prefers paragraph, then sentence boundaries, and never cuts words", () => {
    const sentence = (i: number) => `Sentence number ${i} explains one idea about markets and prices clearly.`;
    const paragraphs = Array.from({ length: 12 }, (_, p) => Array.from({ length: 4 }, (_, s) => sentence(p * 4 + s)).join(" ")).join("\n\n");
    const chunks = chunkDocument(paragraphs, { targetTokens: 120, overlapTokens: 0, minTokens: 10 });
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks.slice(0, -1)) expect(chunk.text.endsWith("clearly.")).toBe(true);
    // With no blank lines, breaks fall on sentence ends.
    const flat = Array.from({ length: 40 }, (_, i) => sentence(i)).join(" ");
    for (const chunk of chunkDocument(flat, { targetTokens: 100, overlapTokens: 0 }).slice(0, -1)) expect(chunk.text.endsWith(".")).toBe(true);
    // Without sentence ends, breaks fall between words.
    const words = Array.from({ length: 2000 }, (_, i) => `word${i % 7 === 0 ? "" : "s"}`).join(" ");
    for (const chunk of chunkDocument(words, { targetTokens: 64 })) expect(chunk.text).toMatch(/^words?\b.*\bwords?$/s);
  });

  it("overlaps the next chunk by about overlapTokens, starting at a sentence", () => {
    const flat = Array.from({ length: 60 }, (_, i) => `Fact ${i} about enzymes and their substrates in living cells.`).join(" ");
    const chunks = chunkDocument(flat, { targetTokens: 200, overlapTokens: 40 });
    for (let i = 1; i < chunks.length; i++) {
      const overlap = chunks[i - 1]!.end - chunks[i]!.start;
      expect(overlap).toBeGreaterThan(0);
      expect(countTokens(flat.slice(chunks[i]!.start, chunks[i - 1]!.end))).toBeLessThanOrEqual(60);
      expect(chunks[i]!.text.startsWith("Fact ")).toBe(true);
    }
  });

  it("ends before a long unbroken run (a URL) rather than inside it", () => {
    const url = "a/".repeat(20); // 40 tokens, no spaces: more than half the target, less than all of it
    const text = `${"word ".repeat(30)}${url} tail`;
    const chunks = chunkDocument(text, { targetTokens: 64, overlapTokens: 0, minTokens: 8 });
    expect(chunks[0]!.text.endsWith("word")).toBe(true);
    expect(chunks[1]!.text.startsWith("a/a/")).toBe(true);
  });

  it("splits a single word longer than the target", () => {
    const blob = "A".repeat(10_000);
    const chunks = chunkDocument(`Intro text. ${blob} outro.`, { targetTokens: 100, overlapTokens: 0 });
    checkInvariants(`Intro text. ${blob} outro.`, chunks, 100);
    expect(chunks.length).toBeGreaterThan(10);
  });

  it("chunks 10 MB of dense synthetic text in linear time (~0.7 s here; the bound is generous for shared CI)", () => {
    const text = generateText(createRandom(99), 2_000_000);
    expect(text.length).toBeGreaterThan(10_000_000);
    const started = performance.now();
    const chunks = chunkDocument(text);
    const elapsed = performance.now() - started;
    expect(chunks.length).toBeGreaterThan(1000);
    expect(elapsed).toBeLessThan(4000);
    const last = chunks[chunks.length - 1]!;
    expect(last.text).toBe(text.slice(last.start, last.end));
  });

  const sample = "/work/shared/corpus-sample";
  it.skipIf(!existsSync(sample))("keeps the offset invariant on the real textbook sample (skipped when absent)", () => {
    for (const discipline of readdirSync(sample).filter((d) => !d.includes("."))) {
      for (const file of readdirSync(join(sample, discipline)).slice(0, 40)) {
        const text = readFileSync(join(sample, discipline, file), "utf8");
        checkInvariants(text, chunkDocument(text), 512);
      }
    }
  });
});

describe("countTokens", () => {
  it("approximates BPE: short words 1, long words by 6 letters, digits by 3, symbols and CJK 1 each", () => {
    expect(countTokens("")).toBe(0);
    expect(countTokens("the cat sat")).toBe(3);
    expect(countTokens("photosynthesis")).toBe(3);
    expect(countTokens("1234567")).toBe(3);
    expect(countTokens("Hello, world!")).toBe(4);
    expect(countTokens("日本語")).toBe(3);
    expect(countTokens("😀")).toBe(1);
  });

  it("lands near 1.3 tokens per word on English prose", () => {
    const prose = "Economics is the study of how humans make decisions in the face of scarcity. These can be individual decisions, family decisions, business decisions or societal decisions.";
    const ratio = countTokens(prose) / prose.split(/\s+/).length;
    expect(ratio).toBeGreaterThan(1.1);
    expect(ratio).toBeLessThan(1.6);
  });
});
