// The builtin student answering a multiple-choice item from its text alone (never from the item's
// node ids): each option is scored by how well taught statements support it minus how well taught
// falsehoods match it. With nothing taught every option scores the same and a seeded draw decides,
// so what the data never taught is answered at chance. The reply is plain text with an "Answer:"
// line, parsed by the same answer parser as any model's.
import { createRandom } from "../random.ts";
import { hashToken } from "../contamination/normalize-tokens.ts";
import type { StudentMemory } from "./memory.ts";
import type { TStudentModel } from "./train-student.ts";

export interface TStudentQuestion {
  key: string;
  question: string;
  options: readonly { label: string; text: string }[];
  /** Select-all-that-apply. */
  multi: boolean;
}

export interface TStudentAnswer {
  labels: string[];
  scores: number[];
  raw: string;
}

/** Above this an option counts as known to be true (select-all items pick every such option). */
const KNOWN = 0.75;

/** An option that lists steps in order ("A, then b, then c."), as order items show them. */
const THEN = /,\s*then\s+/iu;

export function scoreOptions(memory: StudentMemory, options: readonly string[]): number[] {
  return options.map((text) => {
    const steps = text.split(THEN);
    if (steps.length >= 2) return memory.assessOrder(steps);
    const { support, contradiction } = memory.assess(text);
    return support - contradiction;
  });
}

export function answerItem(model: TStudentModel, question: TStudentQuestion): TStudentAnswer {
  const scores = scoreOptions(model.memory, question.options.map((o) => o.text));
  const random = createRandom(hashToken(`${model.seed}:${question.key}`));
  const max = Math.max(...scores);
  const best = scores.flatMap((s, i) => (s === max ? [i] : []));
  let chosen: number[];
  if (question.multi && max >= KNOWN) {
    chosen = scores.flatMap((s, i) => (s >= KNOWN ? [i] : []));
  } else if (question.multi && max <= 0) {
    // Nothing known: a uniformly drawn non-empty subset, as a guesser would.
    chosen = [];
    while (chosen.length === 0) chosen = question.options.flatMap((_, i) => (random() < 0.5 ? [i] : []));
  } else {
    chosen = [best[Math.floor(random() * best.length)]!];
  }
  const labels = chosen.map((i) => question.options[i]!.label);
  const lines = question.options.map((o, i) => `${o.label}: support ${scores[i]!.toFixed(2)}`);
  return { labels, scores, raw: `${lines.join("\n")}\nAnswer: ${labels.join(", ")}` };
}
