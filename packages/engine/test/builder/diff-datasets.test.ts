import { describe, expect, it } from "vitest";
import { buildDataset, diffDatasets, SAMPLE_TYPES } from "../../src/index.ts";
import { buildFixtureGraph } from "./fixture-graph.ts";

const GRAPH = buildFixtureGraph();

describe("diffDatasets", () => {
  it("compares two versions by sample key", () => {
    const v1 = buildDataset(GRAPH, { knowledgeVersionId: "kv-1", budget: 40, seed: 1 }).samples;
    const inV1 = new Set(v1.map((s) => s.key));
    const patch = buildDataset(GRAPH, { knowledgeVersionId: "kv-1", budget: 40, seed: 2 }).samples.filter((s) => !inV1.has(s.key)).slice(0, 6);
    // A patched version: 30 samples replayed, 6 new ones.
    const v2 = [...v1.slice(10), ...patch];
    const diff = diffDatasets(v1, v2);
    expect(diff.removed).toEqual(v1.slice(0, 10).map((s) => s.key));
    expect(diff.added).toEqual(patch.map((s) => s.key));
    expect(diff.unchanged).toEqual(v1.slice(10).map((s) => s.key));
    for (const type of SAMPLE_TYPES) {
      expect(diff.byType[type]).toEqual({
        added: patch.filter((s) => s.type === type).length,
        removed: v1.slice(0, 10).filter((s) => s.type === type).length,
        unchanged: v1.slice(10).filter((s) => s.type === type).length,
      });
    }
    expect(diffDatasets(v1, v1)).toMatchObject({ added: [], removed: [], unchanged: v1.map((s) => s.key) });
    // The same sample keeps its key in any version, whatever its position.
    expect(diffDatasets(v1, [...v1].reverse()).unchanged).toHaveLength(v1.length);
  });
});
