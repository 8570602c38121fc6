// What we keep of a client-supplied file name: only for display and to infer a discipline from a
// folder. It never becomes a path (storage is keyed by content hash).
const EXTENSIONS: Record<string, string> = {
  txt: "txt", text: "txt", md: "md", markdown: "md", pdf: "pdf", docx: "docx", html: "html", htm: "html",
  json: "json", jsonl: "jsonl", ndjson: "jsonl", zip: "zip",
};

export interface UploadName {
  /** The last path segment, cleaned: shown in the UI. */
  filename: string;
  /** The folders above it, as sent by a folder upload ("economics/ch1/a.md" → ["economics", "ch1"]). */
  folders: string[];
  /** Known format from the extension, or null. */
  format: string | null;
}

export function parseUploadName(raw: string): UploadName {
  const segments = raw
    .replace(/\\/g, "/")
    .split("/")
    .map((s) => s.replace(/[\u0000-\u001f\u007f]/g, "").trim())
    .filter((s) => s && s !== "." && s !== "..");
  const filename = (segments.pop() ?? "unnamed").slice(0, 255);
  const ext = filename.includes(".") ? filename.split(".").pop()!.toLowerCase() : "";
  return { filename, folders: segments.slice(0, 16), format: EXTENSIONS[ext] ?? null };
}

export const DISCIPLINE_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} &().,'-]{0,79}$/u;

/** "economics" from a folder upload, else null. */
export function disciplineFromFolders(folders: string[]): string | null {
  const first = folders[0]?.trim().toLowerCase();
  return first && DISCIPLINE_PATTERN.test(first) ? first : null;
}
