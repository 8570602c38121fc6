import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import {
  BENCHMARK_EXPORT_FORMATS,
  buildDataset,
  DATASET_EXPORT_FORMATS,
  exportBenchmark,
  exportDataset,
  listLetterSets,
  parseExport,
  streamDatasetExport,
  toBenchmarkExportItem,
  type TBenchmarkExportItemInput,
  type TExportFile,
} from "../../src/index.ts";
import type { TBenchmarkItem } from "../../src/tester/item-types.ts";
import { buildFixtureGraph } from "../builder/fixture-graph.ts";

const { samples } = buildDataset(buildFixtureGraph(), { knowledgeVersionId: "kv-1", budget: 40, seed: 5 });

const ITEMS: TBenchmarkExportItemInput[] = [
  {
    key: "item-1",
    question: "Which stage of cellular respiration produces pyruvate?",
    options: ["Glycolysis", "The Krebs cycle", "Fermentation", "Oxidative phosphorylation"],
    answer: 0,
    meta: { chainId: "chain-1", relationIds: ["r1", "r2"], conceptIds: ["c1", "c2"], chunkIds: ["ch1"], discipline: "biology" },
  },
  {
    key: "item-2",
    question: 'Which statements about a price ceiling are true?\n(Select all that apply, "carefully".)',
    options: ["It causes a shortage, when set below equilibrium", 'It is a "legal minimum"', "It can lead to black markets", "It raises supply"],
    answer: [2, 0],
    meta: { chainId: "chain-2", relationIds: ["r3", "r4"], conceptIds: ["c3", "c4", "c5"] },
  },
  {
    key: "item-3",
    question: "What does B cells produce?",
    options: ["Antibodies", "Antigens", "Vaccines"],
    answer: 0,
    meta: { chainId: null, relationIds: ["r5"], conceptIds: ["c6", "c7"] },
  },
];

const fileNamed = (files: TExportFile[], name: string) => files.find((f) => f.name === name)!;
const expectedItems = ITEMS.map((i) => ({ ...i, answer: Array.isArray(i.answer) ? [...i.answer].sort() : [i.answer] }));

describe("dataset exports", () => {
  it.each(DATASET_EXPORT_FORMATS)("%s parses back with every sample's key, type, messages and node ids", (format) => {
    const { files } = exportDataset(format, samples, { name: "Biology V1" });
    const parsed = parseExport(format, files);
    expect(parsed.kind).toBe("dataset");
    if (parsed.kind !== "dataset") return;
    expect(parsed.samples).toHaveLength(samples.length);
    parsed.samples.forEach((p, i) => {
      const { key, type, messages, meta } = samples[i]!;
      expect(p).toEqual({ key, type, messages, meta: JSON.parse(JSON.stringify(meta)) });
      expect(p.meta.conceptIds).toEqual(meta.conceptIds);
      expect(p.meta.relationIds).toEqual(meta.relationIds);
      expect(p.meta.chunkIds).toEqual(meta.chunkIds);
    });
  });

  it("writes the shapes trainers expect", () => {
    const sample = samples[0]!;
    const sharegpt = JSON.parse(exportDataset("sharegpt", samples, { system: "You are a tutor." }).files[0]!.content);
    expect(sharegpt[0]).toMatchObject({ conversations: [{ from: "human", value: sample.messages[0]!.content }, { from: "gpt", value: sample.messages[1]!.content }], system: "You are a tutor.", meta: { key: sample.key } });
    const alpaca = JSON.parse(exportDataset("alpaca", samples).files[0]!.content);
    expect(alpaca[0]).toMatchObject({ instruction: sample.messages[0]!.content, input: "", output: sample.messages[1]!.content, meta: { key: sample.key, type: sample.type } });

    const openai = exportDataset("openai", samples).files[0]!;
    expect(openai.name).toBe("proda.openai.jsonl");
    expect(JSON.parse(openai.content.split("\n")[0]!)).toEqual({ messages: sample.messages, metadata: { key: sample.key, type: sample.type, ...sample.meta } });
    // Strict uploaders: `messages` only, the metadata line-aligned beside it.
    const sidecar = exportDataset("openai", samples, { openaiSidecar: true }).files;
    expect(sidecar.map((f) => f.name)).toEqual(["proda.openai.jsonl", "proda.openai.meta.jsonl"]);
    expect(Object.keys(JSON.parse(sidecar[0]!.content.split("\n")[0]!))).toEqual(["messages"]);
    const back = parseExport("openai", sidecar);
    expect(back.kind === "dataset" && back.samples.map((s) => s.key)).toEqual(samples.map((s) => s.key));

    const factory = exportDataset("llama_factory", samples, { name: "Biology V1" }).files;
    expect(factory.map((f) => f.name)).toEqual(["biology_v1.json", "dataset_info.json"]);
    expect(JSON.parse(fileNamed(factory, "dataset_info.json").content)).toEqual({
      biology_v1: {
        file_name: "biology_v1.json",
        formatting: "sharegpt",
        columns: { messages: "conversations", system: "system" },
        tags: { role_tag: "from", content_tag: "value", user_tag: "human", assistant_tag: "gpt" },
      },
    });
  });

  it("streams row by row, to the same bytes", () => {
    const [stream] = streamDatasetExport("sharegpt", samples);
    const pieces = [...stream!.chunks()];
    expect(pieces).toHaveLength(samples.length + 1);
    expect(pieces.join("")).toBe(exportDataset("sharegpt", samples).files[0]!.content);
    expect(exportDataset("alpaca", []).files[0]!.content).toBe("[]\n");
  });
});

describe("benchmark exports", () => {
  it.each(BENCHMARK_EXPORT_FORMATS)("%s parses back with every item's key, options, answer and node ids", (format) => {
    for (const csv of format === "opencompass" ? [false, true] : [false]) {
      const { files } = exportBenchmark(format, ITEMS, { name: "bench", csv });
      const parsed = parseExport(format, files);
      expect(parsed.kind).toBe("benchmark");
      if (parsed.kind !== "benchmark") return;
      expect(parsed.items.map(({ multiple: _, ...item }) => item)).toEqual(expectedItems);
    }
  });

  it("writes an lm-evaluation-harness multiple_choice task", () => {
    const { files } = exportBenchmark("lm_eval", ITEMS, { name: "bio-bench", dataPath: "/data/bio-bench.jsonl" });
    expect(files.map((f) => f.name)).toEqual(["bio-bench.yaml", "bio-bench.jsonl"]);
    const task = parseYaml(files[0]!.content);
    expect(task).toMatchObject({
      task: "proda_bio_bench",
      dataset_path: "json",
      dataset_kwargs: { data_files: { test: "/data/bio-bench.jsonl" } },
      test_split: "test",
      output_type: "multiple_choice",
      doc_to_choice: "labels",
      doc_to_target: "answer",
    });
    expect(task.doc_to_text).toContain("{{question.strip()}}");
    const rows = files[1]!.content.trim().split("\n").map((l) => JSON.parse(l));
    expect(rows[0]).toMatchObject({ key: "item-1", letters: ["A", "B", "C", "D"], labels: ["A", "B", "C", "D"], answer: 0, meta: { chainId: "chain-1" } });
    // A select-all item is one choice among every set of letters.
    expect(rows[1].labels).toEqual(listLetterSets(4));
    expect(rows[1].labels).toHaveLength(15);
    expect(rows[1].labels[rows[1].answer]).toBe("A,C");
  });

  it("writes an OpenCompass custom MCQ dataset", () => {
    const jsonl = exportBenchmark("opencompass", ITEMS, { name: "bench" }).files;
    expect(jsonl.map((f) => f.name)).toEqual(["bench.jsonl", "bench.jsonl.meta.json"]);
    expect(JSON.parse(jsonl[0]!.content.split("\n")[0]!)).toEqual({ question: ITEMS[0]!.question, A: "Glycolysis", B: "The Krebs cycle", C: "Fermentation", D: "Oxidative phosphorylation", answer: "A", key: "item-1", meta: ITEMS[0]!.meta });
    expect(JSON.parse(jsonl[0]!.content.split("\n")[1]!).answer).toBe("AC");
    expect(JSON.parse(jsonl[1]!.content)).toEqual({ abbr: "bench", data_type: "mcq", infer_method: "gen" });
    const csv = exportBenchmark("opencompass", ITEMS, { name: "bench", csv: true }).files;
    expect(csv[0]!.name).toBe("bench.csv");
    expect(csv[0]!.content.split("\r\n")[0]).toBe("question,A,B,C,D,answer,key,meta");
  });

  it("carries a Tester item's provenance, distractor records included", () => {
    const item: TBenchmarkItem = {
      key: "k1",
      kind: "statement",
      mode: "single",
      question: "Which statement is true?",
      options: [
        { label: "A", text: "Glycolysis produces pyruvate.", correct: true, distractor: null },
        { label: "B", text: "Pyruvate produces glycolysis.", correct: false, distractor: { operator: "swap_subject_object", sourceRelationId: "r1", changed: "swapped", checkedFalse: true, statement: null } },
        { label: "C", text: "Glycolysis prevents pyruvate.", correct: false, distractor: { operator: "invert_relation", sourceRelationId: "r1", changed: "inverted", checkedFalse: true, statement: null } },
      ],
      answer: "A",
      chainId: "chain-1",
      relationIds: ["r1"],
      conceptIds: ["c1", "c2"],
      chunkIds: ["ch1"],
      discipline: "biology",
      difficulty: { chainLength: 2, operators: ["swap_subject_object", "invert_relation"], level: 2 },
    };
    const { files } = exportBenchmark("jsonl", [toBenchmarkExportItem(item)]);
    const parsed = parseExport("jsonl", files);
    if (parsed.kind !== "benchmark") throw new Error("expected a benchmark");
    expect(parsed.items[0]).toMatchObject({ key: "k1", answer: [0], multiple: false, meta: { chainId: "chain-1", relationIds: ["r1"], conceptIds: ["c1", "c2"], chunkIds: ["ch1"] } });
    expect((parsed.items[0]!.meta.distractors as unknown[])[1]).toMatchObject({ operator: "swap_subject_object", sourceRelationId: "r1" });
  });

  it("rejects bad items and unreadable files with the file and row named", () => {
    expect(() => exportBenchmark("jsonl", [{ ...ITEMS[0]!, answer: 7 }])).toThrow(/answer/);
    expect(() => parseExport("lm_eval", [{ name: "x.jsonl", content: "{}" }])).toThrow(/YAML.*x\.jsonl/);
    expect(() => parseExport("sharegpt", [{ name: "d.sharegpt.json", content: "[{\"conversations\": []}]" }])).toThrow(/d\.sharegpt\.json.*row 1/);
    expect(() => parseExport("jsonl", [{ name: "b.jsonl", content: '{"key":"a"}\n{oops' }])).toThrow(/b\.jsonl: line 2/);
  });
});
