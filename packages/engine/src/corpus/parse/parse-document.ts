// The single entry for turning an upload into text: pick the parser by extension, then apply the
// checks every format shares. Bad input throws a ParseError with a message meant for the uploader.
import { ParseError } from "../errors.ts";
import { isBlank } from "./decode-text.ts";
import { parseDocx } from "./parse-docx.ts";
import { parseHtml } from "./parse-html.ts";
import { parseJson } from "./parse-json.ts";
import { parsePdf } from "./parse-pdf.ts";
import { parseMarkdown, parseTxt } from "./parse-text.ts";
import type { TDocumentFormat, TParsedDocument, TParseInput } from "./types.ts";

const FORMAT_BY_EXTENSION = {
  ".txt": "txt",
  ".text": "txt",
  ".md": "md",
  ".markdown": "md",
  ".pdf": "pdf",
  ".docx": "docx",
  ".html": "html",
  ".htm": "html",
  ".json": "json",
  ".jsonl": "jsonl",
} as const satisfies Record<string, TDocumentFormat>;

export type TSupportedExtension = keyof typeof FORMAT_BY_EXTENSION;
export const SUPPORTED_EXTENSIONS = Object.keys(FORMAT_BY_EXTENSION) as TSupportedExtension[];

export function getExtension(filename: string): string {
  const base = filename.split(/[\\/]/).pop() ?? filename;
  const dot = base.lastIndexOf(".");
  return dot <= 0 ? "" : base.slice(dot).toLowerCase();
}

/** The format a file name maps to, or null when the extension is not supported. */
export function detectFormat(filename: string): TDocumentFormat | null {
  const extension = getExtension(filename);
  return Object.hasOwn(FORMAT_BY_EXTENSION, extension) ? FORMAT_BY_EXTENSION[extension as TSupportedExtension] : null;
}

export function unsupportedTypeError(filename: string): ParseError {
  const extension = getExtension(filename) || "(none)";
  return new ParseError("unsupported_type", `"${filename}" has an unsupported type ${extension}. Supported: ${SUPPORTED_EXTENSIONS.join(", ")}.`, {
    extension,
  });
}

async function parseByFormat(format: TDocumentFormat, input: TParseInput): Promise<TParsedDocument> {
  const { bytes, filename } = input;
  switch (format) {
    case "txt":
      return parseTxt(bytes, filename);
    case "md":
      return parseMarkdown(bytes, filename);
    case "pdf":
      return parsePdf(bytes, filename);
    case "docx":
      return parseDocx(bytes, filename);
    case "html":
      return parseHtml(bytes, filename);
    case "json":
    case "jsonl":
      return parseJson(bytes, filename, format, input.options?.jsonTextFields);
  }
}

export async function parseDocument(input: TParseInput): Promise<TParsedDocument> {
  const format = detectFormat(input.filename);
  if (!format) throw unsupportedTypeError(input.filename);
  if (input.bytes.length === 0) throw new ParseError("empty", `"${input.filename}" is empty (0 bytes).`);
  const parsed = await parseByFormat(format, input);
  if (isBlank(parsed.text)) throw new ParseError("empty", `"${input.filename}" contains no text.`);
  return parsed;
}
