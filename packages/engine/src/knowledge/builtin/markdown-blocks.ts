// Cuts a chunk's Markdown into blocks (paragraphs, list items, glossary entries) of plain text for
// the tagger. Markup is REMOVED rather than blanked ("**neutrophile**s" must read "neutrophiles"),
// so every block keeps a map from its clean text back to chunk offsets: quotes stay exact.

export type TBlockKind = "paragraph" | "list-item";

export interface TSection {
  index: number;
  /** Heading text without markup; null for text before the chunk's first heading. */
  title: string | null;
  /** Learning objectives, exercises, notes, references: no assertions to extract. */
  skip: boolean;
  glossary: boolean;
}

export interface TBlock {
  kind: TBlockKind;
  section: number;
  /** 1-based position in a numbered list, else null. */
  ordinal: number | null;
  clean: string;
  /** Chunk offset of each clean character; a joining space maps to the line break it replaces. */
  map: Int32Array;
  /** Spans of bold text, in clean coordinates. */
  bold: { start: number; end: number }[];
  /** The chunk text (shared, not copied), to widen spans over emphasis markers. */
  source: string;
}

export interface TMarkdownLayout {
  sections: TSection[];
  blocks: TBlock[];
}

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/;
const FENCE = /^ {0,3}(```|~~~)/;
const LIST_ITEM = /^[ \t]*(?:([-*+])|(\d{1,3})[.)])[ \t]+/;
const PSEUDO_HEADING = /^\s*\*\*([^*\n]{2,80}?)\*\*\s*:?\s*$/;
const QUOTE_PREFIX = /^(?:[ \t]{0,3}>[ \t]?)+/;
const GLOSSARY_TITLE = /^(?:glossary|key terms|vocabulary|definitions|terms to know)$/i;
const SKIP_TITLE =
  /^(?:learning objectives?|check your understanding|notes?|references|bibliography|further reading|exercises|review questions|critical thinking questions|self-check questions|problems|answer key|footnotes)$/i;

/** Clean text of one line's inline Markdown, appended to `out`. */
function appendInline(line: string, lineStart: number, out: { chars: string[]; map: number[]; bold: { start: number; end: number }[] }): void {
  let boldStart = -1;
  let i = 0;
  const push = (ch: string, at: number): void => {
    out.chars.push(ch);
    out.map.push(at);
  };
  while (i < line.length) {
    const ch = line[i]!;
    const next = line[i + 1];
    if ((ch === "*" || ch === "_") && next === ch) {
      // Bold toggles; the emphasis markers themselves are dropped.
      if (boldStart < 0) boldStart = out.chars.length;
      else {
        if (out.chars.length > boldStart) out.bold.push({ start: boldStart, end: out.chars.length });
        boldStart = -1;
      }
      i += 2;
      continue;
    }
    if (ch === "*" || ch === "`") {
      const spacedBoth = /\s/.test(line[i - 1] ?? " ") && /\s/.test(next ?? " ");
      if (!spacedBoth || ch === "`") {
        i++;
        continue;
      }
    }
    if (ch === "_" && !(/[\p{L}\p{N}]/u.test(line[i - 1] ?? "") && /[\p{L}\p{N}]/u.test(next ?? ""))) {
      i++;
      continue;
    }
    if (ch === "\\" && next && /[!-/:-@[-`{-~]/.test(next)) {
      push(next, lineStart + i + 1);
      i += 2;
      continue;
    }
    if (ch === "$" && next && next !== "$" && !/\s/.test(next)) {
      // Inline maths ($…$, pandoc's rule: no space inside the delimiters, no digit after the
      // closing one) becomes one space: formulas are not prose to tag.
      const close = line.indexOf("$", i + 1);
      if (close > i + 1 && !/\s/.test(line[close - 1]!) && !/\d/.test(line[close + 1] ?? "")) {
        push(" ", lineStart + i);
        i = close + 1;
        continue;
      }
    }
    if (ch === "[") {
      const link = /^\[([^\]\n]*)\]\([^)\n]*\)/.exec(line.slice(i));
      if (link) {
        for (let k = 0; k < link[1]!.length; k++) push(link[1]![k]!, lineStart + i + 1 + k);
        i += link[0].length;
        continue;
      }
    }
    if (ch === "<") {
      const tag = /^<\/?[a-zA-Z][^>\n]*>/.exec(line.slice(i));
      if (tag) {
        i += tag[0].length;
        continue;
      }
    }
    push(ch, lineStart + i);
    i++;
  }
  if (boldStart >= 0 && out.chars.length > boldStart) out.bold.push({ start: boldStart, end: out.chars.length });
}

function stripMarkup(title: string): string {
  return title.replace(/[*_`]+/g, "").replace(/\\(.)/g, "$1").trim();
}

/** Splits a chunk into sections and blocks; display maths, tables, code and headings are not blocks. */
export function splitMarkdownBlocks(text: string): TMarkdownLayout {
  const sections: TSection[] = [{ index: 0, title: null, skip: false, glossary: false }];
  const blocks: TBlock[] = [];
  let current: { kind: TBlockKind; ordinal: number | null; chars: string[]; map: number[]; bold: { start: number; end: number }[] } | null = null;
  let inFence = false;
  let inDisplayMath = false;
  let outerSection: TSection | null = null;

  const flush = (): void => {
    if (current && current.chars.some((c) => /\S/.test(c))) {
      blocks.push({
        kind: current.kind,
        section: sections.length - 1,
        ordinal: current.ordinal,
        clean: current.chars.join(""),
        map: Int32Array.from(current.map),
        bold: current.bold,
        source: text,
      });
    }
    current = null;
  };

  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const raw = text.slice(lineStart, lineEnd).replace(/\r$/, "");
    const at = lineStart;
    lineStart = lineEnd + 1;

    if (FENCE.test(raw)) {
      flush();
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    const quote = QUOTE_PREFIX.exec(raw);
    const offset = quote ? quote[0].length : 0;
    const body = raw.slice(offset);
    if (/^\s*\$\$/.test(body)) {
      // A $$ line opens or closes display maths unless it also closes on the same line.
      const single = /^\s*\$\$.*\S.*\$\$\s*$/.test(body) && body.trim().length > 4;
      flush();
      if (!single) inDisplayMath = !inDisplayMath;
      continue;
    }
    if (inDisplayMath) continue;
    if (outerSection && !quote && body.trim()) {
      // The text after a quoted box ("> **Check Your Understanding**") is back in the outer section.
      flush();
      sections.push({ ...outerSection, index: sections.length });
      outerSection = null;
    }
    const heading = HEADING.exec(body);
    // A paragraph that is all bold ("**Learning Objectives**") works as a heading.
    const pseudo = heading ? null : PSEUDO_HEADING.exec(body);
    if (heading || pseudo) {
      flush();
      const title = stripMarkup((heading ? heading[2] : pseudo![1])!);
      if (quote && !outerSection) outerSection = sections[sections.length - 1]!;
      sections.push({ index: sections.length, title, skip: SKIP_TITLE.test(title), glossary: GLOSSARY_TITLE.test(title) });
      continue;
    }
    if (!body.trim() || /^\s*\|/.test(body) || /^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/.test(body)) {
      flush();
      continue;
    }
    const item = LIST_ITEM.exec(body);
    if (item) {
      flush();
      current = { kind: "list-item", ordinal: item[2] ? Number(item[2]) : null, chars: [], map: [], bold: [] };
      appendInline(body.slice(item[0].length), at + offset + item[0].length, current);
      continue;
    }
    if (current) {
      // A lazy continuation line joins its paragraph or list item.
      current.chars.push(" ");
      current.map.push(at - 1);
    } else current = { kind: "paragraph", ordinal: null, chars: [], map: [], bold: [] };
    appendInline(body, at + offset, current);
  }
  flush();
  return { sections, blocks };
}

const EMPHASIS = new Set(["*", "_", "`"]);

/** Chunk span of clean characters [from, to) of a block, widened over emphasis markers at its edges ("**term**: …"). */
export function mapSpan(block: TBlock, from: number, to: number): { start: number; end: number } {
  let start = block.map[from]!;
  let end = block.map[to - 1]! + 1;
  while (start > 0 && EMPHASIS.has(block.source[start - 1]!)) start--;
  while (end < block.source.length && EMPHASIS.has(block.source[end]!)) end++;
  return { start, end };
}
