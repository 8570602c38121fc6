// Shapes shared by the export formats: what a file is, what a benchmark item looks like to an
// exporter, and the format names. Every format keeps the node ids of each row in a metadata field
// (DESIGN invariant 1), and parseExport reads them back.
import { z } from "zod";

export interface TExportFile {
  name: string;
  content: string;
}

export interface TExportResult {
  files: TExportFile[];
}

/** A file whose content is produced piece by piece (write each piece to a stream as it comes). */
export interface TExportStream {
  name: string;
  chunks: () => Iterable<string>;
}

export const DATASET_EXPORT_FORMATS = ["sharegpt", "alpaca", "openai", "llama_factory"] as const;
export type TDatasetExportFormat = (typeof DATASET_EXPORT_FORMATS)[number];

export const BENCHMARK_EXPORT_FORMATS = ["jsonl", "lm_eval", "opencompass"] as const;
export type TBenchmarkExportFormat = (typeof BENCHMARK_EXPORT_FORMATS)[number];

export type TExportFormat = TDatasetExportFormat | TBenchmarkExportFormat;

/** A single-answer multiple-choice benchmark item, with the nodes it tests in `meta`. */
export const ZBenchmarkExportItem = z.object({
  key: z.string().min(1),
  question: z.string().min(1),
  options: z.array(z.string().min(1)).min(2).max(26),
  /** Index of the correct option. */
  answer: z.number().int().min(0),
  meta: z
    .object({
      chainId: z.string().nullable().optional(),
      relationIds: z.array(z.string()).default([]),
      conceptIds: z.array(z.string()).default([]),
    })
    .catchall(z.unknown()),
}).refine((item) => item.answer < item.options.length, { message: "The answer must index one of the options" });
export type TBenchmarkExportItem = z.infer<typeof ZBenchmarkExportItem>;
export type TBenchmarkExportItemInput = z.input<typeof ZBenchmarkExportItem>;

/** A file name made only of safe characters: names come from user-facing dataset names. */
export function toSafeName(name: string, fallback = "proda"): string {
  const safe = name.toLowerCase().replace(/[^a-z0-9_-]+/g, "_").replace(/^_+|_+$/g, "").slice(0, 80);
  return safe || fallback;
}

export function collectStreams(streams: readonly TExportStream[]): TExportResult {
  return { files: streams.map((s) => ({ name: s.name, content: [...s.chunks()].join("") })) };
}
