import { describe, expect, it } from "vitest";
import { createRepeatLimitedErrorLog } from "../src/log.ts";

describe("repeat-limited error log", () => {
  it("logs an error once per interval, then says how often it repeated", () => {
    let clock = 0;
    const lines: [Record<string, unknown>, string][] = [];
    const logError = createRepeatLimitedErrorLog(30_000, () => clock, (fields, message) => lines.push([fields, message]));
    for (let i = 0; i <= 60; i++) {
      logError({ err: "ECONNREFUSED" }, "worker error", "cpu:ECONNREFUSED");
      clock += 500;
    }
    logError({ err: "other" }, "worker error", "cpu:other");
    expect(lines).toEqual([
      [{ err: "ECONNREFUSED" }, "worker error"],
      [{ err: "ECONNREFUSED", repeatsSinceLast: 59 }, "worker error"],
      [{ err: "other" }, "worker error"],
    ]);
  });
});
