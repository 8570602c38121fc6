// Pure helpers of the Tester UI: artifact statuses, the statistics panel's readings, an item's
// provenance pairing, review bodies and edit checks, the create form's settings, cache patches.
// Where the UI repeats an engine constant (it cannot import the engine), it is checked against it.
import { measureLengthRatio, PERTURB_OPERATORS as ENGINE_OPERATORS, ZTesterSettings } from "@proda/engine";
import { describe, expect, it } from "vitest";
import { chooseArtifact, defaultArtifact, isUsable } from "../src/features/benchmarks/lib/artifact-status";
import { benchmarkExportHref, datasetExportHref } from "../src/features/benchmarks/lib/export-formats";
import { optionProvenance, testedRelations } from "../src/features/benchmarks/lib/item-provenance";
import { reviewPatch } from "../src/features/benchmarks/lib/items-cache";
import { PERTURB_OPERATORS } from "../src/features/benchmarks/lib/labels";
import { decisionBody, draftOf, draftProblem, editBody, lengthRatio } from "../src/features/benchmarks/lib/review-edit";
import { createBody, DEFAULT_SETTINGS, invalidSettings } from "../src/features/benchmarks/lib/settings-form";
import { countRows, guesserVerdict, parityOk, positionBars, skippedByReason } from "../src/features/benchmarks/lib/stats-view";
import type { TBenchmarkItemDetailDto, TBenchmarkItemDto, TRelationDto } from "../src/lib/api-types";

const relation = (id: string, subject: [string, string], object: [string, string]): TRelationDto => ({
  id,
  subject: { id: subject[0], term: subject[1] },
  object: { id: object[0], term: object[1] },
  type: "causes",
  predicate: "causes",
  negated: false,
  discipline: "biology",
  quote: { chunkId: "k1", documentId: "d1", documentName: "cells.md", start: 0, end: 10, text: `${subject[1]} causes ${object[1]}` },
});

const item = (over: Partial<TBenchmarkItemDto> = {}): TBenchmarkItemDto => ({
  id: "i1",
  position: 0,
  key: "key-1",
  kind: "statement",
  mode: "single",
  question: "Which statement is true?",
  options: [
    { label: "A", text: "Glucose drives respiration.", correct: true, distractor: null },
    { label: "B", text: "Respiration drives glucose.", correct: false, distractor: { operator: "swap_subject_object", sourceRelationId: "r1", changed: "subject ↔ object", statement: { subjectId: "c2", type: "causes", objectId: "c1", negated: false } } },
    { label: "C", text: "Glucose prevents the ATP.", correct: false, distractor: { operator: "break_step_order", sourceRelationId: "r9", changed: "steps 2 and 3 swapped", statement: null } },
  ],
  answer: "A",
  chainId: "ch1",
  discipline: "biology",
  chainLength: 3,
  level: 2,
  operators: ["swap_subject_object", "break_step_order"],
  review: "pending",
  reviewNote: null,
  reviewedAt: null,
  ...over,
});

describe("artifact status", () => {
  const list = [
    { id: "a", status: "building" as const },
    { id: "b", status: "failed" as const },
    { id: "c", status: "frozen" as const },
    { id: "d", status: "ready" as const },
  ];
  it("shows the newest usable artifact by default, else the newest of any status", () => {
    expect(defaultArtifact(list)?.id).toBe("c");
    expect(defaultArtifact(list.slice(0, 2))?.id).toBe("a");
    expect(defaultArtifact([])).toBeNull();
  });
  it("keeps the URL's choice only when it is in the list", () => {
    expect(chooseArtifact(list, "d")?.id).toBe("d");
    expect(chooseArtifact(list, "gone")?.id).toBe("c");
    expect(isUsable({ status: "frozen" })).toBe(true);
    expect(isUsable({ status: "building" })).toBe(false);
  });
});

describe("statistics readings", () => {
  it("orders position bars by label and measures the worst deviation from an even share", () => {
    const { bars, expected, maxDeviation } = positionBars({ C: 30, A: 20, B: 25, D: 25 });
    expect(bars.map((b) => b.key)).toEqual(["A", "B", "C", "D"]);
    expect(bars.map((b) => b.share)).toEqual([0.2, 0.25, 0.3, 0.25]);
    expect(expected).toBe(0.25);
    expect(maxDeviation).toBeCloseTo(0.05);
    expect(positionBars(undefined)).toEqual({ bars: [], expected: 0, maxDeviation: 0 });
  });

  it("lists counts largest first, ties by key", () => {
    expect(countRows({ b: 2, a: 2, c: 5 }).map((r) => [r.key, r.count])).toEqual([["c", 5], ["a", 2], ["b", 2]]);
    expect(countRows({})).toEqual([]);
  });

  it("passes a length-only guesser within chance + 5 points and flags one above", () => {
    const report = (longest: number, shortest: number, share = 0.5, pairs = 10) => ({
      single: { items: 100, chance: 0.25, longest: { correct: longest, total: 100, accuracy: longest / 100 }, shortest: { correct: shortest, total: 100, accuracy: shortest / 100 } },
      multi: { items: 10, pairs, correctLongerShare: share },
    });
    expect(guesserVerdict(report(30, 20)).single).toMatchObject({ ok: true, guesser: "longest", best: 0.3 });
    expect(guesserVerdict(report(20, 31)).single).toMatchObject({ ok: false, guesser: "shortest" });
    expect(guesserVerdict(report(25, 25, 0.6)).multi.ok).toBe(false);
    expect(guesserVerdict(report(25, 25, 0.9, 0)).multi.ok).toBe(true);
  });

  it("checks parity against the bound and sums skipped chains per reason", () => {
    expect(parityOk({ maxRatio: 1.3, meanRatio: 1.1, bound: 1.3, withinBound: 1 })).toBe(true);
    expect(parityOk({ maxRatio: 1.31, meanRatio: 1.1, bound: 1.3, withinBound: 0.9 })).toBe(false);
    const skipped = [{ chainId: "a", reason: "no_distractor", count: 2 }, { chainId: "b", reason: "no_distractor", count: 1 }, { chainId: "c", reason: "duplicate", count: 4 }];
    expect(skippedByReason(skipped))
      .toEqual({ no_distractor: 3, duplicate: 4 });
  });
});

describe("item provenance", () => {
  const detail: Pick<TBenchmarkItemDetailDto, "item" | "relations" | "concepts"> = {
    item: { ...item(), relationIds: ["r1", "r2"], conceptIds: ["c1", "c2"], chunkIds: ["k1"] },
    relations: [relation("r1", ["c1", "glucose"], ["c2", "respiration"]), relation("r2", ["c2", "respiration"], ["c3", "ATP"])],
    concepts: [{ id: "c1", term: "glucose", type: "substance" }],
  };

  it("puts each distractor beside the true relation it perturbs, with its false statement in terms", () => {
    const rows = optionProvenance(detail);
    expect(rows.map((r) => [r.option.label, r.source?.id ?? null])).toEqual([["A", null], ["B", "r1"], ["C", null]]);
    // c2 is not in `concepts`: its term comes from the relations.
    expect(rows[1]!.statement).toEqual({ subject: "respiration", type: "causes", object: "glucose", negated: false });
    expect(rows[2]!.statement).toBeNull();
  });

  it("lists the tested relations no distractor points at", () => {
    expect(testedRelations(detail).map((r) => r.id)).toEqual(["r2"]);
  });
});

describe("review bodies", () => {
  it("sends only what an edit changed, trimmed, with the note", () => {
    const base = item();
    const draft = draftOf(base);
    expect(draftProblem(base, draft)).toBe("unchanged");
    draft.options[1]!.text = "  Respiration drives the glucose. ";
    draft.note = " clearer ";
    expect(draftProblem(base, draft)).toBeNull();
    expect(editBody(base, draft)).toEqual({
      action: "edit",
      options: [
        { label: "A", text: "Glucose drives respiration." },
        { label: "B", text: "Respiration drives the glucose." },
        { label: "C", text: "Glucose prevents the ATP." },
      ],
      note: "clearer",
    });
    expect(editBody(base, { ...draftOf(base), question: "Which is true? " })).toEqual({ action: "edit", question: "Which is true?" });
  });

  it("refuses empty, duplicate and unbalanced drafts", () => {
    const base = item();
    expect(draftProblem(base, { ...draftOf(base), question: "  " })).toBe("emptyQuestion");
    const empty = draftOf(base);
    empty.options[0]!.text = " ";
    expect(draftProblem(base, empty)).toBe("emptyOption");
    const dup = draftOf(base);
    dup.options[1]!.text = "glucose drives respiration.";
    expect(draftProblem(base, dup)).toBe("duplicateOption");
    const long = draftOf(base);
    long.options[2]!.text = "Glucose prevents the ATP in every single cell of the body, always.";
    expect(draftProblem(base, long, 1.3)).toBe("unbalanced");
    expect(draftProblem(base, long)).toBeNull();
  });

  it("measures option lengths as the engine does", () => {
    for (const texts of [["a", "abc"], ["same", "size"], ["", "x"], ["one", "three", "fifteen"]]) {
      expect(lengthRatio(texts)).toBe(measureLengthRatio(texts));
    }
  });

  it("gives accept and reject a note only when one is written", () => {
    expect(decisionBody("accept", "  ")).toEqual({ action: "accept" });
    expect(decisionBody("reject", " wrong chain ")).toEqual({ action: "reject", note: "wrong chain" });
  });

  it("shows a review at once as the table would after the server answers", () => {
    const base = item();
    expect(reviewPatch({ action: "accept" }, base)).toEqual({ review: "accepted" });
    const patch = reviewPatch({ action: "edit", options: [{ label: "B", text: "New B" }], note: "n" }, base);
    expect(patch.review).toBe("edited");
    expect(patch.reviewNote).toBe("n");
    expect(patch.options!.map((o) => o.text)).toEqual(["Glucose drives respiration.", "New B", "Glucose prevents the ATP."]);
    expect(patch.options![1]!.distractor?.operator).toBe("swap_subject_object");
  });
});

describe("create form", () => {
  it("starts from the engine's default settings and knows its operators", () => {
    expect(DEFAULT_SETTINGS).toEqual(ZTesterSettings.parse({}));
    expect([...PERTURB_OPERATORS]).toEqual([...ENGINE_OPERATORS]);
  });

  it("flags settings out of the engine's bounds and non-integers", () => {
    expect(invalidSettings(DEFAULT_SETTINGS)).toEqual([]);
    expect(invalidSettings({ ...DEFAULT_SETTINGS, optionCount: 7, itemsPerChain: 1.5, seed: Number.NaN, maxLengthRatio: 0.9 }).sort())
      .toEqual(["itemsPerChain", "maxLengthRatio", "optionCount", "seed"]);
    for (const settings of [DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, optionCount: 6, mode: "single" as const, seed: 42 }]) {
      expect(ZTesterSettings.safeParse(settings).success).toBe(true);
    }
  });

  it("leaves out an empty name, provider and discipline list", () => {
    expect(createBody({ knowledgeVersionId: "v1", name: "  ", settings: DEFAULT_SETTINGS, disciplines: [] })).toEqual({ knowledgeVersionId: "v1", settings: DEFAULT_SETTINGS });
    expect(createBody({ knowledgeVersionId: "v1", name: " Round 1 ", providerId: "p", settings: DEFAULT_SETTINGS, disciplines: ["b", "a"] }))
      .toEqual({ knowledgeVersionId: "v1", name: "Round 1", providerId: "p", settings: DEFAULT_SETTINGS, disciplines: ["a", "b"] });
  });
});

describe("export links", () => {
  it("encode ids and the format", () => {
    expect(benchmarkExportHref("p 1", "b/2", "lm_eval")).toBe("/api/v1/projects/p%201/benchmarks/b%2F2/export?format=lm_eval");
    expect(datasetExportHref("p", "d", "llama_factory")).toBe("/api/v1/projects/p/datasets/d/export?format=llama_factory");
  });
});
