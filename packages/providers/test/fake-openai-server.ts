// A local OpenAI-compatible endpoint for tests and benchmarks (POST /v1/chat/completions on a
// loopback port). It answers with a valid extraction — the engine's builtin extractor serialised as
// the LLM JSON — unless its fault plan says otherwise: 429 with Retry-After, 500, a hang past the
// client timeout, malformed JSON, JSON failing the schema, shifted offsets. It can also enforce a
// requests-per-window limit of its own, like a real endpoint. Other suites import it from here.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { countTokens, createRandom, extractKnowledgeBuiltin, type TExtractedChunk } from "@proda/engine";
import { readChunkFromUserPrompt, type TWireExtraction } from "../src/index.ts";

export const FAKE_FAULTS = ["ok", "rate_limit", "server_error", "hang", "malformed", "schema_invalid", "shifted_offsets", "malformed_then_valid", "repair_fails", "context_length"] as const;
export type TFakeFault = (typeof FAKE_FAULTS)[number];

export interface TFakeRequestInfo {
  /** 0-based over all chat requests this server received. */
  index: number;
  chunkText: string | null;
  /** The request carries an assistant turn: it is the repair turn. */
  isRepair: boolean;
}

export interface TFakeServerOptions {
  /** Fault of each request; a list is used in order (then "ok"); default: always "ok". */
  faults?: readonly TFakeFault[] | ((info: TFakeRequestInfo) => TFakeFault);
  /** The endpoint's own limit: more than `requests` accepted within `windowMs` → 429. */
  rateLimit?: { requests: number; windowMs: number };
  /** retry-after-ms sent with a "rate_limit" fault (default 20). */
  retryAfterMs?: number;
  /** Answer 400 "response_format json_schema is not supported" (as some older servers do). */
  rejectJsonSchema?: boolean;
  /** Reject other keys with 401, echoing the key sent in the message (as OpenAI's own 401 does). */
  requireApiKey?: string;
  /** A careless endpoint: 500 bodies echo the Authorization header. */
  echoAuthorization?: boolean;
  latencyMs?: number;
  /** The valid answer for a chunk; default: the builtin extraction as LLM JSON. */
  answer?: (chunkText: string) => unknown;
}

export interface TFakeServerStats {
  requests: number;
  /** Requests answered with a valid or faulty completion (not refused by the rate limit). */
  accepted: number;
  /** Arrival times (ms) of accepted requests, for utilisation figures. */
  acceptedAt: number[];
  rateLimited: number;
  byFault: Record<string, number>;
  /** How many requests asked for json_schema and json_object output. */
  formats: { json_schema: number; json_object: number; none: number };
  authorizations: Set<string>;
}

export interface TFakeServer {
  /** The base URL to give the OpenAI client ("http://127.0.0.1:PORT/v1"). */
  baseUrl: string;
  stats: TFakeServerStats;
  close(): Promise<void>;
}

/** The builtin's extraction in the LLM's JSON shape (spans become quotes carrying their text). */
export function toWireExtraction(extracted: TExtractedChunk, chunkText: string): TWireExtraction {
  const quote = (span: { start: number; end: number }) => ({ text: chunkText.slice(span.start, span.end), start: span.start, end: span.end });
  return {
    chains: extracted.chains.map((c) => ({
      ...c,
      preconditions: c.preconditions.map((n) => ({ text: n.text, span: quote(n.span) })),
      negativeConstraints: c.negativeConstraints.map((n) => ({ text: n.text, span: quote(n.span), relationKey: n.relationKey })),
    })),
    relations: extracted.relations.map((r) => ({ ...r, quote: quote(r.quote) })),
    concepts: extracted.concepts.map(({ definitionSpan, ...c }) => ({ ...c, definitionQuote: definitionSpan ? quote(definitionSpan) : null })),
  };
}

/** A fault plan drawn at random at `rate` (seeded, so a failing run can be replayed). */
export function createRandomFaults(rate: number, seed = 1, kinds: readonly TFakeFault[] = ["rate_limit", "server_error", "hang", "malformed", "schema_invalid"]) {
  const random = createRandom(seed);
  return (): TFakeFault => (random() < rate ? kinds[Math.floor(random() * kinds.length)]! : "ok");
}

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts).toString("utf8");
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

function errorBody(message: string, type: string, param: string | null = null) {
  return { error: { message, type, param, code: null } };
}

type TMessage = { role: string; content: string };

export async function startFakeOpenAiServer(options: TFakeServerOptions = {}): Promise<TFakeServer> {
  const stats: TFakeServerStats = { requests: 0, accepted: 0, acceptedAt: [], rateLimited: 0, byFault: {}, formats: { json_schema: 0, json_object: 0, none: 0 }, authorizations: new Set() };
  const planned = options.faults;
  const faultFor = (info: TFakeRequestInfo): TFakeFault =>
    typeof planned === "function" ? planned(info) : (planned?.[info.index] ?? "ok");
  // What the repair turn of a chunk gets, decided by its first turn's fault.
  const repairAnswer = new Map<string, "valid" | "malformed">();
  // Answers are memoised so the server's own CPU time does not skew arrival times under load.
  const answers = new Map<string, unknown>();
  const answer = options.answer ?? ((text: string) => {
    if (!answers.has(text)) answers.set(text, toWireExtraction(extractKnowledgeBuiltin(text), text));
    return answers.get(text);
  });
  const windowLog: number[] = [];
  // The builtin loads its NLP model on first use (~0.1 s, blocking): do it now, not inside the first window.
  if (!options.answer) extractKnowledgeBuiltin("Warm-up: heat increases pressure.");

  const complete = (res: ServerResponse, messages: TMessage[], model: string, content: string) => {
    const promptTokens = messages.reduce((n, m) => n + countTokens(m.content ?? "") + 4, 3);
    const completionTokens = countTokens(content);
    sendJson(res, 200, {
      id: `chatcmpl-fake-${stats.requests}`,
      object: "chat.completion",
      created: Math.floor(Date.now() / 1000),
      model,
      choices: [{ index: 0, message: { role: "assistant", content, refusal: null }, finish_reason: "stop", logprobs: null }],
      usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
    });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, arrivedAt: number) => {
    if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) return sendJson(res, 404, errorBody("Not found", "invalid_request_error"));
    const raw = await readBody(req);
    // Heavy work (building the answer) waits until the other requests already on the wire have been
    // received and stamped: one event loop serves them all, unlike a real endpoint.
    await new Promise((resolve) => setImmediate(resolve));
    const body = JSON.parse(raw) as { model: string; messages: TMessage[]; response_format?: { type: string } };
    const index = stats.requests++;
    const authorization = req.headers.authorization ?? "";
    stats.authorizations.add(authorization);
    const format = body.response_format?.type === "json_schema" ? "json_schema" : body.response_format?.type === "json_object" ? "json_object" : "none";
    stats.formats[format]++;

    if (options.requireApiKey && authorization !== `Bearer ${options.requireApiKey}`) {
      return sendJson(res, 401, errorBody(`Incorrect API key provided: ${authorization.replace(/^Bearer /, "")}.`, "invalid_request_error"));
    }
    if (options.rejectJsonSchema && format === "json_schema") {
      return sendJson(res, 400, errorBody("response_format of type json_schema is not supported by this model", "invalid_request_error", "response_format"));
    }
    if (options.rateLimit) {
      const now = arrivedAt;
      while (windowLog.length > 0 && windowLog[0]! <= now - options.rateLimit.windowMs) windowLog.shift();
      if (windowLog.length >= options.rateLimit.requests) {
        stats.rateLimited++;
        const waitMs = windowLog[0]! + options.rateLimit.windowMs - now;
        return sendJson(res, 429, errorBody("Rate limit reached for requests", "requests"), { "retry-after-ms": String(waitMs), "retry-after": String(Math.ceil(waitMs / 1000)) });
      }
      windowLog.push(now);
    }
    stats.accepted++;
    stats.acceptedAt.push(arrivedAt);

    const user = body.messages.find((m) => m.role === "user")?.content ?? "";
    const chunkText = readChunkFromUserPrompt(user);
    const isRepair = body.messages.some((m) => m.role === "assistant");
    let fault = faultFor({ index, chunkText, isRepair });
    const pending = chunkText !== null && isRepair ? repairAnswer.get(chunkText) : undefined;
    if (pending) {
      repairAnswer.delete(chunkText!);
      fault = pending === "valid" ? "ok" : "malformed";
    }
    stats.byFault[fault] = (stats.byFault[fault] ?? 0) + 1;
    if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));

    switch (fault) {
      case "rate_limit":
        return sendJson(res, 429, errorBody("Rate limit reached", "requests"), { "retry-after-ms": String(options.retryAfterMs ?? 20), "retry-after": "1" });
      case "server_error": {
        const leak = options.echoAuthorization ? ` (request authorised with ${authorization})` : "";
        return sendJson(res, 500, errorBody(`The server had an error while processing your request${leak}`, "server_error"));
      }
      case "context_length":
        return sendJson(res, 400, errorBody("This model's maximum context length is 8192 tokens. However, you requested 9100 tokens.", "invalid_request_error", "messages"));
      case "hang":
        return; // never answered: the client's timeout fires; close() drops the socket
      case "malformed":
        return complete(res, body.messages, body.model, '{"chains": [{"key": "c1", "title": "Broken", "steps": [');
      case "schema_invalid":
        return complete(res, body.messages, body.model, JSON.stringify({ chains: [{ key: "c1", title: "Incomplete", steps: [{ order: 1 }] }], relations: [], concepts: [] }));
      case "malformed_then_valid":
      case "repair_fails":
        if (chunkText !== null) repairAnswer.set(chunkText, fault === "malformed_then_valid" ? "valid" : "malformed");
        return complete(res, body.messages, body.model, "Sure! Here is the JSON:\n```json\n{\"chains\": [\n```");
      default: {
        const value = chunkText === null ? {} : answer(chunkText);
        const shifted = fault === "shifted_offsets" ? JSON.parse(JSON.stringify(value), (k, v) => (k === "start" || k === "end" ? v + 3 : v)) : value;
        // Some servers wrap JSON in a fence and a reasoning block even in JSON mode; the client strips both.
        const content = format === "none" ? `<think>reading the chunk</think>\n\`\`\`json\n${JSON.stringify(shifted)}\n\`\`\`` : JSON.stringify(shifted);
        return complete(res, body.messages, body.model, content);
      }
    }
  };

  const server = createServer((req, res) => {
    // Arrival is taken before the body is read: the limit counts requests as the endpoint receives them.
    handle(req, res, Date.now()).catch((error) => sendJson(res, 500, errorBody(String(error), "server_error")));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
