// Debugger test helpers: a builtin student trained on a stored dataset version and registered as the
// model of that version (what a training run registers), and a loopback OpenAI-compatible endpoint
// that plays the LLM judge with a scripted verdict per failure.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { PrismaClient } from "@proda/db";
import type { TStudentSample } from "@proda/engine";
import { registerTrainedStudent } from "./evaluation.ts";

/** Trains a student on the version's samples (position order) and registers it with the version. */
export async function registerStudentOnVersion(prisma: PrismaClient, input: { projectId: string; datasetVersionId: string; name: string; seed?: number }) {
  const rows = await prisma.trainingSample.findMany({ where: { datasetVersionId: input.datasetVersionId }, orderBy: { position: "asc" }, select: { messages: true, meta: true } });
  const samples = rows.map((r) => ({ messages: r.messages, meta: r.meta }) as unknown as TStudentSample);
  return registerTrainedStudent(prisma, { projectId: input.projectId, samples, seed: input.seed, name: input.name, datasetVersionId: input.datasetVersionId });
}

export interface TJudgeEndpoint {
  baseUrl: string;
  requests: () => number;
  close: () => Promise<void>;
}

/** The JSON of the judge's user prompt: the item's question, the structural evidence with its label, … */
export interface TJudgePrompt {
  question: string;
  structuralEvidence: { structuralLabel: string };
}

/** Answers each judge request with `verdict(prompt)`, so a verdict can be scripted per item. */
export async function startJudgeEndpoint(verdict: (prompt: TJudgePrompt) => { label: string; confidence: number; rationale: string }): Promise<TJudgeEndpoint> {
  let requests = 0;
  const server = createServer(async (req, res) => {
    let raw = "";
    for await (const part of req) raw += part;
    const body = JSON.parse(raw) as { model: string; messages: { role: string; content: string }[] };
    const user = body.messages.find((m) => m.role === "user")!.content;
    requests++;
    const content = JSON.stringify(verdict(JSON.parse(user.slice(user.indexOf("{"))) as TJudgePrompt));
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({
      id: `chatcmpl-${requests}`, object: "chat.completion", created: Math.floor(Date.now() / 1000), model: body.model,
      choices: [{ index: 0, message: { role: "assistant", content, refusal: null }, finish_reason: "stop", logprobs: null }],
      usage: { prompt_tokens: 200, completion_tokens: 40, total_tokens: 240 },
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
