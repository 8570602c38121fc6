// The launch form's hyperparameter fields, generated from a backend's `fields` (name, type, default,
// bounds, options). The inputs hold text; reading them gives the values to send (exactly the
// backend's names: the server's schema is strict) or, per field, why one cannot be sent.
// Pure; covered by test/training-ui-lib.test.ts.
import type { TTrainerBackendDto } from "@/lib/api-types";

export type TTrainerField = TTrainerBackendDto["fields"][number];
export type TRawHyperparameters = Record<string, string | boolean>;
export type TFieldProblem = "required" | "number" | "integer" | "min" | "max" | "option";

/** What each input starts with: the default as text; an empty box for "the backend chooses" (null). */
export function initialHyperparameters(fields: readonly TTrainerField[]): TRawHyperparameters {
  return Object.fromEntries(
    fields.map((f) => [f.name, f.type === "boolean" ? f.default === true : f.default === null || f.default === undefined ? "" : String(f.default)]),
  );
}

/** A field whose default is null may be left empty: the backend picks the value ("auto"). */
export const isOptionalField = (field: TTrainerField) => field.default === null;

function readNumber(field: TTrainerField, text: string): { value: number | null } | { problem: TFieldProblem } {
  if (text === "") return isOptionalField(field) ? { value: null } : { problem: "required" };
  const value = Number(text);
  if (!Number.isFinite(value)) return { problem: "number" };
  if (field.type === "int" && !Number.isInteger(value)) return { problem: "integer" };
  if (field.min !== undefined && value < field.min) return { problem: "min" };
  if (field.max !== undefined && value > field.max) return { problem: "max" };
  return { value };
}

export function readHyperparameters(
  fields: readonly TTrainerField[],
  raw: TRawHyperparameters,
): { values: Record<string, unknown>; problems: Record<string, TFieldProblem> } {
  const values: Record<string, unknown> = {};
  const problems: Record<string, TFieldProblem> = {};
  const initial = initialHyperparameters(fields);
  for (const field of fields) {
    const input = raw[field.name] ?? initial[field.name]!;
    if (field.type === "boolean") {
      values[field.name] = input === true;
      continue;
    }
    const text = String(input).trim();
    if (field.type === "string") {
      if (field.options && !field.options.includes(text)) problems[field.name] = "option";
      else if (text === "" && !isOptionalField(field)) problems[field.name] = "required";
      else values[field.name] = text === "" ? null : text;
      continue;
    }
    const read = readNumber(field, text);
    if ("problem" in read) problems[field.name] = read.problem;
    else values[field.name] = read.value;
  }
  return { values, problems };
}
