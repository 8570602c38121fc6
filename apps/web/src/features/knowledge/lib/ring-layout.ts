// The neighbourhood explorer's layout: the centre concept at the origin, its 1-hop neighbours on a
// ring around it, 2-hop ones on an outer ring (split into up to four staggered sub-rings when there
// are many), each placed near the neighbours that connect it. No forces, no iterations: one pass,
// deterministic, so recentring or toggling hops never makes the picture jump at random.
// Pure; covered by test/knowledge-ui-lib.test.ts.

export interface TRingNode {
  id: string;
  hop: number;
  degree: number;
  term?: string;
}

export interface TRingEdge {
  source: string;
  target: string;
}

export interface TRingOptions {
  /** Minimum distance between the centres of two nodes on the same ring. */
  spacing: number;
  /** Smallest radius of the first ring. */
  minRadius: number;
  /** Gap between the 1-hop ring and the 2-hop ring(s), and between 2-hop sub-rings. */
  ringGap: number;
  maxSubRings: number;
}

export const DEFAULT_RING_OPTIONS: TRingOptions = { spacing: 150, minRadius: 150, ringGap: 140, maxSubRings: 4 };

export interface TRingLayout {
  /** Node centres (render with nodeOrigin [0.5, 0.5]). */
  positions: Map<string, { x: number; y: number }>;
  /** Radii of the drawn rings, innermost first. */
  radii: number[];
}

const TAU = Math.PI * 2;

/**
 * Each node's distance from the centre over the given edges (undirected, breadth-first); nodes the
 * edges do not reach are left out. The explorer trusts this over a server-given hop, which depends
 * on the order its edges were read in.
 */
export function hopsFromCentre(centerId: string, edges: readonly TRingEdge[]): Map<string, number> {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    (next.get(e.source) ?? next.set(e.source, []).get(e.source)!).push(e.target);
    (next.get(e.target) ?? next.set(e.target, []).get(e.target)!).push(e.source);
  }
  const hops = new Map<string, number>([[centerId, 0]]);
  let frontier = [centerId];
  while (frontier.length > 0) {
    const following: string[] = [];
    for (const id of frontier) {
      for (const other of next.get(id) ?? []) {
        if (hops.has(other)) continue;
        hops.set(other, hops.get(id)! + 1);
        following.push(other);
      }
    }
    frontier = following;
  }
  return hops;
}

/** The radius at which `count` evenly spaced nodes are at least `spacing` apart (chord length). */
export function radiusFor(count: number, spacing: number): number {
  if (count <= 1) return 0;
  return spacing / (2 * Math.sin(Math.PI / count));
}

const normalise = (angle: number) => ((angle % TAU) + TAU) % TAU;

function circularMean(angles: number[]): number | null {
  if (angles.length === 0) return null;
  let x = 0;
  let y = 0;
  for (const a of angles) {
    x += Math.cos(a);
    y += Math.sin(a);
  }
  return Math.abs(x) < 1e-9 && Math.abs(y) < 1e-9 ? angles[0]! : normalise(Math.atan2(y, x));
}

const byDegreeThenTerm = (a: TRingNode, b: TRingNode) => b.degree - a.degree || (a.term ?? a.id).localeCompare(b.term ?? b.id) || a.id.localeCompare(b.id);

export function layoutRings(
  centerId: string,
  nodes: readonly TRingNode[],
  edges: readonly TRingEdge[],
  options: Partial<TRingOptions> = {},
): TRingLayout {
  const o = { ...DEFAULT_RING_OPTIONS, ...options };
  const positions = new Map<string, { x: number; y: number }>();
  const radii: number[] = [];
  positions.set(centerId, { x: 0, y: 0 });

  const others = nodes.filter((n) => n.id !== centerId);
  const first = others.filter((n) => n.hop <= 1).sort(byDegreeThenTerm);
  const second = others.filter((n) => n.hop >= 2);

  // Ring 1: evenly spaced, the most connected first (at the top, clockwise).
  const r1 = Math.max(o.minRadius, radiusFor(first.length, o.spacing));
  const angleOf = new Map<string, number>();
  first.forEach((node, i) => {
    const angle = normalise(-Math.PI / 2 + (TAU * i) / first.length);
    angleOf.set(node.id, angle);
    positions.set(node.id, { x: r1 * Math.cos(angle), y: r1 * Math.sin(angle) });
  });
  if (first.length > 0) radii.push(r1);
  if (second.length === 0) return { positions, radii };

  // Ring 2: each node wants the mean angle of the 1-hop nodes it touches; sorted by that wish,
  // then given evenly spaced slots starting at the first wish.
  const touching = new Map<string, number[]>();
  for (const e of edges) {
    for (const [a, b] of [[e.source, e.target], [e.target, e.source]] as const) {
      const angle = angleOf.get(b);
      if (angle === undefined || angleOf.has(a) || a === centerId) continue;
      (touching.get(a) ?? touching.set(a, []).get(a)!).push(angle);
    }
  }
  const wished = second
    .map((node) => ({ node, wish: circularMean(touching.get(node.id) ?? []) ?? TAU }))
    .sort((a, b) => a.wish - b.wish || byDegreeThenTerm(a.node, b.node));
  const n = wished.length;
  const base = wished[0]!.wish === TAU ? -Math.PI / 2 : wished[0]!.wish;

  // Sub-rings: node i goes to sub-ring i % k, so neighbours in angle sit at different radii and each
  // sub-ring holds every k-th slot; pick the k that keeps the outermost ring smallest.
  let best = { k: 1, inner: Infinity, outer: Infinity };
  for (let k = 1; k <= Math.max(1, o.maxSubRings); k++) {
    if (k > 1 && k > n) break;
    const perRing = Math.ceil(n / k);
    const inner = Math.max(r1 + o.ringGap, radiusFor(perRing, o.spacing));
    const outer = inner + (k - 1) * o.ringGap * 0.6;
    if (outer < best.outer) best = { k, inner, outer };
  }
  const subGap = o.ringGap * 0.6;
  // Slots rounded up to a multiple of k: every sub-ring then steps by exactly 1 / ceil(n / k) of a
  // turn, the wrap-around gap included.
  const slots = Math.ceil(n / best.k) * best.k;
  wished.forEach(({ node }, i) => {
    const angle = normalise(base + (TAU * i) / slots);
    const r = best.inner + (i % best.k) * subGap;
    positions.set(node.id, { x: r * Math.cos(angle), y: r * Math.sin(angle) });
  });
  for (let j = 0; j < best.k; j++) radii.push(best.inner + j * subGap);
  return { positions, radii };
}

/**
 * Where the line from `from` to the centre of a `width` × `height` box centred at `center` crosses
 * the box's border (floating edges end there, so arrowheads stay visible). The centre itself when
 * the two points coincide.
 */
export function boxBorderPoint(center: { x: number; y: number }, width: number, height: number, from: { x: number; y: number }): { x: number; y: number } {
  const dx = from.x - center.x;
  const dy = from.y - center.y;
  if (dx === 0 && dy === 0) return { ...center };
  const scale = Math.min(dx === 0 ? Infinity : width / 2 / Math.abs(dx), dy === 0 ? Infinity : height / 2 / Math.abs(dy));
  return { x: center.x + dx * scale, y: center.y + dy * scale };
}
