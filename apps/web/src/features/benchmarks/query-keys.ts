export interface TItemFilters {
  discipline?: string;
  review?: string;
  operator?: string;
  mode?: string;
  q?: string;
}

export const benchmarkKeys = {
  all: ["benchmarks"] as const,
  project: (projectId: string) => [...benchmarkKeys.all, projectId] as const,
  list: (projectId: string) => [...benchmarkKeys.project(projectId), "list"] as const,
  detail: (projectId: string, benchmarkId: string) => [...benchmarkKeys.project(projectId), "detail", benchmarkId] as const,
  /** Everything read from inside one benchmark (item lists and item details). */
  data: (projectId: string, benchmarkId: string) => [...benchmarkKeys.project(projectId), "data", benchmarkId] as const,
  itemLists: (projectId: string, benchmarkId: string) => [...benchmarkKeys.data(projectId, benchmarkId), "items"] as const,
  items: (projectId: string, benchmarkId: string, filters: TItemFilters) => [...benchmarkKeys.itemLists(projectId, benchmarkId), filters] as const,
  item: (projectId: string, benchmarkId: string, itemId: string) => [...benchmarkKeys.data(projectId, benchmarkId), "item", itemId] as const,
};

export const benchmarksPath = (projectId: string) => `/projects/${encodeURIComponent(projectId)}/benchmarks`;
export const benchmarkPath = (projectId: string, benchmarkId: string) => `${benchmarksPath(projectId)}/${encodeURIComponent(benchmarkId)}`;
