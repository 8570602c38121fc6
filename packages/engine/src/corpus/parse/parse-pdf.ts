// .pdf through unpdf (a serverless build of pdf.js). Text layer only: scanned pages have none, and
// we say so rather than returning an empty document.
import { extractText, getDocumentProxy } from "unpdf";
import { ParseError } from "../errors.ts";
import type { TParsedDocument } from "./types.ts";

// Below this many letters or digits per page on average, most pages are probably images.
const MIN_CHARS_PER_PAGE = 20;

function hasEncryptDictionary(bytes: Uint8Array): boolean {
  // /Encrypt sits in the trailer (or the xref stream dictionary) near the end of the file.
  const tail = new TextDecoder("latin1").decode(bytes.subarray(Math.max(0, bytes.length - 64 * 1024)));
  return tail.includes("/Encrypt");
}

function cleanPageText(text: string): string {
  return text
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function countAlnum(text: string): number {
  return text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
}

export async function parsePdf(bytes: Uint8Array, filename: string): Promise<TParsedDocument> {
  if (bytes.length === 0) throw new ParseError("empty", `"${filename}" is empty (0 bytes).`);
  const corrupt = (detail: string) =>
    new ParseError("corrupt_pdf", `"${filename}" is not a readable PDF (${detail}). Re-export or re-download it and upload it again.`);
  const header = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  if (!header.includes("%PDF-")) throw corrupt("no PDF header");

  let pages: string[];
  let info: Record<string, unknown> = {};
  try {
    // pdf.js takes ownership of (detaches) the buffer it is given, so hand it a copy.
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    try {
      info = ((await pdf.getMetadata().catch(() => null))?.info as Record<string, unknown> | undefined) ?? {};
      pages = (await extractText(pdf, { mergePages: false })).text;
    } finally {
      await pdf.destroy();
    }
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    if (name === "PasswordException" || (name !== "InvalidPDFException" && hasEncryptDictionary(bytes))) {
      throw new ParseError("encrypted_pdf", "The PDF is password-protected; remove the password and upload it again.");
    }
    throw corrupt(error instanceof Error ? error.message : String(error));
  }

  const cleaned = pages.map(cleanPageText);
  const text = cleaned.filter((page) => page !== "").join("\n\n");
  const letters = countAlnum(text);
  if (letters === 0) {
    const message = `"${filename}" has no text layer (it is probably scanned images). OCR is not supported: run it through an OCR tool first, then upload the result.`;
    throw new ParseError("no_text", message, { pages: pages.length });
  }
  const warnings: string[] = [];
  const emptyPages = cleaned.filter((page) => countAlnum(page) === 0).length;
  if (letters / pages.length < MIN_CHARS_PER_PAGE) {
    warnings.push(`Only ${letters} characters of text were found on ${pages.length} pages; the PDF is probably scanned. OCR is not supported.`);
  } else if (emptyPages > 0) {
    warnings.push(`${emptyPages} of ${pages.length} pages have no text layer (scanned or image-only pages are skipped).`);
  }
  const title = typeof info.Title === "string" ? info.Title.trim() : "";
  return {
    format: "pdf",
    text,
    metadata: { pages: pages.length, ...(typeof info.Author === "string" && info.Author.trim() ? { author: info.Author.trim() } : {}) },
    ...(title ? { title } : {}),
    warnings,
  };
}
