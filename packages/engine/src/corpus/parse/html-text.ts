// HTML → readable plain text, shared by the .html and .docx parsers. Headings become Markdown `#`
// lines so the chunker can break and label chunks at them; tables become rows of `cell | cell` so
// their content survives (the original tool dropped .docx tables entirely).
import { compile, type FormatCallback, type SelectorDefinition } from "html-to-text";

type TDomNode = Parameters<FormatCallback>[0];

const MAX_HTML_CHARS = 64 * 1024 * 1024;

function cleanCell(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").replace(/\|/g, "/").trim();
}

const formatPipeTable: FormatCallback = (elem, walk, builder) => {
  builder.openTable();
  const walkTable = (node: TDomNode) => {
    if (node.type !== "tag") return;
    if (node.name === "thead" || node.name === "tbody" || node.name === "tfoot") return node.children.forEach(walkTable);
    if (node.name !== "tr") return;
    builder.openTableRow();
    for (const cell of node.children) {
      if (cell.type !== "tag" || (cell.name !== "td" && cell.name !== "th")) continue;
      builder.openTableCell();
      walk(cell.children, builder);
      builder.closeTableCell({ colspan: Number(cell.attribs?.colspan) || 1, rowspan: 1 });
    }
    builder.closeTableRow();
  };
  elem.children.forEach(walkTable);
  builder.closeTable({
    tableToString: (rows) =>
      rows
        .map((cells) => cells.map((c) => cleanCell(c.text)).join(" | "))
        .filter((line) => line.replace(/[\s|]/g, "") !== "")
        .join("\n"),
    leadingLineBreaks: 2,
    trailingLineBreaks: 2,
  });
};

function makeHeadingFormatter(level: number): FormatCallback {
  return (elem, walk, builder) => {
    builder.openBlock({ leadingLineBreaks: 2 });
    builder.addLiteral(`${"#".repeat(level)} `);
    walk(elem.children, builder);
    builder.closeBlock({ trailingLineBreaks: 2 });
  };
}

const SKIPPED = [
  ...["script", "style", "noscript", "template", "iframe", "svg", "canvas"],
  ...["nav", "footer", "header", "aside", "form", "button", "select"],
  ...["img", "picture", "video", "audio"],
];

const selectors: SelectorDefinition[] = [
  ...SKIPPED.map((selector) => ({ selector, format: "skip" })),
  { selector: "a", options: { ignoreHref: true } },
  { selector: "table", format: "pipeTable" },
  ...[1, 2, 3, 4, 5, 6].map((level) => ({ selector: `h${level}`, format: `heading${level}` })),
];

const convertHtml = compile({
  wordwrap: false,
  limits: { maxInputLength: MAX_HTML_CHARS },
  formatters: {
    pipeTable: formatPipeTable,
    ...Object.fromEntries([1, 2, 3, 4, 5, 6].map((level) => [`heading${level}`, makeHeadingFormatter(level)])),
  },
  selectors,
});

export function convertHtmlToText(html: string): { text: string; warnings: string[] } {
  const warnings = html.length > MAX_HTML_CHARS ? [`The HTML is longer than ${MAX_HTML_CHARS} characters; the rest was cut.`] : [];
  const text = convertHtml(html)
    .replace(/^#{1,6} *$/gm, "") // headings whose content was all images or links to nowhere
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return { text, warnings };
}

const convertInline = compile({ wordwrap: false, selectors: [{ selector: "a", options: { ignoreHref: true } }, { selector: "img", format: "skip" }] });

/** Text content of an HTML fragment (entities decoded, tags dropped), on one line. */
export function convertHtmlFragment(fragment: string): string {
  return convertInline(fragment).replace(/\s+/g, " ").trim();
}
