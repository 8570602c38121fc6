// The whole offline loop in one call, and `watch` for anything started earlier.
import { keyValues, listOpt } from "../args.ts";
import { CliError, EXIT } from "../errors.ts";
import type { TJob, TLoop } from "../types.ts";
import { getLoop, waitForJob, waitForLoop } from "../watch.ts";
import { WAIT_OPTION, type TCommand, type TContext } from "./context.ts";

function loopResult(loop: TLoop) {
  const lines = [
    `loop #${loop.number} ${loop.id}: ${loop.status} (stage ${loop.stage})${loop.error ? ` — ${loop.error}` : ""}`,
    ...loop.timeline.map((t) => `  ${t.stage.padEnd(12)} ${t.status}${t.message ? `  ${t.message}` : ""}`),
    ...Object.entries(loop.artifacts ?? {}).map(([k, v]) => `  ${k}: ${v}`),
  ];
  const exitCode = loop.status === "succeeded" ? EXIT.ok : loop.status === "failed" || loop.status === "cancelled" ? EXIT.failed : EXIT.ok;
  return { data: { loop }, lines, exitCode };
}

async function follow(ctx: TContext, loop: TLoop) {
  return loopResult(await waitForLoop(ctx.client(), ctx.projectId, loop.id, ctx.progress()));
}

export const loopCommands: TCommand[] = [
  {
    name: "loop run",
    summary: "run the whole loop: extract → benchmark → V1 → train → evaluate → diagnose → patch → V2 → train → evaluate",
    project: true,
    options: { set: { type: "string", multiple: true, value: "KEY=VALUE", description: "loop setting (repeatable; dots nest): v1.budget=400, patch.replayRatio=0.2, backend=builtin-student" }, ...WAIT_OPTION },
    examples: ["proda loop run --project P", "proda loop run --project P --set v1.budget=400 --set patch.seed=7 --json"],
    async run(ctx) {
      const settings = keyValues(listOpt(ctx.parsed.options, "set"), "set");
      const body = await ctx.client().post<{ loop?: TLoop } & Partial<TLoop>>(`${ctx.projectPath}/loops`, Object.keys(settings).length ? { settings } : {});
      const loop = (body.loop ?? body) as TLoop;
      if (ctx.parsed.options["no-wait"] === true) return { data: { loop }, lines: [`loop ${loop.id} started; follow with: proda watch ${loop.id} --project ${ctx.projectId}`] };
      return follow(ctx, loop);
    },
  },
  {
    name: "loop status",
    summary: "a loop's stage, timeline and artifacts",
    args: ["loopId"],
    project: true,
    async run(ctx) {
      return loopResult(await getLoop(ctx.client(), ctx.projectId, ctx.parsed.args.loopId!));
    },
  },
  ...(["cancel", "resume"] as const).map((verb): TCommand => ({
    name: `loop ${verb}`,
    summary: verb === "cancel" ? "stop a queued or running loop and cancel its current stage's jobs" : "continue a failed or cancelled loop from the stage where it stopped",
    args: ["loopId"],
    project: true,
    options: verb === "resume" ? { ...WAIT_OPTION } : {},
    async run(ctx) {
      const body = await ctx.client().post<{ loop: TLoop }>(`${ctx.projectPath}/loops/${encodeURIComponent(ctx.parsed.args.loopId!)}/${verb}`);
      if (verb === "resume" && ctx.parsed.options["no-wait"] !== true) return follow(ctx, body.loop);
      // A loop that was cancelled on request is the command succeeding.
      return { ...loopResult(body.loop), exitCode: 0 };
    },
  })),
  {
    name: "watch",
    summary: "follow a job (or, with --project, a loop) until it ends, with a progress bar",
    args: ["id"],
    options: { project: { type: "string", short: "p", value: "ID", description: "project of a loop id (else PRODA_PROJECT)" } },
    examples: ["proda watch cm1abc…", "proda watch <loopId> --project P"],
    async run(ctx) {
      const client = ctx.client();
      const target = ctx.parsed.args.id!;
      try {
        const job: TJob = await waitForJob(client, target, ctx.progress(), "");
        const ok = job.status === "completed";
        return { data: { job }, lines: [`${job.title}: ${job.status}${job.error ? ` — ${job.error}` : ""}`], exitCode: ok ? EXIT.ok : EXIT.failed };
      } catch (error) {
        // Not a job: maybe a loop of the given project.
        const project = (ctx.parsed.options.project as string | undefined) ?? ctx.env.PRODA_PROJECT;
        if (!(error instanceof CliError) || error.exitCode !== EXIT.notFound) throw error;
        if (!project) throw new CliError(EXIT.notFound, `No job ${target}; for a loop, give --project`, "not_found");
        const scoped = { ...ctx, projectId: project, projectPath: `/projects/${encodeURIComponent(project)}` };
        return follow(scoped, await getLoop(client, project, target));
      }
    },
  },
];

