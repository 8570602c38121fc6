// The prompt that asks an OpenAI-compatible model for a second opinion on one failure. It sees the
// item, the model's reply and the structural evidence (which tested nodes the training data never
// or rarely taught), and answers a label with a confidence; the evidence stays the primary signal.
import { DIAGNOSIS_CLASSES, type TDiagnosis, type TItemOption } from "@proda/engine";
import { z } from "zod";

export const ZJudgeVerdict = z.object({
  label: z.enum(DIAGNOSIS_CLASSES),
  confidence: z.number().min(0).max(1),
  rationale: z.string().min(1).max(1000),
});
export type TJudgeVerdict = z.infer<typeof ZJudgeVerdict>;

export const JUDGE_SCHEMA_NAME = "failure_diagnosis";
export const JUDGE_MAX_TOKENS = 600;
/** The model's reply is cut: a long chain of thought adds cost, not evidence. */
const MAX_REPLY_CHARS = 1500;

export const JUDGE_SYSTEM_PROMPT = [
  "You diagnose why a language model answered a multiple-choice item about a domain wrongly.",
  "Choose one label:",
  '- "concept_gap": the model lacks knowledge the item tests (a fact, relation or concept it was never or barely taught).',
  '- "reasoning_deficit": the model had the knowledge but combined or ordered it wrongly, or fell for a plausible distractor.',
  "The structural evidence says which tested relations and concepts the model's training data never taught or taught too little.",
  "Weigh it heavily: untaught nodes point to a concept gap; when everything was taught, a wrong answer points to a reasoning deficit.",
  "Give a confidence from 0 to 1 and a one- or two-sentence rationale.",
  'Answer with JSON only: {"label": "concept_gap" | "reasoning_deficit", "confidence": number, "rationale": string}.',
].join("\n");

export interface TJudgeCase {
  question: string;
  options: readonly TItemOption[];
  answer: string;
  raw: string;
  diagnosis: TDiagnosis;
  /** Readable names of the nodes in the evidence (relation statements, concept terms). */
  names: ReadonlyMap<string, string>;
}

export function buildJudgeUserPrompt(c: TJudgeCase): string {
  const name = (id: string) => c.names.get(id) ?? id;
  const e = c.diagnosis.evidence;
  const payload = {
    question: c.question,
    options: c.options.map((o) => `${o.label}. ${o.text}`),
    correctAnswer: c.answer,
    modelReply: c.raw.length > MAX_REPLY_CHARS ? `${c.raw.slice(0, MAX_REPLY_CHARS)}…` : c.raw,
    structuralEvidence: {
      structuralLabel: c.diagnosis.label,
      untaughtRelations: e.untaughtRelations.map(name),
      weaklyTaughtRelations: e.weakRelations.map(name),
      untaughtConcepts: e.untaughtConcepts.map(name),
      weaklyTaughtConcepts: e.weakConcepts.map(name),
      shareOfTestedRelationsTaught: e.relationCoverage,
      distractorKindsChosen: e.fooledBy,
    },
  };
  return `Diagnose this failure:\n${JSON.stringify(payload, null, 2)}`;
}
