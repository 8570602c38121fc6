// An evaluation as a download, one row per answered item: JSONL, or CSV for spreadsheets. Streamed a
// page at a time, so a 16k-item evaluation with long replies is never held whole in memory.
import type { Evaluation, PrismaClient } from "@proda/db";
import { queryResults, type TResultRow } from "./query-results.ts";

export const EVALUATION_EXPORT_FORMATS = ["jsonl", "csv"] as const;
export type TEvaluationExportFormat = (typeof EVALUATION_EXPORT_FORMATS)[number];

const PAGE = 1000;
const COLUMNS = ["key", "position", "question", "gold", "raw", "parsed", "correct", "method", "discipline", "level", "chainLength", "operators", "chosenOperators", "error"] as const;

function toRecord(row: TResultRow): Record<(typeof COLUMNS)[number], unknown> {
  return {
    key: row.key, position: row.position, question: row.question, gold: row.answer, raw: row.raw ?? "", parsed: row.parsed, correct: row.correct,
    method: row.method, discipline: row.discipline, level: row.level, chainLength: row.chainLength, operators: row.operators,
    chosenOperators: row.chosenOperators, error: row.error,
  };
}

/** RFC 4180 quoting; a cell a spreadsheet would run as a formula (=, +, -, @) gets a leading quote. */
function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? "" : Array.isArray(value) ? value.join("|") : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function encodeRow(format: TEvaluationExportFormat, row: TResultRow): string {
  const record = toRecord(row);
  return format === "jsonl" ? `${JSON.stringify(record)}\n` : `${COLUMNS.map((c) => csvCell(record[c])).join(",")}\r\n`;
}

export function exportEvaluation(prisma: PrismaClient, evaluation: Evaluation, format: TEvaluationExportFormat): Response {
  const encoder = new TextEncoder();
  let after: string | null = null;
  let started = false;
  let finished = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started && format === "csv") controller.enqueue(encoder.encode(`${COLUMNS.join(",")}\r\n`));
      started = true;
      if (finished) return controller.close();
      const rows = await queryResults(prisma, evaluation.id, {}, { after, limit: PAGE, withRaw: true });
      if (rows.length > 0) controller.enqueue(encoder.encode(rows.map((r) => encodeRow(format, r)).join("")));
      after = rows.at(-1)?.itemId ?? after;
      if (rows.length < PAGE) finished = true;
    },
  });
  const type = format === "jsonl" ? "application/x-ndjson" : "text/csv";
  return new Response(body, {
    headers: { "content-type": `${type}; charset=utf-8`, "content-disposition": `attachment; filename="evaluation-${evaluation.number}.${format}"` },
  });
}
