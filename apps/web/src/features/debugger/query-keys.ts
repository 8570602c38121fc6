import type { TLineageDto } from "@/lib/api-types";

export interface TDiagnosisFilters {
  label?: string;
  discipline?: string;
  operator?: string;
  review?: string;
}

export interface TPatchOptionsBody {
  budget: number;
  replayRatio: number;
  seed: number;
}

export type TArtifactType = TLineageDto["nodes"][number]["type"];

export const debuggerKeys = {
  all: ["debugger"] as const,
  project: (projectId: string) => [...debuggerKeys.all, projectId] as const,
  /** Newest first; with an evaluation id, that evaluation's runs. */
  runs: (projectId: string, evaluationId: string | null) => [...debuggerKeys.project(projectId), "runs", evaluationId ?? "all"] as const,
  run: (projectId: string, runId: string) => [...debuggerKeys.project(projectId), "run", runId] as const,
  /** Everything read from inside one run (diagnosis pages, traces, estimates): refreshed after a review. */
  runData: (projectId: string, runId: string) => [...debuggerKeys.project(projectId), "run-data", runId] as const,
  diagnosisLists: (projectId: string, runId: string) => [...debuggerKeys.runData(projectId, runId), "diagnoses"] as const,
  diagnoses: (projectId: string, runId: string, filters: TDiagnosisFilters) => [...debuggerKeys.diagnosisLists(projectId, runId), filters] as const,
  trace: (projectId: string, runId: string, diagnosisId: string) => [...debuggerKeys.runData(projectId, runId), "trace", diagnosisId] as const,
  estimate: (projectId: string, runId: string, options: TPatchOptionsBody) => [...debuggerKeys.runData(projectId, runId), "estimate", options] as const,
  compare: (projectId: string, ids: { baseline: string; candidate: string; control: string | null }) =>
    [...debuggerKeys.project(projectId), "compare", ids.baseline, ids.candidate, ids.control ?? "none"] as const,
  lineage: (projectId: string, type: TArtifactType, id: string) => [...debuggerKeys.project(projectId), "lineage", type, id] as const,
};

export const loopKeys = {
  all: ["loops"] as const,
  project: (projectId: string) => [...loopKeys.all, projectId] as const,
  list: (projectId: string) => [...loopKeys.project(projectId), "list"] as const,
  detail: (projectId: string, loopId: string) => [...loopKeys.project(projectId), "detail", loopId] as const,
};

export const externalKeys = {
  all: ["external"] as const,
  project: (projectId: string) => [...externalKeys.all, projectId] as const,
  scores: (projectId: string) => [...externalKeys.project(projectId), "scores"] as const,
  alignment: (projectId: string, benchmarkId: string) => [...externalKeys.project(projectId), "alignment", benchmarkId] as const,
};

const projectPath = (projectId: string) => `/projects/${encodeURIComponent(projectId)}`;
export const runsPath = (projectId: string) => `${projectPath(projectId)}/diagnosis-runs`;
export const runPath = (projectId: string, runId: string) => `${runsPath(projectId)}/${encodeURIComponent(runId)}`;
export const diagnosePath = (projectId: string, evaluationId: string) => `${projectPath(projectId)}/evaluations/${encodeURIComponent(evaluationId)}/diagnose`;
export const comparePath = (projectId: string) => `${projectPath(projectId)}/debugger/compare`;
export const lineagePath = (projectId: string) => `${projectPath(projectId)}/lineage`;
export const loopsPath = (projectId: string) => `${projectPath(projectId)}/loops`;
export const loopPath = (projectId: string, loopId: string) => `${loopsPath(projectId)}/${encodeURIComponent(loopId)}`;
export const externalSetsPath = (projectId: string) => `${projectPath(projectId)}/external-sets`;
export const externalScoresPath = (projectId: string) => `${projectPath(projectId)}/external-scores`;
