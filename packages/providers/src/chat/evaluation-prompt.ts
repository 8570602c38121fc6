// The one fixed prompt every OpenAI-compatible model is evaluated with: the question, its lettered
// options and a request to end with "Answer: <letters>". Fixed so scores of different models (and
// of one model over time) compare; the answer parser still reads replies that ignore the format.
export interface TPromptItem {
  question: string;
  options: readonly { label: string; text: string }[];
  /** Select-all-that-apply. */
  multi: boolean;
}

export const EVALUATION_SYSTEM_PROMPT =
  "You are taking a multiple-choice exam. Think as briefly as you need, then give your final answer on the last line " +
  'in the form "Answer: <letters>", using only the option letters.';

export function buildEvaluationPrompt(item: TPromptItem): { system: string; user: string } {
  const options = item.options.map((o) => `${o.label}. ${o.text}`).join("\n");
  const rule = item.multi
    ? "Select ALL options that are correct (one or more); list every correct letter, separated by commas."
    : "Exactly one option is correct.";
  return { system: EVALUATION_SYSTEM_PROMPT, user: `${item.question}\n\n${options}\n\n${rule}\nEnd with: Answer: <letters>` };
}
