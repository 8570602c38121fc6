// Content-addressed file storage: a file's key is the SHA-256 of its bytes, so identical files are
// stored once and no name from a request ever becomes a path. Root: PRODA_DATA_DIR.
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Transform } from "node:stream";
import { AppError } from "./errors.ts";

const KEY = /^[0-9a-f]{64}$/;

export function dataDir(): string {
  // Configured at run time, outside the app: tell the bundler not to trace it.
  return path.resolve(/*turbopackIgnore: true*/ process.env.PRODA_DATA_DIR ?? path.join(homedir(), ".proda", "data"));
}

export function blobPath(key: string): string {
  if (!KEY.test(key)) throw new Error(`Invalid blob key ${JSON.stringify(key)}`);
  return path.join(dataDir(), "blobs", key.slice(0, 2), key);
}

export interface StoredBlob {
  key: string;
  sizeBytes: number;
}

async function commit(tmp: string, key: string): Promise<void> {
  const target = blobPath(key);
  await mkdir(path.dirname(target), { recursive: true });
  const exists = await stat(target).then(() => true, () => false);
  if (exists) await rm(tmp, { force: true });
  else await rename(tmp, target);
}

async function tempPath(): Promise<string> {
  const dir = path.join(dataDir(), "tmp");
  await mkdir(dir, { recursive: true });
  return path.join(dir, randomBytes(12).toString("hex"));
}

/**
 * Streams to a temporary file while hashing and counting, then moves it into place. Over `maxBytes`
 * the partial file is removed and a payload_too_large AppError is thrown; the source stream is left
 * to the caller (drain it to go on with the next part of a multipart body).
 */
export async function writeBlobFromStream(source: Readable, maxBytes: number): Promise<StoredBlob> {
  const tmp = await tempPath();
  const hash = createHash("sha256");
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > maxBytes) return done(new AppError("payload_too_large", `The file is larger than the limit of ${formatBytes(maxBytes)}`));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(source, meter, createWriteStream(tmp));
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
  const key = hash.digest("hex");
  await commit(tmp, key);
  return { key, sizeBytes: size };
}

export async function writeBlob(bytes: Uint8Array): Promise<StoredBlob> {
  const key = createHash("sha256").update(bytes).digest("hex");
  const target = blobPath(key);
  if (!(await stat(target).then(() => true, () => false))) {
    const tmp = await tempPath();
    await writeFile(tmp, bytes);
    await commit(tmp, key);
  }
  return { key, sizeBytes: bytes.length };
}

export function readBlob(key: string): Promise<Buffer> {
  return readFile(blobPath(key));
}

export function openBlob(key: string): Readable {
  return createReadStream(blobPath(key));
}

export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(0)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${n} B`;
}
