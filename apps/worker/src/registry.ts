// Job kind → processor. Processors are thin adapters; every kind in the catalog must appear here
// (checked by the TypeScript type below and by a unit test).
import type { TJobKind, TJobPayload } from "@proda/jobs";
import type { JobContext } from "./job-context.ts";
import { deduplicateChunks } from "./processors/corpus-deduplicate.processor.ts";
import { parseDocuments } from "./processors/corpus-parse-documents.processor.ts";
import { extractKnowledgeChunks } from "./processors/knowledge-extract-chunks.processor.ts";
import { finalizeKnowledge } from "./processors/knowledge-finalize.processor.ts";
import { recomputeProjectStats } from "./processors/project-recompute-stats.processor.ts";

type Processors = { [K in TJobKind]: (ctx: JobContext<TJobPayload<K>>) => Promise<unknown> };

export const processors: Processors = {
  "project.recomputeStats": recomputeProjectStats,
  "corpus.parseDocuments": parseDocuments,
  "corpus.deduplicate": deduplicateChunks,
  "knowledge.extractChunks": extractKnowledgeChunks,
  "knowledge.finalize": finalizeKnowledge,
};
