// `proda run <stage>` and `proda freeze …`: each starts the stage through its route, follows the
// job and re-reads the artifact. Free-form settings go through --set key=value as the server's
// JSON fields, so new server options need no CLI release.
import { keyValues, listOpt, numberOpt, stringOpt, type TOptionSpec } from "../args.ts";
import { CliError, EXIT, usageError } from "../errors.ts";
import { fields } from "../output.ts";
import type { TJob } from "../types.ts";
import { waitForJob } from "../watch.ts";
import { startAndWait, WAIT_OPTION, type TCommand, type TContext } from "./context.ts";

type TArtifact = { id: string; status: string; error?: string | null; jobId?: string | null; [k: string]: unknown };

const FINISHED = new Set(["ready", "frozen"]);
const isFinished = (a: TArtifact) => FINISHED.has(a.status);
const id = (s: string) => encodeURIComponent(s);

const SET: Record<string, TOptionSpec> = {
  set: { type: "string", multiple: true, value: "KEY=VALUE", description: "extra request field (repeatable; dots nest: settings.seed=7)" },
};
const PROVIDER: TOptionSpec = { type: "string", value: "ID", description: "LLM provider id (default: the project's default provider)" };

/** POST body: the command's own fields, then --set ones over them (undefined fields dropped). */
function body(ctx: TContext, own: Record<string, unknown>): Record<string, unknown> {
  const merged = { ...own, ...keyValues(listOpt(ctx.parsed.options, "set"), "set") };
  return Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined));
}

function stage(
  name: string,
  summary: string,
  options: Record<string, TOptionSpec>,
  label: string,
  start: (ctx: TContext) => Promise<{ key: string; artifact: TArtifact }>,
  reread: (ctx: TContext, a: TArtifact) => Promise<TArtifact>,
  describe: (a: TArtifact) => string[] = () => [],
  ok: (a: TArtifact) => boolean = isFinished,
): TCommand {
  return {
    name: `run ${name}`,
    summary,
    project: true,
    options: { ...options, ...SET, ...WAIT_OPTION },
    run: (ctx) =>
      startAndWait<TArtifact>(
        ctx,
        label,
        async () => {
          const { key, artifact } = await start(ctx);
          return { key, artifact, jobId: (artifact.jobId as string | null | undefined) ?? null };
        },
        (a) => reread(ctx, a),
        ok,
        describe,
      ),
  };
}

export const stageCommands: TCommand[] = [
  {
    name: "run process",
    summary: "parse, chunk, filter and deduplicate the documents not processed yet",
    project: true,
    options: { ...WAIT_OPTION },
    async run(ctx) {
      const client = ctx.client();
      let { job } = await client.post<{ job: TJob }>(`${ctx.projectPath}/corpus/process`);
      if (ctx.parsed.options["no-wait"] === true) return { data: { job }, lines: [`processing started: job ${job.id}`] };
      job = await waitForJob(client, job.id, ctx.progress(), "process");
      const funnel = await client.get<unknown>(`${ctx.projectPath}/corpus/funnel`);
      return { data: { job, funnel }, lines: [`processing ${job.status}${job.error ? ` — ${job.error}` : ""}`], exitCode: job.status === "completed" ? 0 : EXIT.failed };
    },
  },
  stage(
    "extract",
    "extract a knowledge version (L3 chains → L2 relations → L1 concepts) from the kept chunks",
    { provider: PROVIDER, discipline: { type: "string", multiple: true, value: "NAME", description: "only these disciplines (repeatable)" } },
    "knowledge version",
    async (ctx) => {
      const o = ctx.parsed.options;
      const { version } = await ctx.client().post<{ version: TArtifact }>(`${ctx.projectPath}/knowledge/versions`, body(ctx, { providerId: stringOpt(o, "provider"), disciplines: listOpt(o, "discipline") }));
      return { key: "version", artifact: version };
    },
    async (ctx, a) => (await ctx.client().get<{ version: TArtifact }>(`${ctx.projectPath}/knowledge/versions/${id(a.id)}`)).version,
    (a) => fields(a, ["number", "chunksDone", "chunksTotal", "promptTokens", "completionTokens", "costUsd"]),
    (a) => a.status === "ready",
  ),
  stage(
    "benchmark",
    "generate a benchmark from a ready knowledge version",
    { knowledge: { type: "string", value: "ID", description: "knowledge version id", required: true }, name: { type: "string", value: "NAME", description: "benchmark name" }, provider: PROVIDER },
    "benchmark",
    async (ctx) => {
      const o = ctx.parsed.options;
      const { benchmark } = await ctx.client().post<{ benchmark: TArtifact }>(`${ctx.projectPath}/benchmarks`, body(ctx, { knowledgeVersionId: stringOpt(o, "knowledge"), name: stringOpt(o, "name"), providerId: stringOpt(o, "provider") }));
      return { key: "benchmark", artifact: benchmark };
    },
    async (ctx, a) => (await ctx.client().get<{ benchmark: TArtifact }>(`${ctx.projectPath}/benchmarks/${id(a.id)}`)).benchmark,
    (a) => fields(a, ["number", "name", "itemCount"]),
  ),
  stage(
    "dataset",
    "build a training dataset version from a knowledge version (or --set rebuildOf=ID)",
    {
      knowledge: { type: "string", value: "ID", description: "knowledge version id" },
      name: { type: "string", value: "NAME", description: "version name" },
      budget: { type: "string", value: "N", description: "number of samples" },
      seed: { type: "string", value: "N", description: "random seed" },
    },
    "dataset",
    async (ctx) => {
      const o = ctx.parsed.options;
      const payload = body(ctx, { knowledgeVersionId: stringOpt(o, "knowledge"), name: stringOpt(o, "name"), budget: numberOpt(o, "budget", { integer: true, min: 1 }), seed: numberOpt(o, "seed", { integer: true, min: 0 }) });
      if (!payload.knowledgeVersionId && !payload.rebuildOf) throw usageError("run dataset needs --knowledge ID (or --set rebuildOf=ID)");
      const { dataset } = await ctx.client().post<{ dataset: TArtifact }>(`${ctx.projectPath}/datasets`, payload);
      return { key: "dataset", artifact: dataset };
    },
    async (ctx, a) => (await ctx.client().get<{ dataset: TArtifact }>(`${ctx.projectPath}/datasets/${id(a.id)}`)).dataset,
    (a) => fields(a, ["number", "name", "sampleCount", "contentHash"]),
  ),
  stage(
    "train",
    "train a model on a dataset version (the contamination guard runs first)",
    {
      dataset: { type: "string", value: "ID", description: "dataset version id", required: true },
      backend: { type: "string", value: "NAME", description: "builtin-student (default) | openai | hf-peft | command" },
      "base-model": { type: "string", value: "ID", description: "registered base model id" },
      provider: PROVIDER,
      param: { type: "string", multiple: true, value: "KEY=VALUE", description: "hyperparameter (repeatable): --param epochs=3" },
    },
    "training run",
    async (ctx) => {
      const o = ctx.parsed.options;
      const { run } = await ctx.client().post<{ run: TArtifact }>(`${ctx.projectPath}/training-runs`, body(ctx, {
        datasetVersionId: stringOpt(o, "dataset"),
        backend: stringOpt(o, "backend") ?? "builtin-student",
        baseModelId: stringOpt(o, "base-model"),
        providerId: stringOpt(o, "provider"),
        hyperparameters: keyValues(listOpt(o, "param"), "param"),
      }));
      return { key: "run", artifact: run };
    },
    async (ctx, a) => (await ctx.client().get<{ run: TArtifact }>(`${ctx.projectPath}/training-runs/${id(a.id)}`)).run,
    (a) => fields(a, ["number", "backend", "modelId", "step", "lastLoss"]),
    (a) => a.status === "succeeded",
  ),
  stage(
      "evaluate",
      "evaluate a model on a frozen benchmark",
      {
        benchmark: { type: "string", value: "ID", description: "frozen benchmark id", required: true },
        model: { type: "string", value: "ID", description: "registered model id" },
        "training-run": { type: "string", value: "ID", description: "…or the training run whose model to evaluate" },
        limit: { type: "string", value: "N", description: "only the first N items" },
      },
      "evaluation",
      async (ctx) => {
        const o = ctx.parsed.options;
        let modelId = stringOpt(o, "model");
        const runId = stringOpt(o, "training-run");
        if (!modelId === !runId) throw usageError("run evaluate needs exactly one of --model ID or --training-run ID");
        if (runId) {
          const { run } = await ctx.client().get<{ run: TArtifact & { modelId: string | null } }>(`${ctx.projectPath}/training-runs/${id(runId)}`);
          if (!run.modelId) throw new CliError(EXIT.failed, `Training run ${runId} has no model (status ${run.status})`, "no_model");
          modelId = run.modelId;
        }
        const limit = numberOpt(o, "limit", { integer: true, min: 1 });
        const settings = limit === undefined ? undefined : { limit };
        const { evaluation } = await ctx.client().post<{ evaluation: TArtifact }>(`${ctx.projectPath}/evaluations`, body(ctx, { benchmarkId: stringOpt(o, "benchmark"), modelId, settings }));
        return { key: "evaluation", artifact: evaluation };
      },
      async (ctx, a) => (await ctx.client().get<{ evaluation: TArtifact }>(`${ctx.projectPath}/evaluations/${id(a.id)}`)).evaluation,
      (a) => {
        const total = (a.summary as { total?: { items: number; correct: number; accuracy: number } } | null)?.total;
        return [...fields(a, ["number", "itemsDone", "itemsTotal"]), ...(total ? [`accuracy: ${(total.accuracy * 100).toFixed(1)}% (${total.correct}/${total.items})`] : [])];
      },
    ),
  stage(
    "diagnose",
    "diagnose a finished evaluation's failures (concept gap | reasoning deficit)",
    {
      evaluation: { type: "string", value: "ID", description: "evaluation id", required: true },
      judge: { type: "string", value: "builtin|PROVIDER", description: "builtin (default) or a provider id as LLM judge" },
    },
    "diagnosis run",
    async (ctx) => {
      const o = ctx.parsed.options;
      const { run } = await ctx.client().post<{ run: TArtifact }>(`${ctx.projectPath}/evaluations/${id(stringOpt(o, "evaluation")!)}/diagnose`, body(ctx, { judge: stringOpt(o, "judge") }));
      return { key: "run", artifact: run };
    },
    async (ctx, a) => (await ctx.client().get<{ run: TArtifact }>(`${ctx.projectPath}/diagnosis-runs/${id(a.id)}`)).run,
    (a) => fields(a, ["counts"]),
  ),
  {
    name: "run patch",
    summary: "build dataset V2 (and a random control) from a diagnosis run",
    project: true,
    options: {
      diagnosis: { type: "string", value: "ID", description: "diagnosis run id", required: true },
      budget: { type: "string", value: "N", description: "patch samples" },
      "replay-ratio": { type: "string", value: "R", description: "share of V1 replayed (0–1)" },
      seed: { type: "string", value: "N", description: "random seed" },
      "no-control": { type: "boolean", description: "skip the random control" },
      ...SET,
      ...WAIT_OPTION,
    },
    async run(ctx) {
      const o = ctx.parsed.options;
      const client = ctx.client();
      const result = await client.post<{ v2: TArtifact; control: TArtifact | null }>(`${ctx.projectPath}/diagnosis-runs/${id(stringOpt(o, "diagnosis")!)}/patch`, body(ctx, {
        budget: numberOpt(o, "budget", { integer: true, min: 1 }),
        replayRatio: numberOpt(o, "replay-ratio", { min: 0, max: 1 }),
        seed: numberOpt(o, "seed", { integer: true, min: 0 }),
        control: o["no-control"] === true ? false : undefined,
      }));
      const built = [result.v2, ...(result.control ? [result.control] : [])];
      if (o["no-wait"] === true) return { data: result, lines: built.map((d) => `dataset ${d.id} started (job ${d.jobId})`) };
      const reread = async (d: TArtifact) => {
        if (d.jobId) await waitForJob(client, d.jobId as string, ctx.progress(), d === result.v2 ? "V2" : "control");
        return (await client.get<{ dataset: TArtifact }>(`${ctx.projectPath}/datasets/${id(d.id)}`)).dataset;
      };
      const v2 = await reread(result.v2);
      const control = result.control ? await reread(result.control) : null;
      const ok = [v2, control].every((d) => !d || isFinished(d));
      return {
        data: { v2, control },
        lines: [`V2 ${v2.id}: ${v2.status} (${v2.sampleCount} samples)`, ...(control ? [`control ${control.id}: ${control.status}`] : [])],
        exitCode: ok ? 0 : EXIT.failed,
      };
    },
  },
  {
    name: "freeze benchmark",
    summary: "freeze a ready benchmark (and its knowledge version): immutable from then on",
    args: ["benchmarkId"],
    project: true,
    async run(ctx) {
      const { benchmark } = await ctx.client().post<{ benchmark: TArtifact }>(`${ctx.projectPath}/benchmarks/${id(ctx.parsed.args.benchmarkId!)}/freeze`);
      return { data: { benchmark }, lines: [`benchmark ${benchmark.id}: ${benchmark.status}`] };
    },
  },
  {
    name: "freeze dataset",
    summary: "run the contamination guard against every frozen benchmark and freeze the version if it passes",
    args: ["datasetId"],
    project: true,
    options: { "override-reason": { type: "string", value: "TEXT", description: "let it through despite contamination (owners; recorded)" }, ...WAIT_OPTION },
    async run(ctx) {
      const client = ctx.client();
      const datasetPath = `${ctx.projectPath}/datasets/${id(ctx.parsed.args.datasetId!)}`;
      const reason = stringOpt(ctx.parsed.options, "override-reason");
      let { report } = await client.post<{ report: TArtifact }>(`${datasetPath}/freeze`, reason ? { override: { reason } } : {});
      if (ctx.parsed.options["no-wait"] === true || !report.jobId) return { data: { report }, lines: [`contamination check ${report.id}: ${report.status}`] };
      await waitForJob(client, report.jobId as string, ctx.progress(), "contamination guard");
      ({ report } = await client.get<{ report: TArtifact }>(`${datasetPath}/contamination`));
      const { dataset } = await client.get<{ dataset: TArtifact }>(datasetPath);
      const frozen = dataset.status === "frozen";
      const counts = report.counts as { samples: number; items: number } | null;
      const lines = [`dataset ${dataset.id}: ${dataset.status} (guard: ${report.status}${counts ? `, ${counts.samples} samples overlap ${counts.items} items` : ""})`];
      if (!frozen && report.status === "blocked") lines.push("Blocked by the contamination guard; see the report in the Builder, or override with --override-reason (owners).");
      return { data: { dataset, report }, lines, exitCode: frozen ? 0 : EXIT.failed };
    },
  },
];
