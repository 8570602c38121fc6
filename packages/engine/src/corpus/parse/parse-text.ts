// .txt and .md. Markdown stays Markdown (headings drive chunking); only the YAML front matter is
// lifted out into metadata so "title: …" lines do not end up in chunks.
import { parse as parseYaml } from "yaml";
import { decodeText } from "./decode-text.ts";
import type { TParsedDocument } from "./types.ts";

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;
const ATX_HEADING = /^ {0,3}#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$/m;

export function parseTxt(bytes: Uint8Array, filename: string): TParsedDocument {
  const { text, encoding, warnings } = decodeText(bytes, filename);
  return { format: "txt", text, metadata: { encoding }, warnings };
}

export function splitFrontMatter(text: string): { body: string; frontMatter: Record<string, unknown>; warnings: string[] } {
  const match = FRONT_MATTER.exec(text);
  if (!match) return { body: text, frontMatter: {}, warnings: [] };
  try {
    const parsed: unknown = parseYaml(match[1]!);
    if (parsed === null || parsed === undefined) return { body: text.slice(match[0].length), frontMatter: {}, warnings: [] };
    if (typeof parsed !== "object" || Array.isArray(parsed)) {
      return { body: text, frontMatter: {}, warnings: ["The front matter is not a key/value map; it was kept as text."] };
    }
    return { body: text.slice(match[0].length), frontMatter: parsed as Record<string, unknown>, warnings: [] };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return { body: text, frontMatter: {}, warnings: [`The YAML front matter could not be read (${reason}); it was kept as text.`] };
  }
}

export function findFirstHeading(markdown: string): string | undefined {
  return ATX_HEADING.exec(markdown)?.[1]?.trim() || undefined;
}

export function parseMarkdown(bytes: Uint8Array, filename: string): TParsedDocument {
  const decoded = decodeText(bytes, filename);
  const { body, frontMatter, warnings } = splitFrontMatter(decoded.text);
  const fmTitle = typeof frontMatter.title === "string" && frontMatter.title.trim() ? frontMatter.title.trim() : undefined;
  // A front matter-only file has nothing to chunk; report it like any empty document.
  const text = body.replace(/^\s*\n/, "");
  const title = fmTitle ?? findFirstHeading(text);
  return {
    format: "md",
    text,
    metadata: { ...frontMatter, encoding: decoded.encoding },
    ...(title ? { title } : {}),
    warnings: [...decoded.warnings, ...warnings],
  };
}
