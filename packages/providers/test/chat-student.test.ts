// The builtin student in the chat panel: it reads the evaluation prompt's own multiple-choice format,
// answers in a shape the answer parser reads, and otherwise quotes only taught statements.
import { parseAnswer, trainStudent } from "@proda/engine";
import { describe, expect, it } from "vitest";
import { buildEvaluationPrompt, findClosestStatements, readMultipleChoice, replyAsStudent, STUDENT_LABEL } from "../src/index.ts";

const samples = [
  { messages: [{ role: "user", content: "What does heat do to pressure?" }, { role: "assistant", content: "Heat increases gas pressure." }] },
  { messages: [{ role: "user", content: "What does insulin do?" }, { role: "assistant", content: "Insulin lowers blood glucose." }] },
];
const { model } = trainStudent(samples, { seed: 3 });
const options = [
  { label: "A", text: "Gas pressure increases heat." },
  { label: "B", text: "Heat decreases gas pressure." },
  { label: "C", text: "Heat increases gas pressure." },
];

describe("builtin student chat", () => {
  it("reads the evaluation prompt's question and lettered options back", () => {
    const prompt = buildEvaluationPrompt({ question: "Which statement is true?", options, multi: true });
    expect(readMultipleChoice(prompt.user)).toEqual({ question: "Which statement is true?", options, multi: true });
    expect(readMultipleChoice(buildEvaluationPrompt({ question: "Q?", options, multi: false }).user)?.multi).toBe(false);
    expect(readMultipleChoice("No options here.\nA. only one")).toBeNull();
  });

  it("answers a multiple-choice prompt from its memory, in a shape the parser reads, the same way twice", () => {
    const prompt = buildEvaluationPrompt({ question: "Which statement is true?", options, multi: false }).user;
    const reply = replyAsStudent(model, [{ role: "user", content: prompt }]);
    expect(reply.startsWith(STUDENT_LABEL)).toBe(true);
    expect(parseAnswer(reply, options).answer).toBe("C");
    expect(replyAsStudent(model, [{ role: "user", content: prompt }])).toBe(reply);
  });

  it("quotes only taught statements that share at least two words with the prompt", () => {
    expect(findClosestStatements(model, "What lowers blood glucose?")).toEqual(["insulin decreases blood glucose"]);
    expect(findClosestStatements(model, "Tell me about glucose.")).toEqual([]);
    expect(replyAsStudent(model, [{ role: "user", content: "Tell me about photosynthesis." }])).toMatch(/Nothing it was taught matches/);
    expect(replyAsStudent(trainStudent([], { seed: 1 }).model, [{ role: "user", content: "Hi" }])).toMatch(/trained on nothing/);
  });
});
