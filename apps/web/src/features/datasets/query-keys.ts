export interface TSampleFilters {
  type?: string;
  discipline?: string;
  q?: string;
}

export const datasetKeys = {
  all: ["datasets"] as const,
  project: (projectId: string) => [...datasetKeys.all, projectId] as const,
  list: (projectId: string) => [...datasetKeys.project(projectId), "list"] as const,
  detail: (projectId: string, datasetId: string) => [...datasetKeys.project(projectId), "detail", datasetId] as const,
  /** Everything read from inside one version (samples, diffs, contamination). */
  data: (projectId: string, datasetId: string) => [...datasetKeys.project(projectId), "data", datasetId] as const,
  samples: (projectId: string, datasetId: string, filters: TSampleFilters) => [...datasetKeys.data(projectId, datasetId), "samples", filters] as const,
  diff: (projectId: string, datasetId: string, againstId: string) => [...datasetKeys.data(projectId, datasetId), "diff", againstId] as const,
  contamination: (projectId: string, datasetId: string) => [...datasetKeys.data(projectId, datasetId), "contamination"] as const,
};

export const datasetsPath = (projectId: string) => `/projects/${encodeURIComponent(projectId)}/datasets`;
export const datasetPath = (projectId: string, datasetId: string) => `${datasetsPath(projectId)}/${encodeURIComponent(datasetId)}`;
