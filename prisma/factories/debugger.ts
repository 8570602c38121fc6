// Debugger test helpers: a builtin student trained on a stored dataset version and registered as the
// model of that version (what a training run registers), and a loopback OpenAI-compatible endpoint
// that plays the LLM judge with a scripted verdict per failure.
import type { PrismaClient } from "@proda/db";
import type { TStudentSample } from "@proda/engine";
import { registerTrainedStudent } from "./evaluation.ts";
import { startJsonChatEndpoint, type TJsonChatEndpoint } from "./json-chat-endpoint.ts";

/** Trains a student on the version's samples (position order) and registers it with the version. */
export async function registerStudentOnVersion(prisma: PrismaClient, input: { projectId: string; datasetVersionId: string; name: string; seed?: number }) {
  const rows = await prisma.trainingSample.findMany({ where: { datasetVersionId: input.datasetVersionId }, orderBy: { position: "asc" }, select: { messages: true, meta: true } });
  const samples = rows.map((r) => ({ messages: r.messages, meta: r.meta }) as unknown as TStudentSample);
  return registerTrainedStudent(prisma, { projectId: input.projectId, samples, seed: input.seed, name: input.name, datasetVersionId: input.datasetVersionId });
}

/** The JSON of the judge's user prompt: the item's question, the structural evidence with its label, … */
export interface TJudgePrompt {
  question: string;
  structuralEvidence: { structuralLabel: string };
}

/** Answers each judge request with `verdict(prompt)`, so a verdict can be scripted per item. */
export function startJudgeEndpoint(verdict: (prompt: TJudgePrompt) => { label: string; confidence: number; rationale: string }): Promise<TJsonChatEndpoint> {
  return startJsonChatEndpoint((prompt) => verdict(prompt as TJudgePrompt), { prompt_tokens: 200, completion_tokens: 40 });
}
