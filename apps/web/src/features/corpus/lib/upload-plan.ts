// Pure planning of an upload: which files go together in one request, and which are refused
// before sending (over the size limit, empty).

export interface TPickedFile {
  file: File;
  /** Relative path as picked ("economics/ch1/a.md" from a folder), or the bare file name. */
  path: string;
}

/** Files above this size, and archives, go alone so their progress is their own. */
export const SMALL_FILE_BYTES = 512 * 1024;
export const BATCH_MAX_FILES = 8;
export const BATCH_MAX_BYTES = 2 * 1024 * 1024;
export const UPLOAD_CONCURRENCY = 3;

const JSON_EXTENSIONS = new Set(["json", "jsonl", "ndjson"]);
export const ACCEPTED_EXTENSIONS = [".txt", ".text", ".md", ".markdown", ".pdf", ".docx", ".html", ".htm", ".json", ".jsonl", ".ndjson", ".zip"];

export function extensionOf(path: string): string {
  const name = path.split("/").pop() ?? path;
  return name.includes(".") ? name.split(".").pop()!.toLowerCase() : "";
}

export function isJsonPath(path: string): boolean {
  return JSON_EXTENSIONS.has(extensionOf(path));
}

/** Groups file indices into requests: big files and archives alone, small ones up to 8 / 2 MB together. */
export function planBatches(files: { size: number; path: string }[]): number[][] {
  const batches: number[][] = [];
  let current: number[] = [];
  let bytes = 0;
  const flush = () => {
    if (current.length) batches.push(current);
    current = [];
    bytes = 0;
  };
  files.forEach((file, index) => {
    if (file.size > SMALL_FILE_BYTES || extensionOf(file.path) === "zip") {
      batches.push([index]);
      return;
    }
    if (current.length >= BATCH_MAX_FILES || bytes + file.size > BATCH_MAX_BYTES) flush();
    current.push(index);
    bytes += file.size;
  });
  flush();
  return batches;
}

/** Why a file is refused before it is sent, or null. */
export function precheckFile(file: { size: number }, maxBytes: number | undefined): "payload_too_large" | "empty" | null {
  if (file.size === 0) return "empty";
  if (maxBytes !== undefined && file.size > maxBytes) return "payload_too_large";
  return null;
}

/** Splits a request's uploaded bytes over its files in order (the multipart body is sequential). */
export function distributeProgress(sizes: number[], loaded: number, total: number): number[] {
  const payload = sizes.reduce((sum, size) => sum + size, 0);
  // The body also holds part headers; scale so the files reach 1 when the request is fully sent.
  const sent = total > 0 ? (loaded / total) * payload : 0;
  let before = 0;
  return sizes.map((size) => {
    const start = before;
    before += size;
    if (size === 0) return sent >= start ? 1 : 0;
    return Math.min(1, Math.max(0, (sent - start) / size));
  });
}

/** Same rule as the server: lower-case letters/digits first, then letters, digits, spaces, & ( ) . , ' - (≤ 80). */
export const DISCIPLINE_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} &().,'-]{0,79}$/u;

export function normaliseDiscipline(value: string): { value: string | undefined; valid: boolean } {
  const trimmed = value.trim().toLowerCase();
  if (!trimmed) return { value: undefined, valid: true };
  return { value: trimmed, valid: DISCIPLINE_PATTERN.test(trimmed) };
}

export const JSON_FIELDS_PATTERN = /^[\w.[\]-]{1,200}$/;

export function normaliseJsonFields(value: string): { value: string | undefined; valid: boolean } {
  const paths = value.split(",").map((p) => p.trim()).filter(Boolean);
  if (paths.length === 0) return { value: undefined, valid: true };
  return { value: paths.join(","), valid: paths.length <= 20 && paths.every((p) => JSON_FIELDS_PATTERN.test(p)) };
}
