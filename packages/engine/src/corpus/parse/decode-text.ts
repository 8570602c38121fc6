// Bytes → text for the text-like formats. Uploads come from every kind of editor, so we detect the
// encoding instead of assuming UTF-8 (the original tool decoded UTF-8 "ignoring errors", silently
// turning Latin-1 files into mojibake) and refuse binary files that merely carry a text extension.
import { ParseError } from "../errors.ts";

export interface TDecodedText {
  text: string;
  encoding: string;
  warnings: string[];
}

// Magic numbers of binary formats people rename by mistake, so the message can say what the file is.
const MAGIC: { bytes: number[]; what: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: "a PNG image" },
  { bytes: [0xff, 0xd8, 0xff], what: "a JPEG image" },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: "a GIF image" },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: "a PDF (rename it to .pdf)" },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: "a ZIP archive or an Office document (.docx)" },
  { bytes: [0x1f, 0x8b], what: "a gzip archive" },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: "an executable" },
];

const SAMPLE_BYTES = 4096;

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

// UTF-16 without a BOM: mostly-ASCII text has a NUL in every other byte.
function sniffUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length, SAMPLE_BYTES) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const half = n / 2;
  if (oddZeros / half > 0.4 && evenZeros / half < 0.05) return "utf-16le";
  if (evenZeros / half > 0.4 && oddZeros / half < 0.05) return "utf-16be";
  return null;
}

function detectBom(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return "utf-8";
  if (startsWith(bytes, [0xff, 0xfe])) return "utf-16le";
  if (startsWith(bytes, [0xfe, 0xff])) return "utf-16be";
  return null;
}

// Windows-1252 differs from Latin-1 in 0x80–0x9F (curly quotes, dashes, €). Node 20's TextDecoder
// decodes "windows-1252" as plain Latin-1, so the range is mapped here (0 = unassigned, kept as is).
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = new TextDecoder("latin1").decode(bytes);
  return latin1.replace(/[\x80-\x9f]/g, (c) => {
    const mapped = CP1252_HIGH[c.charCodeAt(0) - 0x80]!;
    return mapped ? String.fromCharCode(mapped) : c;
  });
}

function decodeWith(encoding: string, bytes: Uint8Array, fatal = false): string {
  if (new TextDecoder(encoding).encoding === "windows-1252") return decodeWindows1252(bytes);
  // The BOM is stripped by TextDecoder itself (ignoreBOM defaults to false).
  return new TextDecoder(encoding, { fatal }).decode(bytes);
}

function isKnownEncoding(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

/** Share of characters that never occur in real text: NUL, C0/C1 controls other than whitespace, U+FFFD. */
export function measureBinaryShare(text: string): { nulShare: number; controlShare: number } {
  let nul = 0;
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) nul++;
    else if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 11) || (c >= 0x7f && c <= 0x9f) || c === 0xfffd) control++;
  }
  const n = Math.max(1, text.length);
  return { nulShare: nul / n, controlShare: (nul + control) / n };
}

export function assertNotBinary(text: string, filename: string): void {
  const { nulShare, controlShare } = measureBinaryShare(text);
  if (nulShare > 0.001 || controlShare > 0.05) {
    throw new ParseError("binary_content", `"${filename}" contains binary data, not text. Upload the original document instead.`, {
      controlShare: Number(controlShare.toFixed(4)),
    });
  }
}

/** CRLF/CR → LF and NFC, so offsets and hashes do not depend on the uploader's platform. */
export function normalizeText(text: string): string {
  const unified = text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
  return unified.normalize("NFC");
}

export function isBlank(text: string): boolean {
  return !/\S/.test(text);
}

/**
 * Decode the bytes of a text-like upload. `fallbackEncoding` (for example an HTML meta charset) is
 * used instead of Windows-1252 when the bytes are not valid UTF-8.
 */
export function decodeText(bytes: Uint8Array, filename: string, options: { fallbackEncoding?: string } = {}): TDecodedText {
  if (bytes.length === 0) throw new ParseError("empty", `"${filename}" is empty (0 bytes).`);
  const magic = MAGIC.find((m) => startsWith(bytes, m.bytes));
  if (magic) throw new ParseError("binary_content", `"${filename}" looks like ${magic.what}, not text.`);

  const warnings: string[] = [];
  let encoding = detectBom(bytes) ?? sniffUtf16(bytes);
  let text: string;
  if (encoding) {
    text = decodeWith(encoding, bytes);
  } else {
    try {
      text = decodeWith("utf-8", bytes, true);
      encoding = "utf-8";
    } catch {
      const fallback = options.fallbackEncoding && isKnownEncoding(options.fallbackEncoding) ? options.fallbackEncoding : "windows-1252";
      text = decodeWith(fallback, bytes);
      encoding = fallback;
      warnings.push(`The file is not valid UTF-8; it was read as ${fallback}. Check that accented characters look right.`);
    }
  }
  assertNotBinary(text, filename);
  text = normalizeText(text);
  if (isBlank(text)) throw new ParseError("empty", `"${filename}" contains only whitespace.`);
  return { text, encoding, warnings };
}
