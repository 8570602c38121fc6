import { describe, expect, it } from "vitest";
import { fuzzyMatch, rankByFuzzy } from "../src/features/commands/lib/fuzzy";

describe("fuzzyMatch", () => {
  it("matches characters in order, case-insensitively", () => {
    expect(fuzzyMatch("tgth", "Toggle Theme")).not.toBeNull();
    expect(fuzzyMatch("RECOMP", "Recompute statistics")?.indices).toEqual([0, 1, 2, 3, 4, 5]);
    expect(fuzzyMatch("xyz", "Toggle Theme")).toBeNull();
    expect(fuzzyMatch("ehtt", "Toggle Theme")).toBeNull();
  });

  it("accepts everything for an empty query", () => {
    expect(fuzzyMatch("  ", "anything")).toEqual({ score: 0, indices: [] });
  });

  it("prefers word starts when choosing positions", () => {
    expect(fuzzyMatch("tp", "View: Toggle Panel")?.indices).toEqual([6, 13]);
  });
});

describe("rankByFuzzy", () => {
  const items = ["View: Toggle Panel", "Preferences: Toggle Theme", "Open Members", "Open Corpus"];

  it("ranks a contiguous substring above a scattered match", () => {
    const ranked = rankByFuzzy(items, "theme", (s) => s).map((r) => r.item);
    expect(ranked[0]).toBe("Preferences: Toggle Theme");
  });

  it("drops non-matches and keeps input order on ties", () => {
    expect(rankByFuzzy(items, "open", (s) => s).map((r) => r.item)).toEqual(["Open Members", "Open Corpus"]);
  });
});
