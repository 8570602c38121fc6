// What a command prints: with --json one JSON document on stdout (for scripts); otherwise short
// human lines and tables. Errors always go to stderr.
export interface TResult {
  /** The --json document. */
  data: unknown;
  /** Human output (lines). */
  lines: string[];
  /** Non-zero when the operation ran but failed (a failed job, a blocked guard). */
  exitCode?: number;
  /** The command wrote its payload to stdout itself (--out -): the --json document goes to stderr. */
  stdoutUsed?: boolean;
}

export function table(rows: Record<string, unknown>[], columns: string[]): string[] {
  if (rows.length === 0) return ["(none)"];
  const cell = (v: unknown) => (v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v)).replace(/\s+/g, " ");
  const widths = columns.map((c) => Math.min(60, Math.max(c.length, ...rows.map((r) => cell(r[c]).length))));
  const fit = (s: string, w: number) => (s.length > w ? `${s.slice(0, w - 1)}…` : s.padEnd(w));
  const line = (values: string[]) => values.map((v, i) => fit(v, widths[i]!)).join("  ").trimEnd();
  return [line(columns.map((c) => c.toUpperCase())), ...rows.map((r) => line(columns.map((c) => cell(r[c]))))];
}

/** "key: value" lines of an object's scalar fields, in the order given. */
export function fields(obj: Record<string, unknown>, keys: string[]): string[] {
  return keys.filter((k) => obj[k] !== undefined && obj[k] !== null).map((k) => `${k}: ${typeof obj[k] === "object" ? JSON.stringify(obj[k]) : String(obj[k])}`);
}

export function formatJson(data: unknown): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** An error for stderr; with --json also as a JSON document, so a script can parse either way. */
export function formatError(error: { message: string; code?: string; exitCode: number; details?: unknown }, json: boolean): string {
  if (json) return formatJson({ error: { code: error.code ?? "error", message: error.message, exitCode: error.exitCode, details: error.details } });
  const details = error.details && typeof error.details === "object" ? detailLines(error.details as Record<string, unknown>) : [];
  return [`proda: ${error.message}`, ...details].join("\n") + "\n";
}

/** Zod's flattened field errors from the server, one line per field. */
function detailLines(details: Record<string, unknown>): string[] {
  const fieldErrors = (details.fieldErrors ?? {}) as Record<string, string[]>;
  const formErrors = (details.formErrors ?? []) as string[];
  return [...formErrors.map((e) => `  ${e}`), ...Object.entries(fieldErrors).map(([k, v]) => `  ${k}: ${v.join("; ")}`)];
}
