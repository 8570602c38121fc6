// callJson: the JSON-call machinery every LLM stage shares. Cache first; otherwise ask (structured
// output where the endpoint has it), validate with zod, send one repair turn listing what was wrong,
// and give up with a reason. Only a validated answer is cached, so a rejection is retried next run.
import type { z } from "zod";
import { computeCacheKey } from "../cache.ts";
import { computeCostUsd } from "../cost.ts";
import { ContextLengthError } from "../errors.ts";
import type { TCallUsage, TJsonRequest, TJsonResult } from "../types.ts";
import { buildRepairMessage, parseReply } from "./parse-reply.ts";
import type { TOpenAiContext } from "./context.ts";
import type { TChatInput } from "./chat-request.ts";
import { sendChat, type TChatReply } from "./send-chat.ts";
import { toStrictJsonSchema } from "./strict-schema.ts";

const DEFAULT_EXPECTED_COMPLETION_TOKENS = 1000;

// Deriving a JSON Schema walks the whole zod tree: once per schema object is enough.
const jsonSchemaMemo = new WeakMap<z.ZodType, Record<string, unknown>>();

function resolveJsonSchema<T>(request: TJsonRequest<T>): Record<string, unknown> {
  if (request.jsonSchema) return request.jsonSchema;
  let schema = jsonSchemaMemo.get(request.schema);
  if (!schema) jsonSchemaMemo.set(request.schema, (schema = toStrictJsonSchema(request.schema)));
  return schema;
}

function sumUsage(ctx: TOpenAiContext, replies: TChatReply[]): TCallUsage {
  const promptTokens = replies.reduce((n, r) => n + r.promptTokens, 0);
  const completionTokens = replies.reduce((n, r) => n + r.completionTokens, 0);
  const attempts = replies.reduce((n, r) => n + r.attempts, 0);
  return { promptTokens, completionTokens, costUsd: computeCostUsd({ promptTokens, completionTokens }, ctx.settings), cached: false, attempts };
}

function recordUsage(ctx: TOpenAiContext, usage: TCallUsage): void {
  ctx.stats.calls++;
  if (usage.cached) ctx.stats.cachedCalls++;
  ctx.stats.promptTokens += usage.promptTokens;
  ctx.stats.completionTokens += usage.completionTokens;
  ctx.stats.costUsd += usage.costUsd;
}

/** `refused`: one more request was sent and refused for its length (it has no reply to count). */
function reject<T>(ctx: TOpenAiContext, replies: TChatReply[], reason: string, refused = false): TJsonResult<T> {
  const usage = sumUsage(ctx, replies);
  if (refused) usage.attempts++;
  recordUsage(ctx, usage);
  ctx.stats.rejectedCalls++;
  return { value: null, rejectReason: reason, usage };
}

export async function callJson<T>(request: TJsonRequest<T>, ctx: TOpenAiContext): Promise<TJsonResult<T>> {
  const jsonSchema = resolveJsonSchema(request);
  const key = computeCacheKey({ model: ctx.model, baseUrl: ctx.baseUrl, system: request.system, user: request.user, schemaName: request.schemaName, jsonSchema });
  const hit = ctx.cache ? await ctx.cache.read(key, request.schema) : null;
  if (hit) {
    const usage: TCallUsage = { promptTokens: hit.promptTokens, completionTokens: hit.completionTokens, costUsd: 0, cached: true, attempts: 0 };
    recordUsage(ctx, usage);
    return { value: hit.value, usage };
  }

  const chat = { model: ctx.model, system: request.system, user: request.user, schemaName: request.schemaName, jsonSchema, maxTokens: request.maxTokens };
  const expected = request.expectedCompletionTokens ?? Math.min(request.maxTokens ?? Infinity, DEFAULT_EXPECTED_COMPLETION_TOKENS);
  // One input too long for the model must not fail a whole batch: it is rejected like a bad answer.
  const send = (input: TChatInput) => sendChat(ctx, input, expected).catch((error: unknown) => {
    if (error instanceof ContextLengthError) return null;
    throw error;
  });
  const replies: TChatReply[] = [];
  const first = await send(chat);
  if (!first) return reject(ctx, replies, "context_length_exceeded", true);
  replies.push(first);
  let parsed = parseReply(first.content, request.schema);

  // A reply cut off at max tokens would only be cut off again: no repair turn for it.
  if (!parsed.ok && first.finishReason !== "length") {
    ctx.stats.repairTurns++;
    const second = await send({ ...chat, repair: { badOutput: first.content ?? "", message: buildRepairMessage(parsed.feedback) } });
    if (!second) return reject(ctx, replies, parsed.reason, true);
    replies.push(second);
    parsed = parseReply(second.content, request.schema);
  }

  if (!parsed.ok) {
    return reject(ctx, replies, replies.at(-1)!.finishReason === "length" ? `truncated: ${parsed.reason}` : parsed.reason);
  }
  const usage = sumUsage(ctx, replies);
  recordUsage(ctx, usage);
  if (ctx.cache) {
    try {
      await ctx.cache.write(key, { model: ctx.model, value: parsed.value, promptTokens: usage.promptTokens, completionTokens: usage.completionTokens });
    } catch (error) {
      // The answer is good; losing its cache entry only costs a call on a later run.
      ctx.logger.warn({ providerId: ctx.settings.id, err: error instanceof Error ? error.message : String(error) }, "could not store the LLM response in the cache");
    }
  }
  return { value: parsed.value, usage };
}
