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

/** A multiple-choice benchmark item (one or several correct options), with the nodes it tests in `meta`. */
export const ZBenchmarkExportItem = z
  .object({
    key: z.string().min(1),
    question: z.string().min(1),
    options: z.array(z.string().min(1)).min(2).max(26),
    /** Indexes of the correct options, ascending; a single number is read as one. */
    answer: z
      .union([z.number().int().min(0), z.array(z.number().int().min(0)).min(1)])
      .transform((a) => (Array.isArray(a) ? [...new Set(a)].sort((x, y) => x - y) : [a])),
    /** Select-all-that-apply (scored as one combination); by default, when more than one option is correct. */
    multiple: z.boolean().optional(),
    meta: z
      .object({
        chainId: z.string().nullable().optional(),
        relationIds: z.array(z.string()).default([]),
        conceptIds: z.array(z.string()).default([]),
      })
      .catchall(z.unknown()),
  })
  .refine((item) => item.answer.every((i) => i < item.options.length), { message: "Every answer must index one of the options" });
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
