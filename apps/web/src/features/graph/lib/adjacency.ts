// Neighbour lists (CSR) of the layout's edges, for highlighting a selected node's links and for
// keyboard moves between neighbours: two typed arrays, built once per layout.

export interface TAdjacency {
  offsets: Uint32Array;
  neighbours: Uint32Array;
}

export function buildAdjacency(nodeCount: number, edges: Uint32Array): TAdjacency {
  const offsets = new Uint32Array(nodeCount + 1);
  for (let i = 0; i < edges.length; i++) offsets[edges[i]! + 1]!++;
  for (let i = 0; i < nodeCount; i++) offsets[i + 1]! += offsets[i]!;
  const fill = offsets.slice(0, nodeCount);
  const neighbours = new Uint32Array(edges.length);
  for (let e = 0; e < edges.length; e += 2) {
    const a = edges[e]!;
    const b = edges[e + 1]!;
    neighbours[fill[a]!++] = b;
    neighbours[fill[b]!++] = a;
  }
  return { offsets, neighbours };
}

export function neighboursOf(adjacency: TAdjacency, node: number): Uint32Array {
  return adjacency.neighbours.subarray(adjacency.offsets[node]!, adjacency.offsets[node + 1]!);
}
