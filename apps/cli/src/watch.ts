// Following a job to its end: the SSE stream first (/jobs/:id/events); if it drops before a
// terminal state (a web restart, a proxy timeout) the job is polled instead, so a watch never hangs
// on a dead connection and never misses the end.
import type { ApiClient } from "./client.ts";
import type { TProgressSink } from "./progress.ts";
import { readSse } from "./sse.ts";
import { TERMINAL_JOB, TERMINAL_RUN, type TJob, type TLoop } from "./types.ts";

const POLL_MS = 1000;
/** The loop's stages in order (TLoopStage in the server's api-types.ts). */
export const LOOP_STAGES = ["extract", "benchmark", "v1", "train_v1", "evaluate_v1", "diagnose", "patch", "train_v2", "evaluate_v2", "done"];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function show(progress: TProgressSink, label: string, job: TJob) {
  progress.update({ label, status: job.status, fraction: job.progress, done: job.doneCount, total: job.totalCount, message: job.error ?? job.message });
}

async function streamJob(client: ApiClient, jobId: string, onJob: (job: TJob) => void): Promise<TJob | null> {
  const response = await client.fetch(`/jobs/${encodeURIComponent(jobId)}/events`, { accept: "text/event-stream" });
  if (!response.body) return null;
  let last: TJob | null = null;
  for await (const event of readSse(response.body)) {
    try {
      last = JSON.parse(event.data) as TJob;
    } catch {
      continue;
    }
    onJob(last);
    if (TERMINAL_JOB.has(last.status)) return last;
  }
  return last && TERMINAL_JOB.has(last.status) ? last : null;
}

export async function waitForJob(client: ApiClient, jobId: string, progress: TProgressSink, label = "job"): Promise<TJob> {
  const onJob = (job: TJob) => show(progress, label || job.title, job);
  try {
    try {
      const ended = await streamJob(client, jobId, onJob);
      if (ended) return ended;
    } catch (error) {
      // 401/404 are answers, not a dropped stream: no point polling for them.
      if ((error as { exitCode?: number }).exitCode === 3 || (error as { exitCode?: number }).exitCode === 4) throw error;
    }
    for (;;) {
      const { job } = await client.get<{ job: TJob }>(`/jobs/${encodeURIComponent(jobId)}`);
      onJob(job);
      if (TERMINAL_JOB.has(job.status)) return job;
      await sleep(POLL_MS);
    }
  } finally {
    progress.done();
  }
}

/** A loop has no stream of its own: its timeline is polled; each stage shows as it moves. */
export async function waitForLoop(client: ApiClient, projectId: string, loopId: string, progress: TProgressSink): Promise<TLoop> {
  try {
    for (;;) {
      const loop = await getLoop(client, projectId, loopId);
      const index = LOOP_STAGES.indexOf(loop.stage);
      progress.update({
        label: `loop #${loop.number}`,
        status: `${loop.status} · ${loop.stage}`,
        fraction: index < 0 ? null : index / (LOOP_STAGES.length - 1),
        done: index < 0 ? undefined : index,
        total: LOOP_STAGES.length - 1,
        message: loop.error ?? loop.timeline.at(-1)?.message ?? null,
      });
      if (TERMINAL_RUN.has(loop.status)) return loop;
      await sleep(POLL_MS);
    }
  } finally {
    progress.done();
  }
}

export async function getLoop(client: ApiClient, projectId: string, loopId: string): Promise<TLoop> {
  const body = await client.get<{ loop?: TLoop } & Partial<TLoop>>(`/projects/${encodeURIComponent(projectId)}/loops/${encodeURIComponent(loopId)}`);
  return (body.loop ?? body) as TLoop;
}
