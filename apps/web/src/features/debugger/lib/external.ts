// External sets and scores: the per-line errors a rejected JSONL import carries (400, details
// { lines: [{ line, message }], badLines }), and a pasted score table ("benchmark, model, score" per
// line, comma or tab separated; a header line is skipped) → the POST body. Pure; covered by
// test/debugger-ui-lib.test.ts.
import { ApiError } from "@/lib/api-client";

export const MAX_SET_BYTES = 8_000_000;
export const MAX_SCORES = 2000;

export interface TLineError {
  line: number;
  message: string;
}

export function setLineErrors(error: unknown): { lines: TLineError[]; badLines: number } | null {
  if (!(error instanceof ApiError) || !error.details || typeof error.details !== "object") return null;
  const details = error.details as { lines?: unknown; badLines?: unknown };
  if (!Array.isArray(details.lines)) return null;
  const lines = details.lines.flatMap((l): TLineError[] =>
    l && typeof l === "object" && typeof (l as TLineError).line === "number" && typeof (l as TLineError).message === "string" ? [{ line: (l as TLineError).line, message: (l as TLineError).message }] : [],
  );
  return { lines, badLines: typeof details.badLines === "number" ? details.badLines : lines.length };
}

export interface TScoreRow {
  benchmark: string;
  modelName: string;
  score: number;
}

/** Parses pasted rows; every unreadable line is reported by its 1-based number. */
export function parseScoreTable(text: string): { rows: TScoreRow[]; errors: number[] } {
  const rows: TScoreRow[] = [];
  const errors: number[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    const cells = line.split(line.includes("\t") ? "\t" : ",").map((c) => c.trim());
    const score = Number(cells[2]);
    if (cells.length !== 3 || !cells[0] || !cells[1] || cells[2] === "" || !Number.isFinite(score)) {
      // A header ("benchmark,model,score") is not an error.
      if (index === 0 && cells.length === 3 && !Number.isFinite(score)) return;
      errors.push(index + 1);
      return;
    }
    rows.push({ benchmark: cells[0].slice(0, 120), modelName: cells[1].slice(0, 200), score });
  });
  return { rows, errors };
}
