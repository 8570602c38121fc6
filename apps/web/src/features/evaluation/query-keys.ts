export interface TResultFilters {
  outcome?: string;
  discipline?: string;
  operator?: string;
  level?: string;
}

export const evaluationKeys = {
  all: ["evaluations"] as const,
  project: (projectId: string) => [...evaluationKeys.all, projectId] as const,
  /** Newest first; with a benchmark id, that benchmark's leaderboard (best first). */
  list: (projectId: string, benchmarkId: string | null) => [...evaluationKeys.project(projectId), "list", benchmarkId ?? "all"] as const,
  detail: (projectId: string, evaluationId: string) => [...evaluationKeys.project(projectId), "detail", evaluationId] as const,
  /** Everything read from inside one evaluation (results and result details). */
  data: (projectId: string, evaluationId: string) => [...evaluationKeys.project(projectId), "data", evaluationId] as const,
  results: (projectId: string, evaluationId: string, filters: TResultFilters) => [...evaluationKeys.data(projectId, evaluationId), "results", filters] as const,
  result: (projectId: string, evaluationId: string, itemId: string) => [...evaluationKeys.data(projectId, evaluationId), "result", itemId] as const,
  compare: (projectId: string, ids: readonly string[]) => [...evaluationKeys.project(projectId), "compare", ids.join(",")] as const,
};

export const modelKeys = {
  all: ["models"] as const,
  list: (projectId: string) => [...modelKeys.all, projectId, "list"] as const,
};

export const evaluationsPath = (projectId: string) => `/projects/${encodeURIComponent(projectId)}/evaluations`;
export const evaluationPath = (projectId: string, evaluationId: string) => `${evaluationsPath(projectId)}/${encodeURIComponent(evaluationId)}`;
export const modelsPath = (projectId: string) => `/projects/${encodeURIComponent(projectId)}/models`;
export const modelPath = (projectId: string, modelId: string) => `${modelsPath(projectId)}/${encodeURIComponent(modelId)}`;
