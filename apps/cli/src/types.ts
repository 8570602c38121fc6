// The parts of the API's responses the CLI reads (the full shapes: apps/web/src/lib/api-types.ts,
// or GET /api/v1/openapi.json). Kept local so the CLI installs and runs without the server's code.
export type TJobStatus = "queued" | "running" | "completed" | "failed" | "cancelled";

export interface TJob {
  id: string;
  kind: string;
  title: string;
  status: TJobStatus;
  progress: number;
  message: string | null;
  doneCount: number;
  totalCount: number;
  error: string | null;
}

export const TERMINAL_JOB = new Set<string>(["completed", "failed", "cancelled"]);

export interface TLoop {
  id: string;
  number: number;
  status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
  stage: string;
  artifacts: Record<string, string>;
  timeline: { stage: string; status: string; message: string | null }[];
  jobId: string | null;
  error: string | null;
}

export const TERMINAL_RUN = new Set<string>(["succeeded", "failed", "cancelled"]);
