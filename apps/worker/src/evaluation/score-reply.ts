// One reply scored against its item: the answer read out of the text by the same parser for every
// model, compared with the gold answer canonicalised the same way, and the operators of the wrong
// options the model chose (which kind of falsehood it believed).
import { canonicalAnswer, parseAnswer, type TItemOption } from "@proda/engine";

export interface TScoredReply {
  parsed: string | null;
  method: string;
  correct: boolean;
  chosenOperators: string[];
}

export function scoreReply(item: { options: readonly TItemOption[]; answer: string; mode: string }, raw: string): TScoredReply {
  const { answer: parsed, method } = parseAnswer(raw, item.options, item.mode === "multi");
  const gold = canonicalAnswer(item.answer, item.options.map((o) => o.label));
  const chosen = new Set(parsed?.split(",") ?? []);
  const chosenOperators = item.options.flatMap((o) => (chosen.has(o.label) && !o.correct && o.distractor ? [o.distractor.operator] : []));
  return { parsed, method, correct: parsed !== null && parsed === gold, chosenOperators };
}
