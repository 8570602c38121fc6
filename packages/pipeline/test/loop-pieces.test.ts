// The loop's pure pieces: the advance job ids of a loop's chain, the timeline's one entry per stage
// (a resume reopens it), and the settings a loop stores (defaults filled in, V1's budget or share).
import { describe, expect, it } from "vitest";
import { advanceJobId, closeEntry, nextAdvanceJobId, nextStage, openEntry, readTimeline, ZLoopSettings } from "../src/index.ts";

describe("advance job ids", () => {
  it("number a loop's steps, so the same step enqueued twice is one job", () => {
    expect(nextAdvanceJobId("ck1", null)).toBe("loop-ck1-1");
    expect(nextAdvanceJobId("ck1", advanceJobId("ck1", 41))).toBe("loop-ck1-42");
    // An id from elsewhere (another loop, a hand-made job) restarts the count instead of borrowing it.
    expect(nextAdvanceJobId("ck1", "loop-ck2-7")).toBe("loop-ck1-1");
    expect(advanceJobId("ck1", 3)).not.toContain(":"); // BullMQ refuses ':' in custom ids
  });
});

describe("timeline", () => {
  const t0 = new Date("2026-01-01T00:00:00Z");
  const t1 = new Date("2026-01-01T00:01:00Z");
  const t2 = new Date("2026-01-01T00:02:00Z");

  it("keeps one entry per stage: closing, then reopening on resume", () => {
    let timeline = openEntry(readTimeline([]), "extract", t0);
    timeline = closeEntry(timeline, "extract", "skipped", "Using knowledge version 1", t0);
    timeline = openEntry(timeline, nextStage("extract"), t0);
    timeline = closeEntry(timeline, "benchmark", "failed", "boom", t1);
    expect(timeline).toEqual([
      { stage: "extract", status: "skipped", startedAt: t0.toISOString(), finishedAt: t0.toISOString(), message: "Using knowledge version 1" },
      { stage: "benchmark", status: "failed", startedAt: t0.toISOString(), finishedAt: t1.toISOString(), message: "boom" },
    ]);
    const resumed = openEntry(timeline, "benchmark", t2, "Resumed after failed");
    expect(resumed).toHaveLength(2);
    expect(resumed[1]).toEqual({ stage: "benchmark", status: "running", startedAt: t2.toISOString(), finishedAt: null, message: "Resumed after failed" });
  });

  it("reads a missing or malformed timeline as empty, and stays at done", () => {
    expect(readTimeline(null)).toEqual([]);
    expect(readTimeline({})).toEqual([]);
    expect(nextStage("evaluate_v2")).toBe("done");
    expect(nextStage("done")).toBe("done");
  });
});

describe("loop settings", () => {
  it("fills in every stage's defaults, so a stored loop can be rerun as it was", () => {
    const s = ZLoopSettings.parse({});
    expect(s).toMatchObject({ reuseKnowledge: false, backend: "builtin-student", v1: { seed: 0 }, patch: { budget: 1000, replayRatio: 0.65, seed: 0 } });
    expect(s.benchmark.itemsPerChain).toBeGreaterThan(0);
    expect(s.evaluation.concurrency).toBeGreaterThan(0);
    expect(s.diagnosis).toMatchObject({ judge: "builtin", minSamples: 2 });
  });

  it("takes V1's size as a budget or as a share of the relations, not both, and only backends it can evaluate", () => {
    expect(ZLoopSettings.parse({ v1: { share: 0.5 } }).v1.share).toBe(0.5);
    expect(ZLoopSettings.safeParse({ v1: { budget: 100, share: 0.5 } }).success).toBe(false);
    expect(ZLoopSettings.safeParse({ backend: "hf-peft" }).success).toBe(false);
    expect(ZLoopSettings.safeParse({ patch: { replayRatio: 2 } }).success).toBe(false);
  });
});
