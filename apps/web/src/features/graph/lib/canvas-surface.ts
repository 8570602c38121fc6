// Canvas plumbing shared by the renderer and the scene: off-screen surfaces, the theme's colours
// read from CSS variables, colour strings packed for pixel buffers, and labels with a halo.
import { packRgba } from "./rasterize";

export type TSurface = HTMLCanvasElement | OffscreenCanvas;
export type TContext = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

export interface TTheme {
  edge: [number, number, number];
  label: string;
  halo: string;
  accent: string;
  hover: string;
}

export function createSurface(width: number, height: number): TSurface {
  if (typeof OffscreenCanvas !== "undefined") return new OffscreenCanvas(width, height);
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  return canvas;
}

/** CSS colour → packed RGBA, through a 1×1 canvas (handles hex, rgb(), hsl() and names alike). */
export function packColours(colours: string[]): Uint32Array {
  const surface = createSurface(1, 1);
  const ctx = surface.getContext("2d", { willReadFrequently: true }) as TContext;
  return Uint32Array.from(colours, (colour) => {
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = colour;
    ctx.fillRect(0, 0, 1, 1);
    const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
    return packRgba(r!, g!, b!);
  });
}

export function readTheme(element: HTMLElement): TTheme {
  const style = getComputedStyle(element);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const edge = packColours([v("--muted", "#888888")])[0]!;
  return {
    edge: [edge & 255, (edge >>> 8) & 255, (edge >>> 16) & 255],
    label: v("--strong", "#222222"),
    halo: v("--surface", "#ffffff"),
    accent: v("--accent", "#0078d4"),
    hover: v("--warning", "#cca700"),
  };
}

const LABEL_FONT = "11px system-ui, sans-serif";
const truncate = (text: string) => (text.length > 28 ? `${text.slice(0, 27)}…` : text);

/** A label centred above (x, y), with a halo in the background colour so it reads over edges. */
export function drawLabel(ctx: TContext, theme: TTheme, text: string, x: number, y: number, strong: boolean): void {
  ctx.font = strong ? `600 ${LABEL_FONT}` : LABEL_FONT;
  ctx.textAlign = "center";
  ctx.textBaseline = "bottom";
  ctx.lineJoin = "round";
  ctx.lineWidth = 3;
  ctx.strokeStyle = theme.halo;
  ctx.strokeText(truncate(text), x, y);
  ctx.fillStyle = theme.label;
  ctx.fillText(truncate(text), x, y);
}
