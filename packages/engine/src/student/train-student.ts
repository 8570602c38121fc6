// Training the builtin student: it reads a dataset's samples in order and remembers what they state.
// The log is a real prequential (online) loss: before each batch is learned, the student answers
// that batch's choice and true/false samples, and the cross-entropy of its option scores is recorded,
// so the curve shows how much of unseen data the knowledge so far already explains.
import { createHash } from "node:crypto";
import { StudentMemory } from "./memory.ts";
import { scoreOptions } from "./answer-item.ts";
import { splitSentences } from "./read-statement.ts";

/** What the student reads of a sample: its chat messages, and (when present) which options or statement were false. */
export interface TStudentSample {
  messages: readonly { role: string; content: string }[];
  meta?: { truth?: boolean; choices?: { options: string[]; correct: number[] } };
}

export interface TStudentLogEntry {
  step: number;
  samplesSeen: number;
  /** Mean cross-entropy on the batch before it was learned (null when the batch had nothing to score). */
  loss: number | null;
  /** Share of that batch's scored samples answered right before learning them. */
  accuracy: number | null;
  units: number;
}

export interface TStudentModel {
  kind: "builtin-student";
  version: 1;
  seed: number;
  /** sha256 over the training samples, in order: the same data and seed give the same model. */
  dataHash: string;
  memory: StudentMemory;
}

const ANSWER_LEAD = /^(?:true|false|yes|no|correct|incorrect|that is (?:true|false|correct|incorrect))\b[.,!:]?\s*(?:that is (?:true|false)[.!]?\s*)?/iu;
const QUESTION_FRAMING = /^(?:true or false[:?]?|is the following statement true or false\??|decide whether the following is true:?|is this statement correct\??)\s*|\s*true or false\?\s*$/giu;

/** The statement a true/false question asks about, without its framing. */
export function statementOfTrueFalse(question: string): string {
  return question.replace(QUESTION_FRAMING, "").trim();
}

/** Framing that marks the rest of a sentence as a falsehood: "A common mistake is to think that …". */
const FALSE_FRAMING = /^(?:a\s+common\s+(?:mistake|confusion|misconception)\s+is\s+to\s+(?:think|say|believe|assume)\s+that|it\s+is\s+(?:not\s+true|incorrect|wrong|false)\s+(?:to\s+say\s+)?that)\s+/iu;
const STEP = /^step\s+\d+\s*[:.)-]\s*/iu;

function learnSample(memory: StudentMemory, sample: TStudentSample): void {
  const question = sample.messages.find((m) => m.role === "user")?.content ?? "";
  const answer = sample.messages.find((m) => m.role === "assistant")?.content ?? "";
  const steps: string[] = [];
  for (const sentence of splitSentences(answer.replace(ANSWER_LEAD, ""))) {
    const falsehood = sentence.match(FALSE_FRAMING);
    if (falsehood) {
      memory.add(sentence.slice(falsehood[0].length), false);
      continue;
    }
    const step = sentence.match(STEP);
    if (step) steps.push(sentence.slice(step[0].length));
    memory.add(step ? sentence.slice(step[0].length) : sentence, true);
  }
  memory.addSequence(steps);
  if (sample.meta?.truth === false) memory.add(statementOfTrueFalse(question), false);
  const choices = sample.meta?.choices;
  if (choices) choices.options.forEach((option, i) => memory.add(option, choices.correct.includes(i)));
}

/** Cross-entropy of a softmax over option scores for the correct option(s); null when the sample has no options. */
function sampleLoss(memory: StudentMemory, sample: TStudentSample): { loss: number; correct: boolean } | null {
  let options: string[];
  let correct: number[];
  if (sample.meta?.choices && sample.meta.choices.options.length > 1) {
    ({ options, correct } = sample.meta.choices);
  } else if (sample.meta?.truth !== undefined) {
    const question = sample.messages.find((m) => m.role === "user")?.content ?? "";
    // A true/false sample as two options: the statement is supported, or it is not.
    const { support, contradiction } = memory.assess(statementOfTrueFalse(question));
    const p = Math.min(1 - 1e-6, Math.max(1e-6, 0.5 + (support - contradiction) / 2));
    const pRight = sample.meta.truth ? p : 1 - p;
    return { loss: -Math.log(pRight), correct: pRight > 0.5 };
  } else {
    return null;
  }
  const scores = scoreOptions(memory, options);
  const max = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(4 * (s - max)));
  const total = exp.reduce((a, b) => a + b, 0);
  const pRight = correct.reduce((sum, i) => sum + exp[i]! / total, 0);
  const best = scores.indexOf(max);
  return { loss: -Math.log(Math.max(1e-6, pRight)), correct: correct.includes(best) && scores.filter((s) => s === max).length === 1 };
}

export function trainStudent(
  samples: Iterable<TStudentSample>,
  options: { seed: number; batchSize?: number; onLog?: (entry: TStudentLogEntry) => void },
): { model: TStudentModel; log: TStudentLogEntry[] } {
  const memory = new StudentMemory();
  const hash = createHash("sha256").update(`seed:${options.seed}`);
  const log: TStudentLogEntry[] = [];
  const batchSize = options.batchSize ?? 200;
  let batch: TStudentSample[] = [];
  let seen = 0;
  const flush = () => {
    if (batch.length === 0) return;
    const scored = batch.map((s) => sampleLoss(memory, s)).filter((r) => r !== null);
    for (const sample of batch) learnSample(memory, sample);
    seen += batch.length;
    const entry: TStudentLogEntry = {
      step: log.length + 1,
      samplesSeen: seen,
      loss: scored.length ? scored.reduce((a, r) => a + r.loss, 0) / scored.length : null,
      accuracy: scored.length ? scored.filter((r) => r.correct).length / scored.length : null,
      units: memory.units.length,
    };
    log.push(entry);
    options.onLog?.(entry);
    batch = [];
  };
  for (const sample of samples) {
    hash.update(JSON.stringify(sample.messages)).update(JSON.stringify(sample.meta ?? null));
    batch.push(sample);
    if (batch.length >= batchSize) flush();
  }
  flush();
  return { model: { kind: "builtin-student", version: 1, seed: options.seed, dataHash: hash.digest("hex"), memory }, log };
}

export function serializeStudent(model: TStudentModel): string {
  return JSON.stringify({ kind: model.kind, version: model.version, seed: model.seed, dataHash: model.dataHash, memory: model.memory.toJSON() });
}

export function deserializeStudent(text: string): TStudentModel {
  const data = JSON.parse(text) as { kind: string; version: number; seed: number; dataHash: string; memory: { units: [string, number][] } };
  if (data.kind !== "builtin-student" || data.version !== 1) throw new Error(`Not a builtin-student model (kind ${data.kind}, version ${data.version})`);
  return { kind: "builtin-student", version: 1, seed: data.seed, dataHash: data.dataHash, memory: StudentMemory.fromJSON(data.memory) };
}
