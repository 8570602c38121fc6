// A project set up over HTTP the way a user would: created through the API, the demo corpus (or any
// folder of discipline/*.md) uploaded and processed, a builtin extraction, the all-disciplines graph
// layout, and loops run to their end — each step waited for by polling the API.
import { openAsBlob } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { TJobDto, TLoopDto } from "../../apps/web/src/lib/api-types.ts";
import { listFiles, ROOT } from "./harness.ts";
import { callApi, type TCredentials } from "./http-client.ts";

const TERMINAL = ["completed", "failed", "cancelled"];

/** Polls GET /api/v1/jobs/:id until the job ends; throws unless it completed. */
export async function waitForJobHttp(baseUrl: string, credentials: TCredentials, jobId: string): Promise<TJobDto> {
  for (;;) {
    const { job } = await callApi<{ job: TJobDto }>(baseUrl, credentials, "GET", `/jobs/${jobId}`);
    if (TERMINAL.includes(job.status)) {
      if (job.status !== "completed") throw new Error(`job ${job.kind} ${job.status}: ${job.error}`);
      return job;
    }
    await sleep(300);
  }
}

/** A new project holding `corpus` (discipline folders of Markdown), processed, extracted, laid out. */
export async function createDemoProject(baseUrl: string, owner: TCredentials, name: string, corpus = path.join(ROOT, "prisma/demo-corpus")) {
  const { project } = await callApi<{ project: { id: string } }>(baseUrl, owner, "POST", "/projects", { body: { name }, expect: [201] });
  const projectPath = `/projects/${project.id}`;
  // Discipline folders only (a README at the top is not part of the corpus).
  const files = listFiles(corpus).filter((f) => path.relative(corpus, f).includes(path.sep) && f.endsWith(".md")).sort();
  const form = new FormData();
  for (const file of files) form.append("files", await openAsBlob(file), path.relative(corpus, file));
  const upload = await callApi<{ jobId: string }>(baseUrl, owner, "POST", `${projectPath}/corpus/documents?process=true`, { form, expect: [201] });
  await waitForJobHttp(baseUrl, owner, upload.jobId);
  const { version } = await callApi<{ version: { id: string; jobId: string } }>(baseUrl, owner, "POST", `${projectPath}/knowledge/versions`, { body: {}, expect: [202] });
  await waitForJobHttp(baseUrl, owner, version.jobId);
  const versionPath = `${projectPath}/knowledge/versions/${version.id}`;
  const { layout } = await callApi<{ layout: { id: string; jobId: string | null } }>(baseUrl, owner, "POST", `${versionPath}/layouts`, { body: {}, expect: [200, 202] });
  if (layout.jobId) await waitForJobHttp(baseUrl, owner, layout.jobId);
  return { projectId: project.id, versionId: version.id, layoutId: layout.id, files: files.length };
}

/**
 * POST /loops (202), then the loop's detail polled every `pollMs` until it ends; `onPoll` sees every
 * answer. A failed poll is counted and retried (under load that is a figure, not the end of the run).
 */
export async function runLoopHttp(
  baseUrl: string,
  credentials: TCredentials,
  projectId: string,
  settings: Record<string, unknown>,
  { pollMs = 1000, onPoll }: { pollMs?: number; onPoll?: (loop: TLoopDto) => void } = {},
): Promise<{ loop: TLoopDto; seconds: number; pollErrors: string[] }> {
  const started = performance.now();
  let { loop } = await callApi<{ loop: TLoopDto }>(baseUrl, credentials, "POST", `/projects/${projectId}/loops`, { body: { settings }, expect: [202] });
  onPoll?.(loop);
  const pollErrors: string[] = [];
  while (loop.status === "queued" || loop.status === "running") {
    await sleep(pollMs);
    try {
      ({ loop } = await callApi<{ loop: TLoopDto }>(baseUrl, credentials, "GET", `/projects/${projectId}/loops/${loop.id}`));
      onPoll?.(loop);
    } catch (error) {
      pollErrors.push((error as Error).message);
      if (pollErrors.length > 50) throw error;
    }
  }
  return { loop, seconds: (performance.now() - started) / 1000, pollErrors };
}

/** Seconds each stage of a finished loop took, from its timeline. */
export function loopStageSeconds(loop: TLoopDto): Record<string, number | null> {
  return Object.fromEntries(
    loop.timeline.map((e) => [e.stage, e.startedAt && e.finishedAt ? +((Date.parse(e.finishedAt) - Date.parse(e.startedAt)) / 1000).toFixed(1) : null]),
  );
}
