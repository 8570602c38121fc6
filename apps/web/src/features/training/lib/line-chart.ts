// The geometry of a small SVG line chart: padded domains, round tick values, the path. Pure;
// covered by test/training-ui-lib.test.ts.
import type { TPoint } from "./log-series";

export interface TChartBox {
  width: number;
  height: number;
  /** Room for the axis labels: left and bottom. */
  left: number;
  bottom: number;
  top: number;
  right: number;
}

/** About `count` round values covering [min, max] (1, 2 or 5 times a power of ten apart). */
export function niceTicks(min: number, max: number, count = 4): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min === max) return [min];
  const raw = (max - min) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/** [min, max] of the values, widened when flat so a constant series draws as a line in the middle. */
export function extent(values: readonly number[]): [number, number] {
  if (values.length === 0) return [0, 1];
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === max) {
    const pad = min === 0 ? 1 : Math.abs(min) * 0.1;
    return [min - pad, max + pad];
  }
  return [min, max];
}

export function chartGeometry(points: readonly TPoint[], box: TChartBox) {
  const [x0, x1] = extent(points.map((p) => p.x));
  const [y0, y1] = extent(points.map((p) => p.y));
  const plotW = box.width - box.left - box.right;
  const plotH = box.height - box.top - box.bottom;
  const x = (v: number) => box.left + ((v - x0) / (x1 - x0)) * plotW;
  const y = (v: number) => box.top + plotH - ((v - y0) / (y1 - y0)) * plotH;
  const path = points.map((p, i) => `${i === 0 ? "M" : "L"}${x(p.x).toFixed(1)},${y(p.y).toFixed(1)}`).join("");
  return { x, y, path, xTicks: niceTicks(x0, x1, 5).filter((v) => v >= x0 && v <= x1), yTicks: niceTicks(y0, y1, 4).filter((v) => v >= y0 && v <= y1) };
}
