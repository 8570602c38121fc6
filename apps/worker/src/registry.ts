// Job kind → processor. Processors are thin adapters; every kind in the catalog must appear here
// (checked by the TypeScript type below and by a unit test).
import type { TJobKind, TJobPayload } from "@proda/jobs";
import type { JobContext } from "./job-context.ts";
import { generateBenchmark } from "./processors/benchmark-generate.processor.ts";
import { deduplicateChunks } from "./processors/corpus-deduplicate.processor.ts";
import { parseDocuments } from "./processors/corpus-parse-documents.processor.ts";
import { buildDataset } from "./processors/dataset-build.processor.ts";
import { checkContamination } from "./processors/dataset-check-contamination.processor.ts";
import { diagnoseFailures } from "./processors/debugger-diagnose.processor.ts";
import { runEvaluationJob } from "./processors/evaluation-run.processor.ts";
import { extractKnowledgeChunks } from "./processors/knowledge-extract-chunks.processor.ts";
import { finalizeKnowledge } from "./processors/knowledge-finalize.processor.ts";
import { layoutKnowledge } from "./processors/knowledge-layout.processor.ts";
import { advanceLoopJob } from "./processors/loop-advance.processor.ts";
import { recomputeProjectStats } from "./processors/project-recompute-stats.processor.ts";
import { trainModelOnGpu } from "./processors/training-gpu.processor.ts";
import { trainModel } from "./processors/training-run.processor.ts";

type Processors = { [K in TJobKind]: (ctx: JobContext<TJobPayload<K>>) => Promise<unknown> };

export const processors: Processors = {
  "project.recomputeStats": recomputeProjectStats,
  "corpus.parseDocuments": parseDocuments,
  "corpus.deduplicate": deduplicateChunks,
  "knowledge.extractChunks": extractKnowledgeChunks,
  "knowledge.finalize": finalizeKnowledge,
  "knowledge.layout": layoutKnowledge,
  "benchmark.generate": generateBenchmark,
  "dataset.build": buildDataset,
  "dataset.checkContamination": checkContamination,
  "training.run": trainModel,
  "training.gpu": trainModelOnGpu,
  "evaluation.run": runEvaluationJob,
  "debugger.diagnose": diagnoseFailures,
  "loop.advance": advanceLoopJob,
};
