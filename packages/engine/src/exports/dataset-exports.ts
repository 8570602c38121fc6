// Training data in the formats trainers read: ShareGPT, Alpaca, OpenAI chat fine-tuning JSONL and
// a LLaMA-Factory dataset (data file + dataset_info.json). Each row carries the sample's key, type
// and provenance (concept, relation and chunk ids) in `meta` (`metadata` for OpenAI). Trainers
// ignore columns they are not told about.
import type { TMessage, TSample } from "../builder/types.ts";
import { writeJsonArray, writeJsonl } from "./serialize.ts";
import { collectStreams, toSafeName, type TDatasetExportFormat, type TExportResult, type TExportStream } from "./types.ts";

export interface TDatasetExportOptions {
  /** Base of the file names (made safe); "proda" by default. */
  name?: string;
  /** A system prompt added to every row. */
  system?: string;
  /**
   * OpenAI only: write the metadata to a line-aligned `.meta.jsonl` beside the training file, for
   * uploaders that accept nothing but `messages` on a line.
   */
  openaiSidecar?: boolean;
}

type TExportSample = Pick<TSample, "key" | "type" | "messages" | "meta">;

/** The provenance every row keeps: the sample's key and type, then its meta (node ids, document, discipline…). */
export function sampleMetadata(sample: TExportSample): Record<string, unknown> {
  return { key: sample.key, type: sample.type, ...sample.meta };
}

function withSystem(messages: readonly TMessage[], system: string | undefined): TMessage[] {
  const rest = messages.filter((m) => m.role !== "system");
  const own = messages.find((m) => m.role === "system")?.content;
  const prompt = own ?? system;
  return prompt ? [{ role: "system", content: prompt }, ...rest] : rest;
}

function toShareGptRow(sample: TExportSample, system: string | undefined) {
  const messages = withSystem(sample.messages, system);
  const prompt = messages.find((m) => m.role === "system")?.content;
  return {
    conversations: messages.filter((m) => m.role !== "system").map((m) => ({ from: m.role === "user" ? "human" : "gpt", value: m.content })),
    ...(prompt ? { system: prompt } : {}),
    meta: sampleMetadata(sample),
  };
}

function toAlpacaRow(sample: TExportSample, system: string | undefined) {
  const messages = withSystem(sample.messages, system);
  const turns = messages.filter((m) => m.role !== "system");
  const prompt = messages.find((m) => m.role === "system")?.content;
  // Alpaca is one instruction and one response; earlier turns go to `history` (LLaMA-Factory's column).
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < turns.length; i += 2) pairs.push([turns[i]!.content, turns[i + 1]!.content]);
  const [instruction, output] = pairs.pop() ?? [turns[0]?.content ?? "", ""];
  return { instruction, input: "", output, ...(prompt ? { system: prompt } : {}), ...(pairs.length ? { history: pairs } : {}), meta: sampleMetadata(sample) };
}

const SHAREGPT_INFO = {
  formatting: "sharegpt",
  columns: { messages: "conversations", system: "system" },
  tags: { role_tag: "from", content_tag: "value", user_tag: "human", assistant_tag: "gpt" },
};

/** The files of an export as streams: nothing is rendered until a stream is read. */
export function streamDatasetExport(format: TDatasetExportFormat, samples: Iterable<TExportSample>, options: TDatasetExportOptions = {}): TExportStream[] {
  const name = toSafeName(options.name ?? "proda");
  const { system } = options;
  const map = <T>(f: (s: TExportSample) => T) => (function* () {
    for (const sample of samples) yield f(sample);
  })();
  switch (format) {
    case "sharegpt":
      return [{ name: `${name}.sharegpt.json`, chunks: () => writeJsonArray(map((s) => toShareGptRow(s, system))) }];
    case "alpaca":
      return [{ name: `${name}.alpaca.json`, chunks: () => writeJsonArray(map((s) => toAlpacaRow(s, system))) }];
    case "openai": {
      const row = (s: TExportSample) => ({ messages: withSystem(s.messages, system) });
      if (!options.openaiSidecar) return [{ name: `${name}.openai.jsonl`, chunks: () => writeJsonl(map((s) => ({ ...row(s), metadata: sampleMetadata(s) }))) }];
      return [
        { name: `${name}.openai.jsonl`, chunks: () => writeJsonl(map(row)) },
        { name: `${name}.openai.meta.jsonl`, chunks: () => writeJsonl(map((s) => ({ key: s.key, metadata: sampleMetadata(s) }))) },
      ];
    }
    case "llama_factory":
      return [
        { name: `${name}.json`, chunks: () => writeJsonArray(map((s) => toShareGptRow(s, system))) },
        { name: "dataset_info.json", chunks: () => [`${JSON.stringify({ [name]: { file_name: `${name}.json`, ...SHAREGPT_INFO } }, null, 2)}\n`] },
      ];
  }
}

export function exportDataset(format: TDatasetExportFormat, samples: Iterable<TExportSample>, options: TDatasetExportOptions = {}): TExportResult {
  return collectStreams(streamDatasetExport(format, [...samples], options));
}
