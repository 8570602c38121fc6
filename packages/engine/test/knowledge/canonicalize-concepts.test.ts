import { describe, expect, it } from "vitest";
import { canonicalizeConcepts, extractKnowledgeBuiltin } from "../../src/index.ts";

describe("canonicalizeConcepts", () => {
  const items = [
    {
      chunkId: "doc1#0",
      concepts: [
        { key: "adenosine triphosphate", term: "adenosine triphosphate", aliases: ["ATP"], definition: "The cell's energy currency.", type: "entity" },
        { key: "mitochondrion", term: "mitochondria", aliases: [], definition: null, type: "concept" },
      ],
    },
    { chunkId: "doc1#1", concepts: [{ key: "atp", term: "ATP", aliases: [], definition: null, type: "entity" }] },
    {
      chunkId: "doc2#0",
      concepts: [
        { key: "mitochondrion", term: "mitochondrion", aliases: [], definition: "The organelle of respiration.", type: "entity" },
        { key: "long-run equilibrium", term: "long-run equilibrium", type: "concept" },
        { key: "Adenosine Triphosphates", term: "Adenosine triphosphates" },
      ],
    },
    { chunkId: "doc3#4", concepts: [{ key: "long run equilibrium", term: "long run equilibria" }, { key: "enzymes", term: "Enzymes" }] },
  ];

  it("merges acronyms with their long form, plurals and hyphen variants, keeping every mention", () => {
    const { canonical, keyMap } = canonicalizeConcepts(items);
    expect(canonical.map((c) => c.key)).toEqual(["adenosine triphosphate", "enzyme", "long-run equilibrium", "mitochondrion"]);
    const atp = canonical.find((c) => c.key === "adenosine triphosphate")!;
    expect(atp.term).toBe("adenosine triphosphate");
    expect(atp.aliases).toEqual(["ATP", "Adenosine triphosphates"]);
    expect(atp.definition).toBe("The cell's energy currency.");
    expect(atp.mentions).toEqual([
      { chunkId: "doc1#0", conceptKey: "adenosine triphosphate" },
      { chunkId: "doc1#1", conceptKey: "atp" },
      { chunkId: "doc2#0", conceptKey: "Adenosine Triphosphates" },
    ]);
    const mito = canonical.find((c) => c.key === "mitochondrion")!;
    expect(mito.mentions).toHaveLength(2);
    expect(mito.definition).toBe("The organelle of respiration.");
    expect(keyMap.get("doc1#1:atp")).toBe("adenosine triphosphate");
    expect(keyMap.get("doc2#0:mitochondrion")).toBe("mitochondrion");
    expect(keyMap.size).toBe(8);
    expect(canonical.find((c) => c.key === "long-run equilibrium")!.aliases).toEqual(["long run equilibria"]);
    const total = canonical.reduce((n, c) => n + c.mentions.length, 0);
    expect(total).toBe(items.reduce((n, i) => n + i.concepts.length, 0));
  });

  it("merges hyphen and space spellings", () => {
    const { keyMap } = canonicalizeConcepts(items);
    expect(keyMap.get("doc2#0:long-run equilibrium")).toBe("long-run equilibrium");
    expect(keyMap.get("doc3#4:long run equilibrium")).toBe("long-run equilibrium");
    const { keyMap: same } = canonicalizeConcepts([
      { chunkId: "a", concepts: [{ key: "long-run equilibrium", term: "long-run equilibrium" }] },
      { chunkId: "b", concepts: [{ key: "long run equilibrium", term: "long run equilibrium" }] },
    ]);
    expect(same.get("b:long run equilibrium")).toBe("long-run equilibrium");
  });

  it("is deterministic and sorted", () => {
    const a = canonicalizeConcepts(items);
    const b = canonicalizeConcepts(structuredClone(items));
    expect(a.canonical).toEqual(b.canonical);
    expect([...a.keyMap]).toEqual([...b.keyMap]);
    expect(a.canonical.map((c) => c.key)).toEqual([...a.canonical.map((c) => c.key)].sort());
  });

  it("merges what the builtin extractor finds in different chunks", () => {
    const one = extractKnowledgeBuiltin("Glycolysis produces adenosine triphosphate (ATP). ATP drives muscle contraction.");
    const two = extractKnowledgeBuiltin("Muscle contractions require ATP. Muscle contraction produces heat.");
    const { canonical, keyMap } = canonicalizeConcepts([
      { chunkId: "one", concepts: one.concepts },
      { chunkId: "two", concepts: two.concepts },
    ]);
    expect(keyMap.get("one:adenosine triphosphate")).toBe("adenosine triphosphate");
    expect(keyMap.get("two:atp")).toBe("adenosine triphosphate");
    expect(keyMap.get("two:muscle contraction")).toBe("muscle contraction");
    expect(canonical.find((c) => c.key === "muscle contraction")!.mentions).toHaveLength(2);
  });

  it("handles an empty project", () => {
    expect(canonicalizeConcepts([])).toEqual({ canonical: [], keyMap: new Map() });
  });
});
