// One document: bytes → parsed text → chunks, each scored by the quality filter and hashed for
// deduplication → rows. Re-running it replaces the document's chunks (idempotent).
import { randomBytes } from "node:crypto";
import { readBlob } from "@proda/core/server";
import type { Document, Prisma, PrismaClient } from "@proda/db";
import {
  chunkDocument, computeMinHash, exactHash, isParseError, parseDocument, scoreChunk, signatureToBuffer, type TCorpusSettings,
} from "@proda/engine";

const DISCIPLINE_KEYS = ["discipline", "subject"];

/** A discipline named in front matter replaces the default one, never the user's or a folder's. */
function disciplineFrom(doc: Document, metadata: Record<string, unknown>): string {
  const source = (doc.metadata as Record<string, unknown>)?.disciplineSource;
  if (source !== "default") return doc.discipline;
  for (const key of DISCIPLINE_KEYS) {
    const value = metadata[key];
    if (typeof value === "string" && value.trim()) return value.trim().toLowerCase().slice(0, 80);
  }
  return doc.discipline;
}

const cuid = () => `c${randomBytes(12).toString("base64url")}`;

/**
 * One INSERT … SELECT FROM unnest(arrays) for all of a document's chunks: a thousand rows of text
 * and signatures go in one statement, several times faster than createMany through the ORM.
 */
function insertChunks(prisma: PrismaClient, rows: Prisma.ChunkCreateManyInput[]) {
  const col = <T>(pick: (r: Prisma.ChunkCreateManyInput) => T) => rows.map(pick);
  return prisma.$executeRawUnsafe(
    `INSERT INTO "Chunk" (id, "projectId", "documentId", index, start, "end", text, tokens, heading, "qualityScore",
       "qualityKeep", keep, "dropReason", reasons, "exactHash", minhash)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[], $6::int[], $7::text[], $8::int[], $9::text[],
       $10::float8[], $11::bool[], $12::bool[], $13::text[], $14::jsonb[], $15::text[], $16::bytea[])`,
    col(() => cuid()), col((r) => r.projectId), col((r) => r.documentId), col((r) => r.index), col((r) => r.start), col((r) => r.end),
    col((r) => r.text), col((r) => r.tokens), col((r) => r.heading ?? null), col((r) => r.qualityScore), col((r) => r.qualityKeep),
    col((r) => r.keep), col((r) => r.dropReason ?? null), col((r) => JSON.stringify(r.reasons ?? [])), col((r) => r.exactHash),
    col((r) => Buffer.from(r.minhash as Uint8Array)),
  );
}

export async function ingestDocument(prisma: PrismaClient, doc: Document, settings: TCorpusSettings): Promise<"parsed" | "failed"> {
  let parsed;
  try {
    const bytes = await readBlob(doc.storageKey);
    parsed = await parseDocument({ bytes, filename: doc.filename, options: doc.parseOptions as { jsonTextFields?: string[] } });
  } catch (error) {
    if (!isParseError(error)) throw error;
    await prisma.document.update({
      where: { id: doc.id },
      data: { status: "failed", errorCode: error.code, error: error.message, parsedAt: new Date() },
    });
    return "failed";
  }

  const chunks = chunkDocument(parsed.text, { targetTokens: settings.chunkTokens, overlapTokens: settings.overlapTokens });
  const rows: Prisma.ChunkCreateManyInput[] = chunks.map((chunk) => {
    const quality = scoreChunk(chunk.text, settings.quality);
    const dropReason = quality.keep ? null : (quality.reasons[0]?.code ?? "low_quality");
    return {
      projectId: doc.projectId, documentId: doc.id, index: chunk.index, start: chunk.start, end: chunk.end,
      text: chunk.text, tokens: chunk.tokens, heading: chunk.heading,
      qualityScore: quality.score, qualityKeep: quality.keep, keep: quality.keep, dropReason,
      reasons: quality.reasons as unknown as Prisma.InputJsonValue,
      exactHash: exactHash(chunk.text),
      minhash: new Uint8Array(signatureToBuffer(computeMinHash(chunk.text))),
    };
  });
  const metadata = { ...(doc.metadata as object), ...parsed.metadata, warnings: parsed.warnings };
  await prisma.$transaction([
    prisma.chunk.deleteMany({ where: { documentId: doc.id } }),
    insertChunks(prisma, rows),
    prisma.document.update({
      where: { id: doc.id },
      data: {
        status: "parsed", errorCode: null, error: null, parsedAt: new Date(), text: parsed.text, charCount: parsed.text.length,
        title: parsed.title?.slice(0, 500) ?? null, metadata: metadata as Prisma.InputJsonValue,
        discipline: disciplineFrom(doc, parsed.metadata),
      },
    }),
  ]);
  return "parsed";
}
