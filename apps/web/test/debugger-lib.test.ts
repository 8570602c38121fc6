// The Debugger's pure rules: which label a reviewed diagnosis carries into the patch and into the
// judge's calibration, the patch targets of a relabelled diagnosis, and the external-set parser's
// accepted shapes and line errors.
import { cohensKappa } from "@proda/engine";
import { effectiveLabel, judgeCalibration, shownLabel, targetsFor, type TLabelled } from "@proda/pipeline";
import { describe, expect, it } from "vitest";
import { parseExternalSet } from "../src/server/external/parse-external-set.ts";

const d = (over: Partial<TLabelled>): TLabelled => ({ label: "concept_gap", judgeLabel: null, abstained: false, review: "pending", reviewLabel: null, ...over });

describe("labels", () => {
  it("shows the judge's label, lets a relabel win and a reject drop out", () => {
    expect(shownLabel(d({ judgeLabel: "reasoning_deficit" }))).toBe("reasoning_deficit");
    expect(shownLabel(d({ abstained: true }))).toBe("concept_gap");
    expect(effectiveLabel(d({ judgeLabel: "reasoning_deficit", review: "accepted" }))).toBe("reasoning_deficit");
    expect(effectiveLabel(d({ review: "relabelled", reviewLabel: "reasoning_deficit" }))).toBe("reasoning_deficit");
    expect(effectiveLabel(d({ review: "rejected" }))).toBeNull();
  });

  it("calibrates the judge on reviewed, non-abstained diagnoses only", () => {
    const rows = [
      d({ judgeLabel: "concept_gap", review: "accepted" }),
      d({ judgeLabel: "reasoning_deficit", label: "reasoning_deficit", review: "accepted" }),
      d({ judgeLabel: "concept_gap", review: "relabelled", reviewLabel: "reasoning_deficit" }),
      d({ judgeLabel: "concept_gap", review: "rejected" }),
      d({ abstained: true, review: "relabelled", reviewLabel: "reasoning_deficit" }),
      d({ judgeLabel: "concept_gap" }),
    ];
    expect(judgeCalibration(rows)).toEqual(cohensKappa([["concept_gap", "concept_gap"], ["reasoning_deficit", "reasoning_deficit"], ["concept_gap", "reasoning_deficit"]]));
  });
});

describe("patch targets", () => {
  const evidence = { untaughtRelations: ["r2"], weakRelations: ["r3"], untaughtConcepts: [], weakConcepts: ["c3"], relationCoverage: 0.5, fooledBy: [] };
  const gap = { label: "concept_gap", chainId: "ch", relationIds: ["r1", "r2", "r3"], conceptIds: ["c1", "c3"], evidence: { ...evidence, targets: { relationIds: ["r2", "r3"], conceptIds: ["c3"], chainId: null } } };

  it("uses the stored targets for the structural label", () => {
    expect(targetsFor("concept_gap", gap)).toEqual({ relationIds: ["r2", "r3"], conceptIds: ["c3"], chainId: null });
  });

  it("walks the chain of a gap relabelled a deficit, keeping its weak nodes", () => {
    expect(targetsFor("reasoning_deficit", gap)).toEqual({ relationIds: ["r3"], conceptIds: ["c3"], chainId: "ch" });
  });

  it("reinforces every tested node of a fully taught deficit relabelled a gap", () => {
    const deficit = { label: "reasoning_deficit", chainId: "ch", relationIds: ["r1", "r1"], conceptIds: ["c1"], evidence: { ...evidence, untaughtRelations: [], weakRelations: [], weakConcepts: [] } };
    expect(targetsFor("concept_gap", deficit)).toEqual({ relationIds: ["r1"], conceptIds: ["c1"], chainId: null });
  });
});

describe("external sets", () => {
  it("reads the shapes evaluators use", () => {
    const { items, errors } = parseExternalSet([
      JSON.stringify({ question: "Q1", options: ["a", "b", "c"], answer: "B" }),
      JSON.stringify({ question: "Q2", choices: ["a", "b", "c"], labels: ["A", "B", "C", "A,B", "A,C", "B,C", "A,B,C"], answer: 5 }),
      JSON.stringify({ question: "Q3", options: { A: "a", B: "b" }, answer: 0 }),
      JSON.stringify({ question: "Q4", A: "a", B: "b", C: "c", answer: "CA" }),
      JSON.stringify({ question: "Q5", options: ["a", "b", "c"], answerIndexes: [2], answer: "ignored" }),
    ].join("\r\n"));
    expect(errors).toEqual([]);
    expect(items.map((i) => [i.answer, i.mode])).toEqual([["B", "single"], ["B,C", "multi"], ["A", "single"], ["A,C", "multi"], ["C", "single"]]);
    // Content keys: the same item always gets the same key.
    expect(parseExternalSet(JSON.stringify({ question: "Q1", options: ["a", "b", "c"], answer: "B" })).items[0]!.key).toBe(items[0]!.key);
  });

  it("reports each bad line by number", () => {
    const { errors } = parseExternalSet([
      JSON.stringify({ question: "Q", options: ["a"], answer: "A" }),
      "[1, 2]",
      JSON.stringify({ question: "Q", options: ["a", "a"], answer: "A" }),
      JSON.stringify({ question: "Q", options: ["a", "b"] }),
      JSON.stringify({ question: "Q", options: { A: "a", C: "c" }, answer: "A" }),
      JSON.stringify({ question: "Q", options: ["a", "b"], answer: 2 }),
    ].join("\n"));
    expect(errors.map((e) => e.line)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(errors.map((e) => e.message)).toEqual([
      "1 options; between 2 and 10 are accepted",
      "not a JSON object",
      "two options have the same text",
      'no answer: give "answer" as a letter ("B"), letters ("A,C" or ["A","C"]) or a 0-based index',
      "options has option C without the letters before it (or past J)",
      "answer index 2 is not one of the 2 options (0-based)",
    ]);
  });
});
