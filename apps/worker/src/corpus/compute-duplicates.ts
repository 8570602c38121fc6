// Walks every chunk of a project in a stable order (document upload order, then position), a page
// at a time, and decides for the chunks that passed the quality filter which are exact or near
// duplicates of an earlier kept chunk. Memory holds the hashes of kept chunks, never all rows.
import type { PrismaClient } from "@proda/db";
import { bufferToSignature, NearDuplicateFinder } from "@proda/engine";

export interface TChunkDecision {
  id: string;
  keep: boolean;
  dropReason: string | null;
  duplicateOfId: string | null;
  similarity: number | null;
}

interface Row {
  id: string;
  exactHash: string;
  minhash: Uint8Array;
  qualityKeep: boolean;
  reason: string | null;
  keep: boolean;
  dropReason: string | null;
  duplicateOfId: string | null;
  createdAt: Date;
  documentId: string;
  index: number;
}

const PAGE = 5000;

export interface TDuplicateCounts {
  chunks: number;
  exactDuplicates: number;
  nearDuplicates: number;
  changed: number;
}

/** Calls `apply` with the decisions that differ from what is stored, one page at a time. */
export async function computeDuplicates(
  prisma: PrismaClient,
  projectId: string,
  threshold: number,
  apply: (changed: TChunkDecision[], seen: number) => Promise<void>,
): Promise<TDuplicateCounts> {
  const firstByHash = new Map<string, string>();
  const finder = new NearDuplicateFinder<string>(threshold);
  const counts: TDuplicateCounts = { chunks: 0, exactDuplicates: 0, nearDuplicates: 0, changed: 0 };
  let after: { createdAt: Date; documentId: string; index: number } | null = null;
  for (;;) {
    const rows: Row[] = after
      ? await prisma.$queryRaw<Row[]>`
          SELECT c.id, c."exactHash", c.minhash, c."qualityKeep", c.keep, c."dropReason", c."duplicateOfId",
                 (c.reasons->0->>'code') AS reason, d."createdAt", d.id AS "documentId", c.index
          FROM "Chunk" c JOIN "Document" d ON d.id = c."documentId"
          WHERE c."projectId" = ${projectId} AND (d."createdAt", d.id, c.index) > (${after.createdAt}, ${after.documentId}, ${after.index})
          ORDER BY d."createdAt", d.id, c.index LIMIT ${PAGE}`
      : await prisma.$queryRaw<Row[]>`
          SELECT c.id, c."exactHash", c.minhash, c."qualityKeep", c.keep, c."dropReason", c."duplicateOfId",
                 (c.reasons->0->>'code') AS reason, d."createdAt", d.id AS "documentId", c.index
          FROM "Chunk" c JOIN "Document" d ON d.id = c."documentId"
          WHERE c."projectId" = ${projectId}
          ORDER BY d."createdAt", d.id, c.index LIMIT ${PAGE}`;
    if (rows.length === 0) return counts;
    const changed: TChunkDecision[] = [];
    for (const row of rows) {
      const decision = decide(row, firstByHash, finder);
      if (decision.dropReason === "exact_duplicate") counts.exactDuplicates++;
      if (decision.dropReason === "near_duplicate") counts.nearDuplicates++;
      if (decision.keep !== row.keep || decision.dropReason !== row.dropReason || decision.duplicateOfId !== row.duplicateOfId) {
        changed.push(decision);
      }
    }
    counts.chunks += rows.length;
    counts.changed += changed.length;
    await apply(changed, counts.chunks);
    const last = rows[rows.length - 1]!;
    after = { createdAt: last.createdAt, documentId: last.documentId, index: last.index };
  }
}

function decide(row: Row, firstByHash: Map<string, string>, finder: NearDuplicateFinder<string>): TChunkDecision {
  const drop = (dropReason: string, duplicateOfId: string | null = null, similarity: number | null = null) => ({
    id: row.id, keep: false, dropReason, duplicateOfId, similarity,
  });
  if (!row.qualityKeep) return drop(row.reason ?? "low_quality");
  const first = firstByHash.get(row.exactHash);
  if (first) return drop("exact_duplicate", first, 1);
  firstByHash.set(row.exactHash, row.id);
  const near = finder.check(row.id, bufferToSignature(row.minhash));
  if (near) return drop("near_duplicate", near.duplicateOf, near.similarity);
  return { id: row.id, keep: true, dropReason: null, duplicateOfId: null, similarity: null };
}
