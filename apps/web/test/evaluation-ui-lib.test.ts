// Pure helpers of the Evaluation UI and the model chat: leaderboard, heatmap and breakdowns from
// summaries; results filters (checked against the route's schema); options chosen vs gold; two
// evaluations compared; the launch and model forms (checked against the server's schemas); the
// chat's SSE reader and the history it sends.
import { ZEvaluationSettings } from "@proda/providers";
import { describe, expect, it } from "vitest";
import type { TBenchmarkItemDto, TEvaluationCompareDto, TEvaluationDto, TProviderDto } from "../src/lib/api-types";
import { ZResultFilters } from "../src/server/evaluations/query-results";
import { ZRegisterModel } from "../src/server/models/register-model";
import { CHAT_LIMITS, frameError, frameText, requestMessages, type TChatTurn } from "../src/features/chat/lib/chat-turns";
import { createSseParser, type TSseFrame } from "../src/features/chat/lib/sse-frames";
import { compareOutcome, compareRows, outcomeCounts, sharedAccuracy } from "../src/features/evaluation/lib/compare";
import { evaluationExportHref } from "../src/features/evaluation/lib/export-formats";
import { breakdownRows, disciplineHeatmap, fooledByRows, heatColor, leaderboardBars } from "../src/features/evaluation/lib/leaderboard";
import { endpointProviders, modelFormProblems, registerModelBody, validModelName, type TModelFormValues } from "../src/features/evaluation/lib/model-form";
import { answerLabels, chosenOperators, optionVerdicts } from "../src/features/evaluation/lib/result-view";
import { activeFilters, LEVELS, NO_RESULT_FILTERS, OUTCOMES, resultsQuery } from "../src/features/evaluation/lib/results-filters";
import { EVALUATION_BOUNDS, EVALUATION_DEFAULTS, evaluationBody, evaluationFormProblems, initialEvaluationValues, isAskable } from "../src/features/evaluation/lib/settings-form";

const acc = (correct: number, items: number) => ({ items, correct, accuracy: items ? correct / items : 0 });

function evaluation(id: string, number: number, summary: Partial<NonNullable<TEvaluationDto["summary"]>> | null, model = `model-${id}`): TEvaluationDto {
  return {
    id, number, benchmarkId: "b", benchmarkName: "B", model: { id: `m-${id}`, name: model, backend: "builtin-student" }, status: summary ? "frozen" : "building",
    settings: { concurrency: 4, maxRetries: 4, temperature: 0, maxTokens: 1024, limit: null },
    summary: summary ? { total: acc(0, 0), unparsed: 0, byDiscipline: {}, byLevel: {}, byChainLength: {}, byOperator: {}, fooledBy: {}, ...summary } : null,
    itemsTotal: 10, itemsDone: 10, promptTokens: 0, completionTokens: 0, costUsd: 0, jobId: null, error: null, createdAt: "2026-01-01T00:00:00.000Z", finishedAt: null,
  };
}

describe("leaderboard and heatmap", () => {
  const evaluations = [
    evaluation("a", 1, { total: acc(5, 10), byDiscipline: { physics: acc(3, 5), biology: acc(2, 5) } }),
    evaluation("b", 2, { total: acc(8, 10), byDiscipline: { physics: acc(5, 5), chemistry: acc(3, 5) } }),
    evaluation("c", 3, null),
    evaluation("d", 4, { total: acc(5, 10) }),
  ];

  it("ranks scored evaluations by accuracy, the newer first on a tie, and leaves out the rest", () => {
    expect(leaderboardBars(evaluations).map((b) => [b.id, b.accuracy])).toEqual([["b", 0.8], ["d", 0.5], ["a", 0.5]]);
  });

  it("lays out models × the union of disciplines, with gaps where one was not answered", () => {
    const map = disciplineHeatmap(evaluations);
    expect(map.disciplines).toEqual(["biology", "chemistry", "physics"]);
    expect(map.rows.map((r) => r.id)).toEqual(["b", "d", "a"]);
    expect(map.rows[0]!.cells.map((c) => c?.correct ?? null)).toEqual([null, 3, 5]);
    expect(map.rows[1]!.cells).toEqual([null, null, null]);
  });

  it("orders numeric breakdowns by number and others by name", () => {
    expect(breakdownRows({ "10": acc(1, 2), "2": acc(1, 1), "3": acc(0, 1) }).map((r) => r.key)).toEqual(["2", "3", "10"]);
    expect(breakdownRows({ swap: acc(1, 2), invert: acc(1, 1) }).map((r) => r.key)).toEqual(["invert", "swap"]);
    expect(breakdownRows(undefined)).toEqual([]);
  });

  it("counts the operators a model fell for, most often first", () => {
    expect(fooledByRows({ a: 1, b: 3, c: 0 })).toEqual([{ key: "b", count: 3, share: 0.75 }, { key: "a", count: 1, share: 0.25 }]);
  });

  it("colours a cell from red to green within bounds", () => {
    expect(heatColor(0)).toContain("var(--success) 0%");
    expect(heatColor(1)).toContain("var(--success) 100%");
    expect(heatColor(2)).toContain("var(--success) 100%");
    expect(heatColor(0.456)).toContain("var(--success) 46%");
  });
});

describe("results filters", () => {
  it("sends only the filters that are set, in the route's names", () => {
    expect(activeFilters(NO_RESULT_FILTERS)).toEqual({});
    const filters = activeFilters({ outcome: "fail", discipline: "physics", operator: "invert_relation", level: "2" });
    expect(Object.fromEntries(resultsQuery(filters, "item-9", 200))).toEqual({ limit: "200", cursor: "item-9", outcome: "fail", discipline: "physics", operator: "invert_relation", level: "2" });
    expect(ZResultFilters.parse(filters)).toEqual({ outcome: "fail", discipline: "physics", operator: "invert_relation", level: 2 });
  });

  it("offers only outcomes and levels the route accepts", () => {
    for (const outcome of OUTCOMES) expect(ZResultFilters.safeParse({ outcome }).success).toBe(true);
    for (const level of LEVELS) expect(ZResultFilters.safeParse({ level }).success).toBe(true);
  });
});

describe("a result beside its item", () => {
  const item = {
    answer: "A,C",
    options: [
      { label: "A", text: "true 1", correct: true, distractor: null },
      { label: "B", text: "false 1", correct: false, distractor: { operator: "invert_relation", changed: "direction" } },
      { label: "C", text: "true 2", correct: true, distractor: null },
      { label: "D", text: "false 2", correct: false, distractor: { operator: "swap_subject_object", changed: "roles" } },
    ],
  } as unknown as TBenchmarkItemDto;

  it("reads canonical and loose answers as labels", () => {
    expect(answerLabels("A,C")).toEqual(["A", "C"]);
    expect(answerLabels("c a")).toEqual(["A", "C"]);
    expect(answerLabels(null)).toEqual([]);
  });

  it("marks gold and chosen options and names the distractors fallen for", () => {
    const verdicts = optionVerdicts(item, "A,B,D");
    expect(verdicts.map((v) => [v.label, v.gold, v.chosen])).toEqual([["A", true, true], ["B", false, true], ["C", true, false], ["D", false, true]]);
    expect(chosenOperators(verdicts)).toEqual(["invert_relation", "swap_subject_object"]);
    expect(chosenOperators(optionVerdicts(item, null))).toEqual([]);
  });
});

describe("comparing two evaluations", () => {
  const items: TEvaluationCompareDto["items"] = [
    { itemId: "1", position: 0, discipline: "d", question: "q", correct: [false, true] },
    { itemId: "2", position: 1, discipline: "d", question: "q", correct: [true, false] },
    { itemId: "3", position: 2, discipline: "d", question: "q", correct: [true, true] },
    { itemId: "4", position: 3, discipline: "d", question: "q", correct: [false, false] },
    { itemId: "5", position: 4, discipline: "d", question: "q", correct: [null, true] },
  ];

  it("classifies each item first → last", () => {
    expect(items.map((i) => compareOutcome(i.correct))).toEqual(["fixed", "regressed", "passing", "failing", "partial"]);
    expect(compareOutcome([false, null, true])).toBe("fixed");
  });

  it("filters and counts", () => {
    expect(compareRows(items, "changed").map((r) => r.itemId)).toEqual(["1", "2"]);
    expect(compareRows(items, "fixed").map((r) => r.itemId)).toEqual(["1"]);
    expect(compareRows(items, "all")).toHaveLength(5);
    expect(outcomeCounts(items)).toEqual({ fixed: 1, regressed: 1, passing: 1, failing: 1, partial: 1 });
    expect(sharedAccuracy(items)).toEqual({ items: 4, before: 0.5, after: 0.5 });
  });
});

describe("evaluation launch form", () => {
  it("repeats the providers' default settings", () => {
    expect(EVALUATION_DEFAULTS).toEqual(ZEvaluationSettings.parse({}));
  });

  it("accepts exactly what the settings schema accepts at and beyond each bound", () => {
    for (const [name, bounds] of Object.entries(EVALUATION_BOUNDS) as [keyof typeof EVALUATION_BOUNDS, (typeof EVALUATION_BOUNDS)[keyof typeof EVALUATION_BOUNDS]][]) {
      for (const value of [bounds.min, bounds.max, bounds.min - 1, bounds.max + 1, bounds.min + 0.5]) {
        const values = { ...initialEvaluationValues("b", "m"), [name]: value };
        const formOk = !evaluationFormProblems(values).includes(name);
        expect(formOk, `${name}=${value}`).toBe(ZEvaluationSettings.safeParse(evaluationBody(values).settings).success);
      }
    }
  });

  it("needs a benchmark and a model, and sends an empty limit as all items", () => {
    expect(evaluationFormProblems(initialEvaluationValues("", ""))).toEqual(["benchmark", "model"]);
    const body = evaluationBody(initialEvaluationValues("b", "m"));
    expect(body).toEqual({ benchmarkId: "b", modelId: "m", settings: { ...EVALUATION_DEFAULTS, limit: null } });
  });

  it("knows which models can be asked", () => {
    expect(isAskable({ backend: "builtin-student", providerId: null })).toBe(true);
    expect(isAskable({ backend: "endpoint", providerId: "p" })).toBe(true);
    expect(isAskable({ backend: "hf-peft", providerId: null })).toBe(false);
  });

  it("links to the streamed export", () => {
    expect(evaluationExportHref("p 1", "e/1", "csv")).toBe("/api/v1/projects/p%201/evaluations/e%2F1/export?format=csv");
  });
});

describe("model registration form", () => {
  const provider = (id: string, kind: TProviderDto["kind"], model: string | null) => ({ id, kind, model, name: id }) as TProviderDto;
  const providers = [provider("builtin", "builtin", null), provider("vllm", "openai-compatible", null), provider("oa", "openai-compatible", "gpt-4o-mini")];
  const values = (v: Partial<TModelFormValues>): TModelFormValues => ({ name: "My model", backend: "endpoint", providerId: "oa", remoteModel: "", ...v });

  it("offers OpenAI-compatible providers only", () => {
    expect(endpointProviders(providers).map((p) => p.id)).toEqual(["vllm", "oa"]);
  });

  it("checks names as the server does", () => {
    expect(validModelName("  ok  ")).toBe(true);
    expect(validModelName("   ")).toBe(false);
    expect(validModelName("a\u0007b")).toBe(false);
    expect(validModelName("x".repeat(121))).toBe(false);
  });

  it("needs a remote model id when the provider has no default model", () => {
    const usable = endpointProviders(providers);
    expect(modelFormProblems(values({}), usable)).toEqual([]);
    expect(modelFormProblems(values({ providerId: "vllm" }), usable)).toEqual(["remoteModel"]);
    expect(modelFormProblems(values({ providerId: "vllm", remoteModel: "lora-v2" }), usable)).toEqual([]);
    expect(modelFormProblems(values({ providerId: "gone" }), usable)).toEqual(["provider"]);
    expect(modelFormProblems(values({ backend: "builtin-student", providerId: "", name: "" }), usable)).toEqual(["name"]);
  });

  it("builds bodies the server's schema accepts", () => {
    for (const v of [values({}), values({ providerId: "vllm", remoteModel: " lora-v2 " }), values({ backend: "openai" }), values({ backend: "builtin-student" })]) {
      const body = registerModelBody(v);
      expect(ZRegisterModel.parse(body)).toEqual(body);
    }
    expect(registerModelBody(values({ backend: "builtin-student" }))).toEqual({ backend: "builtin-student", name: "My model" });
  });
});

describe("chat stream", () => {
  const stream = 'data: {"text":"Hel"}\n\ndata: {"text":"lo\\n"}\r\n\r\n: keep-alive\n\nevent: done\ndata: {}\n\n';

  function readAll(pieces: string[]): TSseFrame[] {
    const parser = createSseParser();
    return [...pieces.flatMap((p) => parser.push(p)), ...parser.end()];
  }

  it("reads the same events however the text is cut", () => {
    const whole = readAll([stream]);
    expect(whole.map((f) => [f.event, f.data])).toEqual([["message", '{"text":"Hel"}'], ["message", '{"text":"lo\\n"}'], ["done", "{}"]]);
    for (let cut = 1; cut < stream.length; cut++) expect(readAll([stream.slice(0, cut), stream.slice(cut)]), `cut at ${cut}`).toEqual(whole);
    expect(readAll(stream.split(""))).toEqual(whole);
  });

  it("joins data lines, keeps ids, and takes a last event without its blank line", () => {
    expect(readAll(["id: 7\ndata: a\ndata: b\n\n", "event: error\ndata: {\"message\":\"broke\"}"])).toEqual([
      { event: "message", data: "a\nb", id: "7" },
      { event: "error", data: '{"message":"broke"}', id: "7" },
    ]);
  });

  it("reads the text and error frames of the chat route", () => {
    expect(frameText('{"text":"hi"}')).toBe("hi");
    expect(frameText("{}")).toBeNull();
    expect(frameText("not json")).toBeNull();
    expect(frameError('{"message":"The reply broke off."}')).toBe("The reply broke off.");
    expect(frameError("oops")).toBe("oops");
  });

  it("sends the latest turns that fit the limits, ending with the user's message", () => {
    const turn = (role: TChatTurn["role"], content: string, status: TChatTurn["status"] = "done"): TChatTurn => ({ id: content, role, content, status });
    const turns = [turn("user", "one"), turn("assistant", "uno"), turn("user", "two"), turn("assistant", "", "error"), turn("user", "three")];
    expect(requestMessages(turns)).toEqual([
      { role: "user", content: "one" }, { role: "assistant", content: "uno" }, { role: "user", content: "two" }, { role: "user", content: "three" },
    ]);
    expect(requestMessages(turns, { ...CHAT_LIMITS, maxMessages: 2 }).map((m) => m.content)).toEqual(["two", "three"]);
    expect(requestMessages(turns, { ...CHAT_LIMITS, maxTotalChars: 8 }).map((m) => m.content)).toEqual(["two", "three"]);
    expect(requestMessages([turn("user", "x".repeat(20_000))])[0]!.content).toHaveLength(CHAT_LIMITS.maxMessageChars);
    expect(requestMessages([turn("assistant", "hello")])).toEqual([]);
  });
});
