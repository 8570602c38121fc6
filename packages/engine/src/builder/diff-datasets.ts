// Comparing dataset versions by sample key. Keys hash content and provenance only (not position),
// so a sample replayed into a patched version keeps its key and the diff shows what really changed.
import { createHash } from "node:crypto";
import { SAMPLE_TYPES, type TSampleType } from "./recipe.ts";
import type { TSampleDraft } from "./types.ts";

export interface TDatasetDiff {
  /** Keys in `b` and not in `a`, in `b`'s order. */
  added: string[];
  /** Keys in `a` and not in `b`, in `a`'s order. */
  removed: string[];
  /** Keys in both, in `b`'s order. */
  unchanged: string[];
  byType: Record<TSampleType, { added: number; removed: number; unchanged: number }>;
}

type TKeyed = { key: string; type: TSampleType };

export function diffDatasets(a: readonly TKeyed[], b: readonly TKeyed[]): TDatasetDiff {
  const inA = new Set(a.map((s) => s.key));
  const inB = new Set(b.map((s) => s.key));
  const byType = Object.fromEntries(SAMPLE_TYPES.map((t) => [t, { added: 0, removed: 0, unchanged: 0 }])) as TDatasetDiff["byType"];
  const diff: TDatasetDiff = { added: [], removed: [], unchanged: [], byType };
  for (const sample of b) {
    if (inA.has(sample.key)) {
      diff.unchanged.push(sample.key);
      byType[sample.type].unchanged++;
    } else {
      diff.added.push(sample.key);
      byType[sample.type].added++;
    }
  }
  for (const sample of a) {
    if (inB.has(sample.key)) continue;
    diff.removed.push(sample.key);
    byType[sample.type].removed++;
  }
  return diff;
}

/** sha256 of the keys in order: two builds are the same version iff their hashes are equal. */
export function hashDataset(samples: readonly { key: string }[]): string {
  const hash = createHash("sha256");
  for (const sample of samples) hash.update(sample.key).update("\n");
  return hash.digest("hex");
}

/** 96 bits of sha256 over the knowledge version, the type, the wording and the provenance. */
export function computeSampleKey(knowledgeVersionId: string, draft: Pick<TSampleDraft, "type" | "question" | "answer" | "meta">): string {
  const { conceptIds, relationIds, chunkIds, mentionedConceptIds } = draft.meta;
  const content = JSON.stringify([knowledgeVersionId, draft.type, draft.question, draft.answer, conceptIds, relationIds, chunkIds, mentionedConceptIds]);
  return createHash("sha256").update(content).digest("hex").slice(0, 24);
}
