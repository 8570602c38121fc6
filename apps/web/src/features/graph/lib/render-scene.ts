// One full picture of the overview for a camera, as a generator that yields between chunks so the
// frame loop can spread it over several frames. Layers: edge density (software-rasterised), nodes
// (pixels far away, arcs batched by colour close up), then labels of the best-connected nodes.
import { visibleWorld, type TCamera, type TViewport } from "./camera";
import { drawLabel, type TContext, type TSurface, type TTheme } from "./canvas-surface";
import type { TGraphData } from "./decode-layout";
import { pickLabels } from "./labels";
import { chooseLod, nodeRadius } from "./lod";
import { rasterizeEdges, shadeDensity, splatNodes, type TPixelTransform } from "./rasterize";
import { forEachInRect, type TSpatialIndex } from "./spatial-index";

const EDGE_CHUNK = 32_768;
const NODE_CHUNK = 65_536;

export interface TScene {
  data: TGraphData;
  index: TSpatialIndex;
  /** Node indexes by decreasing degree. */
  order: Uint32Array;
  palette: string[];
  /** The palette packed as RGBA (for pixel writes). */
  packed: Uint32Array;
  colourIndex: Uint16Array;
  theme: TTheme;
  viewport: TViewport;
  dpr: number;
  /** Layout units between neighbouring nodes (level of detail). */
  spacing: number;
  /** Scratch buffers of the surface's size, reused across renders. */
  density: Uint16Array;
  image: ImageData;
}

export function* renderScene(scene: TScene, surface: TSurface, camera: TCamera, withEdges = true): Generator<void, void, void> {
  const { data, index, order, viewport, dpr, density, image } = scene;
  const w = surface.width;
  const h = surface.height;
  const t: TPixelTransform = { k: camera.scale * dpr, tx: w / 2 - camera.x * camera.scale * dpr, ty: h / 2 - camera.y * camera.scale * dpr };
  const lod = chooseLod(camera.scale, scene.spacing, viewport.width * viewport.height);
  const pixels = new Uint32Array(image.data.buffer);
  density.fill(0);
  if (withEdges && lod.edgeAlpha > 0) {
    for (let e = 0; e < data.edgeCount; e += EDGE_CHUNK) {
      rasterizeEdges(density, w, h, data.positions, data.edges, t, e, Math.min(data.edgeCount, e + EDGE_CHUNK));
      yield;
    }
  }
  shadeDensity(density, pixels, scene.theme.edge, lod.edgeAlpha);
  yield;
  if (lod.shape === "point") {
    const size = Math.max(1, Math.round(2 * lod.radius * dpr));
    for (let i = 0; i < data.nodeCount; i += NODE_CHUNK) {
      splatNodes(pixels, w, h, data.positions, scene.colourIndex, scene.packed, t, size, i, Math.min(data.nodeCount, i + NODE_CHUNK));
      yield;
    }
  }
  const ctx = surface.getContext("2d") as TContext;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.putImageData(image, 0, 0);
  yield;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  const view = visibleWorld(camera, viewport, 16);
  const inView = (node: number) => {
    const x = data.positions[2 * node]!;
    const y = data.positions[2 * node + 1]!;
    return x >= view.minX && x <= view.maxX && y >= view.minY && y <= view.maxY;
  };
  const project = (node: number): [number, number] | null =>
    inView(node) ? [(data.positions[2 * node]! - camera.x) * camera.scale + viewport.width / 2, (data.positions[2 * node + 1]! - camera.y) * camera.scale + viewport.height / 2] : null;
  if (lod.shape === "circle") {
    // One path and one fill per palette entry; nodes come from the grid cells in view.
    const byColour: number[][] = scene.palette.map(() => []);
    forEachInRect(index, view, (node) => {
      if (inView(node)) byColour[scene.colourIndex[node]!]!.push(node);
    });
    for (const [c, nodes] of byColour.entries()) {
      if (nodes.length === 0) continue;
      ctx.fillStyle = scene.palette[c]!;
      ctx.beginPath();
      for (const node of nodes) {
        const [x, y] = project(node)!;
        const r = nodeRadius(lod, data.degrees[node]!);
        ctx.moveTo(x + r, y);
        ctx.arc(x, y, r, 0, 2 * Math.PI);
      }
      ctx.fill();
      yield;
    }
  }
  if (withEdges) {
    const labels = pickLabels(order, project, (node) => Math.min(28, data.terms[node]!.length) * 6.2 + 6, viewport, lod.labels);
    for (const label of labels) drawLabel(ctx, scene.theme, data.terms[label.node]!, label.x, label.y - nodeRadius(lod, data.degrees[label.node]!) - 2, false);
  }
}
