// Download links of an evaluation's results: plain <a download> to the export route (streamed).

export const EVALUATION_EXPORT_FORMATS = ["jsonl", "csv"] as const;
export type TEvaluationExportFormat = (typeof EVALUATION_EXPORT_FORMATS)[number];

export function evaluationExportHref(projectId: string, evaluationId: string, format: TEvaluationExportFormat): string {
  return `/api/v1/projects/${encodeURIComponent(projectId)}/evaluations/${encodeURIComponent(evaluationId)}/export?${new URLSearchParams({ format })}`;
}
