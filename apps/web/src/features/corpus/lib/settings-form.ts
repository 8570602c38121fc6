// Corpus settings ⇄ form values. The server owns the schema (packages/engine corpus-settings.ts);
// this knows the fields it has today, with their kinds and bounds, and renders anything new
// generically so a field added on the server still shows up (and is sent back unchanged).
import type { TCorpusSettingsDto } from "@/lib/api-types";

export type TFieldKind = "int" | "number" | "share" | "boolean" | "enum" | "list" | "text";

export interface TFieldSpec {
  kind: TFieldKind;
  min?: number;
  max?: number;
  step?: number;
  options?: readonly string[];
  /** For lists: how many numbers. */
  length?: number;
}

export interface TSettingField extends TFieldSpec {
  key: string;
  group: string | null;
  name: string;
}

export type TFormValues = Record<string, string | boolean>;

export interface TFieldError {
  key: "integer" | "number" | "range" | "min" | "overlap" | "list";
  vars?: Record<string, string | number>;
}

export const TOP_FIELDS: Record<string, TFieldSpec> = {
  chunkTokens: { kind: "int", min: 64, max: 8192, step: 64 },
  overlapTokens: { kind: "int", min: 0, max: 2048, step: 16 },
  dedupThreshold: { kind: "number", min: 0.5, max: 1, step: 0.01 },
};

const share: TFieldSpec = { kind: "share", min: 0, max: 1, step: 0.01 };
const atLeastOne: TFieldSpec = { kind: "int", min: 1, step: 1 };

export const QUALITY_FIELDS: Record<string, Record<string, TFieldSpec>> = {
  length: { enabled: { kind: "boolean" }, minTokens: { kind: "int", min: 0, step: 1 } },
  boilerplate: {
    enabled: { kind: "boolean" },
    maxShortLineShare: share,
    shortLineWords: atLeastOne,
    minLines: atLeastOne,
    maxBoilerplateLineShare: share,
  },
  symbols: { enabled: { kind: "boolean" }, maxSymbolShare: share, maxLatexPerWord: { kind: "number", min: 0, step: 0.05 } },
  language: {
    enabled: { kind: "boolean" },
    expected: { kind: "enum", options: ["en", "zh", "any"] },
    minStopwordShare: share,
    minCjkShare: share,
    minWords: atLeastOne,
  },
  repetition: {
    enabled: { kind: "boolean" },
    maxDuplicateLineShare: share,
    maxDuplicateLineCharShare: share,
    maxTopNgramCharShare: { kind: "list", min: 0, max: 1, length: 3 },
    maxDuplicateNgramCharShare: { kind: "list", min: 0, max: 1, length: 6 },
    minWords: atLeastOne,
  },
  information: {
    enabled: { kind: "boolean" },
    minCharEntropy: { kind: "number", min: 0, step: 0.1 },
    minUniqueWordShare: share,
    minWords: atLeastOne,
  },
};

function guessSpec(value: unknown): TFieldSpec {
  if (typeof value === "boolean") return { kind: "boolean" };
  if (typeof value === "number") return { kind: "number" };
  if (Array.isArray(value)) return { kind: "list", length: value.length };
  return { kind: "text" };
}

function toValue(value: unknown, spec: TFieldSpec): string | boolean {
  if (spec.kind === "boolean") return value === true;
  if (spec.kind === "list") return Array.isArray(value) ? value.join(", ") : "";
  return value === undefined || value === null ? "" : String(value);
}

/** The fields to render, in a stable order: chunking first, then the quality groups. */
export function describeFields(settings: TCorpusSettingsDto): TSettingField[] {
  const fields: TSettingField[] = Object.entries(TOP_FIELDS).map(([name, spec]) => ({ ...spec, key: name, group: null, name }));
  const quality = settings.quality ?? {};
  const groups = [...Object.keys(QUALITY_FIELDS), ...Object.keys(quality).filter((g) => !(g in QUALITY_FIELDS))];
  for (const group of groups) {
    const current = (quality[group] ?? {}) as Record<string, unknown>;
    if (typeof current !== "object" || current === null) continue;
    const known = QUALITY_FIELDS[group] ?? {};
    const names = [...Object.keys(known).filter((n) => n in current), ...Object.keys(current).filter((n) => !(n in known))];
    for (const name of names) fields.push({ ...(known[name] ?? guessSpec(current[name])), key: `quality.${group}.${name}`, group, name });
  }
  return fields;
}

export function toFormValues(settings: TCorpusSettingsDto): TFormValues {
  const values: TFormValues = {};
  for (const field of describeFields(settings)) {
    const raw = field.group === null
      ? (settings as unknown as Record<string, unknown>)[field.name]
      : ((settings.quality[field.group] ?? {}) as Record<string, unknown>)[field.name];
    values[field.key] = toValue(raw, field);
  }
  return values;
}

function parseNumber(raw: string, spec: TFieldSpec): { value?: number; error?: TFieldError } {
  const text = raw.trim();
  const value = Number(text);
  if (!text || !Number.isFinite(value)) return { error: { key: spec.kind === "int" ? "integer" : "number" } };
  if (spec.kind === "int" && !Number.isInteger(value)) return { error: { key: "integer" } };
  if (spec.min !== undefined && spec.max !== undefined && (value < spec.min || value > spec.max)) {
    return { error: { key: "range", vars: { min: spec.min, max: spec.max } } };
  }
  if (spec.min !== undefined && value < spec.min) return { error: { key: "min", vars: { min: spec.min } } };
  if (spec.max !== undefined && value > spec.max) return { error: { key: "range", vars: { min: spec.min ?? 0, max: spec.max } } };
  return { value };
}

function parseField(raw: string | boolean, spec: TFieldSpec): { value?: unknown; error?: TFieldError } {
  if (spec.kind === "boolean") return { value: raw === true };
  if (spec.kind === "enum" || spec.kind === "text") return { value: String(raw) };
  if (spec.kind === "list") {
    const parts = String(raw).split(",").map((p) => p.trim()).filter(Boolean).map(Number);
    const lo = spec.min ?? 0;
    const hi = spec.max ?? 1;
    const bad = parts.some((n) => !Number.isFinite(n) || n < lo || n > hi) || (spec.length !== undefined && parts.length !== spec.length);
    return bad ? { error: { key: "list", vars: { count: spec.length ?? parts.length, min: lo, max: hi } } } : { value: parts };
  }
  return parseNumber(String(raw), spec);
}

/** Rebuilds the whole settings object from the form; errors are keyed like the fields. */
export function fromFormValues(
  settings: TCorpusSettingsDto,
  values: TFormValues,
): { settings: Omit<TCorpusSettingsDto, "maxUploadBytes"> | null; errors: Record<string, TFieldError> } {
  const errors: Record<string, TFieldError> = {};
  const out = { chunkTokens: settings.chunkTokens, overlapTokens: settings.overlapTokens, dedupThreshold: settings.dedupThreshold, quality: {} as Record<string, Record<string, unknown>> };
  for (const [group, fields] of Object.entries(settings.quality ?? {})) out.quality[group] = { ...(fields as Record<string, unknown>) };
  for (const field of describeFields(settings)) {
    const parsed = parseField(values[field.key] ?? "", field);
    if (parsed.error) errors[field.key] = parsed.error;
    else if (field.group === null) (out as unknown as Record<string, unknown>)[field.name] = parsed.value;
    else out.quality[field.group]![field.name] = parsed.value;
  }
  if (!errors.chunkTokens && !errors.overlapTokens && out.overlapTokens > out.chunkTokens / 2) {
    errors.overlapTokens = { key: "overlap", vars: { max: Math.floor(out.chunkTokens / 2) } };
  }
  return { settings: Object.keys(errors).length ? null : out, errors };
}

/** zod's flattenError from a 400: { formErrors, fieldErrors: { chunkTokens: [...], quality: [...] } }. */
export function serverFieldErrors(details: unknown): { fields: Record<string, string>; form: string[] } {
  const fields: Record<string, string> = {};
  const d = (details ?? {}) as { formErrors?: unknown; fieldErrors?: Record<string, unknown> };
  for (const [key, messages] of Object.entries(d.fieldErrors ?? {})) {
    if (Array.isArray(messages) && messages.length) fields[key] = messages.map(String).join(" ");
  }
  return { fields, form: Array.isArray(d.formErrors) ? d.formErrors.map(String) : [] };
}
