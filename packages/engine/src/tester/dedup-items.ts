// Exact and near-duplicate removal of benchmark items, across the whole benchmark. Exact: the same
// normalised question and option set (order-free, so re-shuffled options still match). Near: MinHash
// of word 3-grams, compared through LSH (the corpus's NearDuplicateFinder). Like the corpus stage,
// the first item wins and duplicates are not indexed, so clusters cannot drift.
import { NearDuplicateFinder } from "../corpus/dedup.ts";
import { computeMinHash } from "../corpus/minhash.ts";

export interface TDedupText {
  question: string;
  options: readonly { text: string; correct: boolean }[];
}

export interface TItemDuplicate {
  key: string;
  duplicateOf: string;
  kind: "exact" | "near";
  similarity: number;
}

/** Items are short: 3-word shingles keep one changed option from hiding a shared rest. */
const SHINGLE = 3;

export function normalizeItemText(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Order-free fingerprint: the normalised question, then the sorted options with their truth. */
export function fingerprintItem(item: TDedupText): string {
  const options = item.options.map((o) => `${o.correct ? "+" : "-"}${normalizeItemText(o.text)}`).sort();
  return [normalizeItemText(item.question), ...options].join("\n");
}

function itemShingleText(item: TDedupText): string {
  const options = item.options.map((o) => normalizeItemText(o.text)).sort();
  return [normalizeItemText(item.question), ...options].join(" . ");
}

/** Incremental: check items one at a time, in the order they should win. */
export class ItemDeduplicator {
  private readonly exact = new Map<string, string>();
  private readonly near: NearDuplicateFinder<string>;

  constructor(readonly threshold = 0.85) {
    this.near = new NearDuplicateFinder<string>(threshold);
  }

  check(key: string, item: TDedupText): TItemDuplicate | null {
    const fingerprint = fingerprintItem(item);
    const same = this.exact.get(fingerprint);
    if (same !== undefined) return { key, duplicateOf: same, kind: "exact", similarity: 1 };
    const near = this.near.check(key, computeMinHash(itemShingleText(item), { shingle: SHINGLE }));
    if (near) return { key, duplicateOf: near.duplicateOf, kind: "near", similarity: near.similarity };
    this.exact.set(fingerprint, key);
    return null;
  }
}

/** Removes exact and near duplicates from a finished list (first occurrence kept). */
export function dedupItems<T extends TDedupText & { key: string }>(items: readonly T[], threshold = 0.85): { kept: T[]; removed: TItemDuplicate[] } {
  const dedup = new ItemDeduplicator(threshold);
  const kept: T[] = [];
  const removed: TItemDuplicate[] = [];
  for (const item of items) {
    const duplicate = dedup.check(item.key, item);
    if (duplicate) removed.push(duplicate);
    else kept.push(item);
  }
  return { kept, removed };
}
