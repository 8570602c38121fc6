// Benchmarks in the formats evaluators read: plain JSONL, an lm-evaluation-harness task (YAML +
// JSONL, `multiple_choice` scored by log-likelihood of the answer label) and an OpenCompass
// custom MCQ dataset (question, A, B, C, …, answer as JSONL or CSV, with its `.meta.json`).
// Every row keeps the item key and the nodes it tests in `meta`. A select-all item is scored as
// one combination: lm-eval chooses among every non-empty set of letters ("A,C"), OpenCompass
// gets the letters run together ("AC", as its multi-answer datasets write them).
import { stringify } from "yaml";
import { writeCsv, writeJsonl } from "./serialize.ts";
import { collectStreams, toSafeName, ZBenchmarkExportItem, type TBenchmarkExportFormat, type TBenchmarkExportItem, type TBenchmarkExportItemInput, type TExportResult, type TExportStream } from "./types.ts";

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

export interface TBenchmarkExportOptions {
  /** Base of the file names and of the lm-eval task name (made safe); "proda" by default. */
  name?: string;
  /**
   * lm-eval only: the path of the data file as the harness will see it. lm-eval resolves
   * `data_files` against its working directory, not the YAML's folder; the file name by default.
   */
  dataPath?: string;
  /** OpenCompass only: CSV instead of JSONL. */
  csv?: boolean;
  /** OpenCompass only: "gen" (the model writes the letter, default) or "ppl" (perplexity of each option). */
  inferMethod?: "gen" | "ppl";
}

// The prompt lists the options with their letters; the choices scored are the letters themselves.
const LM_EVAL_DOC_TO_TEXT = "{{question.strip()}}\n{% for choice in choices %}{{letters[loop.index0]}}. {{choice}}\n{% endfor %}Answer:";

const isMultiple = (item: TBenchmarkExportItem) => item.multiple ?? item.answer.length > 1;
const lettersOf = (indexes: readonly number[]) => indexes.map((i) => LETTERS[i]!);

/** Every non-empty set of the first n letters, smallest first: "A", …, "A,B", …, "A,B,C,D". */
export function listLetterSets(n: number): string[] {
  const sets: number[][] = [];
  for (let mask = 1; mask < 1 << n; mask++) sets.push([...Array(n).keys()].filter((i) => mask & (1 << i)));
  return sets.sort((a, b) => a.length - b.length || a.join().localeCompare(b.join())).map((set) => lettersOf(set).join(","));
}

function toLmEvalRow(item: TBenchmarkExportItem) {
  const letters = lettersOf([...item.options.keys()]);
  const labels = isMultiple(item) ? listLetterSets(item.options.length) : letters;
  const answer = labels.indexOf(lettersOf(item.answer).join(","));
  return { key: item.key, question: item.question, choices: item.options, letters, labels, answer, meta: item.meta };
}

function lmEvalTask(task: string, dataPath: string): Record<string, unknown> {
  return {
    task,
    dataset_path: "json",
    dataset_kwargs: { data_files: { test: dataPath } },
    test_split: "test",
    output_type: "multiple_choice",
    doc_to_text: LM_EVAL_DOC_TO_TEXT,
    doc_to_choice: "labels",
    doc_to_target: "answer",
    metric_list: [
      { metric: "acc", aggregation: "mean", higher_is_better: true },
      { metric: "acc_norm", aggregation: "mean", higher_is_better: true },
    ],
    metadata: { version: 1.0, source: "ProDa Studio" },
  };
}

export function streamBenchmarkExport(format: TBenchmarkExportFormat, itemsInput: Iterable<TBenchmarkExportItemInput>, options: TBenchmarkExportOptions = {}): TExportStream[] {
  const name = toSafeName(options.name ?? "proda");
  // Items are checked up front: a bad item fails the export before any file is written.
  const items: TBenchmarkExportItem[] = [...itemsInput].map((item) => ZBenchmarkExportItem.parse(item));
  const rows = <T>(f: (item: TBenchmarkExportItem) => T) => items.map(f);
  switch (format) {
    case "jsonl":
      return [
        {
          name: `${name}.jsonl`,
          chunks: () => writeJsonl(rows((i) => ({ key: i.key, question: i.question, options: i.options, answer: lettersOf(i.answer).join(","), answerIndexes: i.answer, multiple: isMultiple(i), meta: i.meta }))),
        },
      ];
    case "lm_eval": {
      const dataFile = `${name}.jsonl`;
      return [
        { name: `${name}.yaml`, chunks: () => [stringify(lmEvalTask(`proda_${name.replace(/-/g, "_")}`, options.dataPath ?? dataFile), { lineWidth: 0 })] },
        {
          name: dataFile,
          chunks: () => writeJsonl(rows(toLmEvalRow)),
        },
      ];
    }
    case "opencompass": {
      const letters = [...LETTERS.slice(0, Math.max(...items.map((i) => i.options.length), 2))];
      const file = options.csv ? `${name}.csv` : `${name}.jsonl`;
      const metaFile = { name: `${file}.meta.json`, chunks: () => [`${JSON.stringify({ abbr: name, data_type: "mcq", infer_method: options.inferMethod ?? "gen" }, null, 2)}\n`] };
      if (options.csv) {
        // One header for all rows: an item with fewer options leaves the last columns empty.
        const header = ["question", ...letters, "answer", "key", "meta"];
        return [
          { name: file, chunks: () => writeCsv(header, rows((i) => [i.question, ...letters.map((_, k) => i.options[k] ?? ""), lettersOf(i.answer).join(""), i.key, JSON.stringify(i.meta)])) },
          metaFile,
        ];
      }
      return [
        {
          name: file,
          chunks: () => writeJsonl(rows((i) => ({ question: i.question, ...Object.fromEntries(i.options.map((o, k) => [LETTERS[k]!, o])), answer: lettersOf(i.answer).join(""), key: i.key, meta: i.meta }))),
        },
        metaFile,
      ];
    }
  }
}

export function exportBenchmark(format: TBenchmarkExportFormat, items: Iterable<TBenchmarkExportItemInput>, options: TBenchmarkExportOptions = {}): TExportResult {
  return collectStreams(streamBenchmarkExport(format, items, options));
}
