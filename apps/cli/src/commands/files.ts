// Downloads: dataset and benchmark exports, evaluation results. Streamed to --out (a local path the
// user chose; "-" is stdout), never buffered whole.
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { once } from "node:events";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { stringOpt } from "../args.ts";
import type { TContext, TCommand } from "./context.ts";

async function download(ctx: TContext, pathname: string, format: string | undefined, out: string) {
  const response = await ctx.client().fetch(pathname, { query: { format }, accept: "*/*" });
  const body = Readable.fromWeb(response.body as never);
  if (out === "-") {
    // stdout is never ended (pipeline would try), so it is written by hand with back-pressure.
    let bytes = 0;
    for await (const chunk of body as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (!process.stdout.write(chunk)) await once(process.stdout, "drain");
    }
    return { bytes, contentType: response.headers.get("content-type") };
  }
  // Written beside the target and renamed at the end: an interrupted download leaves no half file.
  const partial = `${out}.partial`;
  let bytes = 0;
  body.on("data", (chunk: Buffer) => (bytes += chunk.length));
  try {
    await pipeline(body, createWriteStream(partial));
    await rename(partial, out);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return { bytes, contentType: response.headers.get("content-type") };
}

const OUT = { type: "string", value: "FILE", description: 'where to write it ("-": stdout)', required: true } as const;

function exportCommand(kind: "dataset" | "benchmark", formats: string): TCommand {
  return {
    name: `export ${kind}`,
    summary: `download a ${kind} in a training/evaluation format`,
    args: [`${kind}Id`],
    project: true,
    options: { format: { type: "string", value: "FORMAT", description: formats }, out: OUT },
    examples: [`proda export ${kind} <id> --project P --format ${formats.split(" | ")[0]} --out ${kind}.${kind === "dataset" ? "json" : "jsonl"}`],
    async run(ctx) {
      const out = stringOpt(ctx.parsed.options, "out")!;
      const format = stringOpt(ctx.parsed.options, "format");
      const artifactId = ctx.parsed.args[`${kind}Id`]!;
      const result = await download(ctx, `${ctx.projectPath}/${kind}s/${encodeURIComponent(artifactId)}/export`, format, out);
      return { data: { [kind]: artifactId, format: format ?? null, out, ...result }, lines: out === "-" ? [] : [`wrote ${out} (${result.bytes} bytes)`], stdoutUsed: out === "-" };
    },
  };
}

export const fileCommands: TCommand[] = [
  exportCommand("dataset", "sharegpt (default) | alpaca | openai | llama_factory"),
  exportCommand("benchmark", "jsonl (default) | lm_eval | opencompass"),
  {
    name: "results",
    summary: "download an evaluation's per-item results",
    args: ["evaluationId"],
    project: true,
    options: { format: { type: "string", value: "FORMAT", description: "jsonl (default) | csv" }, out: OUT },
    async run(ctx) {
      const out = stringOpt(ctx.parsed.options, "out")!;
      const format = stringOpt(ctx.parsed.options, "format");
      const evaluationId = ctx.parsed.args.evaluationId!;
      const result = await download(ctx, `${ctx.projectPath}/evaluations/${encodeURIComponent(evaluationId)}/export`, format, out);
      return { data: { evaluation: evaluationId, format: format ?? null, out, ...result }, lines: out === "-" ? [] : [`wrote ${out} (${result.bytes} bytes)`], stdoutUsed: out === "-" };
    },
  },
];
