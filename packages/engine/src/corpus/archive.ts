// Expands an uploaded .zip one entry at a time without writing anything to disk. Sizes in zip
// headers are attacker-controlled, so every limit is enforced on the bytes actually inflated and a
// violation aborts the whole archive (a zip bomb is not a "partly good" upload).
import yauzl, { type Entry, type ZipFile } from "yauzl";
import { z } from "zod";
import { ParseError } from "./errors.ts";
import { detectFormat, unsupportedTypeError } from "./parse/parse-document.ts";

export const ZZipLimits = z.object({
  maxEntries: z.number().int().positive().default(10_000),
  maxTotalBytes: z.number().int().positive().default(2 * 1024 ** 3),
  /** Uncompressed ÷ compressed, per entry and for the archive. Text rarely exceeds 20. */
  maxRatio: z.number().positive().default(100),
  maxEntryBytes: z.number().int().positive().default(256 * 1024 ** 2),
});
export type TZipLimits = z.infer<typeof ZZipLimits>;
export const DEFAULT_ZIP_LIMITS: TZipLimits = ZZipLimits.parse({});

export type TZipEntry = { name: string; bytes: Uint8Array } | { name: string; error: ParseError };

// Small files compress extremely well legitimately (a page of spaces); bombs need volume.
const RATIO_GRACE_BYTES = 1024 * 1024;
const NESTED_ARCHIVE = /\.(zip|7z|rar|tar|tgz|gz|bz2|xz|zst)$/i;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

function limitError(which: string, detail: string): ParseError {
  return new ParseError("zip_limits", `The archive exceeds the ${which} limit (${detail}); nothing from it was imported.`, { limit: which });
}

function corruptZip(detail: string): ParseError {
  return new ParseError("corrupt_zip", `The archive is not a readable .zip file (${detail}).`);
}

/** Why an entry name is unsafe to store or display as a path, or null when it is fine. */
export function checkEntryName(name: string): string | null {
  if (name.includes("\0")) return "it contains a NUL character";
  if (name.includes("\\")) return "it contains a backslash";
  if (name.startsWith("/")) return "it is an absolute path";
  if (/^[a-zA-Z]:/.test(name)) return "it starts with a drive letter";
  if (name.split("/").includes("..")) return "it climbs out of the archive with ..";
  return null;
}

// "./a.txt" and "a//b.txt" occur in archives made by scripts; callers get "a.txt" and "a/b.txt".
function normalizeEntryName(name: string): string {
  return name
    .split("/")
    .filter((segment) => segment !== "" && segment !== ".")
    .join("/");
}

function isIgnoredEntry(name: string): boolean {
  const segments = name.split("/");
  return segments[0] === "__MACOSX" || segments.some((segment) => segment.startsWith("."));
}

function isSymlink(entry: Entry): boolean {
  return ((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK;
}

/** Why a safely named entry is not read, or null when it should be read. */
function classifyEntry(name: string, entry: Entry): ParseError | null {
  if (isSymlink(entry)) return new ParseError("unsupported_type", `"${name}" is a symbolic link; links are not followed.`);
  if (NESTED_ARCHIVE.test(name)) {
    return new ParseError("unsupported_type", `"${name}" is an archive inside the archive; nested archives are not expanded. Upload it on its own.`);
  }
  if (entry.isEncrypted()) return new ParseError("encrypted_entry", `"${name}" is password-protected inside the archive.`);
  if (!detectFormat(name)) return unsupportedTypeError(name);
  return null;
}

interface TCounters {
  totalBytes: number;
  totalCompressed: number;
}

async function readEntryBytes(zip: ZipFile, entry: Entry, name: string, limits: TZipLimits, counters: TCounters): Promise<Uint8Array> {
  let stream;
  try {
    stream = await zip.openReadStreamPromise(entry);
  } catch (error) {
    throw corruptZip(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const chunks: Buffer[] = [];
  let bytes = 0;
  const compressed = Math.max(1, entry.compressedSize);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      const total = counters.totalBytes + bytes;
      if (bytes > limits.maxEntryBytes) throw limitError("per-file size", `"${name}" inflates past ${limits.maxEntryBytes} bytes`);
      if (total > limits.maxTotalBytes) throw limitError("total size", `more than ${limits.maxTotalBytes} bytes uncompressed`);
      if (bytes > RATIO_GRACE_BYTES && bytes / compressed > limits.maxRatio) {
        throw limitError("compression ratio", `"${name}" inflates more than ${limits.maxRatio}× its compressed size`);
      }
      if (total > RATIO_GRACE_BYTES && total / (counters.totalCompressed + compressed) > limits.maxRatio) {
        throw limitError("compression ratio", `the archive inflates more than ${limits.maxRatio}× its compressed size`);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    stream.destroy();
    if (error instanceof ParseError) throw error;
    throw corruptZip(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  counters.totalBytes += bytes;
  counters.totalCompressed += compressed;
  const joined = Buffer.concat(chunks, bytes);
  return new Uint8Array(joined.buffer, joined.byteOffset, joined.byteLength);
}

/**
 * Yields each file of the zip at `path` as bytes, or as a per-entry error (unsafe name, unsupported
 * type, nested archive, encrypted entry). Directories, `__MACOSX/` and dot-files are skipped
 * silently; names lose `.` and empty segments. Throws ParseError `zip_limits` or `corrupt_zip`
 * for the archive as a whole.
 */
export async function* expandZip(path: string, limits: Partial<TZipLimits> = {}): AsyncGenerator<TZipEntry> {
  const effective = ZZipLimits.parse(limits);
  let zip: ZipFile;
  try {
    // decodeStrings: false so that one bad name becomes one entry error instead of aborting the archive.
    zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true });
  } catch (error) {
    throw corruptZip(error instanceof Error ? error.message : String(error));
  }
  try {
    if (zip.entryCount > effective.maxEntries) throw limitError("entry count", `${zip.entryCount} entries, at most ${effective.maxEntries}`);
    const counters: TCounters = { totalBytes: 0, totalCompressed: 0 };
    const entries = zip.eachEntry();
    while (true) {
      let next: IteratorResult<Entry>;
      try {
        next = await entries.next();
      } catch (error) {
        throw corruptZip(error instanceof Error ? error.message : String(error));
      }
      if (next.done) break;
      const entry = next.value;
      const rawName = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
      const unsafe = checkEntryName(rawName);
      if (unsafe) {
        yield { name: rawName, error: new ParseError("unsafe_entry_name", `"${rawName}" was skipped: ${unsafe}.`) };
        continue;
      }
      if (rawName.endsWith("/")) continue;
      const name = normalizeEntryName(rawName);
      if (isIgnoredEntry(name)) continue;
      const skip = classifyEntry(name, entry);
      if (skip) {
        yield { name, error: skip };
        continue;
      }
      // The header is only trusted to fail early; the real check happens while inflating.
      if (entry.uncompressedSize > effective.maxEntryBytes) {
        throw limitError("per-file size", `"${name}" declares ${entry.uncompressedSize} bytes, at most ${effective.maxEntryBytes}`);
      }
      const bytes = await readEntryBytes(zip, entry, name, effective, counters);
      yield { name, bytes };
    }
  } finally {
    zip.close();
  }
}
