// Quality figures of a knowledge graph (DESIGN "Scale", reference §4.4): the concept graph has one
// node per concept and an undirected edge per relation. Pure; linear in the graph size.

export interface TGraphStatsInput {
  concepts: string[];
  relations: { subject: string; object: string }[];
  chains: { steps: number }[];
}

export interface TDistribution {
  mean: number;
  median: number;
  min: number;
  max: number;
}

export interface TGraphStats {
  concepts: number;
  relations: number;
  chains: number;
  /** Relations with an end that is not among the concepts (ignored below). */
  danglingRelations: number;
  components: number;
  largestComponent: number;
  /** |largest connected component| / |concepts|; 0 for an empty graph. */
  lccRatio: number;
  /** Concepts with no relation at all, in input order. */
  orphanConcepts: string[];
  /** Concepts outside the largest component (orphans included). */
  outsideLargestComponent: number;
  /** Degree = number of distinct neighbours. */
  degree: TDistribution;
  /** Log buckets: "0", "1", "2-3", "4-7", "8-15", … with counts. */
  degreeHistogram: { label: string; min: number; max: number; count: number }[];
  /** Edges / possible edges of a simple undirected graph. */
  density: number;
  stepsPerChain: TDistribution;
  relationsPerChain: number;
}

function describe(values: number[]): TDistribution {
  if (values.length === 0) return { mean: 0, median: 0, min: 0, max: 0 };
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return {
    mean: sorted.reduce((s, v) => s + v, 0) / sorted.length,
    median: sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2,
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
  };
}

function bucketOf(degree: number): number {
  return degree === 0 ? 0 : 32 - Math.clz32(degree);
}

function findRoot(parent: Int32Array, i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]!]!;
    i = parent[i]!;
  }
  return i;
}

export function computeGraphStats(input: TGraphStatsInput): TGraphStats {
  const index = new Map<string, number>();
  for (const key of input.concepts) if (!index.has(key)) index.set(key, index.size);
  const n = index.size;
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const neighbours: Set<number>[] = Array.from({ length: n }, () => new Set());
  let dangling = 0;
  for (const { subject, object } of input.relations) {
    const a = index.get(subject);
    const b = index.get(object);
    if (a === undefined || b === undefined) {
      dangling++;
      continue;
    }
    if (a === b) continue;
    neighbours[a]!.add(b);
    neighbours[b]!.add(a);
    const ra = findRoot(parent, a);
    const rb = findRoot(parent, b);
    if (ra !== rb) parent[ra] = rb;
  }
  const sizes = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const r = findRoot(parent, i);
    sizes.set(r, (sizes.get(r) ?? 0) + 1);
  }
  let largest = 0;
  for (const size of sizes.values()) largest = Math.max(largest, size);
  const degrees = neighbours.map((s) => s.size);
  const histogram: TGraphStats["degreeHistogram"] = [];
  for (const d of degrees) {
    const b = bucketOf(d);
    while (histogram.length <= b) {
      const k = histogram.length;
      const min = k === 0 ? 0 : 2 ** (k - 1);
      const max = k === 0 ? 0 : 2 ** k - 1;
      histogram.push({ label: min === max ? String(min) : `${min}-${max}`, min, max, count: 0 });
    }
    histogram[b]!.count++;
  }
  const edges = degrees.reduce((s, d) => s + d, 0) / 2;
  const keys = [...index.keys()];
  return {
    concepts: n,
    relations: input.relations.length,
    chains: input.chains.length,
    danglingRelations: dangling,
    components: sizes.size,
    largestComponent: largest,
    lccRatio: n === 0 ? 0 : largest / n,
    orphanConcepts: keys.filter((_, i) => degrees[i] === 0),
    outsideLargestComponent: n - largest,
    degree: describe(degrees),
    degreeHistogram: histogram,
    density: n < 2 ? 0 : edges / ((n * (n - 1)) / 2),
    stepsPerChain: describe(input.chains.map((c) => c.steps)),
    relationsPerChain: input.chains.length === 0 ? 0 : input.relations.length / input.chains.length,
  };
}
