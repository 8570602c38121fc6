// .docx through mammoth → HTML (keeps headings and tables, which raw-text extraction flattens or
// loses) → the shared HTML-to-text conversion.
import mammoth from "mammoth";
import { ParseError } from "../errors.ts";
import { isBlank } from "./decode-text.ts";
import { convertHtmlFragment, convertHtmlToText } from "./html-text.ts";
import type { TParsedDocument } from "./types.ts";

const MAX_WARNINGS = 5;

// Images are never needed as text; an empty src keeps mammoth from base64-encoding every picture.
const skipImages = mammoth.images.imgElement(async () => ({ src: "" }));

function summariseMessages(messages: { message: string }[]): string[] {
  const unique = [...new Set(messages.map((m) => m.message))];
  const shown = unique.slice(0, MAX_WARNINGS);
  if (unique.length > MAX_WARNINGS) shown.push(`…and ${unique.length - MAX_WARNINGS} more conversion warnings.`);
  return shown;
}

export async function parseDocx(bytes: Uint8Array, filename: string): Promise<TParsedDocument> {
  if (bytes.length === 0) throw new ParseError("empty", `"${filename}" is empty (0 bytes).`);
  const message = `"${filename}" is not a readable Word document (.docx). Open and re-save it in Word or LibreOffice, then upload it again.`;
  const corrupt = (detail: string) => new ParseError("corrupt_docx", message, { detail });
  // Old binary .doc files renamed to .docx start with the OLE signature, not a zip header.
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw corrupt("not a zip container");

  let html: string;
  let messages: { message: string }[];
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { convertImage: skipImages, externalFileAccess: false },
    );
    html = result.value;
    messages = result.messages;
  } catch (error) {
    throw corrupt(error instanceof Error ? error.message : String(error));
  }

  const { text, warnings } = convertHtmlToText(html);
  if (isBlank(text)) throw new ParseError("empty", `"${filename}" contains no text.`);
  const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(html)?.[1];
  const title = h1 ? convertHtmlFragment(h1) : "";
  return {
    format: "docx",
    text,
    metadata: {},
    ...(title ? { title } : {}),
    warnings: [...summariseMessages(messages), ...warnings],
  };
}
