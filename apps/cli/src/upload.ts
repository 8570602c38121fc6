// `proda upload <folder>`: every file under the folder (hidden ones skipped), sent in batches of
// multipart requests to the corpus route. The relative path goes as the part's file name, which the
// server only displays and reads a discipline from (its first folder); it never becomes a path.
import { openAsBlob } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { ApiClient } from "./client.ts";
import { usageError } from "./errors.ts";

export interface TLocalFile {
  /** Forward-slash path relative to the uploaded folder: "economics/supply.md". */
  name: string;
  file: string;
  size: number;
}

export async function listFiles(root: string): Promise<TLocalFile[]> {
  const info = await stat(root).catch(() => null);
  if (!info) throw usageError(`No such file or folder: ${root}`);
  if (info.isFile()) return [{ name: path.basename(root), file: root, size: info.size }];
  const out: TLocalFile[] = [];
  const walk = async (dir: string) => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) out.push({ name: path.relative(root, full).split(path.sep).join("/"), file: full, size: (await stat(full)).size });
    }
  };
  await walk(root);
  return out;
}

/** Groups files so that no request holds more than maxFiles files or (unless alone) maxBytes. */
export function batchFiles(files: TLocalFile[], maxFiles = 100, maxBytes = 64 * 1024 * 1024): TLocalFile[][] {
  const batches: TLocalFile[][] = [];
  let current: TLocalFile[] = [];
  let bytes = 0;
  for (const f of files) {
    if (current.length > 0 && (current.length >= maxFiles || bytes + f.size > maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(f);
    bytes += f.size;
  }
  if (current.length) batches.push(current);
  return batches;
}

export interface TUploadResult {
  name: string;
  status: "accepted" | "duplicate" | "rejected";
  documentId?: string;
  error?: { code: string; message: string };
}

export async function uploadBatch(
  client: ApiClient,
  projectId: string,
  files: TLocalFile[],
  options: { discipline?: string; process?: boolean },
): Promise<{ results: TUploadResult[]; jobId: string | null }> {
  const form = new FormData();
  // Fields first: the server applies them to the files that follow.
  if (options.discipline) form.append("discipline", options.discipline);
  for (const f of files) form.append("files", await openAsBlob(f.file), f.name);
  const response = await client.fetch(`/projects/${encodeURIComponent(projectId)}/corpus/documents`, {
    method: "POST",
    body: form,
    query: { process: options.process ? "true" : undefined },
  });
  return (await response.json()) as { results: TUploadResult[]; jobId: string | null };
}
