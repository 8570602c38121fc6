// Which labels to draw: the best-connected nodes in view first, each kept only if its box does not
// overlap one already placed (a coarse occupancy grid), until the budget is spent.

export interface TLabelBox {
  node: number;
  x: number;
  y: number;
}

/**
 * `order` lists node indexes by decreasing degree. `project` maps a node to its screen position (or
 * null when off-screen); `width` estimates a label's width in CSS pixels.
 */
export function pickLabels(
  order: Uint32Array, project: (node: number) => [number, number] | null, width: (node: number) => number,
  viewport: { width: number; height: number }, budget: number, lineHeight = 14,
): TLabelBox[] {
  const cell = 16;
  const cols = Math.ceil(viewport.width / cell) + 1;
  const rows = Math.ceil(viewport.height / cell) + 1;
  const taken = new Uint8Array(cols * rows);
  const out: TLabelBox[] = [];
  // Scanning stops early in practice; the cap bounds the worst case (few nodes in view at deep zoom).
  for (let k = 0; k < order.length && out.length < budget; k++) {
    const node = order[k]!;
    const at = project(node);
    if (!at) continue;
    const w = width(node);
    const x0 = Math.floor((at[0] - w / 2) / cell);
    const x1 = Math.floor((at[0] + w / 2) / cell);
    const y0 = Math.floor((at[1] - lineHeight) / cell);
    const y1 = Math.floor(at[1] / cell);
    if (x0 < 0 || y0 < 0 || x1 >= cols || y1 >= rows) continue;
    let free = true;
    for (let y = y0; y <= y1 && free; y++) for (let x = x0; x <= x1 && free; x++) if (taken[y * cols + x]) free = false;
    if (!free) continue;
    for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) taken[y * cols + x] = 1;
    out.push({ node, x: at[0], y: at[1] });
  }
  return out;
}

/**
 * Node indexes by decreasing degree (ties: lower index first). A counting sort: degrees are small
 * integers, and a comparison sort of 300k indexes took ~150 ms of the first frame.
 */
export function degreeOrder(degrees: Uint32Array): Uint32Array {
  let max = 0;
  for (let i = 0; i < degrees.length; i++) if (degrees[i]! > max) max = degrees[i]!;
  const starts = new Uint32Array(max + 2);
  for (let i = 0; i < degrees.length; i++) starts[max - degrees[i]! + 1]!++;
  for (let d = 0; d <= max; d++) starts[d + 1]! += starts[d]!;
  const order = new Uint32Array(degrees.length);
  for (let i = 0; i < degrees.length; i++) order[starts[max - degrees[i]!]!++] = i;
  return order;
}
