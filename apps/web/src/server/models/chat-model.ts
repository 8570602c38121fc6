// Model chat as Server-Sent Events over a POST: `data: {"text": …}` pieces as they arrive, then
// `event: done`, or `event: error` with a message when the endpoint breaks off mid-reply. A refusal
// before the first piece (bad key, unknown model, endpoint down after retries) is a plain JSON error
// instead. Endpoint messages pass through the provider's redaction: the key never reaches the browser.
import { AppError } from "@proda/core";
import { errorFields } from "@proda/core/server";
import { getPrisma, type RegisteredModel } from "@proda/db";
import type { TStudentModel } from "@proda/engine";
import { producerConnection } from "@proda/jobs";
import { createChatContext, loadProviderSettings, loadStudentModel, openChatStream, replyAsStudent, type TChatMessage } from "@proda/providers";
import { z } from "zod";
import { log } from "../log.ts";

const MAX_TOTAL_CHARS = 48_000;

export const ZChatRequest = z.object({
  messages: z
    .array(z.object({ role: z.enum(["system", "user", "assistant"]), content: z.string().min(1).max(16_000) }))
    .min(1)
    .max(50)
    .refine((m) => m.reduce((n, x) => n + x.content.length, 0) <= MAX_TOTAL_CHARS, `At most ${MAX_TOTAL_CHARS} characters in all`)
    // zod runs refinements even when .min(1) failed: an empty list must not throw here (a 500).
    .refine((m) => m.at(-1)?.role === "user", "The last message must be the user's"),
  temperature: z.number().min(0).max(2).optional(),
  maxTokens: z.number().int().min(16).max(8192).default(1024),
});
export type TChatRequest = z.infer<typeof ZChatRequest>;

// Parsing a big student file on every message would be slow; a few recent ones stay in memory.
const students = new Map<string, TStudentModel>();
const STUDENT_CACHE = 4;

async function loadStudent(model: RegisteredModel): Promise<TStudentModel> {
  if (!model.artifactPath) return loadStudentModel(model);
  let student = students.get(model.artifactPath);
  if (!student) {
    student = await loadStudentModel(model);
    if (students.size >= STUDENT_CACHE) students.delete(students.keys().next().value!);
    students.set(model.artifactPath, student);
  }
  return student;
}

/** The student's whole reply, in lines, so the browser reads one protocol for every model. */
async function* linesOf(text: string): AsyncGenerator<string, void> {
  for (const line of text.split(/(?<=\n)/)) yield line;
}

async function openReply(model: RegisteredModel, request: TChatRequest, signal: AbortSignal): Promise<AsyncGenerator<string, void>> {
  const messages: TChatMessage[] = request.messages;
  if (model.backend === "builtin-student") return linesOf(replyAsStudent(await loadStudent(model), messages));
  if (!model.providerId) throw new AppError("conflict", `Model "${model.name}" (${model.backend}) has no endpoint to chat with; serve it and register the endpoint.`);
  const provider = await loadProviderSettings(getPrisma(), model.projectId, model.providerId);
  if (provider.kind !== "openai-compatible") throw new AppError("conflict", `Provider "${provider.name}" is not an OpenAI-compatible endpoint`);
  // The shared limit lives in Redis; a provider without limits never touches it.
  const limited = provider.requestsPerMinute !== null || provider.tokensPerMinute !== null;
  const client = createChatContext(provider, { model: model.remoteModel, redis: limited ? producerConnection() : null, signal });
  return openChatStream(client, { messages, temperature: request.temperature, maxTokens: request.maxTokens });
}

const sse = (event: string | null, data: unknown) => `${event ? `event: ${event}\n` : ""}data: ${JSON.stringify(data)}\n\n`;

export async function chatWithModel(model: RegisteredModel, request: TChatRequest, req: Request): Promise<Response> {
  const pieces = await openReply(model, request, req.signal);
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await pieces.next();
        if (next.done) {
          controller.enqueue(encoder.encode(sse("done", {})));
          controller.close();
        } else {
          controller.enqueue(encoder.encode(sse(null, { text: next.value })));
        }
      } catch (error) {
        if (!(error instanceof AppError)) log.error({ modelId: model.id, ...errorFields(error) }, "chat reply failed");
        const message = error instanceof AppError ? error.message : "The reply broke off.";
        controller.enqueue(encoder.encode(sse("error", { message })));
        controller.close();
      }
    },
    async cancel() {
      await pieces.return(undefined);
    },
  });
  return new Response(stream, {
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", "x-accel-buffering": "no" },
  });
}
