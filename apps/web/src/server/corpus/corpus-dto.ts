// Corpus rows → API shapes (src/lib/api-types.ts).
import type { Chunk, Document } from "@proda/db";
import type { TChunkDto, TDocumentDto } from "@/lib/api-types";

export function toDocumentDto(d: Omit<Document, "text">, chunkCount: number, keptCount: number): TDocumentDto {
  const metadata = (d.metadata ?? {}) as Record<string, unknown>;
  return {
    id: d.id,
    filename: d.filename,
    path: typeof metadata.path === "string" ? metadata.path : d.filename,
    discipline: d.discipline,
    format: d.format,
    sizeBytes: d.sizeBytes,
    status: d.status,
    errorCode: d.errorCode,
    error: d.error,
    title: d.title,
    archiveId: d.archiveId,
    chunkCount,
    keptCount,
    createdAt: d.createdAt.toISOString(),
    parsedAt: d.parsedAt?.toISOString() ?? null,
  };
}

export type TDuplicateOrigin = TChunkDto["duplicateOf"];

export function toChunkDto(c: Omit<Chunk, "text" | "minhash">, duplicateOf: TDuplicateOrigin = null): TChunkDto {
  return {
    id: c.id,
    index: c.index,
    start: c.start,
    end: c.end,
    tokens: c.tokens,
    heading: c.heading,
    qualityScore: c.qualityScore,
    keep: c.keep,
    dropReason: c.dropReason,
    reasons: c.reasons as TChunkDto["reasons"],
    duplicateOfId: c.duplicateOfId,
    duplicateOf,
    similarity: c.similarity,
  };
}
