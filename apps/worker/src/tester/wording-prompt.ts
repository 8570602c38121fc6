// The prompt that asks an OpenAI-compatible model to reword one benchmark item. The model sees the
// texts only, never which options are right: it cannot leak the answer into the wording (a longer,
// more careful correct option), and the answer stays what the Tester decided.
import type { TBenchmarkItem } from "@proda/engine";
import { z } from "zod";

export const ZWording = z.object({
  question: z.string().min(1).max(2000),
  options: z.array(z.string().min(1).max(1000)).min(2).max(6),
});
export type TWording = z.infer<typeof ZWording>;

export const WORDING_SCHEMA_NAME = "benchmark_item_wording";
export const WORDING_MAX_TOKENS = 1500;

export function buildWordingSystemPrompt(maxLengthRatio: number): string {
  return [
    "You edit multiple-choice exam items written from templates so that they read naturally.",
    "Rules:",
    "- Keep the meaning of the question and of every option exactly: a true statement must stay true, a false one false.",
    "- Keep every subject, object, relation, negation and condition; never add facts, hedges or explanations.",
    "- Return the options in the same order and number as given.",
    `- Keep the options similar in length: the longest may be at most ${maxLengthRatio} times the shortest (in characters).`,
    "- No letters, numbering or quotes around options.",
    'Answer with JSON only: {"question": string, "options": [string, ...]}.',
  ].join("\n");
}

export function buildWordingUserPrompt(item: Pick<TBenchmarkItem, "question" | "options" | "discipline" | "mode">): string {
  const payload = { discipline: item.discipline, selectAll: item.mode === "multi", question: item.question, options: item.options.map((o) => o.text) };
  return `Reword this item:\n${JSON.stringify(payload, null, 2)}`;
}
