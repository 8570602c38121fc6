// ATX headings (`# Title`) outside fenced code, with the heading path ("Chapter > Section") each one
// opens. The HTML and DOCX parsers emit headings in this form too, so every format gets them.

export interface THeadingLine {
  /** Offset of the first `#`. */
  pos: number;
  /** Offset of the end of the heading line (the `\n` or the end of the text). */
  lineEnd: number;
  level: number;
  title: string;
  /** Titles of this heading and its ancestors, outermost first, joined by " > ". */
  path: string;
}

const HEADING = /^( {0,3})(#{1,6})[ \t]+(.*?)[ \t]*(?:[ \t]#+)?[ \t]*$/;
const FENCE = /^ {0,3}(```|~~~)/;

function cleanTitle(raw: string): string {
  return raw.replace(/^[*_]+|[*_]+$/g, "").replace(/\s+/g, " ").trim();
}

export function findHeadings(text: string): THeadingLine[] {
  const headings: THeadingLine[] = [];
  const stack: { level: number; title: string }[] = [];
  let inFence = false;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    // Cheap first-character test keeps the regexes off the vast majority of lines.
    let first = lineStart;
    while (first < lineEnd && first - lineStart < 4 && text.charCodeAt(first) === 32) first++;
    const c = text.charCodeAt(first);
    if (c === 96 /* ` */ || c === 126 /* ~ */) {
      if (FENCE.test(text.slice(lineStart, Math.min(lineEnd, lineStart + 8)))) inFence = !inFence;
    } else if (c === 35 /* # */ && !inFence) {
      const match = HEADING.exec(text.slice(lineStart, lineEnd));
      const title = match ? cleanTitle(match[3]!) : "";
      if (match && title) {
        const level = match[2]!.length;
        while (stack.length > 0 && stack[stack.length - 1]!.level >= level) stack.pop();
        stack.push({ level, title });
        headings.push({ pos: lineStart + match[1]!.length, lineEnd, level, title, path: stack.map((h) => h.title).join(" > ") });
      }
    }
    lineStart = lineEnd + 1;
  }
  return headings;
}
