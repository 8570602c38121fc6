// The answer parser against the shapes real models reply in (chat models, reasoning models with
// <think> blocks, base models that restate the option, lm-eval style single letters).
import { describe, expect, it } from "vitest";
import { canonicalAnswer, parseAnswer } from "../../src/evaluation/parse-answer.ts";

const OPTIONS = [
  { label: "A", text: "Glycolysis produces pyruvate." },
  { label: "B", text: "Pyruvate produces glycolysis." },
  { label: "C", text: "Glycolysis does not produce pyruvate." },
  { label: "D", text: "Glycolysis requires oxygen in all cases." },
];

const SINGLE: [string, string | null][] = [
  ["A", "A"],
  ["(B)", "B"],
  ["**C**", "C"],
  ["Answer: D", "D"],
  ["answer: b", "B"],
  ["The answer is A.", "A"],
  ["The correct answer is (C).", "C"],
  ["Final answer: **B**", "B"],
  ["I would choose B because pyruvate is the product.", "B"],
  ["B) Pyruvate produces glycolysis.", "B"],
  ["C. Glycolysis does not produce pyruvate", "C"],
  ["<think>Option A looks right, but maybe C? Answer: C</think>\nThe answer is A.", "A"],
  ["<think>long reasoning about B and D</think>\n\nD", "D"],
  ["Let me think step by step. Glycolysis splits glucose into pyruvate.\nAnswer: A", "A"],
  ["The answer is A. Option C is wrong because glycolysis does produce pyruvate.", "A"],
  ["Glycolysis produces pyruvate.", "A"],
  ["I am not sure.", null],
  ["", null],
  ["Answer: E", null],
  ["My answer is D", "D"],
  ["Answer:\n\nB", "B"],
  ["The best option is C.", "C"],
  ["Answer: B\nExplanation: A is incorrect because ...", "B"],
];

const MULTI: [string, string | null][] = [
  ["A, C", "A,C"],
  ["Answer: C, A", "A,C"],
  ["The correct answers are A and C.", "A,C"],
  ["Answers: (A), (B) and (D)", "A,B,D"],
  ["AC", "A,C"],
  ["Answer: A", "A"],
  ["<think>A and B?</think>Answer: A; D", "A,D"],
];

describe("parseAnswer", () => {
  it.each(SINGLE)("single: %j → %s", (reply, expected) => {
    expect(parseAnswer(reply, OPTIONS, false).answer).toBe(expected);
  });
  it.each(MULTI)("multi: %j → %s", (reply, expected) => {
    expect(parseAnswer(reply, OPTIONS, true).answer).toBe(expected);
  });
  it("reports how it read the answer", () => {
    expect(parseAnswer("Answer: B", OPTIONS).method).toBe("label");
    expect(parseAnswer("Glycolysis produces pyruvate.", OPTIONS).method).toBe("option_text");
    expect(parseAnswer("nothing", OPTIONS).method).toBe("none");
  });
});

describe("canonicalAnswer", () => {
  it("canonicalises gold answers the same way", () => {
    expect(canonicalAnswer("C, A")).toBe("A,C");
    expect(canonicalAnswer(["c", "a", "a"])).toBe("A,C");
    expect(canonicalAnswer("AC")).toBe("A,C");
    expect(canonicalAnswer("B", ["A", "B"])).toBe("B");
    expect(canonicalAnswer("E", ["A", "B"])).toBeNull();
  });
});
