// Pure helpers of the Corpus UI: text segmentation for the viewer, upload batching and progress,
// and the settings form round trip.
import { describe, expect, it } from "vitest";
import { buildSegments } from "../src/features/corpus/lib/chunk-segments";
import { distributeProgress, normaliseDiscipline, normaliseJsonFields, planBatches, precheckFile } from "../src/features/corpus/lib/upload-plan";
import { fromFormValues, serverFieldErrors, toFormValues } from "../src/features/corpus/lib/settings-form";
import type { TCorpusSettingsDto } from "../src/lib/api-types";

describe("buildSegments", () => {
  it("splits at chunk boundaries, marking overlaps and gaps", () => {
    const text = "a".repeat(100);
    const { segments, firstSegment } = buildSegments(text, 100, [
      { start: 0, end: 60 },
      { start: 50, end: 90 },
    ]);
    expect(segments.map((s) => [s.start, s.end, s.chunks])).toEqual([
      [0, 50, [0]],
      [50, 60, [0, 1]],
      [60, 90, [1]],
      [90, 100, []],
    ]);
    expect(segments.map((s) => s.starts)).toEqual([[0], [1], [], []]);
    expect(firstSegment).toEqual([0, 1]);
  });

  it("covers the whole text exactly once and cuts long pieces at newlines", () => {
    const text = Array.from({ length: 300 }, (_, i) => `line ${i} of some text`).join("\n");
    const { segments } = buildSegments(text, text.length, [{ start: 0, end: text.length }], 500);
    expect(segments[0]!.start).toBe(0);
    expect(segments.at(-1)!.end).toBe(text.length);
    for (let i = 1; i < segments.length; i++) expect(segments[i]!.start).toBe(segments[i - 1]!.end);
    expect(Math.max(...segments.map((s) => s.end - s.start))).toBeLessThanOrEqual(500);
    expect(segments.slice(0, -1).every((s) => text[s.end - 1] === "\n")).toBe(true);
    expect(segments.filter((s) => s.starts.length).length).toBe(1);
  });

  it("clamps chunk offsets outside the text", () => {
    const { segments } = buildSegments("hello", 5, [{ start: -3, end: 99 }]);
    expect(segments).toEqual([{ start: 0, end: 5, chunks: [0], starts: [0] }]);
  });

  it("handles a text without chunks", () => {
    expect(buildSegments("", 0, []).segments).toEqual([]);
    expect(buildSegments("abc", 3, []).segments).toEqual([{ start: 0, end: 3, chunks: [], starts: [] }]);
  });
});

describe("upload planning", () => {
  it("sends archives and big files alone and groups small files", () => {
    const files = [
      { size: 1000, path: "a.md" },
      { size: 2000, path: "b.md" },
      { size: 10, path: "c.zip" },
      { size: 5 * 1024 * 1024, path: "big.pdf" },
      ...Array.from({ length: 10 }, (_, i) => ({ size: 100, path: `s${i}.txt` })),
    ];
    expect(planBatches(files)).toEqual([[2], [3], [0, 1, 4, 5, 6, 7, 8, 9], [10, 11, 12, 13]]);
  });

  it("refuses empty and oversized files before sending", () => {
    expect(precheckFile({ size: 0 }, 100)).toBe("empty");
    expect(precheckFile({ size: 101 }, 100)).toBe("payload_too_large");
    expect(precheckFile({ size: 100 }, 100)).toBeNull();
    expect(precheckFile({ size: 10 }, undefined)).toBeNull();
  });

  it("spreads request progress over its files in order", () => {
    expect(distributeProgress([100, 100], 0, 250)).toEqual([0, 0]);
    expect(distributeProgress([100, 100], 125, 250)).toEqual([1, 0]);
    expect(distributeProgress([100, 100], 250, 250)).toEqual([1, 1]);
  });

  it("validates disciplines and JSON field paths like the server", () => {
    expect(normaliseDiscipline("  Economics ")).toEqual({ value: "economics", valid: true });
    expect(normaliseDiscipline("")).toEqual({ value: undefined, valid: true });
    expect(normaliseDiscipline("-bad").valid).toBe(false);
    expect(normaliseJsonFields("body.text, abstract ,")).toEqual({ value: "body.text,abstract", valid: true });
    expect(normaliseJsonFields("a b").valid).toBe(false);
  });
});

describe("settings form", () => {
  const settings: TCorpusSettingsDto = {
    chunkTokens: 512,
    overlapTokens: 64,
    dedupThreshold: 0.8,
    maxUploadBytes: 1000,
    quality: {
      length: { enabled: true, minTokens: 32 },
      repetition: { enabled: true, maxTopNgramCharShare: [0.35, 0.34, 0.33], minWords: 50 },
      future: { enabled: false, knob: 3 },
    },
  };

  it("round-trips every field, including unknown ones", () => {
    const values = toFormValues(settings);
    expect(values["quality.repetition.maxTopNgramCharShare"]).toBe("0.35, 0.34, 0.33");
    expect(values["quality.future.knob"]).toBe("3");
    const { settings: out, errors } = fromFormValues(settings, values);
    expect(errors).toEqual({});
    const { maxUploadBytes: _ignored, ...rest } = settings;
    expect(out).toEqual(rest);
  });

  it("reports bad numbers, ranges, lists and the overlap rule", () => {
    const values = {
      ...toFormValues(settings),
      chunkTokens: "100",
      overlapTokens: "60",
      dedupThreshold: "0.2",
      "quality.length.minTokens": "1.5",
      "quality.repetition.maxTopNgramCharShare": "0.3, 2",
    };
    const { settings: out, errors } = fromFormValues(settings, values);
    expect(out).toBeNull();
    expect(errors.overlapTokens).toEqual({ key: "overlap", vars: { max: 50 } });
    expect(errors.dedupThreshold?.key).toBe("range");
    expect(errors["quality.length.minTokens"]?.key).toBe("integer");
    expect(errors["quality.repetition.maxTopNgramCharShare"]?.key).toBe("list");
  });

  it("reads zod's flattened errors", () => {
    expect(serverFieldErrors({ formErrors: ["x"], fieldErrors: { overlapTokens: ["too big"] } })).toEqual({
      fields: { overlapTokens: "too big" },
      form: ["x"],
    });
    expect(serverFieldErrors(undefined)).toEqual({ fields: {}, form: [] });
  });
});
