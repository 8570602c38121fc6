// While a backend trains, the job row is checked twice a second: a cancel request, the job row gone
// with its project, or the job ended from outside aborts the backend. Step progress goes to the job row too, for the Jobs panel.
import type { TLogWriter } from "./log-writer.ts";
import { JobCancelledError, type JobContext } from "../job-context.ts";
import { log } from "../log.ts";

const POLL_MS = 500;

export function watchForCancel(ctx: JobContext<unknown>, writer: TLogWriter, controller: AbortController): () => void {
  let reported = "";
  let busy = false;
  const check = async () => {
    if (busy || controller.signal.aborted) return;
    busy = true;
    try {
      const progress = `${writer.step}/${writer.totalSteps ?? 0}`;
      if (progress !== reported) {
        reported = progress;
        // progress() also throws JobCancelledError when a cancel was requested.
        await ctx.progress({ done: writer.step, total: writer.totalSteps ?? 0, message: `Step ${writer.step}${writer.totalSteps ? ` of ${writer.totalSteps}` : ""}` });
      } else {
        const job = await ctx.prisma.job.findUnique({ where: { id: ctx.jobId }, select: { cancelRequested: true, status: true } });
        // Gone with its project, cancelled, or ended from outside (the web fails a GPU run whose worker vanished).
        if (!job || job.cancelRequested || job.status !== "running") controller.abort();
      }
    } catch (error) {
      if (error instanceof JobCancelledError || (error as { code?: string }).code === "P2025") controller.abort();
      else log.warn({ jobId: ctx.jobId, err: String(error) }, "cancel check failed");
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void check(), POLL_MS);
  return () => clearInterval(timer);
}
