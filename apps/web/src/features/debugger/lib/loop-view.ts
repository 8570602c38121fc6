// A loop run as the Loop tab shows it: one timeline row per stage in pipeline order (the latest
// entry of each, "pending" for stages not reached), the artifacts it made with their types (read
// from the artifact keys: knowledgeVersionId, benchmarkId, v1Id, evaluationV1Id, …), and the final
// V1 / V2 / control accuracies. Pure; covered by test/debugger-ui-lib.test.ts.
import type { TEvaluationDto, TLoopDto, TLoopStage, TRunStatus } from "@/lib/api-types";
import type { TArtifactType } from "../query-keys";

export const LOOP_STAGES = ["extract", "benchmark", "v1", "train_v1", "evaluate_v1", "diagnose", "patch", "train_v2", "evaluate_v2"] as const satisfies readonly TLoopStage[];

export type TTimelineStatus = TLoopDto["timeline"][number]["status"] | "pending";

export interface TTimelineRow {
  stage: (typeof LOOP_STAGES)[number];
  status: TTimelineStatus;
  startedAt: string | null;
  finishedAt: string | null;
  /** From start to finish, or to `now` while running; null before it started. */
  durationMs: number | null;
  message: string | null;
}

export function isLoopActive(status: TRunStatus): boolean {
  return status === "queued" || status === "running";
}

export function timelineRows(loop: Pick<TLoopDto, "timeline">, now: number = Date.now()): TTimelineRow[] {
  return LOOP_STAGES.map((stage) => {
    const entries = loop.timeline.filter((e) => e.stage === stage);
    const entry = entries[entries.length - 1];
    if (!entry) return { stage, status: "pending", startedAt: null, finishedAt: null, durationMs: null, message: null };
    const start = entry.startedAt ? Date.parse(entry.startedAt) : null;
    const end = entry.finishedAt ? Date.parse(entry.finishedAt) : entry.status === "running" ? now : null;
    return {
      stage,
      status: entry.status,
      startedAt: entry.startedAt,
      finishedAt: entry.finishedAt,
      durationMs: start !== null && end !== null ? Math.max(0, end - start) : null,
      message: entry.message,
    };
  });
}

/** The artifact type an id under `key` has (keys name what the stage made). Null for a key we cannot read. */
export function artifactTypeOfKey(key: string): TArtifactType | null {
  const k = key.toLowerCase();
  // Contamination reports (v1ReportId, …) are not lineage artifacts.
  if (k.includes("report")) return null;
  if (k.includes("knowledge")) return "knowledge_version";
  if (k.includes("benchmark")) return "benchmark";
  if (k.includes("diagnos")) return "diagnosis_run";
  if (k.includes("eval")) return "evaluation";
  if (k.includes("model")) return "model";
  if (k.includes("train") || k.includes("run")) return "training_run";
  if (/(^|[^a-z])v\d|^v\d|dataset|control/.test(k)) return "dataset_version";
  return null;
}

/** Which arm an artifact key belongs to: V1, V2 or the random control (null: shared, like the benchmark). */
export function armOfKey(key: string): "v1" | "v2" | "control" | null {
  const k = key.toLowerCase();
  if (k.includes("control")) return "control";
  if (k.includes("v2")) return "v2";
  if (k.includes("v1")) return "v1";
  return null;
}

export interface TLoopArtifact {
  key: string;
  id: string;
  type: TArtifactType | null;
  arm: "v1" | "v2" | "control" | null;
}

export function loopArtifacts(artifacts: Record<string, string>): TLoopArtifact[] {
  return Object.entries(artifacts)
    .filter(([, id]) => typeof id === "string" && id.length > 0)
    .map(([key, id]) => ({ key, id, type: artifactTypeOfKey(key), arm: armOfKey(key) }));
}

export interface TLoopSummary {
  v1: number | null;
  v2: number | null;
  control: number | null;
}

/**
 * The accuracy of each arm: from the figures the runner writes on its "done" entry when there are
 * any, else from each arm's evaluation once it is finished and listed (a loop still running).
 */
export function loopSummary(loop: Pick<TLoopDto, "artifacts" | "timeline">, evaluations: readonly Pick<TEvaluationDto, "id" | "summary">[]): TLoopSummary {
  const done = loop.timeline.find((e) => e.stage === "done") as { summary?: { accuracy?: { v1?: number; v2?: number; control?: number | null } } } | undefined;
  const accuracy = done?.summary?.accuracy;
  if (accuracy && typeof accuracy.v1 === "number" && typeof accuracy.v2 === "number") {
    return { v1: accuracy.v1, v2: accuracy.v2, control: typeof accuracy.control === "number" ? accuracy.control : null };
  }
  const out: TLoopSummary = { v1: null, v2: null, control: null };
  for (const artifact of loopArtifacts(loop.artifacts)) {
    if (artifact.type !== "evaluation" || !artifact.arm) continue;
    const summary = evaluations.find((e) => e.id === artifact.id)?.summary;
    if (summary) out[artifact.arm] = summary.total.accuracy;
  }
  return out;
}
