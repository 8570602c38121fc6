// Near-duplicate questions: sets of words whose Jaccard similarity reaches a threshold, found with
// prefix filtering and a bounded merge (AllPairs / PPJoin: Bayardo et al. 2007, Xiao et al. 2008).
// Words are numbered rarest first; two sets with Jaccard ≥ t must share a word among their first
// |x| − ⌈t·|x|⌉ + 1, so only items sharing a rare word are compared, and each comparison stops as
// soon as the overlap can no longer reach the threshold. Exact (it never misses a pair, unlike
// MinHash/LSH, which ../corpus tunes for 512-token chunks) and cheaper on one-line texts.

export interface TWordSetMatch {
  index: number;
  similarity: number;
}

const EPSILON = 1e-9;

function prefixLength(size: number, threshold: number): number {
  return size - Math.ceil(threshold * size - EPSILON) + 1;
}

export class WordSetIndex {
  private readonly ids = new Map<string, number>();
  /** Each indexed set as ascending word ids (rarest first). */
  private readonly sets: Int32Array[];
  /** Per word id: the sets whose prefix holds it, and its position there (flat pairs). */
  private readonly postings: number[][] = [];
  private readonly seen: Int32Array;
  private stamp = 0;

  /** Sets smaller than `minSize` are not indexed and never match. */
  constructor(
    sets: readonly ReadonlySet<string>[],
    readonly threshold: number,
    readonly minSize = 1,
  ) {
    const frequency = new Map<string, number>();
    for (const set of sets) for (const word of set) frequency.set(word, (frequency.get(word) ?? 0) + 1);
    const words = [...frequency.keys()].sort((a, b) => frequency.get(a)! - frequency.get(b)! || (a < b ? -1 : a > b ? 1 : 0));
    words.forEach((word, id) => this.ids.set(word, id));
    for (let id = 0; id < words.length; id++) this.postings.push([]);
    this.sets = sets.map((set) => Int32Array.from(set, (w) => this.ids.get(w)!).sort());
    this.seen = new Int32Array(sets.length);
    this.sets.forEach((ids, index) => {
      if (ids.length < minSize) return;
      const prefix = prefixLength(ids.length, threshold);
      for (let k = 0; k < prefix; k++) this.postings[ids[k]!]!.push(index, k);
    });
  }

  /** Indexed sets with Jaccard ≥ threshold to `words`, in index order. */
  query(words: ReadonlySet<string>): TWordSetMatch[] {
    const size = words.size;
    if (size < this.minSize) return [];
    // Words no indexed set has sort first of all and can never be shared: enough of them and no
    // item can be similar, which rules out most answer texts without a single comparison.
    const known: number[] = [];
    for (const word of words) {
      const id = this.ids.get(word);
      if (id !== undefined) known.push(id);
    }
    const prefix = prefixLength(size, this.threshold) - (size - known.length);
    if (prefix <= 0) return [];
    const ids = Int32Array.from(known).sort();
    this.stamp++;
    const matches: TWordSetMatch[] = [];
    const ratio = this.threshold / (1 + this.threshold);
    for (let k = 0; k < prefix; k++) {
      const posting = this.postings[ids[k]!]!;
      for (let p = 0; p < posting.length; p += 2) {
        const index = posting[p]!;
        if (this.seen[index] === this.stamp) continue;
        this.seen[index] = this.stamp;
        const other = this.sets[index]!;
        if (other.length * this.threshold > size + EPSILON || size * this.threshold > other.length + EPSILON) continue;
        // Jaccard ≥ t ⇔ overlap ≥ t/(1+t)·(|x| + |y|). The first meeting is the first shared word
        // of both (both are in the same order), so the merge starts right after it.
        const needed = Math.ceil(ratio * (size + other.length) - EPSILON);
        let shared = 1;
        let i = k + 1;
        let j = posting[p + 1]! + 1;
        while (i < ids.length && j < other.length) {
          if (shared + Math.min(ids.length - i, other.length - j) < needed) break;
          const a = ids[i]!;
          const b = other[j]!;
          if (a === b) {
            shared++;
            i++;
            j++;
          } else if (a < b) i++;
          else j++;
        }
        if (shared < needed) continue;
        matches.push({ index, similarity: shared / (size + other.length - shared) });
      }
    }
    return matches.sort((a, b) => a.index - b.index);
  }
}
