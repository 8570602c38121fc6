// A run's log as chart series: entries merged as they stream in (by seq, never twice), one series
// per metric, thinned to what a chart can show. Pure; covered by test/training-ui-lib.test.ts.
import type { TTrainingLogEntryDto } from "@/lib/api-types";

export interface TPoint {
  x: number;
  y: number;
}

export type TMetric = "loss" | "learningRate" | "accuracy";

/** The browser keeps at most this many entries of one run (the charts are thinned further). */
export const MAX_LOG_ENTRIES = 50_000;

/** `current` with the entries of `incoming` it lacks, in seq order. */
export function mergeLogEntries(current: readonly TTrainingLogEntryDto[], incoming: readonly TTrainingLogEntryDto[]): TTrainingLogEntryDto[] {
  if (incoming.length === 0) return current as TTrainingLogEntryDto[];
  const last = current.at(-1)?.seq ?? -1;
  // The common case: new entries after the last one, in order (the stream and the pages send them so).
  if (incoming.every((e, i) => e.seq > (i === 0 ? last : incoming[i - 1]!.seq))) return [...current, ...incoming].slice(-MAX_LOG_ENTRIES);
  const bySeq = new Map<number, TTrainingLogEntryDto>();
  for (const entry of current) bySeq.set(entry.seq, entry);
  for (const entry of incoming) bySeq.set(entry.seq, entry);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq).slice(-MAX_LOG_ENTRIES);
}

/** One metric over steps (the entry's seq when it has no step), skipping entries without it. */
export function logSeries(entries: readonly TTrainingLogEntryDto[], metric: TMetric): TPoint[] {
  const points: TPoint[] = [];
  for (const entry of entries) {
    const y = entry[metric];
    if (y === null || !Number.isFinite(y)) continue;
    points.push({ x: entry.step ?? entry.seq, y });
  }
  return points;
}

/**
 * At most about `max` points: per bucket of consecutive points, the lowest and the highest, in
 * order, so spikes survive the thinning; the first and last points are always kept.
 */
export function downsample(points: readonly TPoint[], max: number): TPoint[] {
  if (points.length <= max || max < 4) return [...points];
  const buckets = Math.floor((max - 2) / 2);
  const inner = points.slice(1, -1);
  const size = inner.length / buckets;
  const out: TPoint[] = [points[0]!];
  for (let b = 0; b < buckets; b++) {
    const slice = inner.slice(Math.floor(b * size), Math.floor((b + 1) * size));
    if (slice.length === 0) continue;
    let low = slice[0]!;
    let high = slice[0]!;
    for (const p of slice) {
      if (p.y < low.y) low = p;
      if (p.y > high.y) high = p;
    }
    if (low === high) out.push(low);
    else out.push(...(low.x <= high.x ? [low, high] : [high, low]));
  }
  out.push(points.at(-1)!);
  return out;
}

/** A log entry as one line of text ("step 40 · epoch 1 · loss 0.512 · lr 0.0002 · message"). */
export function logLineParts(entry: TTrainingLogEntryDto): { key: string; value: number }[] {
  const parts: { key: string; value: number }[] = [];
  if (entry.step !== null) parts.push({ key: "step", value: entry.step });
  if (entry.epoch !== null) parts.push({ key: "epoch", value: entry.epoch });
  if (entry.loss !== null) parts.push({ key: "loss", value: entry.loss });
  if (entry.learningRate !== null) parts.push({ key: "lr", value: entry.learningRate });
  if (entry.accuracy !== null) parts.push({ key: "accuracy", value: entry.accuracy });
  return parts;
}
