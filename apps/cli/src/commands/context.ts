// What every command handler gets, and the start → wait → re-read pattern all stage commands share.
import type { TCommandSpec, TParsed } from "../args.ts";
import { ApiClient } from "../client.ts";
import { resolveCredentials } from "../config.ts";
import { CliError, EXIT } from "../errors.ts";
import type { TResult } from "../output.ts";
import { createProgress, type TProgressSink } from "../progress.ts";
import type { TJob } from "../types.ts";
import { waitForJob } from "../watch.ts";

export interface TContext {
  parsed: TParsed;
  env: Record<string, string | undefined>;
  client(): ApiClient;
  progress(): TProgressSink;
  /** The --project value (commands with `project: true` always have one). */
  projectId: string;
  /** /projects/:projectId prefix, encoded. */
  projectPath: string;
}

export interface TCommand extends TCommandSpec {
  run(ctx: TContext): Promise<TResult>;
}

export function createContext(parsed: TParsed, env: Record<string, string | undefined>): TContext {
  const projectId = typeof parsed.options.project === "string" ? parsed.options.project : "";
  let client: ApiClient | undefined;
  return {
    parsed,
    env,
    projectId,
    projectPath: `/projects/${encodeURIComponent(projectId)}`,
    client() {
      if (client) return client;
      const { server, token } = resolveCredentials({ server: parsed.options.server as string | undefined, token: parsed.options.token as string | undefined }, env);
      if (!server || !token) throw new CliError(EXIT.auth, "Not signed in: run `proda login --server URL --token TOKEN` (or set PRODA_SERVER and PRODA_TOKEN)", "not_signed_in");
      client = new ApiClient({ server, token });
      return client;
    },
    progress: () => createProgress(process.stderr, { quiet: parsed.options.quiet === true }),
  };
}

export const WAIT_OPTION = { "no-wait": { type: "boolean", description: "return once started; follow later with `proda watch`" } } as const;

export interface TStarted<A> {
  /** The --json key of the artifact: "version", "benchmark", … */
  key: string;
  artifact: A;
  jobId: string | null;
}

/**
 * Starts a stage, follows its job to the end (unless --no-wait) and re-reads the artifact, whose
 * status then decides the exit code: `ok` false → 1.
 */
export async function startAndWait<A extends { id: string; status?: string; error?: string | null }>(
  ctx: TContext,
  label: string,
  start: () => Promise<TStarted<A>>,
  reread: (artifact: A) => Promise<A>,
  ok: (artifact: A) => boolean,
  describe: (artifact: A) => string[] = () => [],
): Promise<TResult> {
  const started = await start();
  if (ctx.parsed.options["no-wait"] === true || !started.jobId) {
    return {
      data: { [started.key]: started.artifact, jobId: started.jobId },
      lines: [`${label} started: ${started.artifact.id}${started.jobId ? ` (job ${started.jobId}; follow with: proda watch ${started.jobId})` : ""}`],
    };
  }
  const job: TJob = await waitForJob(ctx.client(), started.jobId, ctx.progress(), label);
  const artifact = await reread(started.artifact);
  const success = job.status === "completed" && ok(artifact);
  const problem = artifact.error ?? job.error ?? (job.status !== "completed" ? `job ${job.status}` : `status ${artifact.status}`);
  return {
    data: { [started.key]: artifact, job },
    lines: [`${label} ${artifact.id}: ${artifact.status ?? job.status}${success ? "" : ` — ${problem}`}`, ...describe(artifact)],
    exitCode: success ? EXIT.ok : EXIT.failed,
  };
}
