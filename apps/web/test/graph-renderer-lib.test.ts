// Pure parts of the overview renderer: camera maths, spatial-grid hit-testing, level of detail,
// label placement, colourings, CSR neighbours and the software rasteriser.
import { describe, expect, it } from "vitest";
import { buildAdjacency, neighboursOf } from "../src/features/graph/lib/adjacency";
import { coreBounds, fitBounds, panBy, reprojection, screenToWorld, visibleWorld, worldToScreen, zoomAt } from "../src/features/graph/lib/camera";
import { colourByCommunity, colourByType, colourByValue, RAMP_BUCKETS } from "../src/features/graph/lib/colours";
import { degreeOrder, pickLabels } from "../src/features/graph/lib/labels";
import { chooseLod, nodeRadius, nodeSpacing } from "../src/features/graph/lib/lod";
import { packRgba, rasterizeEdges, shadeDensity, splatNodes } from "../src/features/graph/lib/rasterize";
import { buildSpatialIndex, forEachInRect, nearestNode } from "../src/features/graph/lib/spatial-index";

const viewport = { width: 800, height: 600 };

describe("camera", () => {
  it("maps world to screen and back", () => {
    const camera = { x: 10, y: -5, scale: 2.5 };
    const [sx, sy] = worldToScreen(camera, viewport, 14, 3);
    expect([sx, sy]).toEqual([410, 320]);
    const [wx, wy] = screenToWorld(camera, viewport, sx, sy);
    expect(wx).toBeCloseTo(14);
    expect(wy).toBeCloseTo(3);
  });

  it("fits bounds with padding and centres them", () => {
    const camera = fitBounds({ minX: 0, minY: 0, maxX: 100, maxY: 50 }, viewport, 0);
    expect(camera).toEqual({ x: 50, y: 25, scale: 8 });
    const visible = visibleWorld(camera, viewport);
    expect(visible.minX).toBeCloseTo(0);
    expect(visible.maxX).toBeCloseTo(100);
  });

  it("zooms about the pointer, keeping the point under it fixed, within limits", () => {
    const camera = { x: 0, y: 0, scale: 1 };
    const zoomed = zoomAt(camera, viewport, 600, 100, 2, 1);
    expect(zoomed.scale).toBe(2);
    const before = screenToWorld(camera, viewport, 600, 100);
    const after = screenToWorld(zoomed, viewport, 600, 100);
    expect(after[0]).toBeCloseTo(before[0]);
    expect(after[1]).toBeCloseTo(before[1]);
    expect(zoomAt(camera, viewport, 0, 0, 1e9, 1).scale).toBe(400);
    expect(zoomAt(camera, viewport, 0, 0, 1e-9, 1).scale).toBe(0.5);
  });

  it("pans so content follows the pointer", () => {
    const camera = { x: 0, y: 0, scale: 2 };
    const moved = panBy(camera, 20, -10);
    expect(worldToScreen(moved, viewport, 0, 0)).toEqual([420, 290]);
  });

  it("reprojects a cached bitmap onto a new camera", () => {
    const from = { x: 5, y: 5, scale: 2 };
    const to = zoomAt(panBy(from, 37, -12), viewport, 300, 200, 1.7, 1);
    const [k, tx, ty] = reprojection(from, to, viewport);
    // A world point drawn at p in the cached bitmap must land where the new camera puts it.
    for (const [wx, wy] of [[0, 0], [17, -3], [-40, 22]] as const) {
      const [px, py] = worldToScreen(from, viewport, wx, wy);
      const [qx, qy] = worldToScreen(to, viewport, wx, wy);
      expect(k * px + tx).toBeCloseTo(qx);
      expect(k * py + ty).toBeCloseTo(qy);
    }
  });

  it("fits the core of the layout, ignoring a few stray nodes", () => {
    const positions = new Float32Array(2 * 1000);
    for (let i = 0; i < 1000; i++) positions.set([i % 100, Math.floor(i / 100)], 2 * i);
    positions.set([1e6, 1e6], 0);
    const core = coreBounds(positions, 0.01);
    expect(core.maxX).toBeLessThan(100);
    expect(core.maxY).toBeLessThan(100);
  });
});

describe("spatial index", () => {
  const positions = Float32Array.from([0, 0, 10, 0, 10, 10, 3, 4, 100, 100, 100.5, 100]);
  const index = buildSpatialIndex(positions, { minX: 0, minY: 0, maxX: 100.5, maxY: 100 });

  it("finds the nearest node within the radius, or none", () => {
    expect(nearestNode(index, positions, 2.9, 4.2, 1)).toBe(3);
    expect(nearestNode(index, positions, 9, 1, 2)).toBe(1);
    expect(nearestNode(index, positions, 50, 50, 5)).toBe(-1);
    expect(nearestNode(index, positions, 100.3, 100, 1)).toBe(5);
  });

  it("visits every node in a rectangle at least once and each node once overall", () => {
    const seen: number[] = [];
    forEachInRect(index, { minX: -1, minY: -1, maxX: 200, maxY: 200 }, (n) => seen.push(n));
    expect(seen.sort()).toEqual([0, 1, 2, 3, 4, 5]);
    const near: number[] = [];
    forEachInRect(index, { minX: 99, minY: 99, maxX: 101, maxY: 101 }, (n) => near.push(n));
    expect(near).toContain(4);
    expect(near).not.toContain(0);
  });

  it("agrees with a brute-force nearest search on random points", () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const many = Float32Array.from({ length: 4000 }, () => rand() * 500);
    const grid = buildSpatialIndex(many, { minX: 0, minY: 0, maxX: 500, maxY: 500 });
    for (let q = 0; q < 200; q++) {
      const [x, y] = [rand() * 500, rand() * 500];
      let best = -1;
      let bestD = 25 * 25;
      for (let i = 0; i < 2000; i++) {
        const d = (many[2 * i]! - x) ** 2 + (many[2 * i + 1]! - y) ** 2;
        if (d < bestD) [best, bestD] = [i, d];
      }
      expect(nearestNode(grid, many, x, y, 25)).toBe(best);
    }
  });
});

describe("level of detail", () => {
  it("draws points far away, circles close up, fainter edges when dense", () => {
    const far = chooseLod(0.05, 10, 800 * 600);
    const near = chooseLod(5, 10, 800 * 600);
    expect(far.shape).toBe("point");
    expect(near.shape).toBe("circle");
    expect(far.edgeAlpha).toBeLessThan(near.edgeAlpha);
    expect(far.labels).toBeLessThan(near.labels);
    expect(nodeRadius(near, 1000)).toBeGreaterThan(nodeRadius(near, 0));
    expect(nodeRadius(near, 1e9)).toBeLessThanOrEqual(3 * near.radius);
  });

  it("measures node spacing from area and count", () => {
    expect(nodeSpacing(100, { minX: 0, minY: 0, maxX: 100, maxY: 100 })).toBe(10);
  });
});

describe("labels", () => {
  it("places the best-connected labels first and skips overlapping ones", () => {
    const order = degreeOrder(Uint32Array.from([1, 50, 30, 40]));
    expect([...order]).toEqual([1, 3, 2, 0]);
    expect([...degreeOrder(Uint32Array.from([2, 0, 2, 5, 0]))]).toEqual([3, 0, 2, 1, 4]);
    const at: Record<number, [number, number]> = { 0: [400, 300], 1: [100, 100], 2: [105, 102], 3: [600, 400] };
    const labels = pickLabels(order, (n) => at[n] ?? null, () => 60, viewport, 10);
    expect(labels.map((l) => l.node)).toEqual([1, 3, 0]);
    expect(pickLabels(order, (n) => at[n] ?? null, () => 60, viewport, 1).map((l) => l.node)).toEqual([1]);
  });
});

describe("colourings", () => {
  it("colours types by frequency and folds the tail into Other", () => {
    const types = Uint8Array.from({ length: 100 }, (_, i) => (i < 50 ? 0 : i % 20));
    const colouring = colourByType(types, Array.from({ length: 20 }, (_, i) => `t${i}`), "Other");
    expect(colouring.legend[0]).toMatchObject({ label: "t0", count: 50 + 2 });
    expect(colouring.legend.at(-1)!.label).toBe("Other");
    expect(colouring.legend.reduce((a, e) => a + (e.count ?? 0), 0)).toBe(100);
    expect(colouring.index[0]).toBe(0);
  });

  it("labels communities by rank", () => {
    const colouring = colourByCommunity(Int32Array.from([0, 0, 1]), (r) => `C${r + 1}`, "Other");
    expect(colouring.legend.map((e) => e.label)).toEqual(["C1", "C2"]);
  });

  it("buckets overlay values and keeps −1 apart", () => {
    const colouring = colourByValue([0, 0.05, 0.5, 1, -1], "coverage", { noData: "none", range: (a, b) => `${a}-${b}` });
    expect([...colouring.index]).toEqual([0, 0, 5, RAMP_BUCKETS - 1, RAMP_BUCKETS]);
    expect(colouring.legend[RAMP_BUCKETS]).toMatchObject({ label: "none", count: 1 });
  });
});

describe("adjacency", () => {
  it("lists each node's neighbours both ways", () => {
    const adjacency = buildAdjacency(4, Uint32Array.from([0, 1, 0, 2, 2, 3]));
    expect([...neighboursOf(adjacency, 0)].sort()).toEqual([1, 2]);
    expect([...neighboursOf(adjacency, 2)].sort()).toEqual([0, 3]);
    expect([...neighboursOf(adjacency, 1)]).toEqual([0]);
  });
});

describe("rasteriser", () => {
  it("walks a line pixel by pixel and clips what is off-screen", () => {
    const w = 10;
    const h = 10;
    const density = new Uint16Array(w * h);
    const positions = Float32Array.from([0, 5, 9, 5, -50, 0, -40, 9, -5, 2, 50, 2]);
    rasterizeEdges(density, w, h, positions, Uint32Array.from([0, 1, 2, 3, 4, 5]), { k: 1, tx: 0, ty: 0 }, 0, 3);
    for (let x = 0; x < 10; x++) expect(density[5 * w + x]).toBe(1);
    for (let x = 0; x < 10; x++) expect(density[2 * w + x]).toBe(1); // the clipped line
    expect(density.reduce((a, b) => a + b, 0)).toBe(20); // the off-screen line drew nothing
  });

  it("shades density as ink and splats nodes in their palette colour", () => {
    const density = Uint16Array.from([0, 1, 3]);
    const pixels = new Uint32Array(3);
    shadeDensity(density, pixels, [10, 20, 30], 0.5);
    expect(pixels[0]).toBe(0);
    expect(pixels[1]! >>> 24).toBe(128);
    expect(pixels[2]! >>> 24).toBe(223);
    const canvas = new Uint32Array(16);
    const palette = Uint32Array.from([packRgba(1, 2, 3), packRgba(4, 5, 6)]);
    splatNodes(canvas, 4, 4, Float32Array.from([1, 1, 3.4, 3.4]), Uint16Array.from([0, 1]), palette, { k: 1, tx: 0, ty: 0 }, 2, 0, 2);
    expect(canvas[0]).toBe(palette[0]);
    expect(canvas[5]).toBe(palette[0]);
    expect(canvas[15]).toBe(palette[1]);
    expect(canvas[10]).toBe(palette[1]);
    expect(canvas.filter((p) => p !== 0)).toHaveLength(8);
  });
});
