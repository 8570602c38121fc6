// Reads every chunk's hashes in a stable order and decides, for the chunks that passed the quality
// filter, which are exact or near duplicates of an earlier kept chunk.
import type { PrismaClient } from "@proda/db";
import { bufferToSignature, findNearDuplicates } from "@proda/engine";

export interface TChunkDecision {
  id: string;
  keep: boolean;
  dropReason: string | null;
  duplicateOfId: string | null;
  similarity: number | null;
  changed: boolean;
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
}

export async function computeDuplicates(prisma: PrismaClient, projectId: string, threshold: number): Promise<TChunkDecision[]> {
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT c.id, c."exactHash", c.minhash, c."qualityKeep", c.keep, c."dropReason", c."duplicateOfId",
           (c.reasons->0->>'code') AS reason
    FROM "Chunk" c JOIN "Document" d ON d.id = c."documentId"
    WHERE c."projectId" = ${projectId}
    ORDER BY d."createdAt", d.id, c.index`;

  const decided = new Map<string, { reason: string | null; dup: string | null; sim: number | null }>();
  const firstByHash = new Map<string, string>();
  const candidates: { id: string; signature: Uint32Array }[] = [];
  for (const row of rows) {
    if (!row.qualityKeep) {
      decided.set(row.id, { reason: row.reason ?? "low_quality", dup: null, sim: null });
      continue;
    }
    const first = firstByHash.get(row.exactHash);
    if (first) {
      decided.set(row.id, { reason: "exact_duplicate", dup: first, sim: 1 });
      continue;
    }
    firstByHash.set(row.exactHash, row.id);
    candidates.push({ id: row.id, signature: bufferToSignature(row.minhash) });
  }
  for (const near of findNearDuplicates(candidates, threshold)) {
    decided.set(near.id, { reason: "near_duplicate", dup: near.duplicateOf, sim: near.similarity });
  }
  return rows.map((row) => {
    const d = decided.get(row.id) ?? { reason: null, dup: null, sim: null };
    const keep = d.reason === null;
    return {
      id: row.id, keep, dropReason: d.reason, duplicateOfId: d.dup, similarity: d.sim,
      changed: keep !== row.keep || d.reason !== row.dropReason || d.dup !== row.duplicateOfId,
    };
  });
}
