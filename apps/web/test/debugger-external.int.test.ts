// External multiple-choice sets and external alignment end to end on real PostgreSQL, Redis and a
// worker process: a JSONL set in the shapes evaluators use is imported as a frozen external
// benchmark (a bad line is named and nothing is stored), evaluated like any benchmark by builtin
// students that know more or less of it, refused by the Debugger (no knowledge nodes), and imported
// external scores are ranked against our accuracies with Spearman's rho.
import { randomBytes } from "node:crypto";
import { getPrisma } from "@proda/db";
import { spearmanRho, type TEvaluationSummary } from "@proda/engine";
import { closeProducer, getQueue } from "@proda/jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerTrainedStudent } from "../../../prisma/factories/evaluation.ts";
import { createProjectWithRoles } from "../../../prisma/factories/projects.ts";
import { syntheticTrainingSamples } from "../../../prisma/factories/training.ts";
import { waitForJob } from "../../../prisma/factories/wait-for-job.ts";
import { startWorker, type WorkerProcess } from "../../worker/test/worker-process.ts";
import * as diagnose from "../app/api/v1/projects/[projectId]/evaluations/[evaluationId]/diagnose/route.ts";
import * as evaluations from "../app/api/v1/projects/[projectId]/evaluations/route.ts";
import * as externalSets from "../app/api/v1/projects/[projectId]/external-sets/route.ts";
import * as scoresRoute from "../app/api/v1/projects/[projectId]/external-scores/route.ts";
import * as scoreRoute from "../app/api/v1/projects/[projectId]/external-scores/[scoreId]/route.ts";
import * as alignmentRoute from "../app/api/v1/projects/[projectId]/external-scores/alignment/route.ts";
import { callRoute } from "./call-route.ts";

const prisma = getPrisma();
process.env.PRODA_QUEUE_PREFIX = `test-${randomBytes(4).toString("hex")}`;
const FACTS = 30;
let worker: WorkerProcess;
let fx: Awaited<ReturnType<typeof createProjectWithRoles>>;
let projectId: string;
let factSetId: string;
const studentEvals: Record<string, string> = {};

const as = (role: "owner" | "engineer" | "viewer") => fx.members[role].token;
const upload = (jsonl: string, role: "engineer" | "viewer" = "engineer", name = "mixed.jsonl") => {
  const form = new FormData();
  form.append("file", new Blob([jsonl]), name);
  return externalSets.POST(
    new Request("http://localhost/x", { method: "POST", body: form, headers: { authorization: `Bearer ${as(role)}` } }),
    { params: Promise.resolve({ projectId }) },
  );
};
const jsonl = (rows: unknown[]) => rows.map((r) => (typeof r === "string" ? r : JSON.stringify(r))).join("\n");

/** One item per synthetic fact: the fact, its opposite and another fact's opposite (both false). */
function factItems() {
  const samples = syntheticTrainingSamples(2 * FACTS, FACTS);
  const fact = (f: number) => samples[f]!.messages[1]!.content.replace(/^True\. /, "");
  const opposite = (f: number) => samples[f + FACTS]!.messages[0]!.content.replace(/^True or false: /, "");
  return Array.from({ length: FACTS }, (_, f) => {
    const options = [fact(f), opposite(f), opposite((f + 1) % FACTS)];
    const at = f % 3;
    [options[0], options[at]] = [options[at]!, options[0]!];
    return { question: "Which statement is true?", options, answer: at, subject: "biochemistry" };
  });
}

beforeAll(async () => {
  worker = await startWorker({ PRODA_QUEUE_PREFIX: process.env.PRODA_QUEUE_PREFIX! });
  fx = await createProjectWithRoles(prisma, ["owner", "engineer", "viewer"]);
  projectId = fx.project.id;
}, 60_000);

afterAll(async () => {
  await worker?.stop();
  await getQueue("cpu").obliterate({ force: true }).catch(() => {});
  await closeProducer();
});

describe("external sets", () => {
  it("imports a JSONL set of mixed shapes as a frozen external benchmark", async () => {
    const rows = [
      // Our own JSONL export.
      { key: "ours-1", question: "Which gas do plants take in?", options: ["Oxygen", "Carbon dioxide", "Helium", "Neon"], answer: "B", answerIndexes: [1], multiple: false, meta: { chainId: "c", relationIds: ["r"], conceptIds: [] } },
      // Our lm-eval export: the answer indexes the letter sets.
      { key: "ours-2", question: "Which are noble gases?", choices: ["Helium", "Nitrogen", "Argon"], letters: ["A", "B", "C"], labels: ["A", "B", "C", "A,B", "A,C", "B,C", "A,B,C"], answer: 4 },
      "",
      // Hugging Face / lm-eval style rows.
      { question: "How many planets orbit the Sun?", choices: ["Seven", "Eight", "Nine", "Ten"], answer: 1, subject: "astronomy" },
      { question: "Which is a mammal?", options: { A: "Shark", B: "Trout", C: "Dolphin" }, answer: "c" },
      // OpenCompass rows: letters as fields, several answers run together.
      { question: "Which are prime?", A: "2", B: "4", C: "5", D: "9", answer: "AC" },
      { question: "Which are even?", options: ["2", "3", "4"], answer: ["A", "C"] },
    ];
    const res = await upload(jsonl(rows));
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(201);
    expect(body.benchmark).toMatchObject({ source: "external", knowledgeVersionId: null, status: "frozen", itemCount: 6, name: "mixed.jsonl" });
    const items = await prisma.benchmarkItem.findMany({ where: { benchmarkId: body.benchmark.id }, orderBy: { position: "asc" } });
    expect(items.map((i) => [i.answer, i.mode])).toEqual([["B", "single"], ["A,C", "multi"], ["B", "single"], ["C", "single"], ["A,C", "multi"], ["A,C", "multi"]]);
    expect(items.map((i) => i.discipline)).toEqual(["external", "external", "astronomy", "external", "external", "external"]);
    expect(items[0]!.key).toBe("ours-1");
    for (const item of items) expect([item.chainId, item.relationIds, item.conceptIds, item.chunkIds, item.operators]).toEqual(["external", [], [], [], []]);
    expect((items[1]!.options as { label: string; correct: boolean }[]).map((o) => [o.label, o.correct])).toEqual([["A", true], ["B", false], ["C", true]]);
    const benchmark = await prisma.benchmark.findUniqueOrThrow({ where: { id: body.benchmark.id } });
    expect(benchmark.frozenAt).not.toBeNull();
    expect(await prisma.benchmarkNode.count({ where: { benchmarkId: benchmark.id } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { projectId, action: "benchmark.import_external", targetId: benchmark.id } })).toBe(1);
  });

  it("names every bad line and stores nothing", async () => {
    const before = await prisma.benchmark.count({ where: { projectId } });
    const bad = jsonl([
      { question: "Fine?", options: ["Yes", "No"], answer: "A" },
      { question: "Fine too?", options: ["Yes", "No"], answer: 1 },
      { question: "Out of range?", options: ["Yes", "No"], answer: "E" },
      { question: "Fine?", options: ["Yes", "No"], answer: "A" },
      "{ not json",
      { question: "", options: ["Yes", "No"], answer: "A" },
    ]);
    const res = await callRoute(externalSets.POST, "POST", { token: as("engineer"), params: { projectId }, body: { name: "bad", jsonl: bad } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^Line 3: answer E is not one of the 2 options \(and 3 more bad lines\)/);
    expect(res.body.error.details.lines.map((l: { line: number }) => l.line)).toEqual([3, 4, 5, 6]);
    expect(res.body.error.details.lines[1].message).toMatch(/repeats the item of line 1/);
    expect(await prisma.benchmark.count({ where: { projectId } })).toBe(before);
    expect((await upload("\n\n")).status).toBe(400);
    expect((await upload(jsonl([{ question: "Q", options: ["a", "b"], answer: 0 }]), "viewer")).status).toBe(403);
    // Over the size limit: refused before anything is parsed.
    const huge = `${JSON.stringify({ question: "x".repeat(1000), options: ["a", "b"], answer: 0 })}\n`.repeat(8500);
    expect((await upload(huge)).status).toBe(413);
    expect(await prisma.benchmark.count({ where: { projectId } })).toBe(before);
  });

  it("evaluates an external set like any frozen benchmark, and the Debugger refuses it", async () => {
    const res = await upload(jsonl(factItems()), "engineer", "facts.jsonl");
    expect(res.status).toBe(201);
    factSetId = (await res.json()).benchmark.id;
    const students = {
      novice: syntheticTrainingSamples(0, FACTS),
      partial: syntheticTrainingSamples(20, 10),
      expert: syntheticTrainingSamples(4 * FACTS, FACTS),
    };
    for (const [name, samples] of Object.entries(students)) {
      const model = await registerTrainedStudent(prisma, { projectId, samples, name });
      const started = await callRoute(evaluations.POST, "POST", { token: as("engineer"), params: { projectId }, body: { benchmarkId: factSetId, modelId: model.id } });
      expect(started.status, started.text).toBe(202);
      const job = await waitForJob(prisma, started.body.evaluation.jobId);
      expect(job.status, job.error ?? "").toBe("completed");
      studentEvals[name] = started.body.evaluation.id;
    }
    const accuracy = async (id: string) => ((await prisma.evaluation.findUniqueOrThrow({ where: { id } })).summary as unknown as TEvaluationSummary).total.accuracy;
    expect(await accuracy(studentEvals.expert!)).toBeGreaterThan(await accuracy(studentEvals.novice!));
    const refused = await callRoute(diagnose.POST, "POST", { token: as("engineer"), params: { projectId, evaluationId: studentEvals.expert! }, body: {} });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/external set/);
    expect(await prisma.diagnosisRun.count({ where: { projectId } })).toBe(0);
  });
});

describe("external scores and alignment", () => {
  it("imports scores, upserting by benchmark and model", async () => {
    const scores = [
      { benchmark: "MMLU", modelName: "novice", score: 0.25 },
      { benchmark: "MMLU", modelName: "partial", score: 0.41 },
      { benchmark: "MMLU", modelName: "expert", score: 0.8 },
      { benchmark: "MMLU", modelName: "someone-else", score: 0.9 },
      { benchmark: "ARC", modelName: "Novice", score: 0.3 },
      { benchmark: "ARC", modelName: "expert", score: 0.2 },
    ];
    expect((await callRoute(scoresRoute.POST, "POST", { token: as("viewer"), params: { projectId }, body: scores })).status).toBe(403);
    const res = await callRoute(scoresRoute.POST, "POST", { token: as("engineer"), params: { projectId }, body: scores });
    expect(res.status, res.text).toBe(200);
    expect(res.body.scores.length).toBe(6);
    const again = await callRoute(scoresRoute.POST, "POST", { token: as("engineer"), params: { projectId }, body: { scores: [{ benchmark: "MMLU", modelName: "partial", score: 0.5 }] } });
    expect(again.status).toBe(200);
    const list = (await callRoute(scoresRoute.GET, "GET", { token: as("viewer"), params: { projectId } })).body.scores;
    expect(list.length).toBe(6);
    expect(list.find((s: { modelName: string; benchmark: string }) => s.benchmark === "MMLU" && s.modelName === "partial").score).toBe(0.5);
    expect((await callRoute(scoresRoute.POST, "POST", { token: as("engineer"), params: { projectId }, body: [{ benchmark: "MMLU", modelName: "x", score: "high" }] })).status).toBe(400);
  });

  it("computes Spearman's rho of our ranking against each external benchmark", async () => {
    const res = await scoresAlignment(factSetId);
    expect(res.status).toBe(200);
    const alignment = await res.json();
    const ours = async (name: string) => ((await prisma.evaluation.findUniqueOrThrow({ where: { id: studentEvals[name]! } })).summary as unknown as TEvaluationSummary).total.accuracy;
    const mmlu = alignment.external.find((e: { benchmark: string }) => e.benchmark === "MMLU");
    expect(mmlu.models.map((m: { modelName: string }) => m.modelName).sort()).toEqual(["expert", "novice", "partial"]);
    const expected = spearmanRho([await ours("expert"), await ours("novice"), await ours("partial")], [0.8, 0.25, 0.5]);
    expect(mmlu.rho).toBeCloseTo(expected!, 10);
    console.log("alignment", mmlu);
    // Two shared models (names matched ignoring case): no rank correlation.
    const arc = alignment.external.find((e: { benchmark: string }) => e.benchmark === "ARC");
    expect(arc.models.length).toBe(2);
    expect(arc.rho).toBeNull();
    expect((await scoresAlignment("nonexistent")).status).toBe(404);
  });

  it("deletes a score (audited), and only within the project", async () => {
    const score = await prisma.externalScore.findFirstOrThrow({ where: { projectId, modelName: "someone-else" } });
    const params = { projectId, scoreId: score.id };
    expect((await callRoute(scoreRoute.DELETE, "DELETE", { token: as("viewer"), params })).status).toBe(403);
    const other = await createProjectWithRoles(prisma, ["owner"]);
    expect((await callRoute(scoreRoute.DELETE, "DELETE", { token: other.members.owner.token, params: { projectId: other.project.id, scoreId: score.id } })).status).toBe(404);
    expect((await callRoute(scoreRoute.DELETE, "DELETE", { token: as("engineer"), params })).status).toBe(204);
    expect((await callRoute(scoreRoute.DELETE, "DELETE", { token: as("engineer"), params })).status).toBe(404);
    expect(await prisma.auditEvent.count({ where: { projectId, action: "external_scores.delete", targetId: score.id } })).toBe(1);
  });
});

function scoresAlignment(benchmarkId: string) {
  return alignmentRoute.GET(new Request(`http://localhost/x?benchmarkId=${benchmarkId}`, { headers: { authorization: `Bearer ${as("viewer")}` } }), { params: Promise.resolve({ projectId }) });
}
