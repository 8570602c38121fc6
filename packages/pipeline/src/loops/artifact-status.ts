// Where each artifact a loop made stands, read the same way by the runner (to move on), cancel (to
// stop its job) and resume (to restart what failed). A row still in progress whose job ended for
// good, or was lost from Redis, counts as failed with the job's reason: the job row knows.
import type { Job, PrismaClient } from "@proda/db";
import { isJobAlive } from "@proda/jobs";
import type { TLoopArtifacts, TLoopStage } from "./loop-settings.ts";

export type TArtifactKind = "knowledge" | "benchmark" | "dataset" | "report" | "training" | "evaluation" | "diagnosis";

/** The artifact keys each stage records, in the order they are made. Model ids ride along with their training run. */
export const STAGE_ARTIFACTS: Record<TLoopStage, { key: string; kind: TArtifactKind }[]> = {
  extract: [{ key: "knowledgeVersionId", kind: "knowledge" }],
  benchmark: [{ key: "benchmarkId", kind: "benchmark" }],
  v1: [{ key: "v1Id", kind: "dataset" }, { key: "v1ReportId", kind: "report" }],
  train_v1: [{ key: "trainV1Id", kind: "training" }],
  evaluate_v1: [{ key: "evaluationV1Id", kind: "evaluation" }],
  diagnose: [{ key: "diagnosisRunId", kind: "diagnosis" }],
  patch: [
    { key: "v2Id", kind: "dataset" }, { key: "controlId", kind: "dataset" },
    { key: "v2ReportId", kind: "report" }, { key: "controlReportId", kind: "report" },
  ],
  train_v2: [{ key: "trainV2Id", kind: "training" }, { key: "trainControlId", kind: "training" }],
  evaluate_v2: [{ key: "evaluationV2Id", kind: "evaluation" }, { key: "evaluationControlId", kind: "evaluation" }],
  done: [],
};

export type TArtifactState = { state: "running" | "ready" | "failed"; error: string | null; jobId: string | null; status: string };

interface TRow {
  status: string;
  jobId: string | null;
  error: string | null;
}

const READY: Record<TArtifactKind, string[]> = {
  knowledge: ["ready"],
  benchmark: ["ready", "frozen"],
  dataset: ["ready", "frozen"],
  report: ["passed", "overridden"],
  training: ["succeeded"],
  evaluation: ["ready", "frozen"],
  diagnosis: ["ready"],
};
const FAILED = ["failed", "cancelled", "blocked"];
const COMPLETED_GRACE_MS = 30_000;

function readRow(prisma: PrismaClient, kind: TArtifactKind, id: string): Promise<TRow | null> {
  const select = { status: true, jobId: true, error: true } as const;
  switch (kind) {
    case "knowledge": return prisma.knowledgeVersion.findUnique({ where: { id }, select });
    case "benchmark": return prisma.benchmark.findUnique({ where: { id }, select });
    case "dataset": return prisma.datasetVersion.findUnique({ where: { id }, select });
    case "report": return prisma.contaminationReport.findUnique({ where: { id }, select });
    case "training": return prisma.trainingRun.findUnique({ where: { id }, select });
    case "evaluation": return prisma.evaluation.findUnique({ where: { id }, select });
    case "diagnosis": return prisma.diagnosisRun.findUnique({ where: { id }, select });
  }
}

const describeFailure = (kind: TArtifactKind, row: TRow, job: Job | null) => {
  if (kind === "report" && row.status === "blocked") return "The contamination guard blocked the dataset: its training data contains benchmark text.";
  if (row.status === "cancelled" || job?.status === "cancelled") return `The ${kind} job was cancelled.`;
  return row.error ?? job?.error ?? `The ${kind} job failed.`;
};

export async function readArtifactState(prisma: PrismaClient, kind: TArtifactKind, id: string): Promise<TArtifactState> {
  const row = await readRow(prisma, kind, id);
  if (!row) return { state: "failed", error: `The ${kind} ${id} was deleted.`, jobId: null, status: "deleted" };
  const base = { jobId: row.jobId, status: row.status };
  if (READY[kind].includes(row.status)) return { ...base, state: "ready", error: null };
  if (FAILED.includes(row.status)) return { ...base, state: "failed", error: describeFailure(kind, row, null) };
  const job = row.jobId ? await prisma.job.findUnique({ where: { id: row.jobId } }) : null;
  // Completed while the row is not ready yet: the worker's last write is on its way, so wait — but
  // not for ever, should the job have ended without finishing the row.
  if (job?.status === "completed" && Date.now() - (job.finishedAt?.getTime() ?? Date.now()) > COMPLETED_GRACE_MS) {
    return { ...base, state: "failed", error: `The ${kind} job completed but left it ${row.status}.` };
  }
  if (!job || job.status === "completed") return { ...base, state: "running", error: null };
  if (job.status === "failed" || job.status === "cancelled" || !(await isJobAlive(prisma, job))) {
    const lost = await prisma.job.findUnique({ where: { id: job.id } });
    return { ...base, state: "failed", error: describeFailure(kind, row, lost) };
  }
  return { ...base, state: "running", error: null };
}

/** The stage's artifacts that exist, with where each stands. */
export async function readStageArtifacts(prisma: PrismaClient, stage: TLoopStage, artifacts: TLoopArtifacts) {
  const out: ({ key: string; kind: TArtifactKind; id: string } & TArtifactState)[] = [];
  for (const { key, kind } of STAGE_ARTIFACTS[stage]) {
    const id = artifacts[key];
    if (id) out.push({ key, kind, id, ...(await readArtifactState(prisma, kind, id)) });
  }
  return out;
}
