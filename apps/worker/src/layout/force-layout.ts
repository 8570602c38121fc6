// ForceAtlas2 (graphology's implementation, Barnes-Hut above 2,000 nodes) run straight on flat
// matrices built from our typed arrays: no graph attributes, ~52 bytes a node and 12 an edge.
import iterate from "graphology-layout-forceatlas2/iterate.js";

const PPN = 10; // floats per node in graphology's node matrix
const PPE = 3; // floats per edge

/**
 * Fewer iterations as graphs grow: one costs ~0.25 s at 45k nodes on this machine, and the
 * community-seeded start (initial-positions.ts) leaves only local refinement to do.
 */
export function iterationsFor(nodeCount: number): number {
  if (nodeCount <= 1_000) return 300;
  if (nodeCount <= 5_000) return 200;
  if (nodeCount <= 20_000) return 80;
  if (nodeCount <= 60_000) return 40;
  return 20;
}

const SCALING_RATIO = 10;

/**
 * About how far apart neighbouring nodes settle under settingsFor(): repulsion grows with the product
 * of masses (1 + degree), so with the mean degree. Measured: ~17 units at 10k nodes of mean degree 8.
 */
export function naturalSpacing(nodeCount: number, edgeCount: number): number {
  return 0.6 * Math.sqrt(SCALING_RATIO) * (1 + (2 * edgeCount) / Math.max(1, nodeCount));
}

/** graphology's inferSettings, with Barnes-Hut on for anything but small graphs. */
export function settingsFor(nodeCount: number) {
  return {
    linLogMode: false,
    outboundAttractionDistribution: false,
    adjustSizes: false,
    edgeWeightInfluence: 1,
    scalingRatio: SCALING_RATIO,
    strongGravityMode: true,
    gravity: 0.05,
    slowDown: 1 + Math.log(Math.max(1, nodeCount)),
    barnesHutOptimize: nodeCount > 2_000,
    barnesHutTheta: 0.5,
  };
}

export interface TForceLayout {
  /** Runs `count` iterations (synchronously). */
  step(count: number): void;
  /** Current positions, [x0, y0, …]. */
  positions(): Float32Array;
}

export function createForceLayout(start: Float32Array, edges: Uint32Array): TForceLayout {
  const n = start.length / 2;
  const m = edges.length / 2;
  const nodes = new Float32Array(n * PPN);
  for (let i = 0; i < n; i++) {
    const j = i * PPN;
    nodes[j] = start[2 * i]!;
    nodes[j + 1] = start[2 * i + 1]!;
    nodes[j + 6] = 1; // mass: 1 + weighted degree, as graphology computes it
    nodes[j + 7] = 1; // convergence
    nodes[j + 8] = 1; // size
  }
  // Edge endpoints are matrix offsets (index × PPN); float32 holds them exactly below 2^24.
  const matrix = new Float32Array(m * PPE);
  for (let e = 0; e < m; e++) {
    const a = edges[2 * e]!;
    const b = edges[2 * e + 1]!;
    matrix[e * PPE] = a * PPN;
    matrix[e * PPE + 1] = b * PPN;
    matrix[e * PPE + 2] = 1;
    nodes[a * PPN + 6]!++;
    nodes[b * PPN + 6]!++;
  }
  const settings = settingsFor(n);
  return {
    step(count) {
      for (let k = 0; k < count; k++) iterate(settings, nodes, matrix);
    },
    positions() {
      const out = new Float32Array(n * 2);
      for (let i = 0; i < n; i++) {
        out[2 * i] = nodes[i * PPN]!;
        out[2 * i + 1] = nodes[i * PPN + 1]!;
      }
      return out;
    },
  };
}
