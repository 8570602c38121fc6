// Reads an export back: the samples or items with their keys and node ids. Used to check that an
// export round-trips, and to import a file the studio wrote earlier. Errors name the file and row.
import { parse as parseYaml } from "yaml";
import type { TMessage } from "../builder/types.ts";
import { readCsv, readJsonArray, readJsonl } from "./serialize.ts";
import { ZBenchmarkExportItem, type TBenchmarkExportItem, type TExportFile, type TExportFormat } from "./types.ts";

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

export interface TParsedSample {
  key: string;
  type: string;
  messages: TMessage[];
  /** The sample's meta as exported, without key and type. */
  meta: Record<string, unknown>;
}

export type TParsedExport = { kind: "dataset"; samples: TParsedSample[] } | { kind: "benchmark"; items: TBenchmarkExportItem[] };

type TRow = Record<string, unknown>;

/** "A,C", "AC" or "B" → [0, 2] / [1]; anything else gives an invalid index the item schema rejects. */
function lettersToIndexes(value: unknown): number[] {
  const letters = String(value ?? "").replace(/[\s,]/g, "");
  return letters ? [...letters].map((l) => LETTERS.indexOf(l)) : [-1];
}

function findFile(files: readonly TExportFile[], test: (name: string) => boolean, what: string): TExportFile {
  const file = files.find((f) => test(f.name));
  if (!file) throw new Error(`The export has no ${what} (files: ${files.map((f) => f.name).join(", ") || "none"})`);
  return file;
}

function asRow(value: unknown, file: string, i: number): TRow {
  if (!value || typeof value !== "object" || Array.isArray(value)) throw new Error(`${file}: row ${i + 1} is not an object`);
  return value as TRow;
}

function splitMeta(meta: unknown, file: string, i: number): { key: string; type: string; meta: Record<string, unknown> } {
  const { key, type, ...rest } = asRow(meta, `${file} (metadata)`, i);
  if (typeof key !== "string" || !key) throw new Error(`${file}: row ${i + 1} has no sample key in its metadata`);
  return { key, type: String(type ?? ""), meta: rest };
}

function fromShareGpt(row: TRow, file: string, i: number): TParsedSample {
  const turns = Array.isArray(row.conversations) ? (row.conversations as { from?: string; value?: string }[]) : [];
  const messages: TMessage[] = turns.map((t) => ({ role: t.from === "human" ? "user" : t.from === "system" ? "system" : "assistant", content: String(t.value ?? "") }));
  if (typeof row.system === "string") messages.unshift({ role: "system", content: row.system });
  return { ...splitMeta(row.meta, file, i), messages };
}

function fromAlpaca(row: TRow, file: string, i: number): TParsedSample {
  const messages: TMessage[] = [];
  if (typeof row.system === "string") messages.push({ role: "system", content: row.system });
  for (const [user, assistant] of (Array.isArray(row.history) ? row.history : []) as [string, string][]) messages.push({ role: "user", content: user }, { role: "assistant", content: assistant });
  const instruction = [row.instruction, row.input].filter((s) => typeof s === "string" && s !== "").join("\n");
  messages.push({ role: "user", content: instruction }, { role: "assistant", content: String(row.output ?? "") });
  return { ...splitMeta(row.meta, file, i), messages };
}

function parseDataset(format: "sharegpt" | "alpaca" | "openai" | "llama_factory", files: readonly TExportFile[]): TParsedSample[] {
  if (format === "openai") {
    const data = findFile(files, (n) => n.endsWith(".openai.jsonl"), "OpenAI .openai.jsonl file");
    const rows = readJsonl(data.content, data.name).map((r, i) => asRow(r, data.name, i));
    const sidecar = files.find((f) => f.name.endsWith(".openai.meta.jsonl"));
    const metas = sidecar ? readJsonl(sidecar.content, sidecar.name).map((r, i) => asRow(r, sidecar.name, i).metadata) : rows.map((r) => r.metadata);
    if (metas.length !== rows.length) throw new Error(`${sidecar?.name}: ${metas.length} metadata lines for ${rows.length} samples`);
    return rows.map((row, i) => ({ ...splitMeta(metas[i], data.name, i), messages: (row.messages ?? []) as TMessage[] }));
  }
  if (format === "llama_factory") {
    const info = findFile(files, (n) => n === "dataset_info.json", "dataset_info.json");
    const entries = Object.values(asRow(JSON.parse(info.content), info.name, 0)) as { file_name?: string; formatting?: string }[];
    const entry = entries[0];
    if (!entry?.file_name) throw new Error(`${info.name} names no data file`);
    const data = findFile(files, (n) => n === entry.file_name, `data file ${entry.file_name}`);
    const read = entry.formatting === "alpaca" ? fromAlpaca : fromShareGpt;
    return readJsonArray(data.content, data.name).map((r, i) => read(asRow(r, data.name, i), data.name, i));
  }
  const suffix = format === "sharegpt" ? ".sharegpt.json" : ".alpaca.json";
  const data = findFile(files, (n) => n.endsWith(suffix), `${suffix} file`);
  const read = format === "sharegpt" ? fromShareGpt : fromAlpaca;
  return readJsonArray(data.content, data.name).map((r, i) => read(asRow(r, data.name, i), data.name, i));
}

function toItem(value: unknown, file: string, i: number): TBenchmarkExportItem {
  const result = ZBenchmarkExportItem.safeParse(value);
  if (!result.success) throw new Error(`${file}: row ${i + 1} is not a benchmark item (${result.error.issues[0]?.message ?? "invalid"})`);
  return result.data;
}

function parseBenchmark(format: "jsonl" | "lm_eval" | "opencompass", files: readonly TExportFile[]): TBenchmarkExportItem[] {
  if (format === "jsonl") {
    const data = findFile(files, (n) => n.endsWith(".jsonl"), ".jsonl file");
    return readJsonl(data.content, data.name).map((r, i) => {
      const row = asRow(r, data.name, i);
      return toItem({ ...row, answer: row.answerIndexes ?? lettersToIndexes(row.answer) }, data.name, i);
    });
  }
  if (format === "lm_eval") {
    const task = findFile(files, (n) => n.endsWith(".yaml") || n.endsWith(".yml"), "lm-eval task YAML");
    const config = asRow(parseYaml(task.content), task.name, 0);
    const dataFiles = (config.dataset_kwargs as { data_files?: { test?: string } } | undefined)?.data_files;
    const base = String(dataFiles?.test ?? "").split(/[\\/]/).pop();
    const data = findFile(files, (n) => n === base, `data file ${base} named by ${task.name}`);
    return readJsonl(data.content, data.name).map((r, i) => {
      const row = asRow(r, data.name, i);
      const labels = Array.isArray(row.labels) ? (row.labels as string[]) : [];
      const multiple = labels.length > (Array.isArray(row.choices) ? row.choices.length : 0);
      return toItem({ key: row.key, question: row.question, options: row.choices, answer: lettersToIndexes(labels[Number(row.answer)]), multiple, meta: row.meta }, data.name, i);
    });
  }
  const data = findFile(files, (n) => n.endsWith(".jsonl") || n.endsWith(".csv"), "OpenCompass .jsonl or .csv file");
  const rows: TRow[] = data.name.endsWith(".csv")
    ? readCsv(data.content, data.name).map((row, i) => {
        try {
          return { ...row, meta: row.meta ? JSON.parse(row.meta) : {} };
        } catch {
          throw new Error(`${data.name}: row ${i + 2} has a meta column that is not JSON`);
        }
      })
    : readJsonl(data.content, data.name).map((r, i) => asRow(r, data.name, i));
  return rows.map((row, i) => {
    const options: string[] = [];
    for (const letter of LETTERS) {
      const option = row[letter];
      if (typeof option !== "string" || option === "") break;
      options.push(option);
    }
    return toItem({ key: row.key, question: row.question, options, answer: lettersToIndexes(row.answer), meta: row.meta }, data.name, i);
  });
}

export function parseExport(format: TExportFormat, files: readonly TExportFile[]): TParsedExport {
  switch (format) {
    case "sharegpt":
    case "alpaca":
    case "openai":
    case "llama_factory":
      return { kind: "dataset", samples: parseDataset(format, files) };
    case "jsonl":
    case "lm_eval":
    case "opencompass":
      return { kind: "benchmark", items: parseBenchmark(format, files) };
  }
}
