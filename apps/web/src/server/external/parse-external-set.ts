// An external multiple-choice set as JSONL, one item per line, in the shapes evaluators use:
//   our own JSONL export  {key, question, options: [...], answer: "A,C", answerIndexes: [0, 2], multiple}
//   lm-eval / HF style    {question, choices: [...], answer: 1}   (with `labels`, the answer indexes them)
//   letter-keyed          {question, options: {A: …, B: …}, answer: "B"}  or  {question, A: …, B: …, answer: "AC"}
// Every bad line is reported with its number; the caller stores nothing unless every line parsed.
import { createHash } from "node:crypto";

const LETTERS = "ABCDEFGHIJ";
export const MAX_OPTIONS = LETTERS.length;
export const MAX_ITEMS = 20_000;
const MAX_TEXT = 4000;

export interface TExternalItem {
  key: string;
  question: string;
  options: { label: string; text: string; correct: boolean; distractor: null }[];
  /** Canonical: sorted labels joined by commas. */
  answer: string;
  mode: "single" | "multi";
  discipline: string;
}

export interface TLineError {
  line: number;
  message: string;
}

class LineError extends Error {}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function readText(value: unknown, what: string): string {
  if (typeof value !== "string" && typeof value !== "number") throw new LineError(`${what} must be text`);
  const text = String(value).trim();
  if (!text) throw new LineError(`${what} is empty`);
  if (text.length > MAX_TEXT) throw new LineError(`${what} is over ${MAX_TEXT} characters`);
  return text;
}

function readOptions(row: Record<string, unknown>): string[] {
  const raw = row.options ?? row.choices;
  let texts: unknown[];
  if (Array.isArray(raw)) texts = raw;
  else if (isRecord(raw)) texts = lettered(raw, "options");
  else if (raw === undefined && "A" in row && "B" in row) texts = lettered(row, "the line");
  else throw new LineError('no options: give "options" (a list or {A: …, B: …}), "choices", or A, B, … fields');
  if (texts.length < 2 || texts.length > MAX_OPTIONS) throw new LineError(`${texts.length} options; between 2 and ${MAX_OPTIONS} are accepted`);
  const options = texts.map((t, i) => readText(t, `option ${LETTERS[i]}`));
  if (new Set(options).size !== options.length) throw new LineError("two options have the same text");
  return options;
}

/** {A: …, B: …} in letter order, with no gap. */
function lettered(record: Record<string, unknown>, where: string): unknown[] {
  const texts: unknown[] = [];
  for (const letter of LETTERS) {
    if (!(letter in record)) break;
    texts.push(record[letter]);
  }
  const stray = Object.keys(record).filter((k) => /^[A-Z]$/.test(k) && !LETTERS.slice(0, texts.length).includes(k));
  if (stray.length) throw new LineError(`${where} has option ${stray[0]} without the letters before it (or past ${LETTERS.at(-1)})`);
  return texts;
}

function indexOfLetter(value: string, count: number): number[] {
  const letters = value.toUpperCase().replace(/[\s,;/&]+/g, "");
  if (!/^[A-Z]+$/.test(letters)) throw new LineError(`answer "${value}" is not option letters`);
  return [...letters].map((l) => LETTERS.indexOf(l)).map((i, k) => {
    if (i < 0 || i >= count) throw new LineError(`answer ${letters[k]} is not one of the ${count} options`);
    return i;
  });
}

function readAnswer(row: Record<string, unknown>, count: number): number[] {
  const check = (i: unknown) => {
    if (typeof i !== "number" || !Number.isInteger(i) || i < 0 || i >= count) throw new LineError(`answer index ${String(i)} is not one of the ${count} options (0-based)`);
    return i;
  };
  if (Array.isArray(row.answerIndexes)) return row.answerIndexes.map(check);
  const answer = row.answer ?? row.label ?? row.target;
  // lm-eval rows of our export: the answer indexes `labels` ("A", "A,C", …).
  if (typeof answer === "number" && Array.isArray(row.labels)) {
    const label: unknown = Number.isInteger(answer) && answer >= 0 ? row.labels[answer] : undefined;
    if (typeof label !== "string") throw new LineError(`answer ${answer} indexes none of the ${row.labels.length} labels`);
    return indexOfLetter(label, count);
  }
  if (typeof answer === "number") return [check(answer)];
  if (typeof answer === "string") return indexOfLetter(answer, count);
  if (Array.isArray(answer) && answer.length > 0) return answer.flatMap((a) => (typeof a === "string" ? indexOfLetter(a, count) : [check(a)]));
  throw new LineError('no answer: give "answer" as a letter ("B"), letters ("A,C" or ["A","C"]) or a 0-based index');
}

function readLine(text: string): TExternalItem {
  let row: unknown;
  try {
    row = JSON.parse(text);
  } catch {
    throw new LineError("not valid JSON");
  }
  if (!isRecord(row)) throw new LineError("not a JSON object");
  const question = readText(row.question ?? row.query, "question");
  const texts = readOptions(row);
  const correct = [...new Set(readAnswer(row, texts.length))].sort((a, b) => a - b);
  const multi = row.multiple === true || correct.length > 1;
  const meta = isRecord(row.meta) ? row.meta : {};
  const discipline = [row.discipline, row.subject, meta.discipline].find((d): d is string => typeof d === "string" && d.trim() !== "")?.trim().slice(0, 80) ?? "external";
  // Keys from the content, like the Tester's: the same item imported twice gets the same key.
  const key = typeof row.key === "string" && row.key.trim()
    ? row.key.trim().slice(0, 120)
    : `ext-${createHash("sha256").update(JSON.stringify([question, texts])).digest("hex").slice(0, 24)}`;
  return {
    key, question, discipline, mode: multi ? "multi" : "single",
    options: texts.map((t, i) => ({ label: LETTERS[i]!, text: t, correct: correct.includes(i), distractor: null })),
    answer: correct.map((i) => LETTERS[i]!).join(","),
  };
}

export function parseExternalSet(jsonl: string): { items: TExternalItem[]; errors: TLineError[] } {
  const items: TExternalItem[] = [];
  const errors: TLineError[] = [];
  const firstLineOf = new Map<string, number>();
  const lines = jsonl.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = i + 1;
    if (!raw.trim()) continue;
    if (items.length + errors.length >= MAX_ITEMS) {
      errors.push({ line, message: `more than ${MAX_ITEMS} items; split the set` });
      break;
    }
    try {
      const item = readLine(raw);
      const seen = firstLineOf.get(item.key);
      if (seen) throw new LineError(`repeats the item of line ${seen} (key ${item.key})`);
      firstLineOf.set(item.key, line);
      items.push(item);
    } catch (error) {
      if (!(error instanceof LineError)) throw error;
      errors.push({ line, message: error.message });
    }
  }
  if (items.length === 0 && errors.length === 0) errors.push({ line: 1, message: "the file has no items" });
  return { items, errors };
}
