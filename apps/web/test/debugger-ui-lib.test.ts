// Pure helpers of the Debugger UI: the lineage graph's layered layout, the failures filters (checked
// against the route's schema), review bodies and shortcuts (against ZReviewRequest), the diagnose,
// patch and loop forms (against the server's schemas), κ / ρ bands and formatting, the comparison's
// defaults and bar geometry, the loop timeline and artifacts, the trace's wording helpers, and the
// external set's error lines and pasted scores.
import { ZDiagnoseRequest, ZLoopSettings, ZPatchOptions, ZPatchRequest } from "@proda/pipeline";
import { describe, expect, it } from "vitest";
import { ApiError } from "../src/lib/api-client";
import type { TDatasetDto, TDiagnosisDto, TEvaluationDto, TLoopDto, TModelDto } from "../src/lib/api-types";
import { ZDiagnosisQuery } from "../src/server/debugger/list-diagnoses";
import { ZReviewRequest } from "../src/server/debugger/review-diagnosis";
import { formatCoefficient, formatPointChange, kappaBand, rhoBand } from "../src/features/debugger/lib/calibration";
import { comparableEvaluations, compareDefaults, filterOutcomes, groupedBarGeometry, BAR_CHART, type TOutcomeRow } from "../src/features/debugger/lib/compare";
import { DIAGNOSE_DEFAULTS, diagnoseBody, diagnoseFormProblems, initialDiagnoseValues } from "../src/features/debugger/lib/diagnose-form";
import { activeDiagnosisFilters, diagnosesQuery, NO_DIAGNOSIS_FILTERS } from "../src/features/debugger/lib/diagnosis-filters";
import { parseScoreTable, setLineErrors } from "../src/features/debugger/lib/external";
import { effectiveLabel, otherLabel, shownLabel } from "../src/features/debugger/lib/labels";
import { layoutLayered } from "../src/features/debugger/lib/layered-layout";
import { artifactHref, artifactTarget } from "../src/features/debugger/lib/links";
import { initialLoopValues, loopBody, loopFormProblems } from "../src/features/debugger/lib/loop-form";
import { armOfKey, artifactTypeOfKey, loopArtifacts, loopSummary, timelineRows, LOOP_STAGES } from "../src/features/debugger/lib/loop-view";
import { estimateBody, initialPatchValues, PATCH_DEFAULTS, patchBody, patchFormProblems } from "../src/features/debugger/lib/patch-form";
import { reviewBody, reviewPatch, reviewShortcut } from "../src/features/debugger/lib/review-actions";
import { chooseDiagnosisRun, disciplineRows, reviewProgress, toBars } from "../src/features/debugger/lib/run-view";
import { nodeNames, patchRecipeOf, sampleGist, teachingLevel } from "../src/features/debugger/lib/trace-view";

describe("layered lineage layout", () => {
  const byId = (nodes: ReturnType<typeof layoutLayered>) => new Map(nodes.map((n) => [n.id, n]));

  it("puts each node one layer past its deepest parent, left to right", () => {
    const out = byId(layoutLayered({
      nodes: [{ id: "kv" }, { id: "bench" }, { id: "v1" }, { id: "run" }, { id: "eval" }],
      edges: [{ source: "kv", target: "bench" }, { source: "kv", target: "v1" }, { source: "v1", target: "run" }, { source: "run", target: "eval" }, { source: "bench", target: "eval" }],
    }));
    expect([...out.values()].map((n) => [n.id, n.layer])).toEqual(expect.arrayContaining([["kv", 0], ["bench", 1], ["v1", 1], ["run", 2], ["eval", 3]]));
    expect(out.get("eval")!.position.x).toBeGreaterThan(out.get("run")!.position.x);
    // A layer of one sits on the axis.
    expect(out.get("kv")!.position.y).toBe(0);
  });

  it("centres each layer and keeps one row per node", () => {
    const out = layoutLayered({ nodes: [{ id: "a" }, { id: "b" }, { id: "c" }, { id: "d" }], edges: [{ source: "a", target: "b" }, { source: "a", target: "c" }, { source: "a", target: "d" }] }, { x: 100, y: 50 });
    const layer1 = out.filter((n) => n.layer === 1).map((n) => n.position.y).sort((x, y) => x - y);
    expect(layer1).toEqual([-50, 0, 50]);
    expect(new Set(out.map((n) => `${n.layer}:${n.order}`)).size).toBe(4);
  });

  it("orders a layer by its parents' positions (fewer crossings)", () => {
    // p1 above p2; c2's parent is p1, c1's is p2: c2 should come first.
    const out = byId(layoutLayered({
      nodes: [{ id: "p1" }, { id: "p2" }, { id: "c1" }, { id: "c2" }],
      edges: [{ source: "p2", target: "c1" }, { source: "p1", target: "c2" }],
    }));
    expect(out.get("p1")!.order).toBe(0);
    expect(out.get("c2")!.order).toBeLessThan(out.get("c1")!.order);
  });

  it("survives cycles, self-loops, duplicate and dangling edges", () => {
    const out = layoutLayered({
      nodes: [{ id: "a" }, { id: "b" }, { id: "c" }, { id: "a" }],
      edges: [{ source: "a", target: "b" }, { source: "b", target: "c" }, { source: "c", target: "b" }, { source: "a", target: "a" }, { source: "a", target: "b" }, { source: "a", target: "zz" }],
    });
    expect(out.map((n) => n.id).sort()).toEqual(["a", "b", "c"]);
    for (const n of out) expect(Number.isFinite(n.position.x) && Number.isFinite(n.position.y)).toBe(true);
  });

  it("handles an empty graph and lone nodes", () => {
    expect(layoutLayered({ nodes: [], edges: [] })).toEqual([]);
    expect(layoutLayered({ nodes: [{ id: "x" }, { id: "y" }], edges: [] }).every((n) => n.layer === 0)).toBe(true);
  });
});

describe("failures filters", () => {
  it("keeps only the filters set and builds the route's query", () => {
    expect(activeDiagnosisFilters(NO_DIAGNOSIS_FILTERS)).toEqual({});
    const filters = activeDiagnosisFilters({ label: "concept_gap", discipline: "biology", operator: "invert_relation", review: "pending" });
    const query = diagnosesQuery(filters, "cur", 200);
    expect(Object.fromEntries(query)).toEqual({ limit: "200", cursor: "cur", label: "concept_gap", discipline: "biology", operator: "invert_relation", review: "pending" });
    expect(ZDiagnosisQuery.parse(Object.fromEntries(query))).toMatchObject({ label: "concept_gap", review: "pending", limit: 200 });
  });

  it("accepts every review state and class the selects offer", () => {
    for (const review of ["pending", "accepted", "relabelled", "rejected"]) expect(ZDiagnosisQuery.safeParse({ review }).success).toBe(true);
    for (const label of ["concept_gap", "reasoning_deficit"]) expect(ZDiagnosisQuery.safeParse({ label }).success).toBe(true);
  });
});

describe("labels and reviews", () => {
  const d = (over: Partial<TDiagnosisDto>) => ({ label: "concept_gap", judgeLabel: null, review: "pending", reviewLabel: null, ...over }) as TDiagnosisDto;

  it("shows the judge's label over the structural one, and a relabel over both; rejected has none", () => {
    expect(shownLabel(d({}))).toBe("concept_gap");
    expect(shownLabel(d({ judgeLabel: "reasoning_deficit" }))).toBe("reasoning_deficit");
    expect(effectiveLabel(d({ review: "relabelled", reviewLabel: "reasoning_deficit" }))).toBe("reasoning_deficit");
    expect(effectiveLabel(d({ review: "rejected" }))).toBeNull();
    expect(otherLabel("concept_gap")).toBe("reasoning_deficit");
  });

  it("builds the PATCH bodies the route accepts", () => {
    const target = d({ judgeLabel: "reasoning_deficit" });
    expect(ZReviewRequest.parse(reviewBody("accept", target, "  ok  "))).toEqual({ action: "accept", note: "ok" });
    expect(reviewBody("relabel", target)).toEqual({ action: "relabel", label: "concept_gap" });
    expect(ZReviewRequest.parse(reviewBody("relabel", target, "", "reasoning_deficit"))).toEqual({ action: "relabel", label: "reasoning_deficit" });
    expect(ZReviewRequest.parse(reviewBody("reject", target, ""))).toEqual({ action: "reject" });
    expect(reviewBody("accept", target, "x".repeat(3000)).note).toHaveLength(2000);
  });

  it("maps A / R / L (not with a modifier) and patches the row optimistically", () => {
    expect(reviewShortcut({ key: "a" })).toBe("accept");
    expect(reviewShortcut({ key: "R" })).toBe("reject");
    expect(reviewShortcut({ key: "l" })).toBe("relabel");
    expect(reviewShortcut({ key: "a", ctrlKey: true })).toBeNull();
    expect(reviewShortcut({ key: "Enter" })).toBeNull();
    expect(reviewPatch({ action: "relabel", label: "concept_gap" })).toEqual({ review: "relabelled", reviewLabel: "concept_gap", reviewNote: null });
    expect(reviewPatch({ action: "accept", note: "fine" })).toEqual({ review: "accepted", reviewLabel: null, reviewNote: "fine" });
  });
});

describe("forms against the server's schemas", () => {
  it("diagnose: defaults and bounds match ZDiagnoseRequest", () => {
    expect(ZDiagnoseRequest.parse({})).toEqual(DIAGNOSE_DEFAULTS);
    const body = diagnoseBody(initialDiagnoseValues());
    expect(ZDiagnoseRequest.parse(body)).toEqual(body);
    expect(diagnoseFormProblems({ judge: "builtin", minSamples: "0", abstainBelow: "1.5" })).toEqual(new Set(["minSamples", "abstainBelow"]));
    expect(diagnoseBody({ judge: "", minSamples: "3", abstainBelow: "0.7" })).toEqual({ judge: "builtin", minSamples: 3, abstainBelow: 0.7 });
  });

  it("patch: defaults match ZPatchRequest; the estimate body parses; invalid fields give null", () => {
    expect(ZPatchRequest.parse({})).toEqual(PATCH_DEFAULTS);
    expect(estimateBody(initialPatchValues())).toEqual({ budget: 1000, replayRatio: 0.65, seed: 0 });
    expect(ZPatchOptions.parse(estimateBody({ budget: "250", replayPercent: "33.33", seed: "7", control: false }))).toEqual({ budget: 250, replayRatio: 0.3333, seed: 7 });
    expect(ZPatchRequest.parse(patchBody({ ...initialPatchValues(), control: false }))).toMatchObject({ control: false });
    expect(patchFormProblems({ budget: "0", replayPercent: "101", seed: "-1", control: true })).toEqual(new Set(["budget", "replayPercent", "seed"]));
    expect(estimateBody({ budget: "", replayPercent: "65", seed: "0", control: true })).toBeNull();
    // Equal settings give the same string: the debounced estimate does not refetch for a re-render.
    expect(JSON.stringify(estimateBody(initialPatchValues()))).toBe(JSON.stringify(estimateBody(initialPatchValues())));
  });

  it("loop: the body parses with ZLoopSettings; an empty V1 budget is left to the server", () => {
    const body = loopBody(initialLoopValues())!;
    expect(body.settings.v1).toEqual({ seed: 0 });
    const parsed = ZLoopSettings.parse(body.settings);
    expect(parsed).toMatchObject({ reuseKnowledge: true, backend: "builtin-student", patch: { budget: 1000, replayRatio: 0.65, seed: 0 } });
    const chosen = loopBody({ ...initialLoopValues(), knowledgeVersionId: "kv1", v1Budget: "300", backend: "openai" })!;
    expect(ZLoopSettings.parse(chosen.settings)).toMatchObject({ knowledgeVersionId: "kv1", v1: { budget: 300 }, backend: "openai" });
    // Not reusing: no version id goes out.
    expect(loopBody({ ...initialLoopValues(), reuseKnowledge: false, knowledgeVersionId: "kv1" })!.settings.knowledgeVersionId).toBeUndefined();
    expect(loopFormProblems({ ...initialLoopValues(), v1Budget: "x", replayPercent: "" })).toEqual(new Set(["v1Budget", "replayPercent"]));
  });
});

describe("κ and ρ", () => {
  it("bands κ as Landis & Koch and ρ by strength", () => {
    expect([null, -0.1, 0.1, 0.3, 0.5, 0.7, 0.95].map(kappaBand)).toEqual(["none", "poor", "slight", "fair", "moderate", "substantial", "almost_perfect"]);
    expect([null, -0.4, 0.2, 0.5, 0.9].map(rhoBand)).toEqual(["none", "negative", "weak", "moderate", "strong"]);
  });

  it("formats coefficients with a true minus and point changes with a sign", () => {
    expect(formatCoefficient(0.6234)).toBe("0.62");
    expect(formatCoefficient(-0.15)).toBe("\u22120.15");
    expect(formatCoefficient(null)).toBe("—");
    expect(formatCoefficient(Number.NaN)).toBe("—");
    expect(formatPointChange(0.38, 0.53)).toBe("+15");
    expect(formatPointChange(0.5, 0.475)).toBe("\u22122.5");
    expect(formatPointChange(0.4, 0.4)).toBe("±0");
  });
});

describe("run figures", () => {
  it("counts review progress and sorts bars", () => {
    expect(reviewProgress({ pending: 3, accepted: 1, relabelled: 1, rejected: 0, kappa: null, agreement: 0, pairs: 0 })).toEqual({ reviewed: 2, total: 5, share: 0.4 });
    expect(reviewProgress({ pending: 0, accepted: 0, relabelled: 0, rejected: 0, kappa: null, agreement: 0, pairs: 0 }).share).toBe(0);
    expect(toBars([{ key: "b", count: 1 }, { key: "a", count: 3 }]).map((b) => [b.key, b.share])).toEqual([["a", 0.75], ["b", 0.25]]);
    const rows = disciplineRows({ byDiscipline: [{ discipline: "x", concept_gap: 1, reasoning_deficit: 0 }, { discipline: "y", concept_gap: 2, reasoning_deficit: 2 }], byOperator: [], byNode: [] });
    expect(rows.rows.map((r) => r.discipline)).toEqual(["y", "x"]);
    expect(rows.max).toBe(4);
  });

  it("shows the URL's run, else the newest ready one", () => {
    const runs = [{ id: "r3", status: "building" }, { id: "r2", status: "ready" }, { id: "r1", status: "ready" }];
    expect(chooseDiagnosisRun(runs, "r1")!.id).toBe("r1");
    expect(chooseDiagnosisRun(runs, "gone")!.id).toBe("r2");
    expect(chooseDiagnosisRun([], null)).toBeNull();
  });
});

describe("comparison", () => {
  const evaluation = (id: string, modelId: string, benchmarkId = "b1", done = true) =>
    ({ id, benchmarkId, model: { id: modelId, name: modelId, backend: "builtin-student" }, status: done ? "frozen" : "building", summary: done ? { total: { accuracy: 0.5 } } : null }) as unknown as TEvaluationDto;
  const dataset = (id: string, kind: "patch" | "control" | undefined, runId: string | undefined) => ({ id, recipe: { kind, diagnosisRunId: runId } }) as unknown as TDatasetDto;
  const model = (id: string, datasetVersionId: string | null) => ({ id, datasetVersionId }) as TModelDto;

  it("picks the diagnosed evaluation, then V2's and the control's on the same benchmark", () => {
    const evaluations = [evaluation("eCtl", "mCtl"), evaluation("eV2other", "mV2", "b2"), evaluation("eV2", "mV2"), evaluation("eV1", "mV1")];
    const picks = compareDefaults({
      baselineId: "eV1", runId: "run1", evaluations,
      datasets: [dataset("v2", "patch", "run1"), dataset("ctl", "control", "run1"), dataset("v3", "patch", "other")],
      models: [model("mV1", "v1"), model("mV2", "v2"), model("mCtl", "ctl")],
    });
    expect(picks).toEqual({ baseline: "eV1", candidate: "eV2", control: "eCtl" });
    expect(compareDefaults({ baselineId: null, runId: null, evaluations, datasets: [], models: [] })).toEqual({ baseline: null, candidate: null, control: null });
    expect(comparableEvaluations([...evaluations, evaluation("eRunning", "m", "b1", false)], "b1").map((e) => e.id)).toEqual(["eCtl", "eV2", "eV1"]);
  });

  it("filters outcomes", () => {
    const rows = (["fixed", "regressed", "still_failing", "passing"] as const).map((outcome, i) => ({ itemId: String(i), position: i, discipline: "d", outcome, control: null })) as TOutcomeRow[];
    expect(filterOutcomes(rows, "changed").map((r) => r.outcome)).toEqual(["fixed", "regressed"]);
    expect(filterOutcomes(rows, "still_failing")).toHaveLength(1);
    expect(filterOutcomes(rows, "all")).toHaveLength(4);
  });

  it("lays grouped bars side by side, scaled to the chart height, skipping nulls", () => {
    const g = groupedBarGeometry([[0.5, 1, null], [0, 0.25, 2]], 3);
    expect(g.rects).toHaveLength(5);
    const [first, second] = g.rects;
    expect(first!.height).toBe(BAR_CHART.height / 2);
    expect(first!.y + first!.height).toBe(BAR_CHART.height);
    expect(second!.x - first!.x).toBe(BAR_CHART.bar + BAR_CHART.barGap);
    // Values are clamped to 0–1.
    expect(g.rects.at(-1)!.height).toBe(BAR_CHART.height);
    expect(g.width).toBe(BAR_CHART.padLeft + 2 * (g.groupWidth + BAR_CHART.groupGap));
  });
});

describe("loop view", () => {
  const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString();
  const loop = {
    artifacts: { knowledgeVersionId: "kv", benchmarkId: "b", v1Id: "d1", v1ReportId: "rep", trainV1Id: "t1", modelV1Id: "m1", evaluationV1Id: "e1", diagnosisRunId: "dr", v2Id: "d2", controlId: "dc", trainControlId: "tc", evaluationV2Id: "e2", evaluationControlId: "ec" },
    timeline: [
      { stage: "extract", status: "skipped", startedAt: null, finishedAt: null, message: "reused" },
      { stage: "benchmark", status: "failed", startedAt: at(0), finishedAt: at(5), message: "boom" },
      { stage: "benchmark", status: "succeeded", startedAt: at(10), finishedAt: at(20), message: null },
      { stage: "v1", status: "running", startedAt: at(20), finishedAt: null, message: "building" },
    ],
  } as unknown as TLoopDto;

  it("has one row per stage, the latest attempt of each, pending for those not reached", () => {
    const rows = timelineRows(loop, Date.parse(at(30)));
    expect(rows.map((r) => r.stage)).toEqual([...LOOP_STAGES]);
    expect(rows[1]).toMatchObject({ status: "succeeded", durationMs: 10_000 });
    expect(rows[2]).toMatchObject({ status: "running", durationMs: 10_000, message: "building" });
    expect(rows[0]!.durationMs).toBeNull();
    expect(rows.slice(3).every((r) => r.status === "pending")).toBe(true);
  });

  it("reads artifact keys as types and arms", () => {
    expect(artifactTypeOfKey("knowledgeVersionId")).toBe("knowledge_version");
    expect(artifactTypeOfKey("v1Id")).toBe("dataset_version");
    expect(artifactTypeOfKey("controlId")).toBe("dataset_version");
    expect(artifactTypeOfKey("v1ReportId")).toBeNull();
    expect(artifactTypeOfKey("trainControlId")).toBe("training_run");
    expect(artifactTypeOfKey("modelV1Id")).toBe("model");
    expect(artifactTypeOfKey("evaluationControlId")).toBe("evaluation");
    expect(artifactTypeOfKey("diagnosisRunId")).toBe("diagnosis_run");
    expect([armOfKey("evaluationV1Id"), armOfKey("v2Id"), armOfKey("trainControlId"), armOfKey("benchmarkId")]).toEqual(["v1", "v2", "control", null]);
    expect(loopArtifacts({ a: "", v2Id: "d2" })).toEqual([{ key: "v2Id", id: "d2", type: "dataset_version", arm: "v2" }]);
  });

  it("summarises accuracies from the done entry, else from the arms' evaluations", () => {
    const summary = (accuracy: number) => ({ total: { items: 10, correct: accuracy * 10, accuracy } }) as unknown as TEvaluationDto["summary"];
    expect(loopSummary(loop, [{ id: "e1", summary: summary(0.4) }, { id: "e2", summary: summary(0.6) }])).toEqual({ v1: 0.4, v2: 0.6, control: null });
    const done = { ...loop, timeline: [...loop.timeline, { stage: "done", status: "succeeded", startedAt: null, finishedAt: null, message: null, summary: { accuracy: { v1: 0.38, v2: 0.53, control: 0.43 } } }] } as unknown as TLoopDto;
    expect(loopSummary(done, [])).toEqual({ v1: 0.38, v2: 0.53, control: 0.43 });
  });
});

describe("links", () => {
  it("opens each artifact in its stage with the stage's own parameter", () => {
    expect(artifactTarget("dataset_version", "d1")).toEqual({ stage: "builder", params: { d: "d1" } });
    expect(artifactTarget("loop", "l1")).toEqual({ stage: "debugger", params: { loop: "l1", tab: "loop" } });
    expect(artifactHref("p 1", "evaluation", "e/1")).toBe("/projects/p%201/stages/evaluation?e=e%2F1&tab=summary");
  });
});

describe("trace wording", () => {
  it("grades teaching against the run's threshold", () => {
    expect([0, 1, 2, 5].map((n) => teachingLevel(n, 2))).toEqual(["untaught", "weak", "taught", "taught"]);
  });

  it("names evidence ids, clips samples, reads the patch recipe", () => {
    const name = nodeNames({
      relations: [{ id: "r1", subject: { id: "c1", term: "heat" }, object: { id: "c2", term: "expansion" }, type: "causes", predicate: "causes", negated: false, discipline: "d", quote: {} as never, taughtBy: 0 }],
      concepts: [{ id: "c1", term: "heat", type: "t", taughtBy: 0 }],
    });
    expect(name("r1")).toBe("heat —causes→ expansion");
    expect(name("c1")).toBe("heat");
    expect(name("zz")).toBe("zz");
    const gist = sampleGist({ messages: [{ role: "system", content: "sys" }, { role: "user", content: "x".repeat(400) }, { role: "assistant", content: " yes " }] }, 100);
    expect(gist.prompt).toHaveLength(100);
    expect(gist.prompt.endsWith("…")).toBe(true);
    expect(gist.answer).toBe("yes");
    expect(patchRecipeOf({ meta: { patch: { recipe: "refine" } } })).toBe("refine");
    expect(patchRecipeOf({ meta: {} })).toBeNull();
  });
});

describe("external sets and scores", () => {
  it("reads the per-line errors of a refused import", () => {
    const error = new ApiError(400, "validation_failed", "Line 2: not valid JSON", { lines: [{ line: 2, message: "not valid JSON" }, { bad: true }], badLines: 7 });
    expect(setLineErrors(error)).toEqual({ lines: [{ line: 2, message: "not valid JSON" }], badLines: 7 });
    expect(setLineErrors(new ApiError(413, "payload_too_large", "too big"))).toBeNull();
    expect(setLineErrors(new Error("x"))).toBeNull();
  });

  it("parses pasted scores, skipping a header and blank lines, reporting bad lines", () => {
    const { rows, errors } = parseScoreTable("benchmark,model,score\nMMLU, m1, 0.62\n\nMMLU\tm2\t0.7\nbad line\nARC, m3, abc");
    expect(rows).toEqual([{ benchmark: "MMLU", modelName: "m1", score: 0.62 }, { benchmark: "MMLU", modelName: "m2", score: 0.7 }]);
    expect(errors).toEqual([5, 6]);
    expect(parseScoreTable("").rows).toEqual([]);
  });
});
