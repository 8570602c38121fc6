// Louvain communities on an undirected simple graph, numbered by size (0 = largest) so that colours
// and start positions do not depend on Louvain's internal labels. With `groups` (the discipline of
// each node, for an all-disciplines layout) Louvain runs on each group's subgraph in turn: graphology
// needs ~2 KB per edge, so one 1.2M-edge graph would take ~2.5 GB where the largest discipline
// takes ~400 MB; the few links across disciplines would not change the communities inside them.
import Graph from "graphology";
import louvain from "graphology-communities-louvain";
import { createRandom } from "@proda/engine";

export interface TCommunities {
  /** Community of each node, 0 = the largest. */
  of: Int32Array;
  count: number;
  /** Louvain's modularity, averaged over groups weighted by their links. */
  modularity: number;
}

/** Louvain over `nodes` (global indexes) and their `edges` (global index pairs); writes labels from `base`. */
function louvainOn(nodes: Int32Array, edges: Uint32Array, seed: number, out: Int32Array, base: number): { labels: number; modularity: number } {
  if (edges.length === 0) {
    nodes.forEach((node, i) => (out[node] = base + i));
    return { labels: nodes.length, modularity: 0 };
  }
  const graph = new Graph({ type: "undirected", multi: false, allowSelfLoops: false });
  for (const node of nodes) graph.addNode(String(node));
  for (let e = 0; e < edges.length; e += 2) graph.addEdge(String(edges[e]), String(edges[e + 1]));
  const result = louvain.detailed(graph, { rng: createRandom(seed), getEdgeWeight: null });
  let labels = 0;
  for (const node of nodes) {
    const label = result.communities[String(node)]!;
    out[node] = base + label;
    labels = Math.max(labels, label + 1);
  }
  return { labels, modularity: result.modularity };
}

export function detectCommunities(nodeCount: number, edges: Uint32Array, seed: number, groups?: Int32Array): TCommunities {
  const raw = new Int32Array(nodeCount);
  const groupOf = groups ?? new Int32Array(nodeCount);
  const groupCount = groupOf.reduce((a, g) => Math.max(a, g + 1), 0);
  // Bucket nodes and intra-group edges by group (counting sort: two passes, no per-item objects).
  const nodeCounts = new Int32Array(groupCount);
  for (let i = 0; i < nodeCount; i++) nodeCounts[groupOf[i]!]!++;
  const edgeCounts = new Int32Array(groupCount);
  for (let e = 0; e < edges.length; e += 2) if (groupOf[edges[e]!] === groupOf[edges[e + 1]!]) edgeCounts[groupOf[edges[e]!]!]!++;
  let base = 0;
  let weighted = 0;
  let linked = 0;
  for (let g = 0; g < groupCount; g++) {
    const nodes = new Int32Array(nodeCounts[g]!);
    for (let i = 0, k = 0; i < nodeCount; i++) if (groupOf[i] === g) nodes[k++] = i;
    let own = edges;
    if (groupCount > 1) {
      own = new Uint32Array(edgeCounts[g]! * 2);
      for (let e = 0, k = 0; e < edges.length; e += 2) {
        if (groupOf[edges[e]!] === g && groupOf[edges[e + 1]!] === g) {
          own[k++] = edges[e]!;
          own[k++] = edges[e + 1]!;
        }
      }
    }
    const { labels, modularity } = louvainOn(nodes, own, seed + g, raw, base);
    base += labels;
    weighted += modularity * own.length;
    linked += own.length;
  }
  return { ...renumberBySize(raw, base), modularity: linked ? weighted / linked : 0 };
}

/** Labels 0…count−1 by decreasing size, ties by first node index (deterministic). */
function renumberBySize(raw: Int32Array, labels: number): { of: Int32Array; count: number } {
  const size = new Int32Array(labels);
  const first = new Int32Array(labels).fill(-1);
  for (let i = 0; i < raw.length; i++) {
    size[raw[i]!]!++;
    if (first[raw[i]!] === -1) first[raw[i]!] = i;
  }
  const order = Array.from({ length: labels }, (_, c) => c).filter((c) => size[c]! > 0);
  order.sort((a, b) => size[b]! - size[a]! || first[a]! - first[b]!);
  const rank = new Int32Array(labels);
  order.forEach((c, r) => (rank[c] = r));
  const of = new Int32Array(raw.length);
  for (let i = 0; i < raw.length; i++) of[i] = rank[raw[i]!]!;
  return { of, count: order.length };
}
