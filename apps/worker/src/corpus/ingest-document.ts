// One document: bytes → parsed text → chunks, each scored by the quality filter and hashed for
// deduplication → rows. Re-running it replaces the document's chunks (idempotent).
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
    prisma.chunk.createMany({ data: rows }),
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
