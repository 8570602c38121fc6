import { describe, expect, it } from "vitest";
import { extractKnowledgeBuiltin, INVERSE_RELATION, RELATION_TYPES } from "../../src/index.ts";

/** All relations of one sentence, chained or not, as [subject, type, object, negated]. */
function relationsOf(sentence: string): [string, string, string, boolean][] {
  return extractKnowledgeBuiltin(sentence, { keepUnchainedRelations: true }).relations.map((r) => [r.subject, r.type, r.object, r.negated]);
}

describe("relation typing", () => {
  it.each([
    ["Inflation increases interest rates.", ["inflation", "increases", "interest rate", false]],
    ["Higher interest rates reduce investment.", ["interest rate", "decreases", "investment", false]],
    ["An increase in the money supply leads to a fall in interest rates.", ["money supply", "decreases", "interest rate", false]],
    ["Tariffs raise import prices, which in turn reduce imports.", ["import price", "decreases", "import", false]],
    ["Smoking causes lung cancer.", ["smoking", "causes", "lung cancer", false]],
    ["Vaccination prevents measles.", ["vaccination", "prevents", "measles", false]],
    ["Penicillin inhibits cell wall synthesis.", ["penicillin", "prevents", "cell wall synthesis", false]],
    ["Aspirin does not cause ulcers.", ["aspirin", "causes", "ulcer", true]],
    ["A mushroom is a type of fungus.", ["mushroom", "is_a", "fungus", false]],
    ["A virus is an infectious agent.", ["virus", "is_a", "infectious agent", false]],
    ["The nucleus is part of the cell.", ["nucleus", "part_of", "cell", false]],
    ["The cell membrane contains phospholipids.", ["phospholipid", "part_of", "cell membrane", false]],
    ["Chromosomes consist of DNA.", ["dna", "part_of", "chromosome", false]],
    ["Lactose is produced by the mammary gland.", ["mammary gland", "produces", "lactose", false]],
    ["Photosynthesis requires sunlight.", ["photosynthesis", "requires", "sunlight", false]],
    ["Oxygen enables aerobic respiration.", ["oxygen", "enables", "aerobic respiration", false]],
    ["Glycolysis precedes the Krebs cycle.", ["glycolysis", "precedes", "krebs cycle", false]],
    ["The Krebs cycle is followed by oxidative phosphorylation.", ["krebs cycle", "precedes", "oxidative phosphorylation", false]],
    ["Temperature is measured in degrees Celsius.", ["temperature", "measured_by", "degrees celsius", false]],
    ["Elasticity is defined as the responsiveness of quantity to price.", ["elasticity", "defined_as", "responsiveness", false]],
    ["Unlike viruses, bacteria have ribosomes.", ["bacterium", "contrasts_with", "virus", false]],
    ["Pathogens such as Salmonella cause food poisoning.", ["salmonella", "example_of", "pathogen", false]],
  ] as const)("%s", (sentence, expected) => {
    expect(relationsOf(sentence)).toContainEqual(expected);
  });

  it("reads a predicate from subject to object when the text runs the other way", () => {
    const [passive] = extractKnowledgeBuiltin("Lactose is produced by the mammary gland.", { keepUnchainedRelations: true }).relations;
    expect(passive!.predicate).toBe("produces");
    const [contains] = extractKnowledgeBuiltin("The cell membrane contains phospholipids.", { keepUnchainedRelations: true }).relations;
    expect(contains!.predicate).toBe("is part of");
  });

  it("keeps the verb phrase as written for other verbs", () => {
    const relations = extractKnowledgeBuiltin("Acidophiles grow optimally at low pH.", { keepUnchainedRelations: true }).relations;
    expect(relations).toContainEqual(expect.objectContaining({ subject: "acidophile", type: "other", predicate: "grow optimally at", object: "low ph" }));
  });

  it("states no relation from questions, instructions or learning objectives", () => {
    expect(relationsOf("Does inflation increase interest rates?")).toEqual([]);
    expect(relationsOf("Decide whether the shortage causes black markets.")).toEqual([]);
    expect(relationsOf("## Learning Objectives\n\n- Smoking causes lung cancer.")).toEqual([]);
  });

  it("exports the vocabulary and the antonyms used for distractors", () => {
    expect(RELATION_TYPES).toHaveLength(15);
    expect(RELATION_TYPES).toContain("other");
    expect(INVERSE_RELATION.increases).toBe("decreases");
    expect(INVERSE_RELATION.decreases).toBe("increases");
    expect(INVERSE_RELATION.causes).toBe("prevents");
    expect(INVERSE_RELATION.prevents).toBe("causes");
    for (const [a, b] of Object.entries(INVERSE_RELATION)) expect(INVERSE_RELATION[b]).toBe(a);
  });
});
