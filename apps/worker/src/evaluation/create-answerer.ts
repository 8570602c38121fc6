// Who answers an evaluation's items. The builtin student answers from the item's text alone (never
// its node ids) with the model file its training run stored — or, with no file, as the untrained
// baseline that knows nothing. Any other model is asked through its provider's OpenAI-compatible
// endpoint with the fixed evaluation prompt, the shared rate limit and the evaluation's retries.
import { AppError } from "@proda/core";
import type { RegisteredModel } from "@proda/db";
import { answerItem } from "@proda/engine";
import { buildEvaluationPrompt, completeText, createChatContext, loadProviderSettings, loadStudentModel, type TEvaluationSettings } from "@proda/providers";
import type { JobContext } from "../job-context.ts";
import type { TEvalItem } from "./load-items.ts";

export interface TAnswer {
  raw: string;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
}

export interface TAnswerer {
  answer(item: TEvalItem): Promise<TAnswer>;
}

async function createStudentAnswerer(model: RegisteredModel): Promise<TAnswerer> {
  const student = await loadStudentModel(model);
  return {
    async answer(item) {
      const reply = answerItem(student, { key: item.key, question: item.question, options: item.options, multi: item.mode === "multi" });
      return { raw: reply.raw, promptTokens: 0, completionTokens: 0, costUsd: 0 };
    },
  };
}

async function createEndpointAnswerer(ctx: JobContext<unknown>, model: RegisteredModel, settings: TEvaluationSettings, signal: AbortSignal): Promise<TAnswerer> {
  const provider = await loadProviderSettings(ctx.prisma, model.projectId, model.providerId!);
  if (provider.kind !== "openai-compatible") throw new AppError("conflict", `Provider "${provider.name}" is not an OpenAI-compatible endpoint`);
  const client = createChatContext(provider, { model: model.remoteModel, maxRetries: settings.maxRetries, redis: ctx.redis, signal });
  return {
    async answer(item) {
      const prompt = buildEvaluationPrompt({ question: item.question, options: item.options, multi: item.mode === "multi" });
      const reply = await completeText(client, {
        messages: [{ role: "system", content: prompt.system }, { role: "user", content: prompt.user }],
        temperature: settings.temperature,
        maxTokens: settings.maxTokens,
      });
      return { raw: reply.content, promptTokens: reply.promptTokens, completionTokens: reply.completionTokens, costUsd: reply.costUsd };
    },
  };
}

export async function createAnswerer(ctx: JobContext<unknown>, model: RegisteredModel, settings: TEvaluationSettings, signal: AbortSignal): Promise<TAnswerer> {
  if (model.backend === "builtin-student") return createStudentAnswerer(model);
  if (model.providerId) return createEndpointAnswerer(ctx, model, settings, signal);
  // hf-peft / command artifacts are served by an inference server, registered as an endpoint model.
  throw new AppError("conflict", `Model "${model.name}" (${model.backend}) has no endpoint to ask; serve it through an OpenAI-compatible endpoint and register that.`);
}
