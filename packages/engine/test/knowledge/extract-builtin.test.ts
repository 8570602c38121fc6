import { describe, expect, it } from "vitest";
import { containsTerm, extractKnowledgeBuiltin, keyifyText, verifyExtraction, ZExtractedChunk, type TExtractedChunk } from "../../src/index.ts";
import { ECONOMICS, MICROBIOLOGY, PROCESS } from "./fixtures.ts";

const FIXTURES = { microbiology: MICROBIOLOGY, economics: ECONOMICS, process: PROCESS };

function formsOf(x: TExtractedChunk, key: string): string[] {
  const concept = x.concepts.find((c) => c.key === key)!;
  return [concept.term, ...concept.aliases, concept.key];
}

describe.each(Object.entries(FIXTURES))("extractKnowledgeBuiltin on the %s fixture", (_, text) => {
  const x = extractKnowledgeBuiltin(text);

  it("finds chains, relations and concepts that the schema accepts", () => {
    expect(x.chains.length).toBeGreaterThan(0);
    expect(ZExtractedChunk.parse(x)).toEqual(x);
  });

  it("quotes exact spans of the chunk that name both ends of every relation", () => {
    for (const r of x.relations) {
      expect(r.quote.start).toBeGreaterThanOrEqual(0);
      expect(r.quote.end).toBeLessThanOrEqual(text.length);
      const quoted = keyifyText(text.slice(r.quote.start, r.quote.end));
      expect(formsOf(x, r.subject).some((f) => containsTerm(quoted, f)), `${r.key} subject`).toBe(true);
      expect(formsOf(x, r.object).some((f) => containsTerm(quoted, f)), `${r.key} object`).toBe(true);
    }
  });

  it("reaches every relation and concept from a chain (top-down)", () => {
    const used = new Set(x.chains.flatMap((c) => [...c.steps.map((s) => s.relationKey), ...c.negativeConstraints.flatMap((n) => (n.relationKey ? [n.relationKey] : []))]));
    expect(x.relations.every((r) => used.has(r.key))).toBe(true);
    const linked = new Set(x.relations.flatMap((r) => [r.subject, r.object]));
    expect(x.concepts.map((c) => c.key).sort()).toEqual([...linked].sort());
  });

  it("orders chain steps and connects each step to the next through a shared concept", () => {
    const byKey = new Map(x.relations.map((r) => [r.key, r]));
    for (const chain of x.chains) {
      expect(chain.steps.length).toBeGreaterThanOrEqual(2);
      chain.steps.forEach((step, i) => {
        expect(step.order).toBe(i + 1);
        const relation = byKey.get(step.relationKey)!;
        expect(relation.negated).toBe(false);
        if (i === 0) return;
        const previous = byKey.get(chain.steps[i - 1]!.relationKey)!;
        const shared = [relation.subject, relation.object].filter((k) => k === previous.subject || k === previous.object);
        expect(shared.length, `${chain.key} step ${step.order}`).toBeGreaterThan(0);
      });
    }
  });

  it("passes its own verification without a single rejection", () => {
    expect(verifyExtraction(text, x).rejected).toEqual([]);
  });

  it("gives definition, precondition and constraint spans that lie in the chunk", () => {
    const spans = [
      ...x.concepts.flatMap((c) => (c.definitionSpan ? [c.definitionSpan] : [])),
      ...x.chains.flatMap((c) => [...c.preconditions, ...c.negativeConstraints].map((n) => n.span)),
    ];
    for (const span of spans) {
      expect(span.start).toBeGreaterThanOrEqual(0);
      expect(span.end).toBeLessThanOrEqual(text.length);
      expect(text.slice(span.start, span.end).trim().length).toBeGreaterThan(0);
    }
  });

  it("is deterministic", () => {
    expect(extractKnowledgeBuiltin(text)).toEqual(x);
    expect(JSON.stringify(extractKnowledgeBuiltin(text))).toBe(JSON.stringify(x));
  });
});

describe("extractKnowledgeBuiltin: what it finds", () => {
  it("builds the ordered process of a numbered list as one chain, with its precondition", () => {
    const x = extractKnowledgeBuiltin(PROCESS);
    const chain = x.chains.find((c) => c.steps.length >= 5)!;
    expect(chain).toBeDefined();
    expect(chain.title).toContain("How a Vaccine Induces Immunity");
    expect(chain.steps.map((s) => s.text)).toEqual([
      "Vaccine introduces antigen.",
      "Antigen activates helper T cells.",
      "Helper T cells stimulate B cells.",
      "B cells produce antibodies.",
      "Antibodies neutralize pathogen.",
    ]);
    expect(chain.preconditions.map((p) => p.text)).toContain("only when the vaccine contains an antigen of the pathogen");
  });

  it("records negated sentences as negative constraints linked to a negated relation, never as steps", () => {
    const x = extractKnowledgeBuiltin(ECONOMICS);
    const negated = x.relations.filter((r) => r.negated);
    expect(negated.map((r) => [r.subject, r.type, r.object])).toContainEqual(["price floor", "causes", "shortage"]);
    const constraints = x.chains.flatMap((c) => c.negativeConstraints);
    const linked = constraints.find((n) => n.text === "A price floor does not cause a shortage.")!;
    expect(linked).toBeDefined();
    expect(x.relations.find((r) => r.key === linked.relationKey)?.negated).toBe(true);
    expect(ECONOMICS.slice(linked.span.start, linked.span.end)).toBe("A price floor does not cause a shortage.");
    expect(constraints.map((n) => n.text)).toContain("A price floor should not be confused with a price ceiling.");
    const steps = new Set(x.chains.flatMap((c) => c.steps.map((s) => s.relationKey)));
    for (const r of negated) expect(steps.has(r.key)).toBe(false);
  });

  it("takes definitions from the glossary first, with the entry's exact span", () => {
    const x = extractKnowledgeBuiltin(ECONOMICS);
    const ceiling = x.concepts.find((c) => c.key === "price ceiling")!;
    expect(ceiling.definition).toBe("a legal maximum on the price at which a good can be sold");
    expect(ECONOMICS.slice(ceiling.definitionSpan!.start, ceiling.definitionSpan!.end)).toBe(
      "**price ceiling**: a legal maximum on the price at which a good can be sold",
    );
  });

  it("reads bold terms through Markdown and keeps the quote exact", () => {
    const x = extractKnowledgeBuiltin(MICROBIOLOGY);
    const neutrophile = x.concepts.find((c) => c.key === "neutrophile")!;
    expect(neutrophile.term).toBe("neutrophiles");
    expect(MICROBIOLOGY.slice(neutrophile.definitionSpan!.start, neutrophile.definitionSpan!.end)).toBe(
      "Most bacteria are **neutrophiles**, meaning they grow best near neutral pH.",
    );
    const isA = x.relations.find((r) => r.subject === "bacterium" && r.object === "neutrophile")!;
    expect(isA.type).toBe("is_a");
    expect(MICROBIOLOGY.slice(isA.quote.start, isA.quote.end)).toBe("Most bacteria are **neutrophiles**, meaning they grow best near neutral pH.");
  });

  it("maps an acronym to its long form within the chunk", () => {
    const x = extractKnowledgeBuiltin(MICROBIOLOGY);
    const atp = x.concepts.find((c) => c.key === "adenosine triphosphate")!;
    expect(atp.aliases).toContain("ATP");
    expect(x.concepts.some((c) => c.key === "atp")).toBe(false);
  });

  it("keeps unchained relations only when asked", () => {
    const strict = extractKnowledgeBuiltin(MICROBIOLOGY);
    const loose = extractKnowledgeBuiltin(MICROBIOLOGY, { keepUnchainedRelations: true });
    expect(loose.relations.length).toBeGreaterThan(strict.relations.length);
    expect(verifyExtraction(MICROBIOLOGY, loose, { keepUnchainedRelations: true }).rejected).toEqual([]);
    expect(loose.relations.some((r) => r.subject === "extreme ph" && r.type === "prevents" && r.object === "enzyme activity")).toBe(true);
  });

  it("returns an empty extraction for text without relations", () => {
    expect(extractKnowledgeBuiltin("")).toEqual({ chains: [], relations: [], concepts: [] });
    expect(extractKnowledgeBuiltin("# Notes\n\nHello there. | a | b |")).toEqual({ chains: [], relations: [], concepts: [] });
  });
});
