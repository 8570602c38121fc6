// .json and .jsonl datasets. The caller names the fields that hold the text (dot paths; arrays on
// the way are flattened). Records can become one document (parseDocument) or one document each
// (parseJsonRecords), which is what a dataset of 100k short articles needs.
import { ParseError } from "../errors.ts";
import { decodeText } from "./decode-text.ts";
import { findJsonErrorOffset } from "./json-error-offset.ts";
import type { TParsedDocument } from "./types.ts";

export interface TJsonRecord {
  text: string;
  metadata: Record<string, unknown>;
}

export interface TJsonRecordsInput {
  bytes: Uint8Array;
  filename: string;
  /** Inferred from the file name when absent (.jsonl → jsonl, otherwise json). */
  format?: "json" | "jsonl";
  textFields?: string[];
}

/** Tried in order when the caller names no field. */
const DEFAULT_TEXT_FIELDS = ["text", "content", "body"];
const MAX_LISTED_KEYS = 30;
const MAX_METADATA_KEYS = 20;
const MAX_METADATA_STRING = 200;

function lineOfPosition(text: string, position: number): number {
  let line = 1;
  for (let i = 0; i < position && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function describeJsonError(error: unknown): string {
  // V8 appends a snippet of the input ("…is not valid JSON"); keep only the first clause.
  const message = error instanceof Error ? error.message : String(error);
  return message.split(/, "|\n/)[0]!.replace(/ (in JSON )?at position \d+.*$/, "");
}

function readRecords(text: string, format: "json" | "jsonl", filename: string): { value: unknown; label: number }[] {
  if (format === "jsonl") {
    const records: { value: unknown; label: number }[] = [];
    const lines = text.split("\n");
    lines.forEach((line, i) => {
      if (line.trim() === "") return;
      try {
        records.push({ value: JSON.parse(line), label: i + 1 });
      } catch (error) {
        throw new ParseError("invalid_json", `Line ${i + 1} of "${filename}" is not valid JSON: ${describeJsonError(error)}.`, { line: i + 1 });
      }
    });
    return records;
  }
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (error) {
    const offset = findJsonErrorOffset(text);
    const line = offset === null ? undefined : lineOfPosition(text, offset);
    const where = line ? ` (line ${line})` : "";
    throw new ParseError("invalid_json", `"${filename}" is not valid JSON${where}: ${describeJsonError(error)}.`, line ? { line } : undefined);
  }
  const values = Array.isArray(root) ? root : [root];
  return values.map((value, i) => ({ value, label: i }));
}

function splitPath(path: string): string[] {
  return path
    .split(".")
    .map((segment) => segment.replace(/\[\]$/, "").trim())
    .filter((segment) => segment !== "");
}

/** Every scalar found at `segments` below `value`, flattening arrays met on the way. */
export function collectFieldValues(value: unknown, segments: string[]): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => collectFieldValues(item, segments));
  if (segments.length === 0) {
    if (typeof value === "string") return [value];
    if (typeof value === "number" || typeof value === "boolean") return [String(value)];
    return [];
  }
  if (value === null || typeof value !== "object") return [];
  const [head, ...rest] = segments;
  return Object.hasOwn(value, head!) ? collectFieldValues((value as Record<string, unknown>)[head!], rest) : [];
}

function listTopLevelKeys(records: { value: unknown }[]): string[] {
  const keys = new Set<string>();
  for (const { value } of records.slice(0, 100)) {
    if (value && typeof value === "object" && !Array.isArray(value)) Object.keys(value).forEach((k) => keys.add(k));
  }
  return [...keys].slice(0, MAX_LISTED_KEYS);
}

function pickDefaultField(records: { value: unknown }[]): string | undefined {
  return DEFAULT_TEXT_FIELDS.find((field) => records.some(({ value }) => collectFieldValues(value, [field]).some((t) => t.trim() !== "")));
}

function extractRecordMetadata(value: unknown, textRoots: Set<string>): Record<string, unknown> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  const metadata: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (Object.keys(metadata).length >= MAX_METADATA_KEYS) break;
    if (textRoots.has(key)) continue;
    if (typeof field === "number" || typeof field === "boolean") metadata[key] = field;
    else if (typeof field === "string" && field.length <= MAX_METADATA_STRING) metadata[key] = field;
  }
  return metadata;
}

export function parseJsonRecords(input: TJsonRecordsInput): { records: TJsonRecord[]; warnings: string[] } {
  const { text, warnings } = decodeText(input.bytes, input.filename);
  const format = input.format ?? (/\.jsonl$/i.test(input.filename) ? "jsonl" : "json");
  const raw = readRecords(text, format, input.filename);
  if (raw.length === 0) throw new ParseError("empty", `"${input.filename}" contains no records.`);
  const labelKey = format === "jsonl" ? "line" : "record";

  const allStrings = raw.every(({ value }) => typeof value === "string");
  const chosen = input.textFields?.filter((f) => f.trim() !== "");
  const fields = chosen?.length ? chosen : allStrings ? [] : [pickDefaultField(raw)].filter((f): f is string => !!f);
  if (!allStrings && fields.length === 0) {
    const keys = listTopLevelKeys(raw);
    const message = `Choose which fields of "${input.filename}" hold the text. Top-level keys: ${keys.join(", ") || "(none)"}.`;
    throw new ParseError("json_field_missing", message, { availableKeys: keys });
  }
  const paths = fields.map(splitPath);
  const textRoots = new Set(paths.map((p) => p[0]!).filter(Boolean));

  const records: TJsonRecord[] = [];
  let skipped = 0;
  for (const { value, label } of raw) {
    const texts = paths.length === 0 ? collectFieldValues(value, []) : paths.flatMap((segments) => collectFieldValues(value, segments));
    const recordText = texts.map((t) => t.trim()).filter((t) => t !== "").join("\n\n");
    if (recordText === "") {
      skipped++;
      continue;
    }
    records.push({ text: recordText, metadata: { [labelKey]: label, ...extractRecordMetadata(value, textRoots) } });
  }
  if (records.length === 0) {
    const keys = listTopLevelKeys(raw);
    const message = `No record of "${input.filename}" has text in ${fields.join(", ")}. Top-level keys: ${keys.join(", ") || "(none)"}.`;
    throw new ParseError("json_field_missing", message, { fields, availableKeys: keys });
  }
  if (skipped > 0) warnings.push(`${skipped} of ${raw.length} records have no text in ${fields.join(", ") || "the record"} and were skipped.`);
  return { records, warnings };
}

export function parseJson(bytes: Uint8Array, filename: string, format: "json" | "jsonl", textFields?: string[]): TParsedDocument {
  const { records, warnings } = parseJsonRecords({ bytes, filename, format, ...(textFields ? { textFields } : {}) });
  return {
    format,
    text: records.map((r) => r.text).join("\n\n"),
    metadata: { records: records.length },
    warnings,
  };
}
