import { describe, expect, it } from "vitest";
import { createRandom, GraphView, perturbRelation, renderStatement, type TGraphConcept, type TGraphRelation } from "../../src/index.ts";
import { buildBuiltinVersion } from "./fixtures.ts";

const concepts: TGraphConcept[] = [
  { id: "glucose", term: "glucose", type: "entity", discipline: "biology" },
  { id: "insulin", term: "insulin secretion", type: "process", discipline: "biology" },
  { id: "glucagon", term: "glucagon secretion", type: "process", discipline: "biology" },
  { id: "lipolysis", term: "lipolysis", type: "process", discipline: "biology" },
  { id: "fructose", term: "fructose", type: "entity", discipline: "biology" },
  { id: "price", term: "price", type: "entity", discipline: "economics" },
];
const relations: TGraphRelation[] = [
  { id: "r1", subjectId: "glucose", objectId: "insulin", type: "increases", negated: false },
  { id: "r2", subjectId: "glucose", objectId: "glucagon", type: "decreases", negated: false },
  { id: "r3", subjectId: "insulin", objectId: "glucagon", type: "contrasts_with", negated: false },
  { id: "r4", subjectId: "glucose", objectId: "lipolysis", type: "is_a", negated: false },
  { id: "r5", subjectId: "lipolysis", objectId: "glucose", type: "is_a", negated: false },
  { id: "r6", subjectId: "glucose", objectId: "lipolysis", type: "causes", negated: true },
  { id: "r7", subjectId: "fructose", objectId: "insulin", type: "increases", negated: false },
];
const graph = new GraphView(concepts, relations);
const byId = (id: string): TGraphRelation => relations.find((r) => r.id === id)!;

describe("GraphView", () => {
  it("states exactly the stored relations, with polarity, and symmetric types both ways", () => {
    expect(graph.states({ subjectId: "glucose", type: "increases", objectId: "insulin", negated: false })).toBe(true);
    expect(graph.states({ subjectId: "glucose", type: "increases", objectId: "insulin", negated: true })).toBe(false);
    expect(graph.states({ subjectId: "glucagon", type: "contrasts_with", objectId: "insulin", negated: false })).toBe(true);
    expect(graph.states({ subjectId: "insulin", type: "increases", objectId: "glucose", negated: false })).toBe(false);
  });

  it("finds contradictions: the opposite polarity or the inverse type", () => {
    expect(graph.contradicts({ subjectId: "glucose", type: "decreases", objectId: "insulin", negated: false })).toBe(true);
    expect(graph.contradicts({ subjectId: "glucose", type: "increases", objectId: "insulin", negated: true })).toBe(true);
    expect(graph.contradicts({ subjectId: "glucose", type: "causes", objectId: "lipolysis", negated: false })).toBe(true);
    expect(graph.contradicts({ subjectId: "insulin", type: "increases", objectId: "glucose", negated: false })).toBe(false);
  });

  it("lists siblings of the same type and discipline in id order, whatever the input order", () => {
    expect(graph.siblingsOf("insulin")).toEqual(["glucagon", "lipolysis"]);
    expect(new GraphView([...concepts].reverse(), relations).siblingsOf("insulin")).toEqual(["glucagon", "lipolysis"]);
    expect(graph.siblingsOf("price")).toEqual([]);
    expect(graph.siblingsOf("missing")).toEqual([]);
  });
});

describe("perturbRelation", () => {
  const random = createRandom(1);

  it("swaps subject and object, but never a symmetric relation or a swap the graph states", () => {
    const p = perturbRelation(byId("r1"), "swap_subject_object", graph, random)!;
    expect(p.statement).toEqual({ subjectId: "insulin", type: "increases", objectId: "glucose", negated: false });
    expect(p).toMatchObject({ operator: "swap_subject_object", sourceRelationId: "r1", checkedFalse: true });
    expect(p.changed).toContain("glucose");
    expect(perturbRelation(byId("r3"), "swap_subject_object", graph, random)).toBeNull();
    expect(perturbRelation(byId("r4"), "swap_subject_object", graph, random)).toBeNull(); // r5 states the swap
  });

  it("inverts only through INVERSE_RELATION", () => {
    expect(perturbRelation(byId("r1"), "invert_relation", graph, random)!.statement.type).toBe("decreases");
    expect(perturbRelation(byId("r2"), "invert_relation", graph, random)!.statement.type).toBe("increases");
    expect(perturbRelation(byId("r4"), "invert_relation", graph, random)).toBeNull();
    expect(perturbRelation(byId("r6"), "invert_relation", graph, random)!.statement).toMatchObject({ type: "prevents", negated: true });
  });

  it("substitutes a sibling of the same type and discipline so that the result is not stated", () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 20; seed++) {
      const p = perturbRelation(byId("r1"), "substitute_sibling", graph, createRandom(seed))!;
      expect(graph.states(p.statement)).toBe(false);
      const changedId = p.statement.subjectId !== "glucose" ? p.statement.subjectId : p.statement.objectId;
      const original = p.statement.subjectId !== "glucose" ? "glucose" : "insulin";
      expect(graph.siblingsOf(original)).toContain(changedId);
      seen.add(changedId);
    }
    // fructose is glucose's only sibling, but "fructose increases insulin secretion" is stated: never used.
    expect([...seen].sort()).toEqual(["glucagon", "lipolysis"]);
  });

  it("negates a relation, and asserts a negated one (the chain's warning) as true", () => {
    expect(perturbRelation(byId("r1"), "negate_constraint", graph, random)!.statement.negated).toBe(true);
    const asserted = perturbRelation(byId("r6"), "negate_constraint", graph, random)!;
    expect(asserted.statement).toEqual({ subjectId: "glucose", type: "causes", objectId: "lipolysis", negated: false });
    expect(asserted.changed).toContain("confusion");
  });

  it("never returns a statement the builtin-extracted graph states", () => {
    const v = buildBuiltinVersion();
    let produced = 0;
    for (const r of v.relations) {
      for (const op of ["swap_subject_object", "invert_relation", "substitute_sibling", "negate_constraint"] as const) {
        const p = perturbRelation(r, op, v.graph, createRandom(7));
        if (!p) continue;
        produced++;
        expect(v.graph.states(p.statement), `${r.id} ${op}`).toBe(false);
        expect(p).toMatchObject({ operator: op, sourceRelationId: r.id, checkedFalse: true });
      }
    }
    expect(produced).toBeGreaterThan(v.relations.length * 2);
  });
});

describe("createRandom and renderStatement", () => {
  it("repeats the same stream for the same seed", () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(createRandom(43)()).not.toBe(xs[0]);
  });

  it("words statements from RELATION_PHRASE, negated with does not / is not", () => {
    const s = { subjectId: "glucose", type: "increases", objectId: "insulin", negated: false } as const;
    expect(renderStatement(s, graph)).toBe("Glucose increases insulin secretion.");
    expect(renderStatement({ ...s, negated: true }, graph)).toBe("Glucose does not increase insulin secretion.");
    expect(renderStatement({ ...s, type: "is_a", negated: true }, graph)).toBe("Glucose is not a insulin secretion.");
    expect(renderStatement({ ...s, type: "contrasts_with", negated: true }, graph)).toBe("Glucose does not contrast with insulin secretion.");
  });
});
