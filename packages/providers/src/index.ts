// The public API of @proda/providers (server-only: it holds decrypted keys, Prisma and Redis).
export {
  PROVIDER_KINDS, ZProviderSettings, createEmptyStats,
  type TProviderKind, type TProviderSettings, type TProviderSettingsInput, type TCallUsage, type TExtractChunkInput,
  type TExtractionOutcome, type TKnowledgeProvider, type TProviderStats, type TJsonRequest, type TJsonResult,
} from "./types.ts";
export { ProviderUnavailableError, ProviderRequestError, ContextLengthError } from "./errors.ts";
export { redactSecret, protectSettings } from "./secrets.ts";
export { rotateProviderSecrets, type TRotationResult } from "./rotate-secrets.ts";

// Providers
export { createKnowledgeProvider, loadProviderSettings, toProviderSettings, type TProviderDeps } from "./create-provider.ts";
export { createBuiltinKnowledgeProvider, BUILTIN_LABEL } from "./builtin.ts";
export { createOpenAiKnowledgeProvider, type TOpenAiKnowledgeProvider } from "./openai-compatible/knowledge-provider.ts";

// The JSON-call machinery, for later stages (question wording, judging)
export { createOpenAiContext, type TOpenAiContext, type TOpenAiDeps } from "./openai-compatible/context.ts";
export { callJson } from "./openai-compatible/json-call.ts";
export { toStrictJsonSchema } from "./openai-compatible/strict-schema.ts";
export { stripReply, parseReply } from "./openai-compatible/parse-reply.ts";
export { DEFAULT_RETRY_TIMING, type TRetryTiming } from "./openai-compatible/retry-policy.ts";

// Shared rate limit, response cache, cost and the dry-run estimate
export { createRateLimiter, NO_RATE_LIMIT, type TRateLimiter, type TRateLimitOptions, type TRateLimitTicket } from "./rate-limit.ts";
export { createLlmCache, computeCacheKey, CACHE_VERSION, type TLlmCache } from "./cache.ts";
export { computeCostUsd } from "./cost.ts";
export { estimateRun, measureExtractionPromptOverhead, type TRunEstimate } from "./estimate.ts";

// Extraction prompts and the LLM-side schema (the test server and later stages build on them)
export { buildExtractionSchema, resolveRelationVocabulary, ZQuote, type TWireExtraction, type TExtractionSchema } from "./prompts/extraction-schema.ts";
export { buildExtractionSystemPrompt, buildExtractionUserPrompt, readChunkFromUserPrompt, estimateExtractionCompletionTokens, EXTRACTION_MAX_TOKENS } from "./prompts/extraction.ts";
export { alignQuote, toExtractedChunk } from "./prompts/read-extraction.ts";

// Chat and evaluation clients
export { ZEvaluationSettings, type TEvaluationSettings, type TEvaluationSettingsInput } from "./chat/evaluation-settings.ts";
export { buildEvaluationPrompt, EVALUATION_SYSTEM_PROMPT, type TPromptItem } from "./chat/evaluation-prompt.ts";
export { createChatContext, type TChatContextOptions } from "./chat/chat-context.ts";
export { completeText, type TTextReply } from "./chat/complete-text.ts";
export { openChatStream } from "./chat/stream-chat.ts";
export type { TChatMessage, TTextRequest } from "./chat/text-request.ts";
export { replyAsStudent, readMultipleChoice, findClosestStatements, STUDENT_LABEL } from "./chat/student-chat.ts";
export { loadStudentModel } from "./chat/student-model.ts";

// Trainers: one interface for builtin-student, OpenAI fine-tuning, the hf-peft script and a configured command
export { TRAINER_BACKENDS, type TTrainerBackend, type TTrainerBackendName, type TTrainerContext, type TTrainerField, type TTrainerLogPoint, type TTrainerRun, type TTrainerSample, type TTrainerSpec, type TTrainedModel } from "./trainers/types.ts";
export { TRAINER_SPECS, type TStudentHyperparameters, type TOpenAiHyperparameters, type TLoraHyperparameters, type TCommandHyperparameters } from "./trainers/specs.ts";
export { TrainerCancelledError, TrainerFailedError } from "./trainers/errors.ts";
export { createTrainers, type TTrainersConfig } from "./trainers/create-trainers.ts";
export { createBuiltinStudentTrainer, runStudentInProcess, toStudentSample, type TStudentRunner, type TStudentRunHooks } from "./trainers/builtin-student.ts";
export { ZCommandTemplate } from "./trainers/process-trainers.ts";
export { createOpenAiTrainer, type TOpenAiTrainerConfig } from "./trainers/openai-fine-tuning.ts";
export { parseTrainerLine } from "./trainers/log-lines.ts";
export { trainerEnv } from "./trainers/run-process.ts";
