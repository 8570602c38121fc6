// Where a JSON text first goes wrong. V8's JSON.parse messages only sometimes carry a position,
// and a person fixing a 50 MB export needs the line; this scanner runs only after JSON.parse failed.

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;

function skipString(text: string, start: number): number {
  // Returns the offset after the closing quote, or -(offset of the problem) - 1.
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 34) return i + 1;
    if (c === 92) i += 2;
    else if (c < 0x20) return -i - 1;
    else i++;
  }
  return -i - 1;
}

function matchAt(pattern: RegExp, text: string, at: number): number {
  pattern.lastIndex = at;
  return pattern.test(text) ? pattern.lastIndex : -1;
}

/** Offset of the first syntax error, or null when the text is valid JSON. */
export function findJsonErrorOffset(text: string): number | null {
  const stack: string[] = [];
  let state: "value" | "afterValue" | "key" | "colon" = "value";
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (i >= text.length) return state === "afterValue" && stack.length === 0 ? null : i;
    const c = text[i]!;
    if (state === "value") {
      if (c === "{" || c === "[") {
        stack.push(c);
        i++;
        while (i < text.length && /\s/.test(text[i]!)) i++;
        if (text[i] === (c === "{" ? "}" : "]")) {
          stack.pop();
          i++;
          state = "afterValue";
        } else state = c === "{" ? "key" : "value";
        continue;
      }
      const end = c === '"' ? skipString(text, i) : Math.max(matchAt(NUMBER, text, i), matchAt(LITERAL, text, i));
      if (end < 0) return c === '"' ? -end - 1 : i;
      i = end;
      state = "afterValue";
    } else if (state === "key") {
      if (c !== '"') return i;
      const end = skipString(text, i);
      if (end < 0) return -end - 1;
      i = end;
      state = "colon";
    } else if (state === "colon") {
      if (c !== ":") return i;
      i++;
      state = "value";
    } else {
      const top = stack[stack.length - 1];
      if (top === undefined) return i;
      if (c === ",") {
        i++;
        state = top === "{" ? "key" : "value";
      } else if ((c === "}" && top === "{") || (c === "]" && top === "[")) {
        stack.pop();
        i++;
      } else return i;
    }
  }
}
