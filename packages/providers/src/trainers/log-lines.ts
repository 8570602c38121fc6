// One line of a trainer's output → a log point. Our script prints JSON lines ({step, epoch, loss,
// learning_rate}); other trainers print JSON with their own names (LLaMA-Factory's trainer_log:
// current_steps, lr) or Hugging Face's Python-dict metrics ({'loss': 1.2, 'learning_rate': 2e-05});
// anything else is kept as a message.
import type { TTrainerLogPoint } from "./types.ts";

const MAX_MESSAGE = 2000;

const NAMES: Record<keyof Omit<TTrainerLogPoint, "message">, string[]> = {
  step: ["step", "current_steps", "global_step"],
  epoch: ["epoch"],
  loss: ["loss", "train_loss"],
  learningRate: ["learning_rate", "lr"],
  accuracy: ["accuracy", "train_accuracy", "mean_token_accuracy", "train_mean_token_accuracy"],
  totalSteps: ["total_steps", "max_steps"],
};

const finite = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

function fromObject(data: Record<string, unknown>): TTrainerLogPoint | null {
  const point: TTrainerLogPoint = {};
  let found = false;
  for (const [key, names] of Object.entries(NAMES) as [keyof typeof NAMES, string[]][]) {
    const value = names.map((n) => finite(data[n])).find((v) => v !== undefined);
    if (value === undefined) continue;
    point[key] = key === "step" || key === "totalSteps" ? Math.round(value) : value;
    found = true;
  }
  if (typeof data.message === "string" && data.message.trim()) {
    point.message = data.message.trim().slice(0, MAX_MESSAGE);
    found = true;
  }
  return found ? point : null;
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Hugging Face Trainer prints metrics as a Python dict of plain numbers: read those as JSON. */
function parsePythonDict(text: string): Record<string, unknown> | null {
  if (!/^\{'[\w/.-]+': [-+\d.eE]+(?:, '[\w/.-]+': [-+\d.eE]+)*\}$/.test(text)) return null;
  return parseObject(text.replace(/'/g, '"'));
}

export function parseTrainerLine(raw: string): TTrainerLogPoint | null {
  // A progress bar redraws with \r: keep what a terminal would show last.
  const text = raw.split("\r").filter((s) => s.trim()).pop()?.trim() ?? "";
  if (!text) return null;
  if (text.startsWith("{")) {
    const data = parseObject(text) ?? parsePythonDict(text);
    const point = data && fromObject(data);
    if (point) return point;
  }
  return { message: text.slice(0, MAX_MESSAGE) };
}
