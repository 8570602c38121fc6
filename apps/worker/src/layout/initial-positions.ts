// Seeded start positions, multilevel: the communities are laid out first as a small weighted graph
// (ForceAtlas2 with node sizes, so discs do not overlap), then each node is dropped at random (seeded)
// inside its community's disc. ForceAtlas2 on the whole graph then only has to refine locally, which
// is all it can do in the few iterations affordable at 45k–300k nodes (each node moves at most a
// unit or so per iteration); a re-run with the same seed gives the same picture.
import iterate from "graphology-layout-forceatlas2/iterate.js";
import { createRandom } from "@proda/engine";

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
const PPN = 10;
const PPE = 3;

/** Positions of the community centres: a spiral start, then ForceAtlas2 over the community graph. */
function layOutCommunities(size: Float64Array, edges: Uint32Array, communities: Int32Array, spacing: number): Float64Array {
  const count = size.length;
  const links = new Map<number, number>();
  for (let e = 0; e < edges.length; e += 2) {
    const a = communities[edges[e]!]!;
    const b = communities[edges[e + 1]!]!;
    if (a === b) continue;
    const key = a < b ? a * count + b : b * count + a;
    links.set(key, (links.get(key) ?? 0) + 1);
  }
  const nodes = new Float32Array(count * PPN);
  let area = 0;
  for (let c = 0; c < count; c++) {
    const radius = spacing * Math.sqrt(size[c]!);
    const r = c === 0 ? 0 : Math.sqrt(area) + radius;
    nodes[c * PPN] = r * Math.cos(c * GOLDEN_ANGLE);
    nodes[c * PPN + 1] = r * Math.sin(c * GOLDEN_ANGLE);
    nodes[c * PPN + 6] = 1;
    nodes[c * PPN + 7] = 1;
    nodes[c * PPN + 8] = radius;
    area += radius * radius * 1.3;
  }
  const matrix = new Float32Array(links.size * PPE);
  let k = 0;
  for (const [key, weight] of [...links].sort((x, y) => x[0] - y[0])) {
    const a = Math.floor(key / count);
    const b = key % count;
    matrix[k++] = a * PPN;
    matrix[k++] = b * PPN;
    matrix[k++] = Math.log1p(weight); // many links pull harder, but one hub community cannot swallow all
    nodes[a * PPN + 6]! += 1;
    nodes[b * PPN + 6]! += 1;
  }
  const settings = {
    linLogMode: false, outboundAttractionDistribution: false, adjustSizes: true, edgeWeightInfluence: 1, scalingRatio: 4,
    strongGravityMode: true, gravity: 0.02, slowDown: 1, barnesHutOptimize: count > 1_000, barnesHutTheta: 0.6,
  };
  if (count > 1) for (let i = 0, rounds = count <= 500 ? 400 : 150; i < rounds; i++) iterate(settings, nodes, matrix);
  const centres = new Float64Array(count * 2);
  for (let c = 0; c < count; c++) {
    centres[2 * c] = nodes[c * PPN]!;
    centres[2 * c + 1] = nodes[c * PPN + 1]!;
  }
  return centres;
}

/**
 * Returns [x0, y0, x1, y1, …] for the nodes, around their communities' centres, `spacing` layout
 * units apart: ForceAtlas2's own scale (force-layout.ts naturalSpacing), or it first blows the
 * seeded picture up and mixes the communities again.
 */
export function seedPositions(communities: Int32Array, communityCount: number, edges: Uint32Array, seed: number, spacing: number): Float32Array {
  const n = communities.length;
  const rng = createRandom(seed);
  const size = new Float64Array(communityCount);
  for (let i = 0; i < n; i++) size[communities[i]!]!++;
  const centres = layOutCommunities(size, edges, communities, spacing);
  const out = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) {
    const c = communities[i]!;
    const angle = rng() * 2 * Math.PI;
    const r = Math.sqrt(rng()) * spacing * Math.sqrt(size[c]!);
    out[2 * i] = centres[2 * c]! + r * Math.cos(angle);
    out[2 * i + 1] = centres[2 * c + 1]! + r * Math.sin(angle);
  }
  return out;
}
