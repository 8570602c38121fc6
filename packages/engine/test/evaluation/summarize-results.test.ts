import { describe, expect, it } from "vitest";
import { summarizeResults } from "../../src/evaluation/summarize-results.ts";

describe("summarizeResults", () => {
  it("breaks accuracy down by discipline, level, chain length and operator", () => {
    const s = summarizeResults([
      { correct: true, parsed: "A", discipline: "bio", level: 1, chainLength: 2, operators: ["swap_subject_object", "swap_subject_object"], chosenOperators: [] },
      { correct: false, parsed: "B", discipline: "bio", level: 2, chainLength: 3, operators: ["invert_relation"], chosenOperators: ["invert_relation"] },
      { correct: false, parsed: null, discipline: "econ", level: 1, chainLength: 2, operators: ["swap_subject_object"], chosenOperators: [] },
    ]);
    expect(s.total).toEqual({ items: 3, correct: 1, accuracy: 1 / 3 });
    expect(s.unparsed).toBe(1);
    expect(s.byDiscipline.bio).toEqual({ items: 2, correct: 1, accuracy: 0.5 });
    expect(s.byLevel["1"]).toEqual({ items: 2, correct: 1, accuracy: 0.5 });
    expect(s.byChainLength["3"]).toEqual({ items: 1, correct: 0, accuracy: 0 });
    // An item counts once per operator however many of its distractors use it.
    expect(s.byOperator.swap_subject_object).toEqual({ items: 2, correct: 1, accuracy: 0.5 });
    expect(s.fooledBy).toEqual({ invert_relation: 1 });
  });
  it("is all zeros when there is nothing", () => {
    expect(summarizeResults([]).total).toEqual({ items: 0, correct: 0, accuracy: 0 });
  });
});
