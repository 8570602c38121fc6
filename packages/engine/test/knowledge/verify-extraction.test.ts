import { describe, expect, it } from "vitest";
import { verifyExtraction, ZExtractedChunk, type TExtractedChunk } from "../../src/index.ts";

const TEXT = "Glycolysis produces pyruvate. Pyruvate enters the **Krebs cycle**. The Krebs cycle does not produce oxygen. Enzymes speed reactions.";
const at = (s: string) => ({ start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length });

function sample(): TExtractedChunk {
  return ZExtractedChunk.parse({
    concepts: [
      { key: "glycolysis", term: "Glycolysis" },
      { key: "pyruvate", term: "pyruvate", definition: "Pyruvate enters the Krebs cycle.", definitionSpan: at("Pyruvate enters the **Krebs cycle**.") },
      { key: "krebs cycle", term: "Krebs cycle" },
      { key: "oxygen", term: "oxygen" },
      { key: "enzyme", term: "Enzymes" },
      { key: "reaction", term: "reactions" },
    ],
    relations: [
      { key: "r1", subject: "glycolysis", type: "produces", predicate: "produces", object: "pyruvate", quote: at("Glycolysis produces pyruvate.") },
      { key: "r2", subject: "pyruvate", type: "other", predicate: "enters", object: "krebs cycle", quote: at("Pyruvate enters the **Krebs cycle**.") },
      { key: "r3", subject: "krebs cycle", type: "produces", predicate: "does not produce", object: "oxygen", negated: true, quote: at("The Krebs cycle does not produce oxygen.") },
      { key: "r4", subject: "enzyme", type: "increases", predicate: "speed", object: "reaction", quote: at("Enzymes speed reactions.") },
    ],
    chains: [
      {
        key: "c1",
        title: "Glycolysis to the Krebs cycle",
        steps: [
          { order: 1, relationKey: "r1", text: "Glycolysis produces pyruvate." },
          { order: 2, relationKey: "r2", text: "Pyruvate enters the Krebs cycle." },
        ],
        negativeConstraints: [{ text: "The Krebs cycle does not produce oxygen.", span: at("The Krebs cycle does not produce oxygen."), relationKey: "r3" }],
      },
    ],
  });
}

describe("verifyExtraction", () => {
  it("keeps a sound extraction and drops, top-down, what no chain reaches", () => {
    const { valid, rejected } = verifyExtraction(TEXT, sample());
    expect(valid.chains.map((c) => c.key)).toEqual(["c1"]);
    expect(valid.relations.map((r) => r.key)).toEqual(["r1", "r2", "r3"]);
    expect(valid.concepts.map((c) => c.key)).toEqual(["glycolysis", "pyruvate", "krebs cycle", "oxygen"]);
    expect(rejected).toEqual([
      { kind: "relation", key: "r4", reason: "not used by any chain" },
      { kind: "concept", key: "enzyme", reason: "not linked by any kept relation" },
      { kind: "concept", key: "reaction", reason: "not linked by any kept relation" },
    ]);
  });

  it("keeps unchained relations and their concepts when asked", () => {
    const { valid, rejected } = verifyExtraction(TEXT, sample(), { keepUnchainedRelations: true });
    expect(valid.relations.map((r) => r.key)).toContain("r4");
    expect(rejected).toEqual([]);
  });

  it("rejects a fabricated quote, and the chain that stood on it", () => {
    const x = sample();
    x.relations[0]!.quote = at("Enzymes speed reactions.");
    const { valid, rejected } = verifyExtraction(TEXT, x);
    expect(rejected).toContainEqual({ kind: "relation", key: "r1", reason: 'quote does not contain the subject "Glycolysis"' });
    expect(rejected).toContainEqual({ kind: "chain", key: "c1", reason: 'step 1 references missing or rejected relation "r1"' });
    expect(valid).toEqual({ chains: [], relations: [], concepts: [] });
  });

  it("rejects a quote outside the chunk", () => {
    const x = sample();
    x.relations[1]!.quote = { start: 10, end: TEXT.length + 5 };
    expect(verifyExtraction(TEXT, x).rejected).toContainEqual({ kind: "relation", key: "r2", reason: "quote span outside the chunk" });
  });

  it("rejects a disconnected chain with the steps that break it", () => {
    const x = sample();
    x.chains[0]!.steps.push({ order: 3, relationKey: "r4", text: "Enzymes speed reactions." });
    const { valid, rejected } = verifyExtraction(TEXT, x);
    expect(rejected).toContainEqual({ kind: "chain", key: "c1", reason: "steps 2 and 3 share no concept" });
    expect(valid.chains).toEqual([]);
  });

  it("rejects chains that use negated relations, repeat orders or reference unknown relations", () => {
    const negated = sample();
    negated.chains[0]!.steps[1] = { order: 2, relationKey: "r3", text: "x" };
    negated.relations[2]!.subject = "pyruvate";
    negated.relations[2]!.quote = at("Pyruvate enters the **Krebs cycle**. The Krebs cycle does not produce oxygen.");
    expect(verifyExtraction(TEXT, negated).rejected).toContainEqual({ kind: "chain", key: "c1", reason: 'step 2 uses negated relation "r3"' });
    const repeated = sample();
    repeated.chains[0]!.steps[1]!.order = 1;
    expect(verifyExtraction(TEXT, repeated).rejected).toContainEqual({ kind: "chain", key: "c1", reason: "two steps with order 1" });
    const unknown = sample();
    unknown.chains[0]!.steps[1]!.relationKey = "r99";
    expect(verifyExtraction(TEXT, unknown).rejected).toContainEqual({ kind: "chain", key: "c1", reason: 'step 2 references missing or rejected relation "r99"' });
  });

  it("sorts steps by order and drops notes whose text is not in their span", () => {
    const x = sample();
    x.chains[0]!.steps.reverse();
    x.chains[0]!.preconditions.push({ text: "Only in the presence of light.", span: at("Glycolysis produces pyruvate.") });
    const { valid, rejected } = verifyExtraction(TEXT, x);
    expect(valid.chains[0]!.steps.map((s) => s.order)).toEqual([1, 2]);
    expect(valid.chains[0]!.preconditions).toEqual([]);
    expect(rejected).toContainEqual({ kind: "precondition", key: "c1", reason: "text does not match its span" });
  });

  it("drops a definition whose span does not mention the term, keeping the concept", () => {
    const x = sample();
    x.concepts[1]!.definitionSpan = at("Enzymes speed reactions.");
    const { valid, rejected } = verifyExtraction(TEXT, x);
    expect(rejected).toContainEqual({ kind: "definition", key: "pyruvate", reason: "definition span does not mention the term" });
    expect(valid.concepts.find((c) => c.key === "pyruvate")).toMatchObject({ definition: null, definitionSpan: null });
  });

  it("rejects relations on unknown concepts, self-relations and duplicate keys", () => {
    const x = sample();
    x.relations.push({ ...x.relations[0]!, key: "r5", object: "atp" });
    x.relations.push({ ...x.relations[0]!, key: "r6", object: "glycolysis" });
    x.relations.push({ ...x.relations[0]! });
    const { rejected } = verifyExtraction(TEXT, x, { keepUnchainedRelations: true });
    expect(rejected).toContainEqual({ kind: "relation", key: "r5", reason: 'unknown object concept "atp"' });
    expect(rejected).toContainEqual({ kind: "relation", key: "r6", reason: "subject and object are the same concept" });
    expect(rejected).toContainEqual({ kind: "relation", key: "r1", reason: "duplicate key" });
  });

  it("parses LLM-style output with defaults and refuses malformed shapes", () => {
    expect(() => ZExtractedChunk.parse({ relations: [{ key: "r1", subject: "a", type: "kills", predicate: "kills", object: "b", quote: { start: 0, end: 1 } }] })).toThrow();
    expect(() => ZExtractedChunk.parse({ chains: [{ key: "c1", title: "t", steps: [{ order: 1, relationKey: "r1", text: "x" }] }] })).toThrow();
    expect(() => ZExtractedChunk.parse({ relations: [{ key: "r1", subject: "a", type: "causes", predicate: "causes", object: "b", quote: { start: 5, end: 5 } }] })).toThrow();
    expect(ZExtractedChunk.parse({})).toEqual({ chains: [], relations: [], concepts: [] });
  });
});
