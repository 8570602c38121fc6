// Projects and uploads.
import { stringOpt } from "../args.ts";
import { usageError } from "../errors.ts";
import { table } from "../output.ts";
import type { TJob } from "../types.ts";
import { batchFiles, listFiles, uploadBatch, type TUploadResult } from "../upload.ts";
import { waitForJob } from "../watch.ts";
import { WAIT_OPTION, type TCommand } from "./context.ts";

interface TProject {
  id: string;
  name: string;
  description: string;
  role: string;
  createdAt: string;
}

export const projectCommands: TCommand[] = [
  {
    name: "projects list",
    summary: "the projects you are a member of",
    async run(ctx) {
      const { projects } = await ctx.client().get<{ projects: TProject[] }>("/projects");
      return { data: { projects }, lines: table(projects as never, ["id", "name", "role", "createdAt"]) };
    },
  },
  {
    name: "projects create",
    summary: "create a project (you become its owner)",
    options: {
      name: { type: "string", value: "NAME", description: "project name", required: true },
      description: { type: "string", value: "TEXT", description: "description" },
    },
    async run(ctx) {
      const body = { name: stringOpt(ctx.parsed.options, "name"), description: stringOpt(ctx.parsed.options, "description") };
      const { project } = await ctx.client().post<{ project: TProject }>("/projects", body);
      return { data: { project }, lines: [`Created project ${project.name}: ${project.id}`] };
    },
  },
  {
    name: "upload",
    summary: "upload every file of a folder to the project's corpus (per-file results)",
    args: ["folder"],
    project: true,
    options: {
      discipline: { type: "string", value: "NAME", description: "discipline of every file (default: each file's first folder)" },
      process: { type: "boolean", description: "then parse, chunk and deduplicate (and wait, unless --no-wait)" },
      ...WAIT_OPTION,
    },
    examples: ["proda upload ./corpus --project P --process"],
    async run(ctx) {
      const folder = ctx.parsed.args.folder!;
      const files = await listFiles(folder);
      if (files.length === 0) throw usageError(`No files under ${folder}`);
      const client = ctx.client();
      const progress = ctx.progress();
      const results: TUploadResult[] = [];
      const batches = batchFiles(files);
      for (const [i, batch] of batches.entries()) {
        progress.update({ label: "upload", status: `batch ${i + 1}/${batches.length}`, fraction: results.length / files.length, done: results.length, total: files.length });
        const page = await uploadBatch(client, ctx.projectId, batch, { discipline: stringOpt(ctx.parsed.options, "discipline") });
        results.push(...page.results);
      }
      progress.update({ label: "upload", status: "done", fraction: 1, done: results.length, total: files.length });
      progress.done();
      const count = (s: string) => results.filter((r) => r.status === s).length;
      const summary = { accepted: count("accepted"), duplicate: count("duplicate"), rejected: count("rejected") };
      const lines = [
        ...results.map((r) => `${r.status.padEnd(9)} ${r.name}${r.error ? `  (${r.error.code}: ${r.error.message})` : ""}`),
        `${summary.accepted} accepted, ${summary.duplicate} duplicate, ${summary.rejected} rejected`,
      ];
      let job: TJob | null = null;
      if (ctx.parsed.options.process === true) {
        ({ job } = await client.post<{ job: TJob }>(`${ctx.projectPath}/corpus/process`));
        if (ctx.parsed.options["no-wait"] !== true) job = await waitForJob(client, job.id, ctx.progress(), "process");
        lines.push(`processing: job ${job.id} ${job.status}`);
      }
      // Rejected files (wrong type, too large) or a failed processing job make the upload a failure.
      const failed = summary.rejected > 0 || (job !== null && (job.status === "failed" || job.status === "cancelled"));
      return { data: { results, summary, job }, lines, exitCode: failed ? 1 : 0 };
    },
  },
];
