// The overview's Canvas2D renderer. While the camera moves, every frame only redraws a cached
// bitmap of the scene under the new camera (one drawImage, ~0.2 ms) plus the hover/selection layer;
// once the camera has been still for IDLE_MS, the full scene is rendered again into a back buffer in
// slices of at most SLICE_MS per frame and swapped in when complete. So interaction stays at the
// display's rate whatever the graph size, and detail catches up when the user stops.
// WebGL is not used: headless Chromium here renders it in software (the issue measured sigma.js,
// WebGL, at ~1 fps for 50k nodes), slower than this.
import { buildAdjacency, neighboursOf, type TAdjacency } from "./adjacency";
import { clampScale, coreBounds, fitBounds, panBy, reprojection, screenToWorld, zoomAt, type TCamera, type TViewport } from "./camera";
import { createSurface, drawLabel, packColours, readTheme, type TSurface, type TTheme } from "./canvas-surface";
import type { TGraphData } from "./decode-layout";
import { chooseLod, nodeRadius, nodeSpacing } from "./lod";
import { renderScene, type TScene } from "./render-scene";
import { nearestNode, type TSpatialIndex } from "./spatial-index";

const IDLE_MS = 120;
const SLICE_MS = 9;
const HIT_RADIUS_PX = 8;
const MAX_HIGHLIGHT_EDGES = 3_000;

export interface TRendererGraph {
  data: TGraphData;
  index: TSpatialIndex;
  /** Node indexes by decreasing degree (label priority). */
  order: Uint32Array;
}

export interface TColours {
  palette: string[];
  index: Uint16Array;
}

export interface TRendererEvents {
  /** After every camera change (pan, zoom, fit, animation step). */
  onCamera?: (camera: TCamera) => void;
  /** The first frame with content, then each completed full render (for benchmarks and tests). */
  onFrame?: (kind: "first" | "complete", ms: number) => void;
  /** True once the picture on screen is the full render for the current camera; false while moving. */
  onSettled?: (settled: boolean) => void;
}

export class OverviewRenderer {
  private readonly ctx: CanvasRenderingContext2D;
  private viewport: TViewport = { width: 0, height: 0 };
  private dpr = 1;
  private graph: TRendererGraph | null = null;
  private colours: TColours | null = null;
  private packed: Uint32Array = new Uint32Array(0);
  private adjacency: TAdjacency | null = null;
  private theme: TTheme;
  private camera: TCamera = { x: 0, y: 0, scale: 1 };
  private fitScale = 1;
  private fitTarget: ReturnType<typeof coreBounds> | null = null;
  private spacing = 1;
  private hover = -1;
  private selected = -1;
  private front: { surface: TSurface; camera: TCamera; key: number } | null = null;
  private back: TSurface | null = null;
  private job: { run: Generator<void, void, void>; camera: TCamera; key: number } | null = null;
  private key = 0;
  private density = new Uint16Array(0);
  private image: ImageData | null = null;
  private raf = 0;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private lastMove = 0;
  private animation: { from: TCamera; to: TCamera; start: number; ms: number } | null = null;
  private started = 0;
  private firstFrameDone = false;
  private settled = false;

  constructor(private readonly canvas: HTMLCanvasElement, private readonly events: TRendererEvents = {}) {
    this.ctx = canvas.getContext("2d")!;
    this.theme = readTheme(canvas);
  }

  // ── inputs ──

  setGraph(graph: TRendererGraph | null): void {
    this.graph = graph;
    this.adjacency = null;
    this.hover = -1;
    this.selected = -1;
    this.front = null;
    this.job = null;
    this.started = performance.now();
    this.firstFrameDone = false;
    if (graph) {
      this.fitTarget = coreBounds(graph.data.positions);
      this.spacing = nodeSpacing(graph.data.nodeCount, this.fitTarget);
    }
    this.fit();
  }

  setColours(colours: TColours): void {
    this.colours = colours;
    this.packed = packColours(colours.palette);
    this.invalidate();
  }

  /** Re-reads the theme's colours (after a light/dark switch). */
  refreshTheme(): void {
    this.theme = readTheme(this.canvas);
    this.invalidate();
  }

  resize(width: number, height: number, dpr: number): void {
    const w = Math.max(0, Math.round(width * dpr));
    const h = Math.max(0, Math.round(height * dpr));
    const first = this.viewport.width === 0;
    this.viewport = { width, height };
    this.dpr = dpr;
    if (this.canvas.width !== w || this.canvas.height !== h) {
      this.canvas.width = w;
      this.canvas.height = h;
      this.density = new Uint16Array(w * h);
      this.image = w && h ? new ImageData(w, h) : null;
      this.back = null;
    }
    if (first) this.fit();
    else this.invalidate();
  }

  setHover(node: number): void {
    if (node === this.hover) return;
    this.hover = node;
    this.requestFrame();
  }

  setSelected(node: number): void {
    if (node === this.selected) return;
    this.selected = node;
    this.requestFrame();
  }

  getCamera(): TCamera {
    return this.camera;
  }

  // ── camera ──

  fit(): void {
    if (!this.graph || this.viewport.width === 0) return;
    const camera = fitBounds(this.fitTarget ?? this.graph.data.bounds, this.viewport);
    this.fitScale = camera.scale;
    this.moveTo(camera, false);
  }

  panBy(dx: number, dy: number): void {
    this.moveTo(panBy(this.camera, dx, dy), true);
  }

  zoomAt(sx: number, sy: number, factor: number): void {
    this.moveTo(zoomAt(this.camera, this.viewport, sx, sy, factor, this.fitScale), true);
  }

  /** Centres `node` at a zoom where its neighbours are ~40 px apart, animated. */
  focusNode(node: number): void {
    if (!this.graph) return;
    const scale = clampScale(Math.max(this.camera.scale, 40 / this.spacing), this.fitScale);
    const to = { x: this.graph.data.positions[2 * node]!, y: this.graph.data.positions[2 * node + 1]!, scale };
    this.animation = { from: this.camera, to, start: performance.now(), ms: 350 };
    this.setSettled(false);
    this.requestFrame();
  }

  /** The node nearest a point (CSS pixels of the canvas) within `radius` pixels, or −1. */
  hitTest(sx: number, sy: number, radius = HIT_RADIUS_PX): number {
    if (!this.graph) return -1;
    const [wx, wy] = screenToWorld(this.camera, this.viewport, sx, sy);
    return nearestNode(this.graph.index, this.graph.data.positions, wx, wy, radius / this.camera.scale);
  }

  destroy(): void {
    cancelAnimationFrame(this.raf);
    clearTimeout(this.idleTimer);
    this.job = null;
    this.front = null;
  }

  private moveTo(camera: TCamera, interactive: boolean): void {
    this.camera = camera;
    this.animation = interactive ? null : this.animation;
    this.lastMove = performance.now();
    // A render for an older camera is dropped: its picture would be wrong once finished.
    if (this.job) this.job = null;
    this.events.onCamera?.(camera);
    this.setSettled(false);
    this.requestFrame();
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.requestFrame(), IDLE_MS);
  }

  private invalidate(): void {
    this.key++;
    this.job = null;
    this.setSettled(false);
    this.requestFrame();
  }

  // ── frame loop ──

  private requestFrame(): void {
    if (!this.raf) this.raf = requestAnimationFrame(() => this.frame());
  }

  private frame(): void {
    this.raf = 0;
    if (!this.graph || !this.colours || !this.image) return;
    if (this.animation) this.stepAnimation();
    const now = performance.now();
    const stale = !this.front || this.front.key !== this.key || this.front.camera !== this.camera;
    if (!this.front) this.renderQuick();
    if (stale && !this.job && !this.animation) {
      const wait = IDLE_MS - (now - this.lastMove);
      if (wait <= 1) this.job = { run: renderScene(this.scene(), this.backSurface(), this.camera), camera: this.camera, key: this.key };
      else {
        clearTimeout(this.idleTimer);
        this.idleTimer = setTimeout(() => this.requestFrame(), wait);
      }
    }
    if (this.job) {
      const deadline = performance.now() + SLICE_MS;
      while (this.job && performance.now() < deadline) {
        if (this.job.run.next().done) {
          const done = this.job;
          this.job = null;
          const previous = this.front?.surface ?? null;
          this.front = { surface: this.back!, camera: done.camera, key: done.key };
          this.back = previous;
          this.events.onFrame?.("complete", performance.now() - this.started);
        }
      }
    }
    this.compose();
    if (this.job || this.animation) this.requestFrame();
    this.setSettled(!this.job && !this.animation && this.front?.key === this.key && this.front.camera === this.camera);
  }

  private setSettled(settled: boolean): void {
    if (settled === this.settled) return;
    this.settled = settled;
    this.events.onSettled?.(settled);
  }

  private stepAnimation(): void {
    const a = this.animation!;
    const t = Math.min(1, (performance.now() - a.start) / a.ms);
    const ease = t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
    const lerp = (x: number, y: number) => x + (y - x) * ease;
    // Interpolate the scale geometrically so the zoom feels even.
    const camera = { x: lerp(a.from.x, a.to.x), y: lerp(a.from.y, a.to.y), scale: a.from.scale * (a.to.scale / a.from.scale) ** ease };
    if (t >= 1) this.animation = null;
    this.camera = camera;
    this.lastMove = performance.now();
    this.events.onCamera?.(camera);
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.requestFrame(), IDLE_MS);
  }

  private scene(): TScene {
    const { data, index, order } = this.graph!;
    return {
      data, index, order, palette: this.colours!.palette, packed: this.packed, colourIndex: this.colours!.index, theme: this.theme,
      viewport: this.viewport, dpr: this.dpr, spacing: this.spacing, density: this.density, image: this.image!,
    };
  }

  private backSurface(): TSurface {
    if (!this.back || this.back.width !== this.canvas.width || this.back.height !== this.canvas.height) {
      this.back = createSurface(this.canvas.width, this.canvas.height);
    }
    return this.back;
  }

  /** The first picture, nodes only, in one go: with it on screen the edges can take their time. */
  private renderQuick(): void {
    const surface = this.backSurface();
    const job = renderScene(this.scene(), surface, this.camera, false);
    while (!job.next().done);
    this.front = { surface, camera: this.camera, key: -1 }; // key −1: always replaced by a full render
    this.back = null;
    if (!this.firstFrameDone) {
      this.firstFrameDone = true;
      this.events.onFrame?.("first", performance.now() - this.started);
    }
  }

  /** Draws the cached scene under the current camera, then hover and selection on top. */
  private compose(): void {
    const ctx = this.ctx;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    if (this.front) {
      const [k, tx, ty] = reprojection(this.front.camera, this.camera, this.viewport);
      ctx.setTransform(k, 0, 0, k, tx * this.dpr, ty * this.dpr);
      ctx.imageSmoothingEnabled = k < 1;
      ctx.drawImage(this.front.surface, 0, 0);
    }
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    if (this.selected >= 0) this.drawFocus(ctx, this.selected, this.theme.accent, true);
    if (this.hover >= 0 && this.hover !== this.selected) this.drawFocus(ctx, this.hover, this.theme.hover, false);
  }

  private screenOf(node: number): [number, number] {
    const p = this.graph!.data.positions;
    return [(p[2 * node]! - this.camera.x) * this.camera.scale + this.viewport.width / 2, (p[2 * node + 1]! - this.camera.y) * this.camera.scale + this.viewport.height / 2];
  }

  private drawFocus(ctx: CanvasRenderingContext2D, node: number, colour: string, withLinks: boolean): void {
    const [x, y] = this.screenOf(node);
    if (withLinks) {
      this.adjacency ??= buildAdjacency(this.graph!.data.nodeCount, this.graph!.data.edges);
      const links = neighboursOf(this.adjacency, node);
      ctx.strokeStyle = colour;
      ctx.globalAlpha = 0.6;
      ctx.lineWidth = 1;
      ctx.beginPath();
      for (let i = 0; i < Math.min(links.length, MAX_HIGHLIGHT_EDGES); i++) {
        const [nx, ny] = this.screenOf(links[i]!);
        ctx.moveTo(x, y);
        ctx.lineTo(nx, ny);
      }
      ctx.stroke();
      ctx.globalAlpha = 1;
    }
    const lod = chooseLod(this.camera.scale, this.spacing, this.viewport.width * this.viewport.height);
    const r = Math.max(4, nodeRadius(lod, this.graph!.data.degrees[node]!) + 2);
    ctx.lineWidth = 2;
    ctx.strokeStyle = colour;
    ctx.beginPath();
    ctx.arc(x, y, r, 0, 2 * Math.PI);
    ctx.stroke();
    drawLabel(ctx, this.theme, this.graph!.data.terms[node]!, x, y - r - 3, true);
  }

}
