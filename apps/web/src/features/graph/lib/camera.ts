// The overview's camera: the world point at the centre of the viewport and a scale in CSS pixels per
// layout unit. Screen y grows downwards like world y. Pure, so the maths is unit-tested.

export interface TCamera {
  x: number;
  y: number;
  scale: number;
}

export interface TViewport {
  width: number;
  height: number;
}

export interface TBounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** Zoom limits relative to the scale that fits the whole graph. */
export const MIN_ZOOM = 0.5;
export const MAX_ZOOM = 400;

export function worldToScreen(camera: TCamera, viewport: TViewport, wx: number, wy: number): [number, number] {
  return [(wx - camera.x) * camera.scale + viewport.width / 2, (wy - camera.y) * camera.scale + viewport.height / 2];
}

export function screenToWorld(camera: TCamera, viewport: TViewport, sx: number, sy: number): [number, number] {
  return [(sx - viewport.width / 2) / camera.scale + camera.x, (sy - viewport.height / 2) / camera.scale + camera.y];
}

/** The camera that shows `bounds` whole, with `padding` CSS pixels around. */
export function fitBounds(bounds: TBounds, viewport: TViewport, padding = 24): TCamera {
  const w = Math.max(bounds.maxX - bounds.minX, 1e-6);
  const h = Math.max(bounds.maxY - bounds.minY, 1e-6);
  const scale = Math.min(Math.max(1, viewport.width - 2 * padding) / w, Math.max(1, viewport.height - 2 * padding) / h);
  return { x: (bounds.minX + bounds.maxX) / 2, y: (bounds.minY + bounds.maxY) / 2, scale };
}

export function clampScale(scale: number, fitScale: number): number {
  return Math.min(fitScale * MAX_ZOOM, Math.max(fitScale * MIN_ZOOM, scale));
}

/** Zooms by `factor` keeping the world point under screen point (sx, sy) where it is. */
export function zoomAt(camera: TCamera, viewport: TViewport, sx: number, sy: number, factor: number, fitScale: number): TCamera {
  const scale = clampScale(camera.scale * factor, fitScale);
  const [wx, wy] = screenToWorld(camera, viewport, sx, sy);
  return { scale, x: wx - (sx - viewport.width / 2) / scale, y: wy - (sy - viewport.height / 2) / scale };
}

/** Moves the view by (dx, dy) CSS pixels: the content follows the pointer. */
export function panBy(camera: TCamera, dx: number, dy: number): TCamera {
  return { ...camera, x: camera.x - dx / camera.scale, y: camera.y - dy / camera.scale };
}

/** The world rectangle visible through the viewport (plus `margin` CSS pixels each side). */
export function visibleWorld(camera: TCamera, viewport: TViewport, margin = 0): TBounds {
  const [minX, minY] = screenToWorld(camera, viewport, -margin, -margin);
  const [maxX, maxY] = screenToWorld(camera, viewport, viewport.width + margin, viewport.height + margin);
  return { minX, minY, maxX, maxY };
}

/**
 * The affine map that draws a bitmap rendered for camera `from` as it would look under camera `to`
 * (both for the same viewport): [k, tx, ty] for setTransform(k, 0, 0, k, tx, ty), in CSS pixels.
 */
export function reprojection(from: TCamera, to: TCamera, viewport: TViewport): [number, number, number] {
  const k = to.scale / from.scale;
  const tx = viewport.width / 2 - k * (viewport.width / 2) + to.scale * (from.x - to.x);
  const ty = viewport.height / 2 - k * (viewport.height / 2) + to.scale * (from.y - to.y);
  return [k, tx, ty];
}

/**
 * The bounds that hold all but the outermost `share` of nodes on each side: fitting those keeps a
 * few stray nodes from shrinking the whole picture. Sampled, so it costs little at 300k nodes.
 */
export function coreBounds(positions: Float32Array, share = 0.005): TBounds {
  const n = positions.length / 2;
  if (n === 0) return { minX: 0, minY: 0, maxX: 0, maxY: 0 };
  const step = Math.max(1, Math.floor(n / 20_000));
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < n; i += step) {
    xs.push(positions[2 * i]!);
    ys.push(positions[2 * i + 1]!);
  }
  xs.sort((a, b) => a - b);
  ys.sort((a, b) => a - b);
  const lo = Math.floor(share * (xs.length - 1));
  const hi = Math.ceil((1 - share) * (xs.length - 1));
  return { minX: xs[lo]!, minY: ys[lo]!, maxX: xs[hi]!, maxY: ys[hi]! };
}
