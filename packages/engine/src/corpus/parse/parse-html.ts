// .html/.htm: honour a declared charset when the bytes are not UTF-8, drop page chrome (navigation,
// header, footer, scripts), keep headings and tables.
import { ParseError } from "../errors.ts";
import { decodeText, isBlank } from "./decode-text.ts";
import { convertHtmlFragment, convertHtmlToText } from "./html-text.ts";
import type { TParsedDocument } from "./types.ts";

function sniffDeclaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 2048));
  return /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
}

export function findHtmlTitle(html: string): string | undefined {
  for (const pattern of [/<title[^>]*>([\s\S]*?)<\/title>/i, /<h1[^>]*>([\s\S]*?)<\/h1>/i]) {
    const inner = pattern.exec(html)?.[1];
    const title = inner ? convertHtmlFragment(inner) : "";
    if (title) return title;
  }
  return undefined;
}

export function parseHtml(bytes: Uint8Array, filename: string): TParsedDocument {
  const declared = sniffDeclaredCharset(bytes);
  const decoded = decodeText(bytes, filename, declared ? { fallbackEncoding: declared } : {});
  const { text, warnings } = convertHtmlToText(decoded.text);
  if (isBlank(text)) throw new ParseError("no_text", `"${filename}" has no readable text once markup, scripts and navigation are removed.`);
  const title = findHtmlTitle(decoded.text);
  return {
    format: "html",
    text,
    metadata: { encoding: decoded.encoding },
    ...(title ? { title } : {}),
    warnings: [...decoded.warnings, ...warnings],
  };
}
