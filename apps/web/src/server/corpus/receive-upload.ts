// Streams a multipart upload to content-addressed storage, one file at a time, never buffering a
// file whole. Each file gets its own result; one bad file does not stop the others.
import { Readable } from "node:stream";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import busboy from "busboy";
import { AppError } from "@proda/core";
import { writeBlobFromStream } from "@proda/core/server";
import { getPrisma, Prisma } from "@proda/db";
import { DISCIPLINE_PATTERN, disciplineFromFolders, parseUploadName } from "./upload-names.ts";

export interface UploadResult {
  name: string;
  status: "accepted" | "duplicate" | "rejected";
  documentId?: string;
  error?: { code: string; message: string };
}

export interface UploadLimits {
  maxFileBytes: number;
  maxFiles: number;
}

interface Fields {
  discipline?: string;
  jsonTextFields?: string[];
}

async function storeFile(
  projectId: string,
  userId: string,
  rawName: string,
  stream: Readable,
  fields: Fields,
  limits: UploadLimits,
  /** Resolves when the files before this one are registered: the first of two identical files wins. */
  turn: Promise<unknown>,
): Promise<UploadResult> {
  const name = parseUploadName(rawName);
  if (!name.format) {
    stream.resume();
    return {
      name: name.filename, status: "rejected",
      error: { code: "unsupported_type", message: "Unsupported file type; use .txt, .md, .pdf, .docx, .html, .json, .jsonl or .zip" },
    };
  }
  let blob;
  try {
    blob = await writeBlobFromStream(stream, limits.maxFileBytes);
  } catch (error) {
    stream.resume();
    if (error instanceof AppError) return { name: name.filename, status: "rejected", error: { code: error.code, message: error.message } };
    throw error;
  }
  if (blob.sizeBytes === 0) return { name: name.filename, status: "rejected", error: { code: "empty", message: "The file is empty (0 bytes)" } };
  await turn;

  const prisma = getPrisma();
  const existing = await prisma.document.findUnique({ where: { projectId_contentHash: { projectId, contentHash: blob.key } } });
  if (existing) return { name: name.filename, status: "duplicate", documentId: existing.id };

  const folderDiscipline = disciplineFromFolders(name.folders);
  const discipline = fields.discipline ?? folderDiscipline ?? "general";
  const disciplineSource = fields.discipline ? "user" : folderDiscipline ? "folder" : "default";
  try {
    const document = await prisma.document.create({
      data: {
        projectId, uploadedById: userId, discipline, filename: name.filename, format: name.format,
        sizeBytes: blob.sizeBytes, contentHash: blob.key, storageKey: blob.key,
        metadata: { path: [...name.folders, name.filename].join("/"), disciplineSource },
        parseOptions: fields.jsonTextFields ? { jsonTextFields: fields.jsonTextFields } : {},
      },
    });
    return { name: name.filename, status: "accepted", documentId: document.id };
  } catch (error) {
    // The same bytes uploaded twice at once: the other request stored it.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const other = await prisma.document.findUnique({ where: { projectId_contentHash: { projectId, contentHash: blob.key } } });
      return { name: name.filename, status: "duplicate", documentId: other?.id };
    }
    throw error;
  }
}

function readField(fields: Fields, name: string, value: string) {
  if (name === "discipline" && value.trim()) {
    const discipline = value.trim().toLowerCase();
    if (!DISCIPLINE_PATTERN.test(discipline)) throw new AppError("validation_failed", "A discipline is 1–80 letters, digits, spaces or & ( ) . , ' -");
    fields.discipline = discipline;
  }
  if (name === "jsonTextFields" && value.trim()) {
    const paths = value.split(",").map((p) => p.trim()).filter(Boolean);
    if (paths.length > 20 || paths.some((p) => !/^[\w.[\]-]{1,200}$/.test(p))) {
      throw new AppError("validation_failed", "jsonTextFields: up to 20 comma-separated dot paths such as body.text");
    }
    fields.jsonTextFields = paths;
  }
}

/** Fields must come before the files in the form (browsers keep the order they were appended). */
export async function receiveUpload(req: Request, projectId: string, userId: string, limits: UploadLimits): Promise<UploadResult[]> {
  const type = req.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data") || !req.body) {
    throw new AppError("bad_request", "Send the files as multipart/form-data (field name: files)");
  }
  const fields: Fields = {};
  const pending: Promise<UploadResult>[] = [];
  let fileCount = 0;
  let fieldError: AppError | undefined;
  let overLimit = false;

  const fileStreams: Readable[] = [];
  const received = new Promise<void>((resolve, reject) => {
    const parser = busboy({
      headers: { "content-type": type },
      preservePath: true,
      limits: { files: limits.maxFiles, fields: 20, fieldSize: 10_000, parts: limits.maxFiles + 20 },
    });
    parser.on("field", (name, value) => {
      try {
        readField(fields, name, value);
      } catch (error) {
        fieldError = error as AppError;
      }
    });
    parser.on("file", (_field, stream, info) => {
      fileCount++;
      fileStreams.push(stream);
      // A body that breaks off errors the part being read, possibly before storeFile (waiting for
      // its turn) reads it; storeFile sees the error then, and it must not be an uncaught one now.
      stream.on("error", () => {});
      if (fieldError) {
        stream.resume();
        return;
      }
      const turn = Promise.allSettled(pending);
      pending.push(storeFile(projectId, userId, info.filename ?? "unnamed", stream, { ...fields }, limits, turn));
    });
    parser.on("filesLimit", () => (overLimit = true));
    // busboy's errors are about the body the client sent (a malformed part header, a cut-off
    // part): a 400 that says so, not a 500.
    parser.on("error", (error: Error) => reject(new AppError("bad_request", `The multipart body could not be read: ${error.message}`)));
    parser.on("close", resolve);
    const interrupted = () => {
      reject(new AppError("bad_request", "The upload was interrupted before the body ended"));
      // The part being received will never end: its file is refused, not waited for.
      for (const stream of fileStreams) if (!stream.readableEnded) stream.destroy(new Error("The upload was interrupted"));
    };
    Readable.fromWeb(req.body as unknown as NodeWebStream).on("error", interrupted).pipe(parser);
  });
  try {
    await received;
  } catch (error) {
    // Files whose parts arrived whole are stored (or refused) before the answer, not behind it.
    await Promise.allSettled(pending);
    throw error;
  }
  const results = await Promise.all(pending);
  if (fieldError) throw fieldError;
  if (overLimit) {
    results.push({
      name: `files after the first ${limits.maxFiles}`, status: "rejected",
      error: { code: "too_many_files", message: `At most ${limits.maxFiles} files per request; send the rest in another` },
    });
  }
  if (fileCount === 0) throw new AppError("bad_request", "No files in the upload (field name: files)");
  return results;
}
