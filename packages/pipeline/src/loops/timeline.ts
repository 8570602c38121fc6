// The loop's timeline: one entry per stage, updated in place (a resumed stage reopens its entry
// rather than adding a second one). Pure: callers write the result back with their own guards.
import type { TLoopStage, TTimelineEntry, TTimelineStatus } from "./loop-settings.ts";

export function readTimeline(json: unknown): TTimelineEntry[] {
  return Array.isArray(json) ? (json as TTimelineEntry[]) : [];
}

export const entryOf = (timeline: readonly TTimelineEntry[], stage: TLoopStage) => timeline.find((e) => e.stage === stage);

/** The stage's entry, running from `now` (a fresh attempt: finishedAt cleared). */
export function openEntry(timeline: readonly TTimelineEntry[], stage: TLoopStage, now: Date, message: string | null = null): TTimelineEntry[] {
  const entry: TTimelineEntry = { stage, status: "running", startedAt: now.toISOString(), finishedAt: null, message };
  return entryOf(timeline, stage) ? timeline.map((e) => (e.stage === stage ? entry : e)) : [...timeline, entry];
}

export function closeEntry(
  timeline: readonly TTimelineEntry[], stage: TLoopStage, status: Exclude<TTimelineStatus, "running">, message: string | null, now: Date,
  extra: Partial<TTimelineEntry> = {},
): TTimelineEntry[] {
  const done = (e: TTimelineEntry): TTimelineEntry => ({ ...e, ...extra, status, message, finishedAt: now.toISOString(), startedAt: e.startedAt ?? now.toISOString() });
  return entryOf(timeline, stage) ? timeline.map((e) => (e.stage === stage ? done(e) : e)) : [...timeline, done({ stage, status, startedAt: null, finishedAt: null, message })];
}
