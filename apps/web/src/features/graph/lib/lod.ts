// Level of detail from how far apart nodes are on screen: single pixels when the whole graph is in
// view, circles sized by degree closer in, edges fading with density, and a label budget that only
// the best-connected nodes in view (plus hover and selection) get. Pure, unit-tested.

export interface TLod {
  /** "point": a filled square per node (cheapest); "circle": arcs. */
  shape: "point" | "circle";
  /** Base radius in CSS pixels before the degree boost. */
  radius: number;
  /** Edge opacity (0 = skip edges). */
  edgeAlpha: number;
  /** Most labels drawn at once. */
  labels: number;
}

/** Typical distance between neighbouring nodes in layout units: √(area / n). */
export function nodeSpacing(nodeCount: number, bounds: { minX: number; minY: number; maxX: number; maxY: number }): number {
  const area = Math.max(bounds.maxX - bounds.minX, 1) * Math.max(bounds.maxY - bounds.minY, 1);
  return Math.sqrt(area / Math.max(1, nodeCount));
}

export function chooseLod(scale: number, spacing: number, viewportArea: number): TLod {
  const gap = scale * spacing; // CSS pixels between neighbours
  const radius = Math.min(6, Math.max(0.75, gap * 0.22));
  return {
    shape: radius < 1.6 ? "point" : "circle",
    radius,
    edgeAlpha: Math.min(0.25, Math.max(0.04, gap / 80)),
    labels: Math.round(Math.min(120, Math.max(12, viewportArea / 9000)) * (gap < 6 ? 0.5 : 1)),
  };
}

/** Radius of a node: hubs stand out (log of degree), capped so one hub does not cover a region. */
export function nodeRadius(lod: TLod, degree: number): number {
  return lod.radius * Math.min(3, 1 + Math.log2(1 + degree) / 4);
}
