// Runs the builtin extractor over the real textbook sample when this checkout has it, checks the
// invariants on every chunk and prints throughput and counts (figures, not assertions on time).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { canonicalizeConcepts, chunkDocument, computeGraphStats, extractKnowledgeBuiltin, verifyExtraction, type TExtractedChunk } from "../../src/index.ts";

const SAMPLE = "/work/shared/corpus-sample";

function readChunks(): { id: string; text: string }[] {
  const chunks: { id: string; text: string }[] = [];
  for (const discipline of readdirSync(SAMPLE, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    for (const file of readdirSync(join(SAMPLE, discipline)).filter((f) => f.endsWith(".md")).sort()) {
      const text = readFileSync(join(SAMPLE, discipline, file), "utf8").replace(/^---\n[\s\S]*?\n---\n/, "");
      for (const chunk of chunkDocument(text, { targetTokens: 1100, overlapTokens: 0 })) chunks.push({ id: `${discipline}/${file}#${chunk.index}`, text: chunk.text });
    }
  }
  return chunks;
}

describe.skipIf(!existsSync(SAMPLE))("builtin extraction on the corpus sample", () => {
  it("keeps every invariant on every chunk and reports its speed", { timeout: 300_000 }, () => {
    const chunks = readChunks();
    extractKnowledgeBuiltin(chunks[0]!.text); // loads the tagger model outside the timing
    const results: TExtractedChunk[] = [];
    const started = performance.now();
    for (const chunk of chunks) results.push(extractKnowledgeBuiltin(chunk.text));
    const seconds = (performance.now() - started) / 1000;

    const types: Record<string, number> = {};
    results.forEach((x, i) => {
      expect(verifyExtraction(chunks[i]!.text, x).rejected, chunks[i]!.id).toEqual([]);
      for (const r of x.relations) types[r.type] = (types[r.type] ?? 0) + 1;
    });
    const { canonical, keyMap } = canonicalizeConcepts(results.map((x, i) => ({ chunkId: chunks[i]!.id, concepts: x.concepts })));
    const graph = computeGraphStats({
      concepts: canonical.map((c) => c.key),
      relations: results.flatMap((x, i) => x.relations.map((r) => ({ subject: keyMap.get(`${chunks[i]!.id}:${r.subject}`)!, object: keyMap.get(`${chunks[i]!.id}:${r.object}`)! }))),
      chains: results.flatMap((x) => x.chains.map((c) => ({ steps: c.steps.length }))),
    });
    expect(graph.danglingRelations).toBe(0);
    expect(graph.orphanConcepts).toEqual([]);

    const chars = chunks.reduce((n, c) => n + c.text.length, 0);
    const count = (f: (x: TExtractedChunk) => number) => results.reduce((n, x) => n + f(x), 0);
    const histogram = Object.fromEntries(graph.degreeHistogram.map((b) => [b.label, b.count]));
    console.log(
      [
        `builtin extraction, corpus sample: ${chunks.length} chunks, mean ${Math.round(chars / chunks.length)} chars`,
        `  speed: ${Math.round(chunks.length / seconds)} chunks/s, ${Math.round(chars / seconds / 1000)}k chars/s (one core)`,
        `  chunks with a chain: ${results.filter((x) => x.chains.length > 0).length}`,
        `  chains ${count((x) => x.chains.length)}, relations ${count((x) => x.relations.length)}, concepts ${count((x) => x.concepts.length)} → canonical ${canonical.length}`,
        `  relation types: ${JSON.stringify(types)}`,
        `  graph: components ${graph.components}, LCC ratio ${graph.lccRatio.toFixed(3)}, mean degree ${graph.degree.mean.toFixed(2)}, degrees ${JSON.stringify(histogram)}`,
        `  steps per chain: mean ${graph.stepsPerChain.mean.toFixed(2)}, max ${graph.stepsPerChain.max}; relations per chain ${graph.relationsPerChain.toFixed(2)}`,
      ].join("\n"),
    );
  });
});
