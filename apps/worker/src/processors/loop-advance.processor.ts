// loop.advance: one step of a loop run (see loop/advance-loop.ts). A loop or payload that does not
// belong together will not fix itself on retry.
import { AppError } from "@proda/core";
import type { TJobPayload } from "@proda/jobs";
import { UnrecoverableError } from "bullmq";
import type { JobContext } from "../job-context.ts";
import { advanceLoop } from "../loop/advance-loop.ts";

export async function advanceLoopJob(ctx: JobContext<TJobPayload<"loop.advance">>) {
  try {
    return await advanceLoop(ctx.prisma, ctx.jobId, ctx.payload);
  } catch (error) {
    if (error instanceof AppError && error.code === "validation_failed") throw new UnrecoverableError(error.message);
    throw error;
  }
}
