// A loopback OpenAI-compatible chat endpoint for tests of the stages that ask an LLM for JSON (item
// wording, the diagnosis judge): each request's user message ends in a JSON object, and the reply's
// content is `answer(that object)` serialised, in a well-formed chat completion.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface TJsonChatEndpoint {
  baseUrl: string;
  requests: () => number;
  close: () => Promise<void>;
}

export async function startJsonChatEndpoint(
  answer: (request: unknown) => unknown,
  usage = { prompt_tokens: 100, completion_tokens: 50 },
): Promise<TJsonChatEndpoint> {
  let requests = 0;
  const server = createServer(async (req, res) => {
    let raw = "";
    for await (const part of req) raw += part;
    requests++;
    const body = JSON.parse(raw) as { model: string; messages: { role: string; content: string }[] };
    const user = body.messages.find((m) => m.role === "user")!.content;
    const content = JSON.stringify(answer(JSON.parse(user.slice(user.indexOf("{")))));
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({
      id: `chatcmpl-${requests}`, object: "chat.completion", created: Math.floor(Date.now() / 1000), model: body.model,
      choices: [{ index: 0, message: { role: "assistant", content, refusal: null }, finish_reason: "stop", logprobs: null }],
      usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
    }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    requests: () => requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
