// Turning a model's text into a validated value. Models wrap JSON in ```json fences, prepend
// <think>…</think> reasoning (DeepSeek-R1, Qwen) or add a sentence around it; all of that is
// stripped before JSON.parse, and whatever still fails is described precisely for the repair turn.
import type { z } from "zod";

export type TParsedReply<T> =
  | { ok: true; value: T }
  | { ok: false; reason: string; /** What the repair turn tells the model. */ feedback: string };

const MAX_ISSUES_IN_FEEDBACK = 12;

/** Removes reasoning blocks and code fences; falls back to the outermost {...} when prose surrounds it. */
export function stripReply(text: string): string {
  let out = text.replace(/<think>[\s\S]*?<\/think>/gi, "");
  // An unclosed <think> (reasoning cut off by max_tokens) leaves nothing usable before it.
  out = out.replace(/<think>[\s\S]*$/i, "").trim();
  const fenced = /```(?:json|JSON)?\s*\n?([\s\S]*?)```/.exec(out);
  if (fenced) out = fenced[1]!.trim();
  if (!out.startsWith("{") && !out.startsWith("[")) {
    const first = out.indexOf("{");
    const last = out.lastIndexOf("}");
    if (first >= 0 && last > first) out = out.slice(first, last + 1);
  }
  return out;
}

/** "chains[0].steps[1].relationKey" from zod's path. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) out += typeof part === "number" ? `[${part}]` : `${out ? "." : ""}${String(part)}`;
  return out || "(root)";
}

export function parseReply<T>(text: string | null | undefined, schema: z.ZodType<T>): TParsedReply<T> {
  if (!text || !text.trim()) {
    return { ok: false, reason: "empty_response", feedback: "Your previous answer was empty." };
  }
  let json: unknown;
  try {
    json = JSON.parse(stripReply(text));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: "invalid_json", feedback: `Your previous answer was not valid JSON (${detail}).` };
  }
  const result = schema.safeParse(json);
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues.map((issue) => `${formatIssuePath(issue.path)}: ${issue.message}`);
  const listed = issues.slice(0, MAX_ISSUES_IN_FEEDBACK).map((line) => `- ${line}`);
  if (issues.length > listed.length) listed.push(`- … and ${issues.length - listed.length} more`);
  return {
    ok: false,
    reason: `schema: ${issues[0]}${issues.length > 1 ? ` (+${issues.length - 1} more)` : ""}`,
    feedback: `Your previous answer did not match the required JSON schema:\n${listed.join("\n")}`,
  };
}

export function buildRepairMessage(feedback: string): string {
  return `${feedback}\nReply with the corrected JSON object only: no prose, no code fences, nothing before or after it.`;
}
