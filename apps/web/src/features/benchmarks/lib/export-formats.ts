// Download links of benchmarks and dataset versions: plain <a download> to the export routes,
// streamed by the server (multi-file formats come as a zip).

export const BENCHMARK_EXPORT_FORMATS = ["jsonl", "lm_eval", "opencompass"] as const;
export const DATASET_EXPORT_FORMATS = ["sharegpt", "alpaca", "openai", "llama_factory"] as const;

export function benchmarkExportHref(projectId: string, benchmarkId: string, format: (typeof BENCHMARK_EXPORT_FORMATS)[number]): string {
  return `/api/v1/projects/${encodeURIComponent(projectId)}/benchmarks/${encodeURIComponent(benchmarkId)}/export?${new URLSearchParams({ format })}`;
}

export function datasetExportHref(projectId: string, datasetId: string, format: (typeof DATASET_EXPORT_FORMATS)[number]): string {
  return `/api/v1/projects/${encodeURIComponent(projectId)}/datasets/${encodeURIComponent(datasetId)}/export?${new URLSearchParams({ format })}`;
}
