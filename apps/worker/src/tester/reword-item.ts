// Provider wording of one generated item, as an async pass before it is stored (the engine's
// wording hook is synchronous). Texts may change; options, their order and correct flags may not.
// An answer that breaks a check keeps the template wording, with the reason counted.
import { measureLengthRatio, ZBenchmarkItem, type TBenchmarkItem } from "@proda/engine";
import { callJson, type TOpenAiContext } from "@proda/providers";
import { buildWordingSystemPrompt, buildWordingUserPrompt, WORDING_MAX_TOKENS, WORDING_SCHEMA_NAME, ZWording } from "./wording-prompt.ts";

export type TRewordResult = { item: TBenchmarkItem; kept: null } | { item: TBenchmarkItem; kept: string };

export async function rewordItem(item: TBenchmarkItem, context: TOpenAiContext, maxLengthRatio: number): Promise<TRewordResult> {
  const result = await callJson(
    {
      system: buildWordingSystemPrompt(maxLengthRatio),
      user: buildWordingUserPrompt(item),
      schema: ZWording,
      schemaName: WORDING_SCHEMA_NAME,
      maxTokens: WORDING_MAX_TOKENS,
    },
    context,
  );
  const keep = (reason: string): TRewordResult => ({ item, kept: reason });
  if (!result.value) return keep(`invalid answer (${(result.rejectReason ?? "invalid").split(":")[0]})`);
  const question = result.value.question.trim();
  const texts = result.value.options.map((t) => t.trim());
  if (texts.length !== item.options.length) return keep("changed the number of options");
  if (!question || texts.some((t) => !t) || new Set(texts).size !== texts.length) return keep("left an empty or repeated text");
  if (measureLengthRatio(texts) > maxLengthRatio) return keep("broke option-length parity");
  const reworded = ZBenchmarkItem.safeParse({ ...item, question, options: item.options.map((o, i) => ({ ...o, text: texts[i]! })) });
  if (!reworded.success) return keep("failed the item schema");
  return { item: reworded.data, kept: null };
}
