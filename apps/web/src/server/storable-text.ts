// Text PostgreSQL cannot store: a NUL character (text and jsonb refuse it: SQLSTATE 22021, 22P05) or
// an unpaired UTF-16 surrogate (no UTF-8 form; the query engine fails to encode it). The route
// wrapper refuses such input up front with a 400, instead of the query failing later as a 500.

const NUL = "\u0000";
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why `text` cannot be stored, or null when it can. */
export function unstorableReason(text: string): string | null {
  if (text.includes(NUL)) return "contains a NUL character (\\u0000)";
  if (LONE_SURROGATE.test(text)) return "contains an unpaired UTF-16 surrogate";
  return null;
}

export interface TUnstorable {
  /** Dot path of the offending string ("" for the root), e.g. "messages.0.content". */
  path: string;
  reason: string;
}

/**
 * The first string (value or object key) of parsed JSON that cannot be stored, or a nesting deeper
 * than `maxDepth` (no request needs it, and recursive code further on would overflow its stack).
 * Iterative, so a hostile depth cannot overflow this walk either.
 */
export function findUnstorable(value: unknown, maxDepth: number): TUnstorable | null {
  const stack: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  while (stack.length) {
    const { value: v, path } = stack.pop()!;
    if (path.length > maxDepth) return { path: path.slice(0, 3).join(".") + ".…", reason: `is nested more than ${maxDepth} levels deep` };
    if (typeof v === "string") {
      const reason = unstorableReason(v);
      if (reason) return { path: path.join("."), reason };
    } else if (v && typeof v === "object") {
      for (const [key, child] of Object.entries(v)) {
        const reason = unstorableReason(key);
        if (reason) return { path: [...path, key].join("."), reason: `has a key that ${reason}` };
        stack.push({ value: child, path: [...path, key] });
      }
    }
  }
  return null;
}

const SQLSTATES = new Set(["22021", "22P05"]);

/** A database error caused by such text (input that reached a query some other way than the wrapper). */
export function isUnstorableTextError(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const e = current as { code?: unknown; originalCode?: unknown; cause?: unknown; meta?: { driverAdapterError?: { cause?: unknown } } };
    if ((typeof e.code === "string" && SQLSTATES.has(e.code)) || (typeof e.originalCode === "string" && SQLSTATES.has(e.originalCode))) return true;
    current = e.meta?.driverAdapterError?.cause ?? e.cause;
  }
  return false;
}
