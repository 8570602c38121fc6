// The overview layout of one graph, pure (no database): Louvain communities, community-seeded start
// positions, then ForceAtlas2 in slices so the caller can report progress and honour a cancel.
import { detectCommunities } from "./communities.ts";
import { createForceLayout, iterationsFor, naturalSpacing } from "./force-layout.ts";
import { seedPositions } from "./initial-positions.ts";

export interface TLayoutInput {
  nodeCount: number;
  /** Distinct undirected pairs [a0, b0, a1, b1, …] of node indexes, a < b. */
  edges: Uint32Array;
  seed: number;
  /** Discipline index of each node (all-disciplines layouts): communities are found per discipline. */
  groups?: Int32Array;
  /** Overrides iterationsFor(nodeCount) (tests). */
  iterations?: number;
}

export interface TLayoutResult {
  positions: Float32Array;
  communities: Int32Array;
  communityCount: number;
  modularity: number;
  iterations: number;
  bounds: { minX: number; minY: number; maxX: number; maxY: number };
}

/** Called between slices with the share done; may throw to stop (a cancel). */
export type TLayoutProgress = (phase: "communities" | "forces", done: number, total: number) => Promise<void> | void;

const SLICE_ITERATIONS = 5;

export function boundsOf(positions: Float32Array) {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i < positions.length; i += 2) {
    minX = Math.min(minX, positions[i]!);
    maxX = Math.max(maxX, positions[i]!);
    minY = Math.min(minY, positions[i + 1]!);
    maxY = Math.max(maxY, positions[i + 1]!);
  }
  return positions.length ? { minX, minY, maxX, maxY } : { minX: 0, minY: 0, maxX: 0, maxY: 0 };
}

export async function computeLayout(input: TLayoutInput, onProgress: TLayoutProgress = () => {}): Promise<TLayoutResult> {
  const iterations = input.iterations ?? iterationsFor(input.nodeCount);
  await onProgress("communities", 0, iterations);
  const communities = detectCommunities(input.nodeCount, input.edges, input.seed, input.groups);
  const start = seedPositions(communities.of, communities.count, input.edges, input.seed ^ 0x9e3779b9, naturalSpacing(input.nodeCount, input.edges.length / 2));
  const layout = createForceLayout(start, input.edges);
  for (let done = 0; done < iterations; ) {
    const count = Math.min(SLICE_ITERATIONS, iterations - done);
    layout.step(count);
    done += count;
    await onProgress("forces", done, iterations);
  }
  const positions = layout.positions();
  for (const v of positions) if (!Number.isFinite(v)) throw new Error("The layout diverged (a non-finite position)");
  return { positions, communities: communities.of, communityCount: communities.count, modularity: communities.modularity, iterations, bounds: boundsOf(positions) };
}
