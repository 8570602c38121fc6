import { describe, expect, it } from "vitest";
import type { TJobDto } from "../src/lib/api-types";
import { buildLogLines } from "../src/features/jobs/lib/log-lines";

function job(patch: Partial<TJobDto>): TJobDto {
  return {
    id: "j1", kind: "project.stats", title: "Stats", queue: "default", projectId: "p1", parentId: null,
    status: "queued", progress: 0, message: null, doneCount: 0, totalCount: 0, failedCount: 0, attempts: 0,
    error: null, cancelRequested: false, createdAt: "2026-01-01T00:00:00.000Z", startedAt: null, finishedAt: null,
    ...patch,
  };
}

describe("buildLogLines", () => {
  it("writes a job's lifecycle in time order, with the error on failure", () => {
    const failed = job({ status: "failed", startedAt: "2026-01-01T00:00:01.000Z", finishedAt: "2026-01-01T00:00:02.000Z", error: "boom" });
    const lines = buildLogLines([failed], []);
    expect(lines.map((l) => l.event)).toEqual(["queued", "started", "failed"]);
    expect(lines[2]).toMatchObject({ level: "error", text: "boom" });
  });

  it("adds live progress lines for the followed job", () => {
    const running = job({ status: "running", startedAt: "2026-01-01T00:00:01.000Z", message: "counting" });
    const lines = buildLogLines([running], [{ at: "2026-01-01T00:00:03.000Z", job: { ...running, progress: 0.5 } }]);
    expect(lines.map((l) => l.event)).toEqual(["queued", "started", "progress"]);
  });
});
