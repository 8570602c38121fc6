// Argument parsing: a command is a word path ("run train") followed by its positionals and options,
// parsed strictly by node:util parseArgs (an unknown flag is a usage error, exit 2).
import { parseArgs } from "node:util";
import { usageError } from "./errors.ts";

export interface TOptionSpec {
  type: "string" | "boolean";
  short?: string;
  multiple?: boolean;
  /** Shown in help: --format FORMAT. */
  value?: string;
  description: string;
  required?: boolean;
}

export interface TCommandSpec {
  /** Words, space-separated: "run train". */
  name: string;
  summary: string;
  /** Positional names; a trailing "?" marks an optional one. */
  args?: string[];
  options?: Record<string, TOptionSpec>;
  /** Needs --project (or PRODA_PROJECT). */
  project?: boolean;
  examples?: string[];
}

export type TOptionValues = Record<string, string | boolean | string[] | undefined>;

export interface TParsed {
  spec: TCommandSpec;
  args: Record<string, string | undefined>;
  options: TOptionValues;
}

export const GLOBAL_OPTIONS: Record<string, TOptionSpec> = {
  server: { type: "string", value: "URL", description: "server (else PRODA_SERVER, else the saved login)" },
  token: { type: "string", value: "TOKEN", description: "API token (else PRODA_TOKEN, else the saved login)" },
  json: { type: "boolean", description: "print one JSON document on stdout (progress stays on stderr)" },
  quiet: { type: "boolean", short: "q", description: "no progress output" },
  help: { type: "boolean", short: "h", description: "show help" },
};

export const PROJECT_OPTION: TOptionSpec = { type: "string", short: "p", value: "ID", description: "project id (else PRODA_PROJECT)" };

/** Longest command name matching the leading words; null when none does. */
export function findCommand(words: string[], specs: TCommandSpec[]): { spec: TCommandSpec; rest: string[] } | null {
  let best: { spec: TCommandSpec; rest: string[] } | null = null;
  for (const spec of specs) {
    const path = spec.name.split(" ");
    if (path.length > words.length || path.some((w, i) => words[i] !== w)) continue;
    if (!best || path.length > best.spec.name.split(" ").length) best = { spec, rest: words.slice(path.length) };
  }
  return best;
}

export function optionsOf(spec: TCommandSpec): Record<string, TOptionSpec> {
  return { ...GLOBAL_OPTIONS, ...(spec.project ? { project: PROJECT_OPTION } : {}), ...spec.options };
}

export function parseCommand(spec: TCommandSpec, rest: string[], env: Record<string, string | undefined> = {}): TParsed {
  const options = optionsOf(spec);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: rest,
      options: Object.fromEntries(Object.entries(options).map(([k, o]) => [k, { type: o.type, multiple: o.multiple ?? false, ...(o.short ? { short: o.short } : {}) }])),
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw usageError(`${(error as Error).message.split("\n")[0]}. See: proda ${spec.name} --help`);
  }
  const values = parsed.values as TOptionValues;
  if (values.help) return { spec, args: {}, options: values };
  const names = spec.args ?? [];
  if (parsed.positionals.length > names.length) {
    throw usageError(`Unexpected argument "${parsed.positionals[names.length]}". Usage: ${usageLine(spec)}`);
  }
  const args: Record<string, string | undefined> = {};
  names.forEach((raw, i) => {
    const name = raw.replace(/\?$/, "");
    args[name] = parsed.positionals[i];
    if (!raw.endsWith("?") && args[name] === undefined) throw usageError(`Missing <${name}>. Usage: ${usageLine(spec)}`);
  });
  if (spec.project) values.project ??= env.PRODA_PROJECT;
  for (const [name, o] of Object.entries(options)) {
    const required = o.required || (name === "project" && spec.project);
    if (required && (values[name] === undefined || values[name] === "")) throw usageError(`Missing --${name}. Usage: ${usageLine(spec)}`);
  }
  return { spec, args, options: values };
}

export function usageLine(spec: TCommandSpec): string {
  const parts = [`proda ${spec.name}`, ...(spec.args ?? []).map((a) => (a.endsWith("?") ? `[${a.slice(0, -1)}]` : `<${a}>`))];
  for (const [name, o] of Object.entries(optionsOf(spec))) {
    if (!o.required && !(name === "project" && spec.project)) continue;
    parts.push(`--${name}${o.value ? ` ${o.value}` : ""}`);
  }
  return `${parts.join(" ")} [options]`;
}

// ── value helpers ──

export function stringOpt(values: TOptionValues, name: string): string | undefined {
  const v = values[name];
  return typeof v === "string" && v !== "" ? v : undefined;
}

export function listOpt(values: TOptionValues, name: string): string[] | undefined {
  const v = values[name];
  if (v === undefined) return undefined;
  const list = (Array.isArray(v) ? v : [String(v)]).flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean);
  return list.length ? list : undefined;
}

export function numberOpt(values: TOptionValues, name: string, { integer = false, min = -Infinity, max = Infinity } = {}): number | undefined {
  const raw = stringOpt(values, name);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || (integer && !Number.isInteger(n)) || n < min || n > max) {
    throw usageError(`--${name} must be ${integer ? "an integer" : "a number"}${Number.isFinite(min) ? ` ≥ ${min}` : ""}${Number.isFinite(max) ? ` ≤ ${max}` : ""} (got "${raw}")`);
  }
  return n;
}

/** A value as JSON when it parses ("3", "true", "[1]"), else as the string itself. */
function scalar(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** ["epochs=3", "a.b=x"] → { epochs: 3, a: { b: "x" } }: free-form settings passed to the server as is. */
export function keyValues(pairs: string[] | undefined, flag: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const pair of pairs ?? []) {
    const eq = pair.indexOf("=");
    if (eq <= 0) throw usageError(`--${flag} expects key=value (got "${pair}")`);
    const path = pair.slice(0, eq).split(".");
    if (path.some((k) => !/^[A-Za-z_][\w-]*$/.test(k))) throw usageError(`--${flag}: bad key "${pair.slice(0, eq)}"`);
    let target = out;
    for (const key of path.slice(0, -1)) {
      const next = target[key];
      target = (target[key] = next && typeof next === "object" && !Array.isArray(next) ? next : {}) as Record<string, unknown>;
    }
    target[path.at(-1)!] = scalar(pair.slice(eq + 1));
  }
  return out;
}
