// project.recomputeStats: counts a project's members, jobs, audit events and providers, one unit at
// a time with progress, then upserts ProjectStats (idempotent: a re-run after a crash just recounts).
import type { TJobPayload } from "@proda/jobs";
import { setTimeout as sleep } from "node:timers/promises";
import type { JobContext } from "../job-context.ts";

export async function recomputeProjectStats(ctx: JobContext<TJobPayload<"project.recomputeStats">>) {
  const { prisma, payload } = ctx;
  const where = { projectId: payload.projectId };
  const units = [
    ["members", () => prisma.membership.count({ where })],
    ["jobs", () => prisma.job.count({ where })],
    ["auditEvents", () => prisma.auditEvent.count({ where })],
    ["providers", () => prisma.providerConfig.count({ where })],
  ] as const;

  const counts: Record<string, number> = {};
  for (const [index, [name, count]] of units.entries()) {
    await ctx.progress({ done: index, total: units.length, message: `Counting ${name}` });
    if (ctx.env.PRODA_STATS_STEP_PAUSE_MS > 0) await sleep(ctx.env.PRODA_STATS_STEP_PAUSE_MS);
    counts[name] = await count();
  }
  const data = {
    members: counts.members!, jobs: counts.jobs!, auditEvents: counts.auditEvents!, providers: counts.providers!,
    computedAt: new Date(), computedBy: ctx.jobId,
  };
  await prisma.projectStats.upsert({ where: { projectId: payload.projectId }, create: { projectId: payload.projectId, ...data }, update: data });
  await ctx.progress({ done: units.length, total: units.length, message: "Statistics updated" });
  return counts;
}
