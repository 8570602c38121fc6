// A small layered (Sugiyama-style) layout for the lineage graph, enough for a few hundred nodes and
// no dependency: each node's layer is its longest path from a source; within a layer, nodes are
// ordered by the mean position of their neighbours (two sweeps, down then up); layers run left to
// right and are centred on one axis. Cycles (which lineage should not have) cannot hang it: nodes
// left over by the topological pass go one layer past their placed parents. Pure; covered by
// test/debugger-ui-lib.test.ts.

export interface TLayeredInput {
  nodes: readonly { id: string }[];
  edges: readonly { source: string; target: string }[];
}

export interface TLayeredNode {
  id: string;
  layer: number;
  /** Position within the layer, 0 first (top). */
  order: number;
  position: { x: number; y: number };
}

export const LAYER_GAP = { x: 280, y: 96 } as const;

function assignLayers(ids: string[], parents: Map<string, string[]>, children: Map<string, string[]>): Map<string, number> {
  const layer = new Map<string, number>();
  const indegree = new Map(ids.map((id) => [id, parents.get(id)!.length]));
  const queue = ids.filter((id) => indegree.get(id) === 0);
  for (const id of queue) layer.set(id, 0);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    for (const child of children.get(id)!) {
      layer.set(child, Math.max(layer.get(child) ?? 0, layer.get(id)! + 1));
      indegree.set(child, indegree.get(child)! - 1);
      if (indegree.get(child) === 0) queue.push(child);
    }
  }
  // Nodes on a cycle never reach indegree 0: place them after whichever parents were placed.
  const done = new Set(queue);
  for (const id of ids) {
    if (done.has(id)) continue;
    const placed = parents.get(id)!.filter((p) => done.has(p)).map((p) => layer.get(p)! + 1);
    layer.set(id, Math.max(0, ...placed));
  }
  return layer;
}

const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;

/** Reorders each layer by the mean order of the nodes' neighbours in the layer before (stable for ties). */
function sweep(layers: string[][], neighbours: Map<string, string[]>): void {
  const order = new Map<string, number>();
  for (const row of layers) row.forEach((id, i) => order.set(id, i));
  for (let l = 1; l < layers.length; l++) {
    const row = layers[l]!;
    const keyed = row.map((id, i) => {
      const known = neighbours.get(id)!.filter((n) => order.has(n) && layers[l - 1]!.includes(n)).map((n) => order.get(n)!);
      return { id, key: known.length ? mean(known) : i, i };
    });
    keyed.sort((a, b) => a.key - b.key || a.i - b.i);
    layers[l] = keyed.map((k) => k.id);
    layers[l]!.forEach((id, i) => order.set(id, i));
  }
}

export function layoutLayered(input: TLayeredInput, gap: { x: number; y: number } = LAYER_GAP): TLayeredNode[] {
  const ids = [...new Set(input.nodes.map((n) => n.id))];
  const known = new Set(ids);
  const parents = new Map(ids.map((id) => [id, [] as string[]]));
  const children = new Map(ids.map((id) => [id, [] as string[]]));
  const seen = new Set<string>();
  for (const e of input.edges) {
    const key = `${e.source}>${e.target}`;
    if (e.source === e.target || !known.has(e.source) || !known.has(e.target) || seen.has(key)) continue;
    seen.add(key);
    parents.get(e.target)!.push(e.source);
    children.get(e.source)!.push(e.target);
  }
  const layerOf = assignLayers(ids, parents, children);
  const depth = Math.max(-1, ...layerOf.values()) + 1;
  const layers: string[][] = Array.from({ length: depth }, () => []);
  for (const id of ids) layers[layerOf.get(id)!]!.push(id);

  sweep(layers, parents);
  const reversed = [...layers].reverse();
  sweep(reversed, children);
  const final = reversed.reverse();

  return final.flatMap((row, layer) =>
    row.map((id, order) => ({ id, layer, order, position: { x: layer * gap.x, y: (order - (row.length - 1) / 2) * gap.y } })),
  );
}
